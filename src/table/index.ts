export { KeckTable } from './keck-table.js';
export { sortRows, type SortColumn, type SortState } from './sort.js';
export { tableModel, type TableModel, type TableOptions, type TableColumn, type TableRow, type TableResult } from './table-model.js';
export { KeckExportEvent, type ExportFormat } from '../export/download.js';
