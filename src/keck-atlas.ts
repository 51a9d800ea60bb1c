// The one script for web editors: registers every keck-atlas element. Heavy parts
// (maplibre, vega, XLSX, PDF) load only when an element needs them.
export * from './index.js';
import './table/define.js';
import './map/define.js';
import './poi-layer/define.js';
import './chart/define.js';
import './area-report/define.js';
