import { formatNumber } from '../core/format.js';
import { uiLocale } from '../contract/localize.js';
import type { Locale } from '../contract/types.js';
import type { ValueState } from '../core/view.js';

/** One value column of an exported table. */
export interface ExportColumn {
  /** Header text, e.g. `Anteil unter 15-Jährige (%)`. */
  header: string;
  unit: string;
  decimals: number;
}

/** One exported cell: the number, or the core's text for a suppressed (`k. A.`) or missing (`–`) value. */
export interface ExportCell {
  state: ValueState;
  /** Set only when `state` is `number`. */
  value: number | null;
  /** The core's display text; exports use it for suppressed and missing cells. */
  text: string;
}

export interface ExportRow {
  key: string;
  name: string;
  cells: ExportCell[];
}

/** A table of areas x indicators as the exports write it: header, the reference row first, then the areas. */
export interface ExportTable {
  locale: Locale;
  keyHeader: string;
  nameHeader: string;
  columns: ExportColumn[];
  reference: ExportRow;
  rows: ExportRow[];
}

const BOM = '\ufeff';

/** The CSV dialect of a locale: German Excel reads `;` with decimal comma, English `,` with point. */
export function csvDialect(locale: Locale): { separator: string; decimal: string } {
  return uiLocale(locale) === 'de' ? { separator: ';', decimal: ',' } : { separator: ',', decimal: '.' };
}

/** A plain number for machine reading: the indicator's decimals, no grouping, the dialect's decimal mark. */
function csvNumber(value: number, decimals: number, locale: Locale): string {
  return formatNumber(value, decimals, locale, { grouping: false }).replace('\u2212', '-');
}

/** Text from the data is quoted when needed; a leading `=`, `+`, `-`, `@` is defused so spreadsheets never run it as a formula. */
function csvText(text: string, separator: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /["\r\n]/.test(safe) || safe.includes(separator) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvCell(cell: ExportCell, column: ExportColumn, locale: Locale, separator: string): string {
  if (cell.state === 'number' && cell.value !== null) return csvNumber(cell.value, column.decimals, locale);
  return csvText(cell.text, separator);
}

/** The table as CSV text with a byte order mark, so spreadsheet programs read it as UTF-8. */
export function tableToCsv(table: ExportTable): string {
  const { separator } = csvDialect(table.locale);
  const line = (row: ExportRow) =>
    [csvText(row.key, separator), csvText(row.name, separator), ...row.cells.map((cell, i) => csvCell(cell, table.columns[i], table.locale, separator))].join(
      separator,
    );
  const header = [table.keyHeader, table.nameHeader, ...table.columns.map((column) => column.header)].map((text) => csvText(text, separator)).join(separator);
  return BOM + [header, line(table.reference), ...table.rows.map(line)].join('\r\n') + '\r\n';
}

/** The CSV file of a table. */
export function tableToCsvBlob(table: ExportTable): Blob {
  return new Blob([tableToCsv(table)], { type: 'text/csv;charset=utf-8' });
}
