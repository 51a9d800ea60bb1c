import type { Cell, Row, SheetData } from 'write-excel-file/browser';
import { uiLocale } from '../contract/localize.js';
import type { ExportColumn, ExportRow, ExportTable } from './csv.js';
import { loadXlsxWriter } from './load-xlsx.js';

/** A workbook: the table on the first sheet, metadata (definitions, sources, attribution) on the second. */
export interface ExportWorkbook {
  table: ExportTable;
  dataSheetName: string;
  metadataSheetName: string;
  /** Rows of text for the metadata sheet; the first row is set in bold. */
  metadata: string[][];
}

/**
 * An Excel number format showing the indicator's decimals and unit, e.g. `#,##0.00" %"`: the unit is a
 * quoted literal, so `%` does not multiply the value by 100. Excel shows the reader's own separators.
 */
export function numberFormat(column: Pick<ExportColumn, 'unit' | 'decimals'>, locale: ExportTable['locale']): string {
  const decimals = Number.isInteger(column.decimals) && column.decimals > 0 ? `.${'0'.repeat(Math.min(column.decimals, 20))}` : '';
  const unit = column.unit.trim().replace(/["\\]/g, '');
  if (!unit) return `#,##0${decimals}`;
  const gap = uiLocale(locale) === 'en' && (unit === '%' || unit === '‰') ? '' : ' ';
  return `#,##0${decimals}"${gap}${unit}"`;
}

function dataRow(row: ExportRow, formats: string[], bold: boolean): Row {
  const fontWeight = bold ? ('bold' as const) : undefined;
  const cells: Cell[] = row.cells.map((cell, i) =>
    cell.state === 'number' && cell.value !== null
      ? { value: cell.value, type: Number, format: formats[i], fontWeight }
      : { value: cell.text, type: String, align: 'right', fontWeight },
  );
  return [{ value: row.key, type: String, fontWeight }, { value: row.name, type: String, fontWeight }, ...cells];
}

/** The sheets of a workbook as `write-excel-file` takes them. */
export function workbookSheets(workbook: ExportWorkbook) {
  const { table } = workbook;
  const formats = table.columns.map((column) => numberFormat(column, table.locale));
  const header: Row = [table.keyHeader, table.nameHeader, ...table.columns.map((column) => column.header)].map((text) => ({
    value: text,
    type: String,
    fontWeight: 'bold',
    wrap: true,
  }));
  const data: SheetData = [header, dataRow(table.reference, formats, true), ...table.rows.map((row) => dataRow(row, formats, false))];
  const metadata: SheetData = workbook.metadata.map((row, i) =>
    row.map((text): Cell => ({ value: text, type: String, fontWeight: i === 0 ? 'bold' : undefined, wrap: true })),
  );
  return [
    {
      data,
      sheet: workbook.dataSheetName,
      columns: [{ width: 12 }, { width: 28 }, ...table.columns.map(() => ({ width: 18 }))],
      stickyRowsCount: 1,
      stickyColumnsCount: 2,
    },
    { data: metadata, sheet: workbook.metadataSheetName, columns: [{ width: 28 }, { width: 60 }, { width: 40 }, { width: 40 }] },
  ];
}

/** The XLSX file of a workbook; loads the writer on first use. */
export async function workbookToXlsxBlob(workbook: ExportWorkbook): Promise<Blob> {
  const { default: writeXlsxFile } = await loadXlsxWriter();
  return writeXlsxFile(workbookSheets(workbook)).toBlob();
}
