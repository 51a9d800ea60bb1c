import type { ErrorObject } from 'ajv';
import { describeValue, pointerToPath, type ContractIssue } from './issues.js';
import { CONTRACT_VERSION } from './types.js';

const ONE_OF_EXPECTATIONS: Record<string, string> = {
  text: 'a non-empty string or an object of non-empty texts by language tag, e.g. {"de": "…", "en": "…"}',
  value: 'a number, null (missing) or {"suppressed": true}',
};

/** The pattern of the schema's `httpUrl`. */
const HTTP_URL_PATTERN = '^https?://';
/** The pattern of the schema's `contract`. */
const CONTRACT_PATTERN = '^1\\.(0|[1-9][0-9]*)$';

function valueAt(document: unknown, pointer: string): unknown {
  let current: unknown = document;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/**
 * Which of the contract's alternatives a failed `oneOf` is, told by its branches' errors (the
 * validators are compiled without inlining `$ref`s, so the schema path does not name the def).
 */
function oneOfKind(error: ErrorObject, errors: ErrorObject[]): keyof typeof ONE_OF_EXPECTATIONS | undefined {
  const branches = errors.filter((e) => e.instancePath === error.instancePath && e.schemaPath.startsWith(`${error.schemaPath}/`));
  const types = new Set(branches.filter((e) => e.keyword === 'type').map((e) => (e.params as { type?: string }).type));
  if (types.has('null') && types.has('number')) return 'value';
  if (types.has('string') || branches.some((e) => e.keyword === 'minLength')) return 'text';
  return undefined;
}

function expectation(error: ErrorObject, errors: ErrorObject[]): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `the property "${params.missingProperty}"`;
    case 'type':
      return params.type === 'integer' ? 'a whole number' : `a value of type ${params.type}`;
    case 'enum':
      return `one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'const':
      return JSON.stringify(params.allowedValue);
    case 'pattern':
      if (params.pattern === HTTP_URL_PATTERN) return 'an http(s) URL';
      if (params.pattern === CONTRACT_PATTERN) return `a contract version "1.MINOR", e.g. "${CONTRACT_VERSION}"`;
      return `text matching ${params.pattern}`;
    case 'minimum':
    case 'maximum':
      return `a number ${error.keyword === 'minimum' ? '≥' : '≤'} ${params.limit}`;
    case 'minItems':
      return `at least ${params.limit} item(s)`;
    case 'maxItems':
      return `at most ${params.limit} item(s)`;
    case 'minLength':
      return params.limit === 1 ? 'non-empty text' : `text of at least ${params.limit} characters`;
    case 'maxLength':
      return `text of at most ${params.limit} characters`;
    case 'uniqueItems':
      return 'no duplicate items';
    case 'oneOf': {
      const kind = oneOfKind(error, errors);
      return kind ? ONE_OF_EXPECTATIONS[kind] : 'exactly one of the allowed forms';
    }
    default:
      return error.message ?? error.keyword;
  }
}

/** The JSON path of the property an `additionalProperties` error is about: `$.indicators[0].colour`. */
export function unknownPropertyPath(error: ErrorObject, document: unknown): string {
  const property = (error.params as { additionalProperty: string }).additionalProperty;
  return pointerToPath(`${error.instancePath}/${property.replace(/~/g, '~0').replace(/\//g, '~1')}`, document);
}

/** Turns Ajv's errors into issues: one per place, without the noise of failed oneOf branches. */
export function schemaIssues(errors: ErrorObject[], document: unknown, file: string): ContractIssue[] {
  const oneOfFailures = errors.filter((e) => e.keyword === 'oneOf').map((e) => ({ schema: e.schemaPath.replace(/\/oneOf$/, '/oneOf/'), instance: e.instancePath }));
  const isBranchOfFailedOneOf = (error: ErrorObject) =>
    oneOfFailures.some(({ schema, instance }) => error.schemaPath.startsWith(schema) && (error.instancePath === instance || error.instancePath.startsWith(`${instance}/`)));
  const issues: ContractIssue[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (error.keyword === 'if') continue;
    if (error.keyword !== 'oneOf' && isBranchOfFailedOneOf(error)) continue;
    if (error.keyword === 'additionalProperties') {
      const property = (error.params as { additionalProperty: string }).additionalProperty;
      issues.push({ file, path: unknownPropertyPath(error, document), expected: 'no unknown property (check the spelling)', found: `the unknown property "${property}"` });
      continue;
    }
    const path = pointerToPath(error.instancePath, document);
    const expected = expectation(error, errors);
    const key = `${path}|${expected}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const found = error.keyword === 'required' ? 'it missing' : describeValue(valueAt(document, error.instancePath));
    issues.push({ file, path, expected, found });
  }
  return issues;
}
