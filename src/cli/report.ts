import type { SuppressionRecord } from '../core/suppression.js';

/** One line per suppressed cell: where and why, never the value. */
export function suppressionReportCsv(report: SuppressionRecord[]): string {
  const quote = (text: string | number) => (/[;"\n]/.test(String(text)) ? `"${String(text).replace(/"/g, '""')}"` : String(text));
  const lines = report.map((record) => [record.rule, record.indicator, record.level, record.year, record.area, record.reason].map(quote).join(';'));
  return ['rule;indicator;level;year;area;reason', ...lines].join('\n') + '\n';
}
