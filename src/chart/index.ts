export { KeckChart, type ChartExportFormat } from './keck-chart.js';
export type { ChartType } from './messages.js';
