import type { Indicator, IndicatorKind, LocalizedText, Polarity } from '../../../src/contract/types.js';
import { IssueList, type DataIssue } from './errors.js';
import { parseNumber } from './cell-value.js';
import { didYouMean } from './suggest.js';
import { findColumn, readTable, type Cell, type Table } from './table.js';

/** An indicator's metadata as the metadata table gives it, with the table header it appears under. */
export interface IndicatorMetadata {
  /** Header of the indicator's column in the indicator tables. */
  column: string;
  indicator: Omit<Indicator, 'years' | 'levels'>;
  /** The metadata table and the indicator's row in it, for messages. */
  file: string;
  row: number;
  /** The header under which the table has a field (the documented name when it has no such column). */
  header: (field: MetadataField) => string;
}

const KINDS: IndicatorKind[] = ['count', 'share', 'rate', 'ratio', 'mean', 'other'];
const POLARITIES: Polarity[] = ['higher-better', 'higher-worse', 'neutral'];
const YES = ['yes', 'ja', 'true', 'wahr', 'x', '1', 'j', 'y'];
const NO = ['no', 'nein', 'false', 'falsch', '0', 'n', ''];

/** Header names per field; the first is the documented one. */
const FIELDS = {
  column: ['column', 'spalte'],
  id: ['id'],
  title: ['title', 'titel'],
  titleEn: ['title_en', 'titel_en'],
  shortTitle: ['short_title', 'kurztitel'],
  shortTitleEn: ['short_title_en', 'kurztitel_en'],
  unit: ['unit', 'einheit'],
  decimals: ['decimals', 'nachkommastellen'],
  kind: ['kind', 'art'],
  polarity: ['polarity', 'polarität'],
  topic: ['topic', 'thema'],
  definition: ['definition'],
  definitionEn: ['definition_en'],
  source: ['source', 'quelle'],
  published: ['published', 'veröffentlicht', 'veroeffentlicht'],
  numerator: ['numerator', 'zähler', 'zaehler'],
  denominator: ['denominator', 'nenner'],
  withoutCounts: ['without_counts', 'ohne_zählwerte', 'ohne_zaehlwerte'],
  parts: ['parts', 'teile'],
  changeOf: ['change_of', 'veränderung_von', 'veraenderung_von', 'veränderung von', 'veraenderung von'],
  additive: ['additive', 'additiv'],
  note: ['note', 'hinweis'],
} as const;
export type MetadataField = keyof typeof FIELDS;
/** The fields that name other indicators: each must name a count. */
const REFERENCES = ['numerator', 'denominator', 'parts', 'changeOf'] as const;
const DERIVED_KINDS: IndicatorKind[] = ['share', 'rate'];
const REQUIRED: (keyof typeof FIELDS)[] = ['column', 'id', 'title', 'unit', 'decimals', 'kind', 'topic', 'definition', 'source', 'published'];

/** Reads the indicator metadata table (CSV or XLSX, one row per indicator). */
export async function readIndicatorMetadata(file: string): Promise<IndicatorMetadata[]> {
  return parseIndicatorMetadata(await readTable(file));
}

export function parseIndicatorMetadata(table: Table): IndicatorMetadata[] {
  const issues = new IssueList();
  const at = Object.fromEntries(Object.entries(FIELDS).map(([field, names]) => [field, findColumn(table, [...names])])) as Record<MetadataField, number>;
  for (const field of REQUIRED) {
    if (at[field] < 0) issues.add({ file: table.file, row: 1, message: `the metadata table needs a column "${FIELDS[field][0]}" (found: ${table.header.join(', ')})` });
  }
  issues.throwIfAny();
  const header = (field: MetadataField) => table.header[at[field]] ?? FIELDS[field][0];

  const seen = new Map<string, number>();
  const result: IndicatorMetadata[] = [];
  for (const { row, cells } of table.rows) {
    const text = (field: MetadataField): string | undefined => {
      const cell: Cell | undefined = at[field] >= 0 ? cells[at[field]] : undefined;
      return cell === null || cell === undefined ? undefined : String(cell).trim();
    };
    const fail = (field: MetadataField, message: string) => issues.add({ file: table.file, row, column: header(field), message });
    const required = (field: MetadataField): string => {
      const value = text(field);
      if (value === undefined && field !== 'unit') fail(field, 'expected a value, found an empty cell');
      return value ?? '';
    };
    const localized = (de: string, en: string | undefined): LocalizedText => (en ? { de, en } : de);

    const id = required('id');
    if (id && !/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(id)) fail('id', `expected an id of letters, digits, "-", "_" or ".", found "${id}"`);
    if (seen.has(id)) fail('id', `duplicate indicator id "${id}" (first in row ${seen.get(id)})`);
    seen.set(id, row);
    const decimalsText = required('decimals');
    const decimals = parseNumber(decimalsText, 'de');
    if (decimalsText && (decimals === undefined || !Number.isInteger(decimals) || decimals < 0 || decimals > 6)) fail('decimals', `expected a whole number 0–6, found "${decimalsText}"`);
    const kind = required('kind') as IndicatorKind;
    if (kind && !KINDS.includes(kind)) fail('kind', `expected one of ${KINDS.join(', ')}, found "${kind}"`);
    const polarity = text('polarity') as Polarity | undefined;
    if (polarity && !POLARITIES.includes(polarity)) fail('polarity', `expected one of ${POLARITIES.join(', ')}, found "${polarity}"`);
    const flag = (field: MetadataField): boolean | undefined => {
      const value = text(field)?.toLowerCase();
      if (value === undefined) return undefined;
      if (YES.includes(value)) return true;
      if (NO.includes(value)) return false;
      fail(field, `expected yes/no (ja/nein), found "${value}"`);
      return undefined;
    };

    const indicator: Omit<Indicator, 'years' | 'levels'> = {
      id,
      title: localized(required('title'), text('titleEn')),
      unit: required('unit'),
      kind,
      decimals: decimals ?? 0,
      definition: localized(required('definition'), text('definitionEn')),
      source: required('source'),
      topic: required('topic'),
      published: flag('published') ?? (fail('published', 'expected yes/no (ja/nein), found an empty cell'), false),
    };
    const shortTitle = text('shortTitle');
    if (shortTitle) indicator.shortTitle = localized(shortTitle, text('shortTitleEn'));
    if (polarity) indicator.polarity = polarity;
    const numerator = text('numerator');
    const denominator = text('denominator');
    if (numerator) indicator.numerator = numerator;
    if (denominator) indicator.denominator = denominator;
    if (flag('withoutCounts')) indicator.withoutCounts = true;
    const parts = text('parts')?.split(/[+,;]/).map((part) => part.trim()).filter(Boolean);
    if (parts?.length) indicator.parts = parts;
    const changeOf = text('changeOf');
    if (changeOf) indicator.changeOf = changeOf;
    const additive = flag('additive');
    if (additive !== undefined) indicator.additive = additive;
    const note = text('note');
    if (note) indicator.note = note;
    result.push({ column: required('column'), indicator, file: table.file, row, header });
  }
  result.forEach((entry) => checkRelations(entry, result).forEach((issue) => issues.add(issue)));
  issues.throwIfAny();
  return result;
}

/** A problem in an indicator's row of the metadata table. */
export function metadataIssue(entry: IndicatorMetadata, field: MetadataField, message: string): DataIssue {
  return { file: entry.file, row: entry.row, column: entry.header(field), message };
}

/** The ids an indicator's numerator, denominator, parts and changeOf name, with the field each is in. */
export function referencedCounts(indicator: Omit<Indicator, 'years' | 'levels'>): { field: (typeof REFERENCES)[number]; id: string }[] {
  return REFERENCES.flatMap((field) => {
    const value = indicator[field];
    return (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((id) => ({ field, id }));
  });
}

/**
 * What makes derived suppression possible: every reference names a count of the table; a
 * share or rate names both its counts, or says explicitly that the data has none.
 */
function checkRelations(entry: IndicatorMetadata, all: IndicatorMetadata[]): DataIssue[] {
  const { indicator } = entry;
  const issues: DataIssue[] = [];
  const fail = (field: MetadataField, message: string) => issues.push(metadataIssue(entry, field, message));
  const byId = new Map(all.map((other) => [other.indicator.id, other.indicator]));
  for (const { field, id } of referencedCounts(indicator)) {
    const target = byId.get(id);
    if (id === indicator.id) fail(field, `"${id}" is this indicator itself; expected the id of another count`);
    else if (!target) fail(field, `"${id}" is no indicator id of this table${didYouMean(id, byId.keys())}; expected the id of a count`);
    else if (target.kind !== 'count') fail(field, `"${id}" is a ${target.kind} (row ${all.find((other) => other.indicator.id === id)!.row}); expected the id of a count (kind "count")`);
  }
  const derived = DERIVED_KINDS.includes(indicator.kind);
  if (indicator.withoutCounts) {
    if (!derived) fail('withoutCounts', `only a share or rate can be without counts; this indicator is a ${indicator.kind}`);
    else if (indicator.numerator || indicator.denominator) fail('withoutCounts', `says the ${indicator.kind} has no counts, but column "${entry.header(indicator.numerator ? 'numerator' : 'denominator')}" names one; keep one of the two`);
  } else if (derived && !(indicator.numerator && indicator.denominator)) {
    const missing = indicator.numerator ? 'denominator' : 'numerator';
    fail(missing, `a ${indicator.kind} needs the ids of its counts in "${entry.header('numerator')}" and "${entry.header('denominator')}", so that it is hidden where its counts are; if the data has no counts behind it, write "ja" in a column "${FIELDS.withoutCounts[0]}"`);
  }
  if (indicator.parts) {
    if (indicator.kind !== 'count') fail('parts', `only a count can have parts; this indicator is a ${indicator.kind}`);
    if (indicator.parts.length < 2) fail('parts', `expected two or more counts that add up to this one, separated by "+" (e.g. "boys + girls"), found "${indicator.parts.join('')}"`);
    const twice = indicator.parts.find((part, i) => indicator.parts!.indexOf(part) !== i);
    if (twice) fail('parts', `"${twice}" is named twice`);
  }
  return issues;
}
