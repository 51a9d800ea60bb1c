import type { ContractIssue } from '../contract/issues.js';
import { localizeIssuePlace, localizeIssueText } from '../contract/issue-texts.js';
import { uiLocale } from '../contract/localize.js';
import type { Locale } from '../contract/types.js';

/**
 * Something that keeps an element from showing what it was asked to: an attribute the atlas
 * cannot answer, a file that cannot be loaded or read. Every element renders it the same way
 * and fires one `keck-error` per new problem; it goes away when its cause is fixed.
 */
export interface Problem {
  /** Stable id of the kind of problem (`unknown-indicator`, `load-failed` …), for scripts. */
  code: string;
  /** The readable message, in the element's language. */
  message: string;
  /** What it is about, in no language (the attribute's value, the file's issues): with `code`, the problem's identity. */
  detail?: string;
  /** Each place in a file that is wrong (file, place, expected, found). */
  issues?: ContractIssue[];
  /** An alert (something is wrong) or a note (nothing chosen yet); notes fire no `keck-error`. */
  severity?: 'error' | 'note';
}

/** Identity of a problem, the same in every language: a `keck-error` is fired once per new identity. */
export const problemKey = (problem: Problem | undefined): string => (problem ? `${problem.code}\n${problem.detail ?? problem.message}` : '');

const LABELS = {
  de: { expected: 'erwartet', found: 'gefunden' },
  en: { expected: 'expected', found: 'found' },
} as const;

/** One issue as a line in the element's language, shaped like the CLI's: `file: place: erwartet …, gefunden …`. */
export function describeIssue(issue: ContractIssue, locale: Locale): string {
  const label = LABELS[uiLocale(locale)];
  const place = localizeIssuePlace(issue.path, locale);
  return `${issue.file}: ${place}: ${label.expected} ${localizeIssueText(issue.expected, locale)}, ${label.found} ${localizeIssueText(issue.found, locale)}`;
}
