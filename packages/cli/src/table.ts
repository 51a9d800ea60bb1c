import { readFile } from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/node';
import { DataError, IssueList } from './errors.js';
import { openWorkbook, rangeBounds, type Workbook, type WorkbookSheet } from './xlsx-inspect.js';

/** A cell as read: text from CSV, text or number from XLSX, `null` when empty. */
export type Cell = string | number | null;

export interface TableRow {
  /** 1-based row in the file (the header is row 1), for messages. */
  row: number;
  cells: Cell[];
}

/** A table as an office keeps it: a header row, then data rows. */
export interface Table {
  file: string;
  header: string[];
  rows: TableRow[];
  /** The number format for text cells: German ("1.583,5") or English ("1,583.5"). */
  numberFormat: 'de' | 'en';
  /** Whether the config set the number format (otherwise it was guessed). */
  numberFormatDeclared: boolean;
  /** What the reader noticed that does not stop the build, as complete sentences. */
  warnings: string[];
}

export interface TableOptions {
  /** XLSX: sheet name or 1-based number (default: the first). */
  sheet?: string | number;
  /** Overrides the detected number format. */
  numberFormat?: 'de' | 'en';
}

/** Reads a CSV (`;`, `,` or tab; UTF-8 or Windows-1252) or XLSX table. */
export async function readTable(file: string, options: TableOptions = {}): Promise<Table> {
  const extension = path.extname(file).toLowerCase();
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw DataError.at(file, `cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (extension === '.xlsx') return readXlsx(file, bytes, options);
  if (extension === '.csv' || extension === '.txt' || extension === '.tsv') return readCsv(file, bytes, options);
  throw DataError.at(file, `expected a table as .csv or .xlsx, found a "${extension || 'file without extension'}"`);
}

/**
 * UTF-8 when the bytes are valid UTF-8, otherwise Windows-1252 (what Excel writes on German
 * Windows). Node's TextDecoder decodes "windows-1252" as Latin-1 ("–" becomes U+0096), hence iconv-lite.
 */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'windows-1252');
  }
}

function readCsv(file: string, bytes: Uint8Array, options: TableOptions): Table {
  const text = decodeText(bytes);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = [';', '\t', ','].reduce((best, candidate) => (count(firstLine, candidate) > count(firstLine, best) ? candidate : best));
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  const fatal = parsed.errors.find((error) => error.type === 'Quotes');
  if (fatal) throw DataError.at(file, `broken CSV: ${fatal.message}`, { row: (fatal.row ?? 0) + 1 });
  const [header = [], ...lines] = parsed.data;
  const rows = lines
    .map((cells, index) => ({ row: index + 2, cells: cells.map((cell) => (cell.trim() === '' ? null : cell.trim())) }))
    .filter((row) => row.cells.some((cell) => cell !== null));
  return { file, header: header.map((name) => name.trim()), rows, numberFormat: options.numberFormat ?? (delimiter === ',' ? 'en' : 'de'), numberFormatDeclared: options.numberFormat !== undefined, warnings: [] };
}

async function readXlsx(file: string, bytes: Buffer, options: TableOptions): Promise<Table> {
  let workbook: Workbook;
  try {
    workbook = openWorkbook(bytes);
  } catch (error) {
    throw DataError.at(file, `cannot read the workbook (${(error as Error).message}); expected an .xlsx as Excel or LibreOffice save it`);
  }
  const warnings: string[] = [];
  const sheet = workbook.sheets.length ? chooseSheet(file, workbook.sheets, options.sheet, warnings) : undefined;
  let data: unknown[][];
  try {
    data = (await readSheet(bytes, sheet?.name ?? options.sheet ?? 1)) as unknown[][];
  } catch (error) {
    throw DataError.at(file, `cannot read the workbook (${(error as Error).message})`);
  }
  if (sheet) checkSheet(file, sheet, workbook, data);
  const toCell = (value: unknown): Cell => {
    if (value === null || value === undefined) return null;
    if (typeof value === 'number') return value;
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    const text = String(value).trim();
    return text === '' ? null : text;
  };
  const [header = [], ...lines] = data;
  const rows = lines.map((cells, index) => ({ row: index + 2, cells: cells.map(toCell) })).filter((row) => row.cells.some((cell) => cell !== null));
  return { file, header: header.map((name) => String(name ?? '').trim()), rows, numberFormat: options.numberFormat ?? 'de', numberFormatDeclared: options.numberFormat !== undefined, warnings };
}

/** The configured sheet, or the first visible one: a hidden first sheet is what an office does not see. */
function chooseSheet(file: string, sheets: WorkbookSheet[], wanted: string | number | undefined, warnings: string[]): WorkbookSheet {
  const list = sheets.map((sheet) => `"${sheet.name}"${sheet.hidden ? ' (hidden)' : ''}`).join(', ');
  if (wanted === undefined) {
    const visible = sheets.find((sheet) => !sheet.hidden);
    if (!visible) throw DataError.at(file, `every sheet of the workbook is hidden (${list}); show the sheet with the table, or set "sheet" in the table's config`);
    if (sheets[0].hidden) warnings.push(`${file}: the first sheet "${sheets[0].name}" is hidden; read the first visible sheet "${visible.name}" (set "sheet" in the table's config to choose another)`);
    return visible;
  }
  const sheet = typeof wanted === 'number' ? sheets[wanted - 1] : (sheets.find((candidate) => candidate.name === wanted) ?? sheets.find((candidate) => normalizeHeader(candidate.name) === normalizeHeader(wanted)));
  if (!sheet) throw DataError.at(file, `"sheet": ${JSON.stringify(wanted)} is no sheet of the workbook; its sheets are ${list}`);
  if (sheet.hidden) warnings.push(`${file}: sheet "${sheet.name}" is hidden in the workbook; it is read because the table's config names it`);
  return sheet;
}

/** Formulas without stored result, Excel errors and merged cells would all read as empty cells: errors, by sheet and cell. */
function checkSheet(file: string, sheet: WorkbookSheet, workbook: Workbook, data: unknown[][]): void {
  const issues = new IssueList();
  const findings = workbook.inspect(sheet);
  const at = (cell: string) => `sheet "${sheet.name}", cell ${cell}`;
  for (const { cell, formula } of findings.formulasWithoutResult) {
    issues.add({ file, message: `${at(cell)}: the formula =${formula.replace(/^=/, '')} has no stored result, so it would read as empty; open the workbook in Excel or LibreOffice and save it again (that stores the results), or paste the values` });
  }
  for (const { cell, error, formula } of findings.errors) {
    issues.add({ file, message: `${at(cell)}: holds the Excel error ${error}${formula ? ` (of =${formula.replace(/^=/, '')})` : ''}, which would read as empty; correct the cell, or write "–" for missing or "k. A." for suppressed` });
  }
  const isEmpty = (row: number, column: number) => {
    const value = data[row - 1]?.[column - 1];
    return value === null || value === undefined || String(value).trim() === '';
  };
  for (const range of findings.merged) {
    const { top, left, bottom, right } = rangeBounds(range);
    let empty = true;
    for (let row = top; row <= bottom && empty; row++) for (let column = left; column <= right && empty; column++) empty = isEmpty(row, column);
    if (empty) continue;
    issues.add({ file, message: `sheet "${sheet.name}", cells ${range} are merged: only ${range.split(':')[0]} holds the value, the other cells read as empty (an area would silently lose its value); unmerge the cells and fill in every row` });
  }
  issues.throwIfAny();
}

function count(text: string, character: string): number {
  return text.split(character).length - 1;
}

/** Finds a column by one of several header names, case- and space-insensitive. */
export function findColumn(table: Table, names: string[]): number {
  const wanted = names.map(normalizeHeader);
  return table.header.findIndex((name) => wanted.includes(normalizeHeader(name)));
}

export function normalizeHeader(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}
