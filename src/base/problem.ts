import type { ContractIssue } from '../contract/issues.js';
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
  /** Each place in a file that is wrong (file, place, expected, found). */
  issues?: ContractIssue[];
  /** An alert (something is wrong) or a note (nothing chosen yet); notes fire no `keck-error`. */
  severity?: 'error' | 'note';
}

/** Identity of a problem: a `keck-error` is fired once per new identity. */
export const problemKey = (problem: Problem | undefined): string => (problem ? `${problem.code}\n${problem.message}` : '');

const LABELS = {
  de: { file: 'Datei', place: 'Stelle', expected: 'erwartet', found: 'gefunden' },
  en: { file: 'file', place: 'place', expected: 'expected', found: 'found' },
} as const;

// The phrases of the loader's failures; other details of a contract check stay as the validator words them.
const LOAD_PHRASES_DE: [RegExp, string][] = [
  [/ \(2 attempts\)$/, ' (2 Versuche)'],
  [/^HTTP 200$/, 'HTTP 200 (die Datei)'],
  [/^HTTP 206 \(a byte range\)$/, 'HTTP 206 (ein Byte-Bereich)'],
  [/^a reachable file$/, 'eine erreichbare Datei'],
  [/^a complete file$/, 'eine vollständige Datei'],
  [/^an answer from the server$/, 'eine Antwort des Servers'],
  [/^no answer within (\d+) s/, 'keine Antwort innerhalb von $1 s'],
  [/^a network error \((.*)\)/, 'einen Netzwerkfehler ($1)'],
  [/^a connection that broke off \((.*)\)/, 'eine abgebrochene Verbindung ($1)'],
  [/^a file of at most (\d+) bytes$/, 'eine Datei von höchstens $1 Bytes'],
  [/^a larger file$/, 'eine größere Datei'],
  [/^well-formed JSON$/, 'wohlgeformtes JSON'],
  [/^malformed JSON \((.*)\)$/, 'fehlerhaftes JSON ($1)'],
];

/** An issue's expected/found phrase in the element's language, where the library words it itself. */
export function localizePhrase(phrase: string, locale: Locale): string {
  if (uiLocale(locale) === 'en') return phrase;
  return LOAD_PHRASES_DE.reduce((text, [pattern, german]) => text.replace(pattern, german), phrase);
}

/** One issue as a line in the element's language: `Datei: … · Stelle: … · erwartet: … · gefunden: …`. */
export function describeIssue(issue: ContractIssue, locale: Locale): string {
  const label = LABELS[uiLocale(locale)];
  return [
    `${label.file}: ${issue.file}`,
    issue.path && issue.path !== '$' ? `${label.place}: ${issue.path}` : '',
    `${label.expected}: ${localizePhrase(issue.expected, locale)}`,
    `${label.found}: ${localizePhrase(issue.found, locale)}`,
  ]
    .filter(Boolean)
    .join(' · ');
}
