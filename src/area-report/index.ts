export { KeckAreaReport } from './keck-area-report.js';
export { compareWithReference, RELATIVE_TOLERANCE, type Comparison, type Direction } from './compare.js';
export { reportModel, MAX_AREAS, type ReportModel, type ReportSection, type ReportRow, type ReportCell, type ReportComparison, type ReportFootnote } from './model.js';
