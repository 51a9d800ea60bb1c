export * from './types.js';
export * from './issues.js';
export { parseJson } from './parse-json.js';
export { manifestIssues, validateManifest, validateValueFileDocument, unrenderableBookmarkIssues, type ValidationOptions } from './validate.js';
export { localize, uiLocale } from './localize.js';
export { localizeIssuePlace, localizeIssueText } from './issue-texts.js';
