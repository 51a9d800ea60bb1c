export * from './types.js';
export * from './issues.js';
export { parseJson } from './parse-json.js';
export { manifestIssues, validateManifest, validateValueFileDocument, unrenderableBookmarkIssues } from './validate.js';
export { localize } from './localize.js';
