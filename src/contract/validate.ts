import { validateAtlas, validateValueFile, type CompiledValidator } from './generated/validators.js';
import { crossCheckManifest, crossCheckValueBlocks, unrenderableBookmarks } from './cross-checks.js';
import { ContractError, type ContractIssue } from './issues.js';
import { schemaIssues } from './schema-issues.js';
import type { AtlasManifest, ValueBlock, ValueFile } from './types.js';

function schemaCheck(validator: CompiledValidator, document: unknown, file: string): ContractIssue[] {
  return validator(document) ? [] : schemaIssues(validator.errors ?? [], document, file);
}

/** Lists every problem of a manifest: schema first; cross-checks only once the shape is right. */
export function manifestIssues(document: unknown, file: string): ContractIssue[] {
  const issues = schemaCheck(validateAtlas, document, file);
  return issues.length ? issues : crossCheckManifest(document as AtlasManifest, file);
}

/** Returns the document as a manifest, or throws a ContractError listing every problem. */
export function validateManifest(document: unknown, file: string): AtlasManifest {
  const issues = manifestIssues(document, file);
  if (issues.length) throw new ContractError(file, issues);
  return document as AtlasManifest;
}

/** Validates a separate value file against its schema and the manifest it belongs to. */
export function validateValueFileDocument(document: unknown, atlas: AtlasManifest, file: string): ValueBlock[] {
  let issues = schemaCheck(validateValueFile, document, file);
  if (!issues.length) issues = crossCheckValueBlocks(atlas, (document as ValueFile).values, file);
  if (issues.length) throw new ContractError(file, issues);
  return (document as ValueFile).values;
}

/**
 * Bookmarks about an unknown indicator, or an unpublished one in a public build. The elements
 * ignore them (with a console warning); `keck-atlas validate` reports them as errors.
 */
export function unrenderableBookmarkIssues(atlas: AtlasManifest, file: string): ContractIssue[] {
  return [...unrenderableBookmarks(atlas, file).values()].flat();
}
