/** Where a data problem is: a file, and inside it a row (1-based line or sheet row) and a column. */
export interface DataIssue {
  file: string;
  row?: number;
  column?: string;
  message: string;
}

export function formatDataIssue(issue: DataIssue): string {
  const place = [issue.file, issue.row !== undefined ? `row ${issue.row}` : '', issue.column !== undefined ? `column "${issue.column}"` : '']
    .filter(Boolean)
    .join(', ');
  return `${place}: ${issue.message}`;
}

/** Input data the build cannot use; exit code 1. Lists every problem found at once. */
export class DataError extends Error {
  override name = 'DataError';
  constructor(readonly issues: DataIssue[]) {
    super(issues.map(formatDataIssue).join('\n'));
  }

  static at(file: string, message: string, where: { row?: number; column?: string } = {}): DataError {
    return new DataError([{ file, ...where, message }]);
  }
}

/** The command line is wrong; exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
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
}
