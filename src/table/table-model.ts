import { localize } from '../contract/localize.js';
import type { Problem } from '../base/problem.js';
import type { Indicator, Level, Locale } from '../contract/types.js';
import type { ClassificationMethod } from '../core/classify.js';
import type { ColourOverrides } from '../core/colours.js';
import { styledView, type StyledArea, type StyledReference, type StyledView } from '../core/view.js';
import type { Atlas } from '../data/atlas.js';
import type { ExportCell, ExportTable } from '../export/csv.js';
import type { ExportWorkbook } from '../export/xlsx.js';
import type { TableMessages } from './messages.js';

export interface TableOptions {
  level: string;
  year: number;
  locale: Locale;
  /** Indicator ids; default: every renderable indicator with values on the level in the year. */
  indicators?: string[];
  /** Area keys to keep, in the level's order; default: all. */
  areas?: string[];
  /** The classes of each indicator: the table's own `classification`/`classes`, else those its group shares (the map's). */
  classesOf?: (indicator: string) => { classification?: ClassificationMethod; classes?: number; breaks?: number[] };
  colours?: ColourOverrides;
}

export interface TableColumn {
  indicator: Indicator;
  /** Short title for the header. */
  header: string;
  /** Full title. */
  title: string;
  unit: string;
  view: StyledView;
}

export interface TableRow {
  key: string;
  name: string;
  /** Position in the level's order: the unsorted order and the tie-breaker. */
  index: number;
  cells: StyledArea[];
}

export interface TableModel {
  atlas: Atlas;
  level: Level;
  levelTitle: string;
  year: number;
  locale: Locale;
  columns: TableColumn[];
  rows: TableRow[];
  reference: { key: string; label: string; cells: StyledReference[] };
}

export type TableResult = { model: TableModel } | { problem: Problem } | { empty: true };

/** The table of areas x indicators, every value styled by the core. */
export function tableModel(atlas: Atlas, options: TableOptions, messages: TableMessages): TableResult {
  const level = atlas.level(options.level);
  if (!level) return { problem: { code: 'unknown-level', detail: options.level, message: messages.unknownLevel(options.level) } };
  const indicators = options.indicators?.length
    ? options.indicators.map((id) => atlas.indicator(id))
    : atlas.renderableIndicators(level.id).filter((indicator) => atlas.block(indicator.id, level.id, options.year));
  const unknown = options.indicators?.filter((_id, i) => !indicators[i] || !atlas.isRenderable(indicators[i]!));
  if (unknown?.length) return { problem: { code: 'unknown-indicator', detail: unknown.join(), message: messages.unknownIndicators(unknown.join(', ')) } };

  const columns = (indicators as Indicator[]).map((indicator): TableColumn => {
    const title = localize(indicator.title, options.locale);
    return {
      indicator,
      title,
      header: indicator.shortTitle ? localize(indicator.shortTitle, options.locale) : title,
      unit: indicator.unit.trim(),
      view: styledView(atlas, {
        indicator: indicator.id,
        level: level.id,
        year: options.year,
        locale: options.locale,
        ...options.classesOf?.(indicator.id),
        colours: options.colours,
      }),
    };
  });
  const wanted = options.areas?.length ? new Set(options.areas) : undefined;
  const rows = level.areas
    .map((area, index): TableRow => ({ key: area.key, name: area.name, index, cells: columns.map((column) => column.view.areas[index]) }))
    .filter((row) => !wanted || wanted.has(row.key));
  if (!columns.length || !rows.length) return { empty: true };

  return {
    model: {
      atlas,
      level,
      levelTitle: localize(level.title, options.locale),
      year: options.year,
      locale: options.locale,
      columns,
      rows,
      reference: {
        key: atlas.manifest.reference.key ?? '',
        label: columns[0].view.reference.label,
        cells: columns.map((column) => column.view.reference),
      },
    },
  };
}

function exportCell(cell: StyledArea | StyledReference): ExportCell {
  return { state: cell.state, value: cell.state === 'number' ? cell.value : null, text: cell.text };
}

/** The model in the order shown, as the CSV and XLSX exports take it. */
export function exportTable(model: TableModel, rows: TableRow[], messages: TableMessages): ExportTable {
  return {
    locale: model.locale,
    keyHeader: messages.key,
    nameHeader: messages.area,
    columns: model.columns.map((column) => ({
      header: column.unit ? `${column.title} (${column.unit})` : column.title,
      unit: column.unit,
      decimals: column.indicator.decimals,
    })),
    reference: { key: model.reference.key, name: model.reference.label, cells: model.reference.cells.map(exportCell) },
    rows: rows.map((row) => ({ key: row.key, name: row.name, cells: row.cells.map(exportCell) })),
  };
}

/** The workbook: the table, then a metadata sheet with definitions, sources, marks and attribution. */
export function exportWorkbook(model: TableModel, rows: TableRow[], messages: TableMessages): ExportWorkbook {
  const { atlas, locale } = model;
  const text = (value: Parameters<typeof localize>[0] | undefined) => (value === undefined ? '' : localize(value, locale));
  const metadata: string[][] = [
    [messages.indicator, messages.unit, messages.definition, messages.source, messages.note],
    ...model.columns.map((column) => [column.title, column.unit, text(column.indicator.definition), text(column.indicator.source), text(column.indicator.note)]),
    [],
    [messages.atlas, text(atlas.manifest.title)],
    [messages.level, model.levelTitle],
    [messages.year, String(model.year)],
    [],
    [messages.marks, messages.suppressedNote],
    ['', messages.missingNote],
    [],
    ...atlas.manifest.attribution.map((entry, i) => [
      i === 0 ? messages.attribution : '',
      entry.text,
      [entry.licence, entry.licenceUrl].filter(Boolean).join(', '),
      entry.url ?? '',
    ]),
  ];
  return { table: exportTable(model, rows, messages), dataSheetName: messages.dataSheet, metadataSheetName: messages.metadataSheet, metadata };
}

/** The parts of the export file name: atlas title, the one indicator or the level, year. */
export function exportNameParts(model: TableModel): string[] {
  const subject = model.columns.length === 1 ? model.columns[0].header : model.levelTitle;
  return [localize(model.atlas.manifest.title, model.locale), subject, String(model.year)];
}
