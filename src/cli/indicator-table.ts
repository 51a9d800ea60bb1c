import type { Area, Value, ValueBlock } from '../contract/types.js';
import { parseCellValue } from './cell-value.js';
import type { TableConfig } from './config.js';
import { IssueList } from './errors.js';
import type { IndicatorMetadata } from './metadata.js';
import { findColumn, normalizeHeader, type Cell, type Table } from './table.js';

export const KEY_HEADERS = ['Schlüssel', 'Schluessel', 'AGS', 'Key', 'Kennziffer', 'Gebietsschlüssel', 'ID'];
export const NAME_HEADERS = ['Gebiet', 'Name', 'Bezeichnung', 'Gemeinde', 'Area'];
const REFERENCE_WORDS = /\b(durchschnitt|summe|gesamt|insgesamt|total|average|mittelwert)\b/i;

/** A row whose key matched no area of the level. */
export interface UnmatchedRow {
  row: number;
  key: string;
  name?: string;
}

export interface IndicatorTableResult {
  /** One block per indicator column. */
  blocks: ValueBlock[];
  /** Keys of the areas that have a row. */
  matched: Set<string>;
  unmatched: UnmatchedRow[];
  /** The 1-based row of the reference row, if there is one. */
  referenceRow?: number;
}

/** The reference area as the tables may name it. */
export interface ReferenceNames {
  key?: string;
  names: string[];
}

/**
 * Reads an indicator table of one level and year into value blocks. Keys that lost their
 * leading zeros (Excel) are matched to the areas' keys; the reference row (no key and a name
 * like "Durchschnitt"/"Summe"/"Gesamt", or the reference key) gives each block's reference.
 */
export function parseIndicatorTable(
  table: Table,
  config: TableConfig,
  areas: Area[],
  metadata: IndicatorMetadata[],
  reference: ReferenceNames,
): IndicatorTableResult {
  const issues = new IssueList();
  const keyAt = findColumn(table, config.keyColumn ? [config.keyColumn] : KEY_HEADERS);
  const nameAt = findColumn(table, config.nameColumn ? [config.nameColumn] : NAME_HEADERS);
  if (keyAt < 0) {
    issues.add({ file: table.file, row: 1, message: `no key column: expected a header ${config.keyColumn ? `"${config.keyColumn}"` : `like ${KEY_HEADERS.map((h) => `"${h}"`).join(', ')}`} (set "keyColumn" in the table's config), found ${table.header.map((h) => `"${h}"`).join(', ')}` });
    issues.throwIfAny();
  }

  const byColumn = new Map(metadata.map((entry) => [normalizeHeader(entry.column), entry]));
  const ignored = new Set((config.ignoreColumns ?? []).map(normalizeHeader));
  const columns: { at: number; entry: IndicatorMetadata }[] = [];
  table.header.forEach((header, at) => {
    if (at === keyAt || at === nameAt || ignored.has(normalizeHeader(header))) return;
    const entry = byColumn.get(normalizeHeader(header));
    if (entry) columns.push({ at, entry });
    else issues.add({ file: table.file, row: 1, column: header || `#${at + 1}`, message: 'unknown column: no row of the indicator metadata table has this "column"; add one, or list it in the table\'s "ignoreColumns"' });
  });

  const areaKeys = keyMatcher(areas);
  const referenceKey = reference.key === undefined ? undefined : stripZeros(reference.key);
  const referenceNames = reference.names.map((name) => name.toLowerCase());
  const values = columns.map(() => ({}) as Record<string, Value>);
  const referenceValues: (Value | undefined)[] = columns.map(() => undefined);
  const firstRow = new Map<string, number>();
  const matched = new Set<string>();
  const unmatched: UnmatchedRow[] = [];
  let referenceRow: number | undefined;

  for (const { row, cells } of table.rows) {
    const rawKey = keyText(cells[keyAt]);
    const name = nameAt >= 0 && cells[nameAt] !== null && cells[nameAt] !== undefined ? String(cells[nameAt]) : undefined;
    const isReference =
      (rawKey === undefined && name !== undefined && (REFERENCE_WORDS.test(name) || referenceNames.includes(name.toLowerCase()))) ||
      (rawKey !== undefined && referenceKey !== undefined && stripZeros(rawKey) === referenceKey);
    let target: Record<string, Value>[] | 'reference' | undefined;
    let key: string | undefined;
    if (isReference) {
      if (referenceRow !== undefined) issues.add({ file: table.file, row, message: `a second reference row (the first is row ${referenceRow})` });
      referenceRow = row;
      target = 'reference';
    } else if (rawKey === undefined) {
      issues.add({ file: table.file, row, column: table.header[keyAt], message: `a row without key${name ? ` ("${name}")` : ''}; only the reference row (e.g. "Durchschnitt", "Summe", "Gesamt") may have none` });
      continue;
    } else {
      key = areaKeys(rawKey);
      if (key === undefined) {
        unmatched.push({ row, key: rawKey, name });
        continue;
      }
      if (firstRow.has(key)) {
        issues.add({ file: table.file, row, column: table.header[keyAt], message: `duplicate key "${rawKey}" (area ${key}, first in row ${firstRow.get(key)})` });
        continue;
      }
      firstRow.set(key, row);
      matched.add(key);
      target = values;
    }
    columns.forEach(({ at }, i) => {
      const cell: Cell = cells[at] ?? null;
      const value = parseCellValue(cell, table.numberFormat);
      if (value === undefined) {
        issues.add({ file: table.file, row, column: table.header[at], message: `expected a number (${table.numberFormat === 'de' ? 'German format, e.g. 1.583 or 16,15' : 'English format, e.g. 1,583 or 16.15'}), "–", "-" or empty for missing, "k. A.", "*" or "." for suppressed; found "${cell}"` });
        return;
      }
      if (target === 'reference') referenceValues[i] = value;
      else values[i][key!] = value;
    });
  }
  issues.throwIfAny();

  const blocks = columns.map(({ entry }, i): ValueBlock => {
    const block: ValueBlock = { indicator: entry.indicator.id, level: config.level, year: config.year, values: values[i] };
    if (referenceValues[i] !== undefined) block.reference = referenceValues[i];
    return block;
  });
  return { blocks, matched, unmatched, referenceRow };
}

function keyText(cell: Cell | undefined): string | undefined {
  if (cell === null || cell === undefined) return undefined;
  const text = typeof cell === 'number' ? String(cell) : cell.trim();
  return text === '' ? undefined : text;
}

function stripZeros(key: string): string {
  return key.replace(/^0+(?=.)/, '');
}

/** Finds the area of a key as written in a table: exactly, or after leading zeros were lost. */
export function keyMatcher(areas: Area[]): (key: string) => string | undefined {
  const exact = new Set(areas.map((area) => area.key));
  const withoutZeros = new Map<string, string | null>();
  for (const area of areas) {
    const stripped = stripZeros(area.key);
    withoutZeros.set(stripped, withoutZeros.has(stripped) ? null : area.key);
  }
  return (key) => (exact.has(key) ? key : (withoutZeros.get(stripZeros(key)) ?? undefined));
}
