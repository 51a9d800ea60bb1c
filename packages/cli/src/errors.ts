/**
 * Where a data problem is: a file, and inside it a row (1-based line or sheet row) and a
 * column of a table, or a key of a JSON file (`atlas.defaults.indicator`, `levels[1].parent`).
 */
export interface DataIssue {
  file: string;
  row?: number;
  column?: string;
  key?: string;
  message: string;
}

export function formatDataIssue(issue: DataIssue): string {
  const place = [issue.file, issue.row !== undefined ? `row ${issue.row}` : '', issue.column !== undefined ? `column "${issue.column}"` : '']
    .filter(Boolean)
    .join(', ');
  return `${place}${issue.key !== undefined ? `: ${issue.key}` : ''}: ${issue.message}`;
}

/** Input data the build cannot use; exit code 1. Lists every problem found at once. */
export class DataError extends Error {
  override name = 'DataError';
  constructor(readonly issues: DataIssue[]) {
    super(issues.map(formatDataIssue).join('\n'));
  }

  static at(file: string, message: string, where: { row?: number; column?: string; key?: string } = {}): DataError {
    return new DataError([{ file, ...where, message }]);
  }
}

/** The command line is wrong (an option, or a path it names); exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
  /** Whether the usage text helps: not when the command is right but a path it names is not. */
  constructor(
    message: string,
    readonly showUsage = true,
  ) {
    super(message);
  }
}

/** Collects issues while reading, and throws them together. */
export class IssueList {
  readonly issues: DataIssue[] = [];
  add(issue: DataIssue): void {
    this.issues.push(issue);
  }
  throwIfAny(): void {
    if (this.issues.length) throw new DataError(this.issues);
  }
  /**
   * Runs one phase of reading; its data errors join the list instead of ending the build, so
   * that later phases still report theirs. Returns undefined when the phase failed.
   */
  async collect<T>(work: () => Promise<T> | T): Promise<T | undefined> {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      error.issues.forEach((issue) => this.add(issue));
      return undefined;
    }
  }
}

/** The message of a failed file-system call, e.g. "EACCES: permission denied". */
export function systemMessage(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  return code ? `${code}: ${message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '')}` : String(message ?? error);
}
