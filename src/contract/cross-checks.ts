import type { AtlasManifest, Level, ValueBlock } from './types.js';
import { isValueFileRef } from './types.js';
import type { ContractIssue } from './issues.js';

/**
 * Checks a schema-valid manifest for what a schema cannot express: references between
 * its parts, unique ids, value keys that exist in their level, years that the indicator has.
 */
export function crossCheckManifest(atlas: AtlasManifest, file: string): ContractIssue[] {
  const issues: ContractIssue[] = [];
  const issue = (path: string, expected: string, found: string) => issues.push({ file, path, expected, found });

  const duplicates = (ids: string[], path: (index: number) => string, what: string) => {
    const seen = new Set<string>();
    ids.forEach((id, index) => {
      if (seen.has(id)) issue(path(index), `a unique ${what}`, `the duplicate ${what} "${id}"`);
      seen.add(id);
    });
  };

  const levels = new Map(atlas.levels.map((level) => [level.id, level]));
  const indicators = new Map(atlas.indicators.map((indicator) => [indicator.id, indicator]));
  const topics = new Set(atlas.topics.map((topic) => topic.id));
  const areaKeys = new Map(atlas.levels.map((level) => [level.id, new Set(level.areas.map((area) => area.key))]));
  const knownLevel = (id: string | undefined, path: string) => {
    if (id !== undefined && !levels.has(id)) issue(path, `the id of a level (${[...levels.keys()].join(', ')})`, `the unknown level "${id}"`);
  };
  const knownIndicator = (id: string | undefined, path: string) => {
    if (id !== undefined && !indicators.has(id)) issue(path, 'the id of an indicator in $.indicators', `the unknown indicator "${id}"`);
  };

  duplicates(atlas.levels.map((l) => l.id), (i) => `$.levels[${i}].id`, 'level id');
  duplicates(atlas.indicators.map((d) => d.id), (i) => `$.indicators[${i}].id`, 'indicator id');
  duplicates(atlas.topics.map((t) => t.id), (i) => `$.topics[${i}].id`, 'topic id');
  duplicates((atlas.bookmarks ?? []).map((b) => b.id), (i) => `$.bookmarks[${i}].id`, 'bookmark id');
  duplicates((atlas.poiCategories ?? []).map((c) => c.id), (i) => `$.poiCategories[${i}].id`, 'category id');
  duplicates((atlas.poiSources ?? []).map((s) => s.id), (i) => `$.poiSources[${i}].id`, 'POI source id');

  atlas.levels.forEach((level, li) => {
    duplicates(level.areas.map((a) => a.key), (i) => `$.levels[${li}].areas[${i}].key`, 'area key');
    if (level.parent === undefined) return;
    knownLevel(level.parent, `$.levels[${li}].parent`);
    if (hasParentCycle(level, levels)) issue(`$.levels[${li}].parent`, 'levels that nest without a cycle', `a cycle through "${level.id}"`);
    const parentKeys = areaKeys.get(level.parent);
    if (!parentKeys) return;
    level.areas.forEach((area, ai) => {
      if (area.parent === undefined) issue(`$.levels[${li}].areas[${ai}].parent`, `the key of its area in level "${level.parent}"`, 'it missing');
      else if (!parentKeys.has(area.parent)) issue(`$.levels[${li}].areas[${ai}].parent`, `a key of level "${level.parent}"`, `the unknown key "${area.parent}"`);
    });
  });

  knownLevel(atlas.defaults.level, '$.defaults.level');
  knownIndicator(atlas.defaults.indicator, '$.defaults.indicator');
  if (atlas.defaults.year !== undefined && !atlas.indicators.some((d) => d.years.includes(atlas.defaults.year!))) {
    issue('$.defaults.year', 'a year that at least one indicator has', `the year ${atlas.defaults.year}`);
  }

  atlas.indicators.forEach((indicator, i) => {
    if (!topics.has(indicator.topic)) issue(`$.indicators[${i}].topic`, 'the id of a topic in $.topics', `the unknown topic "${indicator.topic}"`);
    knownIndicator(indicator.numerator, `$.indicators[${i}].numerator`);
    knownIndicator(indicator.denominator, `$.indicators[${i}].denominator`);
    indicator.levels?.forEach((id, j) => knownLevel(id, `$.indicators[${i}].levels[${j}]`));
  });

  const blocks = new Set<string>();
  atlas.values.forEach((entry, i) => {
    if (!isValueFileRef(entry)) checkValueBlock(entry, `$.values[${i}]`);
  });

  function checkValueBlock(block: ValueBlock, path: string) {
    const indicator = indicators.get(block.indicator);
    knownIndicator(block.indicator, `${path}.indicator`);
    knownLevel(block.level, `${path}.level`);
    if (indicator && !indicator.years.includes(block.year)) {
      issue(`${path}.year`, `one of the years of indicator "${indicator.id}" (${indicator.years.join(', ')})`, `the year ${block.year}`);
    }
    if (indicator?.levels && levels.has(block.level) && !indicator.levels.includes(block.level)) {
      issue(`${path}.level`, `one of the levels of indicator "${indicator.id}" (${indicator.levels.join(', ')})`, `the level "${block.level}"`);
    }
    const id = `${block.indicator}|${block.level}|${block.year}`;
    if (blocks.has(id)) issue(path, 'one value block per indicator, level and year', `a second block for "${block.indicator}", "${block.level}", ${block.year}`);
    blocks.add(id);
    const keys = areaKeys.get(block.level);
    if (!keys) return;
    for (const key of Object.keys(block.values)) {
      if (!keys.has(key)) issue(`${path}.values[${JSON.stringify(key)}]`, `a key of an area of level "${block.level}"`, `the unknown area key "${key}"`);
    }
  }

  (atlas.bookmarks ?? []).forEach((bookmark, i) => {
    const path = `$.bookmarks[${i}]`;
    knownLevel(bookmark.level, `${path}.level`);
    const keys = areaKeys.get(bookmark.level ?? atlas.defaults.level);
    bookmark.areas?.forEach((key, j) => {
      if (keys && !keys.has(key)) issue(`${path}.areas[${j}]`, 'a key of an area of the bookmark\'s level', `the unknown area key "${key}"`);
    });
  });

  const categories = new Set((atlas.poiCategories ?? []).map((c) => c.id));
  if ((atlas.poiSources?.length ?? 0) > 0 && categories.size === 0) {
    issue('$.poiCategories', 'at least one POI category when POI sources are given', 'none');
  }

  return issues;
}

/**
 * Bookmarks (by id, with their problems) about an indicator that may not be rendered: unknown, or unpublished in a public
 * build. Elements ignore them (no title, no text, no view: an interpretation text about an
 * unpublished indicator must not appear); `keck-atlas validate` reports them as errors.
 */
export function unrenderableBookmarks(atlas: AtlasManifest, file: string): Map<string, ContractIssue[]> {
  const indicators = new Map(atlas.indicators.map((indicator) => [indicator.id, indicator]));
  const byBookmark = new Map<string, ContractIssue[]>();
  let issues: ContractIssue[] = [];
  const check = (id: string, path: string) => {
    const indicator = indicators.get(id);
    if (!indicator) issues.push({ file, path, expected: 'the id of an indicator in $.indicators', found: `the unknown indicator "${id}"` });
    else if (!indicator.published && atlas.build === 'public') {
      issues.push({ file, path, expected: 'a published indicator (the build is public, so the bookmark would show its text about an unpublished one)', found: `the unpublished indicator "${id}"` });
    }
  };
  (atlas.bookmarks ?? []).forEach((bookmark, i) => {
    issues = byBookmark.get(bookmark.id) ?? [];
    if (bookmark.indicator !== undefined) check(bookmark.indicator, `$.bookmarks[${i}].indicator`);
    bookmark.indicators?.forEach((id, j) => check(id, `$.bookmarks[${i}].indicators[${j}]`));
    if (issues.length) byBookmark.set(bookmark.id, issues);
  });
  return byBookmark;
}

/** Checks value blocks from a separate value file against the manifest. */
export function crossCheckValueBlocks(atlas: AtlasManifest, blocks: ValueBlock[], file: string): ContractIssue[] {
  const inline = atlas.values.filter((entry) => !isValueFileRef(entry)) as ValueBlock[];
  const merged: AtlasManifest = { ...atlas, values: [...inline, ...blocks] };
  const offset = inline.length;
  return crossCheckManifest(merged, file)
    .filter((issue) => issue.path.startsWith('$.values['))
    .map((issue) => ({ ...issue, path: issue.path.replace(/^\$\.values\[(\d+)\]/, (_, i) => `$.values[${Number(i) - offset}]`) }))
    .filter((issue) => !/^\$\.values\[-/.test(issue.path));
}

function hasParentCycle(level: Level, levels: Map<string, Level>): boolean {
  const visited = new Set<string>();
  let current: Level | undefined = level;
  while (current?.parent !== undefined) {
    if (visited.has(current.id)) return true;
    visited.add(current.id);
    current = levels.get(current.parent);
  }
  return false;
}
