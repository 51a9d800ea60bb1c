import { validateAtlas, validateValueFile, type CompiledValidator } from './generated/validators.js';
import { crossCheckManifest, crossCheckValueBlocks, unrenderableBookmarks } from './cross-checks.js';
import { ContractError, type ContractIssue } from './issues.js';
import { schemaIssues, unknownPropertyPath } from './schema-issues.js';
import type { AtlasManifest, ValueBlock, ValueFile } from './types.js';
import { ignoredPropertiesNote, isNewerMinor, isUnknownProperty, otherMajorIssue } from './version.js';

export interface ValidationOptions {
  /**
   * Receives the one note per document of a newer minor contract version that names the
   * properties this library does not know and ignored. Default: `console.warn`.
   */
  note?: (message: string) => void;
}

interface SchemaCheck {
  issues: ContractIssue[];
  /** JSON paths of unknown properties ignored because the document is of a newer minor version. */
  ignored: string[];
}

/**
 * The schema's verdict as this reader's version rule has it: a document of another major
 * version gets one issue; in one of a newer minor version, unknown properties are ignored.
 */
function schemaCheck(validator: CompiledValidator, document: unknown, file: string): SchemaCheck {
  const otherMajor = otherMajorIssue(document, file);
  if (otherMajor) return { issues: [otherMajor], ignored: [] };
  if (validator(document)) return { issues: [], ignored: [] };
  let errors = validator.errors ?? [];
  const ignored: string[] = [];
  if (isNewerMinor(document)) {
    for (const error of errors.filter(isUnknownProperty)) ignored.push(unknownPropertyPath(error, document));
    errors = errors.filter((error) => !isUnknownProperty(error));
  }
  return { issues: errors.length ? schemaIssues(errors, document, file) : [], ignored };
}

function noteIgnored(check: SchemaCheck, document: unknown, file: string, options: ValidationOptions): void {
  if (check.ignored.length && !check.issues.length) (options.note ?? console.warn)(ignoredPropertiesNote(document, file, check.ignored));
}

/**
 * Lists every problem of a manifest: schema first; cross-checks only once the shape is right.
 * Unknown properties of a manifest of a newer minor version are no problem (they are ignored).
 */
export function manifestIssues(document: unknown, file: string): ContractIssue[] {
  return manifestCheck(document, file).issues;
}

function manifestCheck(document: unknown, file: string): SchemaCheck {
  const check = schemaCheck(validateAtlas, document, file);
  return check.issues.length ? check : { ...check, issues: crossCheckManifest(document as AtlasManifest, file) };
}

/**
 * Returns the document as a manifest, or throws a ContractError listing every problem. A
 * manifest of a newer minor version with properties this library does not know is read without
 * them, with one note naming them.
 */
export function validateManifest(document: unknown, file: string, options: ValidationOptions = {}): AtlasManifest {
  const check = manifestCheck(document, file);
  if (check.issues.length) throw new ContractError(file, check.issues);
  noteIgnored(check, document, file, options);
  return document as AtlasManifest;
}

/** Validates a separate value file against its schema and the manifest it belongs to. */
export function validateValueFileDocument(document: unknown, atlas: AtlasManifest, file: string, options: ValidationOptions = {}): ValueBlock[] {
  const check = schemaCheck(validateValueFile, document, file);
  if (!check.issues.length) check.issues = crossCheckValueBlocks(atlas, (document as ValueFile).values, file);
  if (check.issues.length) throw new ContractError(file, check.issues);
  noteIgnored(check, document, file, options);
  return (document as ValueFile).values;
}

/**
 * Bookmarks about an unknown indicator, or an unpublished one in a public build. The elements
 * ignore them (with a console warning); `keck-atlas validate` reports them as errors.
 */
export function unrenderableBookmarkIssues(atlas: AtlasManifest, file: string): ContractIssue[] {
  return [...unrenderableBookmarks(atlas, file).values()].flat();
}
