import type { ErrorObject } from 'ajv';
import { describeValue, pointerToPath, type ContractIssue } from './issues.js';

const ONE_OF_EXPECTATIONS: Record<string, string> = {
  text: 'a non-empty string or an object {"de": "…", "en": "…"}',
  value: 'a number, null (missing) or {"suppressed": true}',
};

function valueAt(document: unknown, pointer: string): unknown {
  let current: unknown = document;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

function expectation(error: ErrorObject): string {
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
      return error.schemaPath.includes('httpUrl') ? 'an http(s) URL' : `text matching ${params.pattern}`;
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
      const def = /\$defs\/(\w+)\/oneOf$/.exec(error.schemaPath)?.[1];
      return (def && ONE_OF_EXPECTATIONS[def]) ?? 'exactly one of the allowed forms';
    }
    default:
      return error.message ?? error.keyword;
  }
}

/** Turns Ajv's errors into issues: one per place, without the noise of failed oneOf branches. */
export function schemaIssues(errors: ErrorObject[], document: unknown, file: string): ContractIssue[] {
  const oneOfFailures = errors.filter((e) => e.keyword === 'oneOf').map((e) => e.schemaPath.replace(/\/oneOf$/, '/oneOf/'));
  const issues: ContractIssue[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (error.keyword === 'if') continue;
    if (error.keyword !== 'oneOf' && oneOfFailures.some((prefix) => error.schemaPath.startsWith(prefix))) continue;
    if (error.keyword === 'additionalProperties') {
      const property = (error.params as { additionalProperty: string }).additionalProperty;
      const pointer = `${error.instancePath}/${property.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      issues.push({ file, path: pointerToPath(pointer, document), expected: 'no unknown property (check the spelling)', found: `the unknown property "${property}"` });
      continue;
    }
    const path = pointerToPath(error.instancePath, document);
    const expected = expectation(error);
    const key = `${path}|${expected}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const found = error.keyword === 'required' ? 'it missing' : describeValue(valueAt(document, error.instancePath));
    issues.push({ file, path, expected, found });
  }
  return issues;
}
