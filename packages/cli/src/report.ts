import type { Indicator } from '../../../src/contract/types.js';
import type { SuppressionRecord } from '../../../src/core/suppression.js';

/** The header row of the report's table, also how an old report inside an output folder is recognised. */
export const REPORT_HEADER = 'rule;indicator;level;year;area;reason';

/** What the report is about. */
export interface ReportContext {
  atlasId: string;
  build: 'public' | 'internal';
  configFile: string;
  /** Indicators the build leaves out: their cells are not listed and their ids and titles never named. */
  withheld: Omit<Indicator, 'years' | 'levels'>[];
  /** The disclosure audit's summary lines. */
  audit: string[];
}

/**
 * The suppressed cells the report lists: for a public build only cells of the indicators it
 * writes, with every mention of a left-out indicator in the reasons replaced.
 */
export function reportedCells(records: SuppressionRecord[], withheld: ReportContext['withheld']): SuppressionRecord[] {
  const left = new Set(withheld.map((indicator) => indicator.id));
  return records.filter((record) => !left.has(record.indicator)).map((record) => ({ ...record, reason: withoutNames(record.reason, withheld) }));
}

/**
 * The disclosure report: `#` lines (what it is, the audit summary), then one line per
 * suppressed cell with where and why, never a value. It is for the office only: it tells
 * which hidden cells are small counts, so it must never be published beside the atlas.
 */
export function suppressionReportCsv(records: SuppressionRecord[], context: ReportContext): string {
  const quote = (text: string | number) => (/[;"\n]/.test(String(text)) ? `"${String(text).replace(/"/g, '""')}"` : String(text));
  const comments = [
    `keck-atlas disclosure report of atlas "${context.atlasId}" (${context.build} build, config ${context.configFile})`,
    'For the office only: it says which hidden cells are small counts. Never publish it or copy it beside the atlas.',
    ...(context.build === 'public' && context.withheld.length ? [`Lists only the ${context.build} build's indicators; the cells of ${context.withheld.length} unpublished indicator(s) are protected too but not listed.`] : []),
    ...context.audit.map((line) => withoutNames(line, context.withheld)),
  ];
  const lines = reportedCells(records, context.withheld).map((record) => [record.rule, record.indicator, record.level, record.year, record.area, record.reason].map(quote).join(';'));
  return [...comments.map((line) => `# ${line.replace(/\n/g, ' ')}`), REPORT_HEADER, ...lines].join('\n') + '\n';
}

/** Replaces every mention of the indicators (quoted or bare id, title, short title) by "an unpublished indicator". */
export function withoutNames(text: string, indicators: ReportContext['withheld']): string {
  let result = text;
  for (const indicator of indicators) {
    const names = [indicator.title, indicator.shortTitle].flatMap((name) => (name === undefined ? [] : typeof name === 'string' ? [name] : Object.values(name))).filter((name) => name.trim() !== '');
    for (const name of [...names].sort((a, b) => b.length - a.length)) result = result.split(name).join('an unpublished indicator');
    const id = indicator.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    result = result.replace(new RegExp(`"${id}"|(?<![\\p{L}\\p{N}_-])${id}(?![\\p{L}\\p{N}_-])`, 'gu'), 'an unpublished indicator');
  }
  return result;
}
