export { KeckMap } from './keck-map.js';
export type { MapExportFormat } from './export-map.js';
