import type { Value } from '../contract/types.js';
import type { Cell } from './table.js';

/** Cell texts that mean "suppressed" ("keine Angabe"): shown as "k. A.", never as a number. */
export const SUPPRESSED_MARKS = ['k. a.', 'k.a.', '*', '.'];
/** Cell texts that mean "no data": missing, never 0. */
export const MISSING_MARKS = ['', '–', '-', '—', 'n. v.', 'n.v.'];

const GERMAN = /^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/;
const ENGLISH = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

/**
 * Reads one indicator cell as a contract value: a number, `null` (missing) or
 * `{suppressed: true}`. Returns `undefined` for text that is none of these.
 */
export function parseCellValue(cell: Cell, format: 'de' | 'en'): Value | undefined {
  if (cell === null) return null;
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : undefined;
  const text = cell.replace(/[\s\u00a0\u202f]/g, '').replace(/%$/, '').replace(/\u2212/g, '-');
  const lower = cell.trim().toLowerCase();
  if (SUPPRESSED_MARKS.includes(lower)) return { suppressed: true };
  if (MISSING_MARKS.includes(lower)) return null;
  return parseNumber(text, format);
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
