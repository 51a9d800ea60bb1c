import type { ErrorObject } from 'ajv';
import type { ContractIssue } from './issues.js';
import { CONTRACT_VERSION } from './types.js';

const [READER_MAJOR, READER_MINOR] = CONTRACT_VERSION.split('.').map(Number);

/** Unknown properties named at most in the note; the rest are counted. */
const NAMED_IN_NOTE = 5;

interface ContractVersion {
  major: number;
  minor: number;
}

/** The version a document declares in `contract`, when it is "MAJOR.MINOR". */
function declaredVersion(document: unknown): ContractVersion | undefined {
  const contract = document !== null && typeof document === 'object' ? (document as { contract?: unknown }).contract : undefined;
  const match = typeof contract === 'string' ? /^(0|[1-9]\d*)\.(0|[1-9]\d*)$/.exec(contract) : null;
  return match ? { major: Number(match[1]), minor: Number(match[2]) } : undefined;
}

/** The one issue of a document of a major version this library does not read, if it is one. */
export function otherMajorIssue(document: unknown, file: string): ContractIssue | undefined {
  const version = declaredVersion(document);
  if (!version || version.major === READER_MAJOR) return undefined;
  const declared = `${version.major}.${version.minor}`;
  const reason =
    version.major > READER_MAJOR
      ? `this atlas uses contract ${declared}; this library reads ${READER_MAJOR}.x — update keck-atlas`
      : `this atlas uses contract ${declared}, which this library (contract ${READER_MAJOR}.x) does not read`;
  return { file, path: '$.contract', expected: `contract ${READER_MAJOR}.x`, found: `contract ${declared}: ${reason}` };
}

/**
 * Whether the document declares a minor version newer than this library's: then its unknown
 * properties are properties of that version, ignored with a note; up to this library's minor
 * they are errors (typos).
 */
export function isNewerMinor(document: unknown): boolean {
  const version = declaredVersion(document);
  return version !== undefined && version.major === READER_MAJOR && version.minor > READER_MINOR;
}

/** Schema errors that are about an unknown property. */
export function isUnknownProperty(error: ErrorObject): boolean {
  return error.keyword === 'additionalProperties';
}

/** The one note about the unknown properties a reader ignored in a document of a newer minor version. */
export function ignoredPropertiesNote(document: unknown, file: string, paths: string[]): string {
  const declared = (document as { contract: string }).contract;
  const named = paths.slice(0, NAMED_IN_NOTE).join(', ') + (paths.length > NAMED_IN_NOTE ? ` and ${paths.length - NAMED_IN_NOTE} more` : '');
  const count = paths.length === 1 ? '1 property' : `${paths.length} properties`;
  return `keck-atlas: ${file} uses contract ${declared}, newer than this library's ${CONTRACT_VERSION}: ${count} it does not know ignored (${named}); update keck-atlas to use them.`;
}
