// The package's side-effect-free entry: classes, types and the data layer. Importing it
// registers no element; use the `define` entry points or `keck-atlas.js` for that.
export * from './contract/index.js';
export { Atlas } from './data/atlas.js';
export { AtlasStore } from './data/store.js';
export type { AreaFeature, BBox } from './data/geometry.js';
export * from './base/index.js';
export * from './table/index.js';
export * from './map/index.js';
export * from './poi-layer/index.js';
export * from './chart/index.js';
export * from './area-report/index.js';
