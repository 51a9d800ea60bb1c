/** One problem found in a contract file: where it is, what was expected, what was found. */
export interface ContractIssue {
  /** The file (URL or name) the problem is in. */
  file: string;
  /** JSON path in the document, e.g. `$.indicators[2].decimals`; `$` for the whole document. */
  path: string;
  /** What the contract expects at that place. */
  expected: string;
  /** What the document holds there. */
  found: string;
}

export function formatIssue(issue: ContractIssue): string {
  return `${issue.file}: ${issue.path}: expected ${issue.expected}, found ${issue.found}`;
}

/** A contract file that cannot be used; `issues` lists every problem found at once. */
export class ContractError extends Error {
  override name = 'ContractError';
  constructor(
    readonly file: string,
    readonly issues: ContractIssue[],
  ) {
    super(
      issues.length === 1
        ? formatIssue(issues[0])
        : `${file}: ${issues.length} problems:\n${issues.map((issue) => `- ${formatIssue(issue)}`).join('\n')}`,
    );
  }
}

/**
 * Converts a JSON pointer (`/indicators/2/decimals`) to a readable path (`$.indicators[2].decimals`).
 * With the document, object keys that look like numbers (area keys) are quoted: `values["101"]`.
 */
export function pointerToPath(pointer: string, document?: unknown): string {
  let path = '$';
  let current = document;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const isIndex = document === undefined ? /^(0|[1-9]\d*)$/.test(segment) : Array.isArray(current);
    if (isIndex) path += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) path += `.${segment}`;
    else path += `[${JSON.stringify(segment)}]`;
    current = current !== null && typeof current === 'object' ? (current as Record<string, unknown>)[segment] : undefined;
  }
  return path;
}

/** A short description of a JSON value for messages ("the string \"zwei\"", "null"). */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') {
    const keys = Object.keys(value as object);
    return keys.length ? `an object with ${keys.slice(0, 4).join(', ')}${keys.length > 4 ? ', …' : ''}` : 'an empty object';
  }
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return `the string ${JSON.stringify(shown)}`;
  }
  return `${typeof value === 'number' ? 'the number' : typeof value} ${String(value)}`;
}
