import type { Indicator, IndicatorKind, LocalizedText, Polarity } from '../contract/types.js';
import { IssueList } from './errors.js';
import { parseNumber } from './cell-value.js';
import { findColumn, readTable, type Cell, type Table } from './table.js';

/** An indicator's metadata as the metadata table gives it, with the table header it appears under. */
export interface IndicatorMetadata {
  /** Header of the indicator's column in the indicator tables. */
  column: string;
  indicator: Omit<Indicator, 'years' | 'levels'>;
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
  additive: ['additive', 'additiv'],
  note: ['note', 'hinweis'],
} as const;
const REQUIRED: (keyof typeof FIELDS)[] = ['column', 'id', 'title', 'unit', 'decimals', 'kind', 'topic', 'definition', 'source', 'published'];

/** Reads the indicator metadata table (CSV or XLSX, one row per indicator). */
export async function readIndicatorMetadata(file: string): Promise<IndicatorMetadata[]> {
  return parseIndicatorMetadata(await readTable(file));
}

export function parseIndicatorMetadata(table: Table): IndicatorMetadata[] {
  const issues = new IssueList();
  const at = Object.fromEntries(Object.entries(FIELDS).map(([field, names]) => [field, findColumn(table, [...names])])) as Record<keyof typeof FIELDS, number>;
  for (const field of REQUIRED) {
    if (at[field] < 0) issues.add({ file: table.file, row: 1, message: `the metadata table needs a column "${FIELDS[field][0]}" (found: ${table.header.join(', ')})` });
  }
  issues.throwIfAny();

  const seen = new Map<string, number>();
  const result: IndicatorMetadata[] = [];
  for (const { row, cells } of table.rows) {
    const text = (field: keyof typeof FIELDS): string | undefined => {
      const cell: Cell | undefined = at[field] >= 0 ? cells[at[field]] : undefined;
      return cell === null || cell === undefined ? undefined : String(cell).trim();
    };
    const fail = (field: keyof typeof FIELDS, message: string) => issues.add({ file: table.file, row, column: table.header[at[field]] ?? FIELDS[field][0], message });
    const required = (field: keyof typeof FIELDS): string => {
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
    const flag = (field: keyof typeof FIELDS): boolean | undefined => {
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
    const additive = flag('additive');
    if (additive !== undefined) indicator.additive = additive;
    const note = text('note');
    if (note) indicator.note = note;
    result.push({ column: required('column'), indicator });
  }
  issues.throwIfAny();
  return result;
}
