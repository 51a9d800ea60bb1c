import type { Area, Value, ValueBlock } from '../../../src/contract/types.js';
import { ambiguousThousands, provesDecimalMark, readCellValue, splitUnit } from './cell-value.js';
import type { TableConfig } from './config.js';
import { formatDataIssue, IssueList, type DataIssue } from './errors.js';
import type { IndicatorMetadata } from './metadata.js';
import { AreaNames, simpleName } from './names.js';
import { findColumn, normalizeHeader, type Cell, type Table } from './table.js';

export const KEY_HEADERS = ['Schlüssel', 'Schluessel', 'AGS', 'Key', 'Kennziffer', 'Gebietsschlüssel', 'ID'];
export const NAME_HEADERS = ['Gebiet', 'Name', 'Bezeichnung', 'Gemeinde', 'Area'];
const REFERENCE_WORDS = /\b(durchschnitt|summe|gesamt|insgesamt|total|average|mittelwert|zusammen)\b/i;
/** A name for the whole of a district or region ("Landkreis Vechta", "LK Vechta"). */
const WHOLE_AREA = /^(landkreis|kreis|lk|region|regionalverband)\b/i;
/** Messages of one kind that a table reports in full; beyond that, one line counts the rest. */
const MESSAGES_PER_KIND = 10;

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
  /** The table's name for each area it has a row for. */
  names: Map<string, string>;
  /** What the build should say but that does not stop it, as complete sentences with file and place. */
  warnings: string[];
}

/** The reference area as the tables may name it. */
export interface ReferenceNames {
  key?: string;
  names: string[];
}

type ColumnEntry = { at: number; entry: IndicatorMetadata };

/**
 * Reads an indicator table of one level and year into value blocks. Keys that lost their
 * leading zeros (Excel) are matched to the areas' keys; the reference row (a label like
 * "Durchschnitt"/"Summe"/"Gesamt" or the reference's name in the key or name column, or the
 * reference key) gives each block's reference. Each row's name is compared with the boundaries'.
 */
export function parseIndicatorTable(
  table: Table,
  config: TableConfig,
  areas: Area[],
  metadata: IndicatorMetadata[],
  reference: ReferenceNames,
): IndicatorTableResult {
  const issues = new IssueList();
  const nameWarnings = new Capped<string>();
  const countWarnings = new Capped<string>();
  const emptyColumns: string[] = [];
  const keyAt = findColumn(table, config.keyColumn ? [config.keyColumn] : KEY_HEADERS);
  const nameAt = findColumn(table, config.nameColumn ? [config.nameColumn] : NAME_HEADERS);
  if (keyAt < 0) {
    issues.add({ file: table.file, row: 1, message: `no key column: expected a header ${config.keyColumn ? `"${config.keyColumn}"` : `like ${KEY_HEADERS.map((h) => `"${h}"`).join(', ')}`} (set "keyColumn" in the table's config), found ${table.header.map((h) => `"${h}"`).join(', ')}` });
    issues.throwIfAny();
  }

  const byColumn = new Map(metadata.map((entry) => [normalizeHeader(entry.column), entry]));
  const ignored = new Set((config.ignoreColumns ?? []).map(normalizeHeader));
  const columns: ColumnEntry[] = [];
  table.header.forEach((header, at) => {
    if (at === keyAt || at === nameAt || ignored.has(normalizeHeader(header))) return;
    const entry = byColumn.get(normalizeHeader(header));
    if (entry) columns.push({ at, entry });
    else issues.add({ file: table.file, row: 1, column: header || `#${at + 1}`, message: 'unknown column: no row of the indicator metadata table has this "column"; add one, or list it in the table\'s "ignoreColumns"' });
  });
  if (table.rows.length === 0) issues.add({ file: table.file, row: 1, message: 'the table has a header but no data rows; an atlas of it would show every area as missing' });
  else if (columns.length === 0 && issues.issues.length === 0) issues.add({ file: table.file, row: 1, message: `no indicator column: besides key${nameAt >= 0 ? ' and name' : ''} the table has ${table.header.length > (nameAt >= 0 ? 2 : 1) ? 'only ignored columns' : 'no columns'}` });
  issues.throwIfAny();

  const areaKeys = keyMatcher(areas);
  const areaNames = new AreaNames(areas);
  const referenceKey = reference.key === undefined ? undefined : stripZeros(reference.key);
  const referenceNames = new Set(reference.names.map(simpleName));
  const isReferenceLabel = (text: string) => REFERENCE_WORDS.test(text) || WHOLE_AREA.test(text.trim()) || referenceNames.has(simpleName(text));
  const howToMarkReference = `mark the reference row by "Durchschnitt", "Summe", "Gesamt" or "Insgesamt" (or the reference name "${reference.names[0] ?? ''}") in its key or name column${reference.key ? `, or give it the reference key "${reference.key}"` : ''}`;
  const values = columns.map(() => new Map<string, Value>());
  const referenceValues: (Value | undefined)[] = columns.map(() => undefined);
  const firstRow = new Map<string, number>();
  const names = new Map<string, string>();
  const unmatched: UnmatchedRow[] = [];
  const shifted = new Capped<DataIssue>();
  let referenceRow: number | undefined;

  for (const { row, cells } of table.rows) {
    const rawKey = keyText(cells[keyAt]);
    const name = nameAt >= 0 ? keyText(cells[nameAt]) : undefined;
    const place = { file: table.file, row, column: table.header[keyAt] };
    let key: string | undefined;
    if (rawKey === undefined) {
      if (name === undefined || !isReferenceLabel(name)) {
        const [area] = name === undefined ? [] : areaNames.areasNamed(name);
        issues.add({
          ...place,
          message: area
            ? `a row without key ("${name}"); "${name}" is area ${area.key} of the boundaries: fill in its key`
            : `a row without key${name ? ` ("${name}")` : ''}; only the reference row may have none: ${howToMarkReference}`,
        });
        continue;
      }
    } else if (referenceKey !== undefined && stripZeros(rawKey) === referenceKey && areaKeys(rawKey) !== undefined) {
      const area = areaKeys(rawKey)!;
      issues.add({
        ...place,
        message: `key "${rawKey}" is the reference key (atlas.reference.key) and also the key of area ${area} ("${areaNames.nameOf(area)}") of level "${config.level}", so the row would be read as the reference and the area would lose its value; in a table of a level with an area of that key, give the reference its own row without key, marked by "Durchschnitt", "Summe", "Gesamt" or "Insgesamt" in the name column (or leave it out)`,
      });
      continue;
    } else if (!(referenceKey !== undefined && stripZeros(rawKey) === referenceKey)) {
      key = areaKeys(rawKey);
      if (key === undefined && !isReferenceLabel(rawKey)) {
        unmatched.push({ row, key: rawKey, name });
        continue;
      }
    }

    if (key === undefined) {
      if (referenceRow !== undefined) {
        issues.add({ ...place, message: `a second reference row (the first is row ${referenceRow})` });
        continue;
      }
      referenceRow = row;
    } else {
      if (firstRow.has(key)) {
        issues.add({ ...place, message: `duplicate key "${rawKey}" (area ${key}, first in row ${firstRow.get(key)})` });
        continue;
      }
      firstRow.set(key, row);
      if (name !== undefined) {
        names.set(key, name);
        const comparison = areaNames.compare(key, name);
        const named = { file: table.file, row, column: table.header[nameAt] };
        if (comparison.kind === 'other') {
          const others = comparison.others.map((area) => area.key).join(', ');
          shifted.add({ ...named, message: `names "${name}", but key ${rawKey} is "${comparison.own}" in the boundaries; "${name}" is ${others} — are the rows shifted?` });
        } else if (comparison.kind === 'different') {
          nameWarnings.add(formatDataIssue({ ...named, message: `names "${name}", but the boundaries call area ${key} "${comparison.own}"` }));
        }
      }
    }
    columns.forEach(({ at, entry }, i) => {
      const cell: Cell = cells[at] ?? null;
      const reading = readCellValue(cell, table.numberFormat, entry.indicator.unit);
      const cellPlace = { file: table.file, row, column: table.header[at] };
      if ('problem' in reading) {
        issues.add({ ...cellPlace, message: reading.problem });
        return;
      }
      const value = reading.value;
      if (entry.indicator.kind === 'count' && typeof value === 'number') {
        // A change between years (change_of) may fall; a count itself never.
        if (value < 0 && !entry.indicator.changeOf) issues.add({ ...cellPlace, message: `a count cannot be negative; found "${cell}"` });
        else if (!Number.isInteger(value)) countWarnings.add(formatDataIssue({ ...cellPlace, message: `a count that is no whole number: ${value}${typeof cell === 'string' ? ` ("${cell}")` : ''}; counts of people should be whole numbers — is it a computed value (an Excel formula) or the wrong column?` }));
      }
      if (key === undefined) referenceValues[i] = value;
      else values[i].set(key, value);
    });
  }
  shifted.all((more) => ({ file: table.file, message: `and ${more} more rows whose names belong to other areas` })).forEach((issue) => issues.add(issue));
  checkThousands(table, columns, issues);

  const rowsWithValues = firstRow.size + (referenceRow === undefined ? 0 : 1);
  if (rowsWithValues > 0 && columns.every((_, i) => [...values[i].values(), referenceValues[i]].every((value) => value === null || value === undefined))) {
    issues.add({ file: table.file, message: `every indicator column (${columns.map(({ at }) => `"${table.header[at]}"`).join(', ')}) is empty in every row; an atlas of it would show every area as missing` });
  } else if (firstRow.size === 0 && unmatched.length > 0) {
    issues.add({ file: table.file, column: table.header[keyAt], message: `no key matches an area of level "${config.level}" (e.g. "${unmatched[0].key}" in row ${unmatched[0].row}); is this the table of level "${config.level}", and is "${table.header[keyAt]}" the key column?` });
  } else {
    columns.forEach(({ at }, i) => {
      if (firstRow.size > 0 && [...values[i].values()].every((value) => value === null)) emptyColumns.push(formatDataIssue({ file: table.file, column: table.header[at], message: 'the column is empty in every area row; every area will show as missing' }));
    });
  }
  issues.throwIfAny();

  const blocks = columns.map(({ entry }, i): ValueBlock => {
    const block: ValueBlock = { indicator: entry.indicator.id, level: config.level, year: config.year, values: Object.fromEntries(values[i]) };
    if (referenceValues[i] !== undefined) block.reference = referenceValues[i];
    return block;
  });
  const warnings = [
    ...table.warnings,
    ...emptyColumns,
    ...nameWarnings.all((more) => `${table.file}: and ${more} more rows whose names differ from the boundaries'`),
    ...countWarnings.all((more) => `${table.file}: and ${more} more counts that are no whole numbers`),
  ];
  return { blocks, matched: new Set(firstRow.keys()), unmatched, referenceRow, names, warnings };
}

/**
 * A table whose number format was guessed (not set by "numberFormat") must not read a possible
 * thousands separator as a decimal mark: "1.096" in an English table is an error in a count
 * column, and in any column where no other cell shows the decimal mark beyond doubt ("16.15").
 */
function checkThousands(table: Table, columns: ColumnEntry[], issues: IssueList): void {
  if (table.numberFormatDeclared) return;
  const format = table.numberFormat;
  for (const { at, entry } of columns) {
    const texts = table.rows.flatMap(({ row, cells }) => (typeof cells[at] === 'string' ? [{ row, text: cells[at] as string, number: splitUnit(cells[at] as string).number }] : []));
    const ambiguous = texts.filter(({ number }) => ambiguousThousands(number, format));
    if (ambiguous.length === 0) continue;
    if (entry.indicator.kind !== 'count' && texts.some(({ number }) => provesDecimalMark(number, format))) continue;
    for (const { row, text, number } of ambiguous) {
      const whole = number.replace(/[.,]/, '');
      const [decimal, thousands] = format === 'en' ? ['English decimal point', 'German thousands separator'] : ['German decimal comma', 'English thousands separator'];
      issues.add({
        file: table.file,
        row,
        column: table.header[at],
        message: `"${text}" could be ${Number(whole)} (${thousands}) or ${Number(number.replace(',', '.'))} (${decimal}); the table's number format was guessed as ${format === 'en' ? 'English from its "," delimiter' : 'German'}${entry.indicator.kind === 'count' ? ', and a count has no decimals' : ''}: set "numberFormat": "de" or "en" for this table in the config`,
      });
    }
  }
}

/** Keeps messages of one kind up to a limit and counts the rest, so that a shifted national table does not print 11,000 lines. */
class Capped<T> {
  readonly items: T[] = [];
  more = 0;
  add(item: T): void {
    if (this.items.length < MESSAGES_PER_KIND) this.items.push(item);
    else this.more++;
  }
  /** The items, and a last line that counts the rest. */
  all(rest: (more: number) => T): T[] {
    return this.more ? [...this.items, rest(this.more)] : this.items;
  }
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
