import { localize } from '../contract/localize.js';
import type { Attribution, Indicator, Locale } from '../contract/types.js';
import { formatValue, styledView, type ValueState } from '../core/index.js';
import type { Atlas } from '../data/atlas.js';
import { compareWithReference, type Direction } from './compare.js';
import { reportMessages } from './messages.js';

/** At most this many areas side by side. */
export const MAX_AREAS = 3;

export interface ReportComparison {
  direction: Direction;
  /** "0,62 Prozentpunkte höher", "etwa gleich" */
  text: string;
  /** |difference| relative to the largest in the row, 0..1, for the bar. */
  magnitude: number;
  /** −1, 0 or 1: the bar's side. */
  sign: number;
}

export interface ReportCell {
  key: string;
  name: string;
  state: ValueState;
  text: string;
  spoken: string;
  /** Absent when the value or the reference is not a number. */
  comparison?: ReportComparison;
  /** Set instead of a comparison for counts. */
}

export interface ReportRow {
  indicator: Indicator;
  title: string;
  /** "in %, 2013" */
  unitAndYear: string;
  year: number;
  footnote: number;
  cells: ReportCell[];
  reference: { state: ValueState; text: string; spoken: string };
  /** The reference is the total of the areas (a count): no comparison, said once below the tables. */
  total: boolean;
}

export interface ReportSection {
  id: string;
  title: string;
  rows: ReportRow[];
}

export interface ReportFootnote {
  number: number;
  title: string;
  definition: string;
  source: string;
  note: string;
}

/** Everything the report shows, in the order shown; the HTML and the PDF are both drawn from it. */
export interface ReportModel {
  locale: Locale;
  title: string;
  subtitle: string;
  atlasTitle: string;
  year: number;
  areas: { key: string; name: string }[];
  referenceLabel: string;
  sections: ReportSection[];
  footnotes: ReportFootnote[];
  /** Some row's reference is a total (see `ReportRow.total`). */
  hasTotals: boolean;
  attribution: Attribution[];
}

export interface ReportOptions {
  level: string;
  year: number;
  locale: Locale;
  areas: string[];
  indicators: Indicator[];
}

/** The indicator's year: the report's year when it has values then, else its latest year before, else its latest. */
function yearFor(atlas: Atlas, level: string, indicator: Indicator, wanted: number): number | undefined {
  const years = atlas.years(level, indicator.id);
  if (years.includes(wanted)) return wanted;
  return years.filter((year) => year <= wanted).at(-1) ?? years.at(-1);
}

export function reportModel(atlas: Atlas, options: ReportOptions): ReportModel {
  const { level, locale } = options;
  const messages = reportMessages(locale);
  const levelAreas = options.areas.map((key) => atlas.area(level, key)!);
  const referenceLabel = localize(atlas.manifest.reference.label ?? atlas.manifest.reference.name, locale);
  const footnotes: ReportFootnote[] = [];
  const sections: ReportSection[] = [];
  const topics = [...atlas.manifest.topics];
  for (const indicator of options.indicators) {
    if (!topics.some((topic) => topic.id === indicator.topic)) topics.push({ id: indicator.topic, title: indicator.topic });
  }
  for (const topic of topics) {
    const rows: ReportRow[] = [];
    for (const indicator of options.indicators.filter((d) => d.topic === topic.id)) {
      const year = yearFor(atlas, level, indicator, options.year);
      if (year === undefined) continue;
      const view = styledView(atlas, { indicator: indicator.id, level, year, locale });
      const footnote = footnotes.length + 1;
      footnotes.push({
        number: footnote,
        title: localize(indicator.title, locale),
        definition: localize(indicator.definition, locale),
        source: localize(indicator.source, locale),
        note: localize(indicator.note, locale),
      });
      rows.push({
        indicator,
        title: localize(indicator.title, locale),
        unitAndYear: messages.unitAndYear(indicator.unit.trim(), year),
        year,
        footnote,
        cells: cellsOf(view, levelAreas, indicator, locale),
        reference: { state: view.reference.state, text: view.reference.text, spoken: view.reference.spoken },
        total: indicator.kind === 'count',
      });
    }
    if (rows.length) sections.push({ id: topic.id, title: localize(topic.title, locale), rows });
  }
  const names = levelAreas.map((area) => area.name);
  return {
    locale,
    title: messages.title,
    subtitle: messages.subtitle(names, localize(atlas.manifest.reference.name, locale)),
    atlasTitle: localize(atlas.manifest.title, locale),
    year: options.year,
    areas: levelAreas.map(({ key, name }) => ({ key, name })),
    referenceLabel,
    sections,
    footnotes,
    hasTotals: sections.some((section) => section.rows.some((row) => row.total)),
    attribution: atlas.manifest.attribution,
  };
}

function cellsOf(view: ReturnType<typeof styledView>, areas: { key: string; name: string }[], indicator: Indicator, locale: Locale): ReportCell[] {
  const messages = reportMessages(locale);
  const reference = view.reference.value;
  const comparisons = areas.map((area) => {
    const value = view.byKey.get(area.key)?.value ?? null;
    if (indicator.kind === 'count' || value === null || reference === null) return undefined;
    return compareWithReference(value, reference, indicator.decimals);
  });
  const largest = Math.max(0, ...comparisons.map((c) => Math.abs(c?.difference ?? 0)));
  const differenceStyle = { unit: differenceUnit(indicator.unit, locale), decimals: indicator.decimals };
  return areas.map((area, i) => {
    const styled = view.byKey.get(area.key)!;
    const comparison = comparisons[i];
    const cell: ReportCell = { key: area.key, name: area.name, state: styled.state, text: styled.text, spoken: styled.spoken };
    if (comparison) {
      const difference = formatValue(Math.abs(comparison.difference), differenceStyle, locale);
      cell.comparison = {
        direction: comparison.direction,
        text: comparison.direction === 'same' ? messages.same : messages[comparison.direction](difference),
        magnitude: largest > 0 ? Math.abs(comparison.difference) / largest : 0,
        sign: comparison.direction === 'same' ? 0 : Math.sign(comparison.difference),
      };
    }
    return cell;
  });
}

/** A difference of percentages is in percentage points. */
function differenceUnit(unit: string, locale: Locale): string {
  const trimmed = unit.trim();
  if (trimmed === '%') return reportMessages(locale).percentPoints;
  if (trimmed === '‰') return reportMessages(locale).permillePoints;
  return trimmed;
}
