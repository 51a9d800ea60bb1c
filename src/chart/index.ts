export { KeckChart, type ChartExportFormat } from './keck-chart.js';
export type { ChartType } from './messages.js';
export { svgToRaster } from '../export/image.js';
export { svgToPdf } from '../export/pdf.js';
