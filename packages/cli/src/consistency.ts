import path from 'node:path';
import type { Bookmark, Indicator, Level, PrivacySettings, ValueBlock } from '../../../src/contract/types.js';
import type { LoadedConfig } from './config.js';
import type { DataIssue } from './errors.js';
import { metadataIssue, referencedCounts, type IndicatorMetadata } from './metadata.js';
import { didYouMean } from './suggest.js';

/**
 * Checks that need the metadata and the tables together: every count an indicator names has
 * values wherever the indicator has them (else derived suppression could not reach it), and
 * a share without counts cannot meet `minDenominator`.
 */
export function metadataAgainstData(metadata: IndicatorMetadata[], blocks: ValueBlock[], privacy: PrivacySettings | undefined, configFile: string): DataIssue[] {
  const issues: DataIssue[] = [];
  const cells = new Set(blocks.map((block) => `${block.indicator}|${block.level}|${block.year}`));
  const whereOf = new Map<string, { level: string; year: number }[]>();
  for (const block of blocks) whereOf.set(block.indicator, [...(whereOf.get(block.indicator) ?? []), { level: block.level, year: block.year }]);
  for (const entry of metadata) {
    const { id } = entry.indicator;
    const where = whereOf.get(id) ?? [];
    for (const { field, id: count } of referencedCounts(entry.indicator)) {
      const missing = where.filter(({ level, year }) => !cells.has(`${count}|${level}|${year}`)).map(({ level, year }) => `${level} ${year}`);
      if (missing.length === 0) continue;
      const has = (whereOf.get(count) ?? []).map(({ level, year }) => `${level} ${year}`);
      issues.push(metadataIssue(entry, field, `"${count}" has no values for ${missing.join(', ')}, where "${id}" has (${has.length ? `it has values for ${has.join(', ')}` : 'it is in no table'}); without them the build cannot protect "${id}" by its count: add the count's column to those tables`));
    }
    const minDenominator = privacy?.minDenominator ?? 0;
    if (entry.indicator.withoutCounts && minDenominator > 0) {
      issues.push(metadataIssue(entry, 'withoutCounts', `"${id}" has no counts, so it cannot be hidden where its denominator is below atlas.privacy.minDenominator (${minDenominator}) in ${configFile}; give its numerator and denominator, or remove minDenominator`));
    }
  }
  return issues;
}

/** Checks between the config and the metadata table: topics, the default indicator, the population indicator. */
export function metadataAgainstConfig(metadata: IndicatorMetadata[], loaded: LoadedConfig): DataIssue[] {
  const issues: DataIssue[] = [];
  const { config } = loaded;
  if (!loaded.broken('atlas.topics') && Array.isArray(config.atlas?.topics)) {
    const topics = config.atlas.topics.map((topic) => topic.id);
    for (const entry of metadata) {
      const { topic } = entry.indicator;
      if (topic && !topics.includes(topic)) issues.push(metadataIssue(entry, 'topic', `"${topic}" is no topic of atlas.topics in ${loaded.file}${didYouMean(topic, topics)} (topics: ${topics.join(', ') || 'none'})`));
    }
  }
  const defaultIndicator = loaded.broken('atlas.defaults') ? undefined : config.atlas?.defaults?.indicator;
  const ids = metadata.map((entry) => entry.indicator.id);
  if (defaultIndicator !== undefined && !ids.includes(defaultIndicator)) {
    issues.push({ file: loaded.file, key: 'atlas.defaults.indicator', message: `"${defaultIndicator}" is no indicator id of ${path.basename(config.indicators)}${didYouMean(defaultIndicator, ids)}` });
  }
  const population = config.populationIndicator;
  if (typeof population === 'string') {
    const target = metadata.find((entry) => entry.indicator.id === population)?.indicator;
    if (!target) issues.push({ file: loaded.file, key: 'populationIndicator', message: `"${population}" is no indicator id of ${path.basename(config.indicators)}${didYouMean(population, ids)}` });
    else if (target.kind !== 'count') issues.push({ file: loaded.file, key: 'populationIndicator', message: `"${population}" is a ${target.kind}; expected the id of a count` });
  }
  return issues;
}

export interface Publication {
  build: 'public' | 'internal';
  /** Every indicator that has values. */
  indicators: Indicator[];
  /** The indicators this build writes. */
  published: Indicator[];
  levels: Level[];
}

/**
 * The defaults of the manifest for this build. An empty public build is a mistake (said so,
 * not as a missing year); a default indicator that this build leaves out is dropped with a warning.
 */
export function checkDefaults(loaded: LoadedConfig, metadata: IndicatorMetadata[], publication: Publication, warn: (issue: DataIssue) => void): DataIssue[] {
  const { file, config } = loaded;
  const { build, indicators, published } = publication;
  if (loaded.broken('atlas.defaults') || typeof config.atlas?.defaults !== 'object') return [];
  const defaults = config.atlas.defaults;
  if (build === 'public' && indicators.length > 0 && published.length === 0) {
    const column = metadata[0]?.header('published') ?? 'published';
    return [{ file: metadata[0]?.file ?? file, column, message: `no indicator is marked published, so a public build would be empty; write "ja" in column "${column}" for at least one indicator, or build with --internal` }];
  }
  const issues: DataIssue[] = [];
  const id = defaults.indicator;
  if (id !== undefined && !published.some((indicator) => indicator.id === id) && metadata.some((entry) => entry.indicator.id === id)) {
    warn({ file, key: 'atlas.defaults.indicator', message: `"${id}" ${indicators.some((indicator) => indicator.id === id) ? `is not in this ${build} build (not published)` : 'has no values in any table'}; no default indicator set` });
  }
  const year = defaults.year;
  if (year !== undefined && !published.some((indicator) => indicator.years.includes(year))) {
    const years = [...new Set(published.flatMap((indicator) => indicator.years))].sort();
    issues.push({ file, key: 'atlas.defaults.year', message: years.length ? `no indicator of this ${build} build has values for ${year} (years with values: ${years.join(', ')})` : `no indicator of this ${build} build has values, so there is no year to show; remove "year" or add tables` });
  }
  return issues;
}

/**
 * The bookmarks this build may write: none that names an indicator, level or area it does not
 * have, or whose text names an indicator it leaves out. Each one left out is a warning.
 */
export function bookmarksToWrite(loaded: LoadedConfig, metadata: IndicatorMetadata[], publication: Publication, warn: (issue: DataIssue) => void): Bookmark[] {
  const { file, config } = loaded;
  const { build, published, levels } = publication;
  const publishedIds = new Set(published.map((indicator) => indicator.id));
  const withheld = metadata.map((entry) => entry.indicator).filter((indicator) => !publishedIds.has(indicator.id));
  const knownIds = metadata.map((entry) => entry.indicator.id);
  const levelById = new Map(levels.map((level) => [level.id, level]));
  const result: Bookmark[] = [];
  (config.bookmarks ?? []).forEach((bookmark, i) => {
    if (loaded.broken(`bookmarks[${i}]`)) return;
    const key = `bookmarks[${i}]`;
    const leaveOut = (where: string, why: string) => warn({ file, key: `${key}${where}`, message: `${why}; the bookmark "${bookmark.id}" is left out of this ${build} build` });
    const named = [
      ...(bookmark.indicator === undefined ? [] : [{ where: '.indicator', id: bookmark.indicator }]),
      ...(bookmark.indicators ?? []).map((id, j) => ({ where: `.indicators[${j}]`, id })),
    ];
    for (const { where, id } of named) {
      if (publishedIds.has(id)) continue;
      if (!knownIds.includes(id)) return leaveOut(where, `"${id}" is no indicator id of ${path.basename(config.indicators)}${didYouMean(id, knownIds)}`);
      return leaveOut(where, publication.indicators.some((indicator) => indicator.id === id) ? `"${id}" is not published` : `"${id}" has no values in any table`);
    }
    const levelId = bookmark.level ?? config.atlas.defaults.level;
    const level = levelById.get(levelId);
    if (!level) return leaveOut(bookmark.level === undefined ? '' : '.level', `"${levelId}" is no level of this atlas${didYouMean(levelId, levelById.keys())}`);
    const areaKeys = new Set(level.areas.map((area) => area.key));
    const unknownArea = (bookmark.areas ?? []).findIndex((area) => !areaKeys.has(area));
    if (unknownArea >= 0) return leaveOut(`.areas[${unknownArea}]`, `"${bookmark.areas![unknownArea]}" is no area key of level "${level.id}"`);
    const mentioned = withheld.find((indicator) => mentions([bookmark.title, bookmark.text], indicator));
    if (mentioned) return leaveOut('.text', `its title or text names "${mentioned.id}", which is not published`);
    result.push(bookmark);
  });
  return result;
}

/** Whether a text names an indicator: by its title or short title, or by its id as a word. */
function mentions(texts: Bookmark['text'][], indicator: Omit<Indicator, 'years' | 'levels'>): boolean {
  const all = texts.flatMap((text) => (typeof text === 'string' ? [text] : Object.values(text))).join('\n').toLowerCase();
  const names = [indicator.title, indicator.shortTitle].flatMap((text) => (text === undefined ? [] : typeof text === 'string' ? [text] : Object.values(text)));
  const id = new RegExp(`(^|[^\\p{L}\\p{N}_-])${indicator.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').toLowerCase()}($|[^\\p{L}\\p{N}_-])`, 'u');
  return names.some((name) => name.trim() !== '' && all.includes(name.toLowerCase())) || id.test(all);
}
