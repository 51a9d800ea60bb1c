import type { Value } from '../../../src/contract/types.js';
import type { Cell } from './table.js';

/** Cell texts that mean "suppressed" ("keine Angabe"): shown as "k. A.", never as a number. */
export const SUPPRESSED_MARKS = ['k. a.', 'k.a.', '*', '.'];
/** Cell texts that mean "no data": missing, never 0. */
export const MISSING_MARKS = ['', '–', '-', '—', 'n. v.', 'n.v.'];

const GERMAN = /^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/;
const ENGLISH = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

/** Units that mean the same; a cell may carry its indicator's unit in any of these spellings. */
const UNIT_FAMILIES = [
  ['%', 'prozent', 'v. h.', 'v.h.', 'vh'],
  ['‰', 'promille'],
  ['€', 'eur', 'euro'],
  ['personen', 'pers.', 'pers', 'einwohner', 'einw.'],
];

/** A cell read as a contract value, or why it cannot be read. */
export type CellReading = { value: Value } | { problem: string };

/**
 * Reads one indicator cell as a contract value: a number, `null` (missing) or
 * `{suppressed: true}`. A number may carry the indicator's unit ("7,7 %", "1.583 Personen").
 */
export function readCellValue(cell: Cell, format: 'de' | 'en', unit = ''): CellReading {
  if (cell === null) return { value: null };
  if (typeof cell === 'number') return Number.isFinite(cell) ? { value: cell } : { problem: `expected a number, found ${cell}` };
  const lower = cell.trim().toLowerCase();
  if (SUPPRESSED_MARKS.includes(lower)) return { value: { suppressed: true } };
  if (MISSING_MARKS.includes(lower)) return { value: null };
  const { number, unit: written } = splitUnit(cell);
  if (written !== '' && !sameUnit(written, unit)) {
    return { problem: `the cell "${cell}" gives the unit "${written}", but the indicator's unit in the metadata table is ${unit ? `"${unit}"` : 'empty'}; write the number alone or correct the unit` };
  }
  const value = parseNumber(number, format);
  return value === undefined ? { problem: expectedNumber(format, cell) } : { value };
}

export function expectedNumber(format: 'de' | 'en', found: string): string {
  return `expected a number (${format === 'de' ? 'German format, e.g. 1.583 or 16,15' : 'English format, e.g. 1,583 or 16.15'}), "–", "-" or empty for missing, "k. A.", "*" or "." for suppressed; found "${found}"`;
}

/** "7,7 %" → {number: "7,7", unit: "%"}; spaces inside the number ("1 583") go. */
export function splitUnit(text: string): { number: string; unit: string } {
  const compact = text.replace(/\u2212/g, '-').trim();
  const match = /^([+-]?[\d.,\s\u00a0\u202f]*\d)\s*(\D.*)?$/.exec(compact);
  if (!match) return { number: compact.replace(/[\s\u00a0\u202f]/g, ''), unit: '' };
  return { number: match[1].replace(/[\s\u00a0\u202f]/g, ''), unit: (match[2] ?? '').trim() };
}

function sameUnit(written: string, unit: string): boolean {
  const a = written.toLowerCase();
  const b = unit.trim().toLowerCase();
  if (a === b) return true;
  return UNIT_FAMILIES.some((family) => family.includes(a) && family.includes(b));
}

/** Parses "1.583", "16,15" (German) or "1,583", "16.15" (English); `undefined` when it is no number. */
export function parseNumber(text: string, format: 'de' | 'en'): number | undefined {
  if (format === 'de') {
    if (!GERMAN.test(text)) return undefined;
    return Number(text.replace(/\./g, '').replace(',', '.'));
  }
  if (!ENGLISH.test(text)) return undefined;
  return Number(text.replace(/,/g, ''));
}

/**
 * "1.096" in an English table, "1,096" in a German one: the format's decimal mark with exactly three
 * digits after one to three digits (not starting with 0) reads as a decimal here, but as a whole
 * number with a thousands separator in the other format.
 */
export function ambiguousThousands(number: string, format: 'de' | 'en'): boolean {
  return (format === 'en' ? /^[+-]?[1-9]\d{0,2}\.\d{3}$/ : /^[+-]?[1-9]\d{0,2},\d{3}$/).test(number);
}

/** A number whose decimal part shows the format's decimal mark beyond doubt ("16.15", "0.5", "1,234.5" in English). */
export function provesDecimalMark(number: string, format: 'de' | 'en'): boolean {
  const [, fraction] = format === 'en' ? /^[+-]?[\d,]*\d\.(\d+)$/.exec(number) ?? [] : /^[+-]?[\d.]*\d,(\d+)$/.exec(number) ?? [];
  if (fraction === undefined) return false;
  return fraction.length !== 3 || !ambiguousThousands(number, format);
}
