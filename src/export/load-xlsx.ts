/** Loads the XLSX writer on demand: it is fetched only when the user exports a spreadsheet. */
export const loadXlsxWriter = () => import('write-excel-file/browser');
