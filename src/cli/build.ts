import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CONTRACT_VERSION, type AtlasManifest, type Indicator, type Level, type PoiSource, type ValueBlock } from '../contract/types.js';
import { validateManifest } from '../contract/validate.js';
import { effectivePrivacy, type SuppressionRecord } from '../core/suppression.js';
import { loadConfig, type BuildConfig } from './config.js';
import { DataError, IssueList } from './errors.js';
import { writeIndexedFlatGeobuf, type Envelope, type Writable } from './flatgeobuf-writer.js';
import { parseIndicatorTable, type UnmatchedRow } from './indicator-table.js';
import { loadLevel, useTableNames, type LoadedLevel } from './levels.js';
import { step, type Log } from './log.js';
import { readIndicatorMetadata } from './metadata.js';
import { readPois } from './poi.js';
import { protectValues } from './protect.js';
import { suppressionReportCsv } from './report.js';
import { simplifyTopologically } from './simplify.js';
import { readTable } from './table.js';

export interface BuildOptions {
  /** Output directory (default: `<config dir>/<atlas id>`). */
  out?: string;
  /** Write unpublished indicators too, as an internal build. */
  internal?: boolean;
}

/** What a build did, for the summary. */
export interface BuildSummary {
  out: string;
  build: 'public' | 'internal';
  levels: { id: string; areas: number; matched: number; unmatched: UnmatchedRow[]; file: string }[];
  indicators: string[];
  leftOut: string[];
  years: number[];
  suppressed: SuppressionRecord[];
  pois: { id: string; points: number; file: string }[];
  warnings: string[];
}

/** Builds an atlas from a config: reads, checks, suppresses, validates, and only then writes. */
export async function buildAtlas(configFile: string, options: BuildOptions, log: Log): Promise<BuildSummary> {
  const config = await loadConfig(configFile);
  const out = path.resolve(options.out ?? path.join(path.dirname(configFile), config.atlas.id));
  const build = options.internal ? 'internal' : 'public';
  const warnings: string[] = [];
  const warn = (message: string) => {
    warnings.push(message);
    log.warn(message);
  };

  const metadata = await step(log, `reading indicator metadata ${path.basename(config.indicators)}`, () => readIndicatorMetadata(config.indicators));
  const loaded = await loadLevels(config, log);
  loaded.forEach((entry) => entry.warnings.forEach(warn));
  const tolerance = config.options?.simplify ?? 0;
  if (tolerance > 0) {
    for (const entry of loaded) {
      await step(log, `simplifying level "${entry.level.id}" (${entry.features.length} areas, tolerance ${tolerance} m)`, () => {
        const { features, kept } = simplifyTopologically(entry.features, tolerance);
        entry.features = features;
        for (const index of kept) warn(`level "${entry.level.id}": area ${entry.level.areas[index].key} would vanish at ${tolerance} m; kept unsimplified`);
      });
    }
  }
  const levels = loaded.map((entry) => entry.level);
  const levelById = new Map(levels.map((level) => [level.id, level]));

  const { blocks, matchedByLevel, unmatchedByLevel, namesByLevel } = await readTables(config, levelById, metadata, log, warn);
  for (const entry of loaded) if (entry.config.names === 'table') useTableNames(entry, namesByLevel.get(entry.level.id) ?? new Map());
  const { indicators, unused } = indicatorsFromBlocks(metadata.map((m) => m.indicator), blocks);
  for (const id of unused) warn(`indicator "${id}" has no column in any table; left out`);

  const published = new Set(indicators.filter((indicator) => build === 'internal' || indicator.published).map((indicator) => indicator.id));
  const withheld = new Set(indicators.filter((indicator) => !published.has(indicator.id)).map((indicator) => indicator.id));
  const { blocks: suppressedBlocks, report } = await protectValues({ indicators, levels, blocks, privacy: config.atlas.privacy, withheld }, log);
  populationWarnings(config, blocks, levels).forEach(warn);

  const leftOut = indicators.filter((indicator) => !published.has(indicator.id)).map((indicator) => indicator.id);
  const outputIndicators = indicators.filter((indicator) => published.has(indicator.id)).map((indicator) => withoutDroppedReferences(indicator, published));
  const outputBlocks = suppressedBlocks.filter((block) => published.has(block.indicator));

  const geometryFiles = loaded.map((entry) => {
    const file = entry.config.output ?? `${entry.level.id}.fgb`;
    const { bytes, envelope } = writeIndexedFlatGeobuf(entry.features as Writable[], { title: entry.level.id });
    entry.level.geometry = { url: file, keyField: entry.config.keyField, nameField: entry.config.nameField ?? 'name', indexed: true, bbox: outwardBbox(envelope) };
    return { file, bytes };
  });
  const poiFiles = await readPoiFiles(config, log);

  const manifest = assembleManifest(config, build, levels, outputIndicators, outputBlocks, poiFiles.map((p) => p.source), warn);
  validateManifest(manifest, path.join(out, 'atlas.json'));

  await step(log, `writing ${out}`, async () => {
    await mkdir(out, { recursive: true });
    for (const { file, bytes } of [...geometryFiles, ...poiFiles]) await writeFile(path.join(out, file), bytes);
    await writeFile(path.join(out, 'atlas.json'), `${JSON.stringify(manifest, null, 1)}\n`);
    await writeFile(path.join(out, 'suppression-report.csv'), suppressionReportCsv(report));
  });

  return {
    out,
    build,
    levels: loaded.map((entry, i) => ({
      id: entry.level.id,
      areas: entry.level.areas.length,
      matched: matchedByLevel.get(entry.level.id)?.size ?? 0,
      unmatched: unmatchedByLevel.get(entry.level.id) ?? [],
      file: geometryFiles[i].file,
    })),
    indicators: outputIndicators.map((indicator) => indicator.id),
    leftOut,
    years: [...new Set(outputBlocks.map((block) => block.year))].sort(),
    suppressed: report,
    pois: poiFiles.map((p) => ({ id: p.source.id, points: p.points, file: p.file })),
    warnings,
  };
}

async function loadLevels(config: BuildConfig, log: Log): Promise<LoadedLevel[]> {
  const byId = new Map(config.levels.map((level) => [level.id, level]));
  const done = new Map<string, LoadedLevel>();
  const load = async (id: string, chain: string[]): Promise<LoadedLevel> => {
    const existing = done.get(id);
    if (existing) return existing;
    const levelConfig = byId.get(id)!;
    if (levelConfig.parent !== undefined && !byId.has(levelConfig.parent)) throw DataError.at('config', `level "${id}": its parent "${levelConfig.parent}" is no level of the config`);
    if (chain.includes(id)) throw DataError.at('config', `levels nest in a cycle: ${[...chain, id].join(' → ')}`);
    const parent = levelConfig.parent ? (await load(levelConfig.parent, [...chain, id])).level : undefined;
    const files = [levelConfig.boundaries].flat().map((file) => path.basename(file)).join(', ');
    const entry = await step(log, `reading boundaries of level "${id}" (${files})`, () => loadLevel(levelConfig, parent));
    done.set(id, entry);
    return entry;
  };
  for (const level of config.levels) await load(level.id, []);
  return config.levels.map((level) => done.get(level.id)!);
}

async function readTables(config: BuildConfig, levels: Map<string, Level>, metadata: Awaited<ReturnType<typeof readIndicatorMetadata>>, log: Log, warn: (message: string) => void) {
  const issues = new IssueList();
  const blocks: ValueBlock[] = [];
  const matchedByLevel = new Map<string, Set<string>>();
  const unmatchedByLevel = new Map<string, UnmatchedRow[]>();
  const namesByLevel = new Map<string, Map<string, string>>();
  const names = [config.atlas.reference.name, config.atlas.reference.label].flatMap((text) => (text === undefined ? [] : typeof text === 'string' ? [text] : Object.values(text)));
  for (const tableConfig of config.tables) {
    const level = levels.get(tableConfig.level);
    if (!level) {
      issues.add({ file: tableConfig.file, message: `the table's level "${tableConfig.level}" is no level of the config (${[...levels.keys()].join(', ')})` });
      continue;
    }
    try {
      const table = await step(log, `reading table ${path.basename(tableConfig.file)} (${tableConfig.level}, ${tableConfig.year})`, () => readTable(tableConfig.file, tableConfig));
      const result = parseIndicatorTable(table, tableConfig, level.areas, metadata, { key: config.atlas.reference.key, names });
      result.warnings.forEach(warn);
      const tableNames = namesByLevel.get(level.id) ?? new Map<string, string>();
      result.names.forEach((name, key) => tableNames.has(key) || tableNames.set(key, name));
      namesByLevel.set(level.id, tableNames);
      for (const block of result.blocks) {
        if (blocks.some((b) => b.indicator === block.indicator && b.level === block.level && b.year === block.year)) {
          issues.add({ file: tableConfig.file, message: `indicator "${block.indicator}" for ${block.level} ${block.year} comes from a second table` });
        } else blocks.push(block);
      }
      const matched = matchedByLevel.get(level.id) ?? new Set();
      result.matched.forEach((key) => matched.add(key));
      matchedByLevel.set(level.id, matched);
      const unmatched = unmatchedByLevel.get(level.id) ?? [];
      unmatched.push(...result.unmatched);
      unmatchedByLevel.set(level.id, unmatched);
      for (const row of result.unmatched) log.warn(`${tableConfig.file}, row ${row.row}: key "${row.key}"${row.name ? ` (${row.name})` : ''} matches no area of level "${level.id}"`);
    } catch (error) {
      if (error instanceof DataError) error.issues.forEach((issue) => issues.add(issue));
      else throw error;
    }
  }
  issues.throwIfAny();
  return { blocks, matchedByLevel, unmatchedByLevel, namesByLevel };
}

function indicatorsFromBlocks(indicators: Omit<Indicator, 'years' | 'levels'>[], blocks: ValueBlock[]): { indicators: Indicator[]; unused: string[] } {
  const unused: string[] = [];
  const result: Indicator[] = [];
  for (const indicator of indicators) {
    const own = blocks.filter((block) => block.indicator === indicator.id);
    if (own.length === 0) {
      unused.push(indicator.id);
      continue;
    }
    result.push({ ...indicator, years: [...new Set(own.map((b) => b.year))].sort(), levels: [...new Set(own.map((b) => b.level))] });
  }
  return { indicators: result, unused };
}

/** A published share must not point at an unpublished count that the build leaves out. */
function withoutDroppedReferences(indicator: Indicator, kept: Set<string>): Indicator {
  const copy = { ...indicator };
  if (copy.numerator && !kept.has(copy.numerator)) delete copy.numerator;
  if (copy.denominator && !kept.has(copy.denominator)) delete copy.denominator;
  return copy;
}

function populationWarnings(config: BuildConfig, blocks: ValueBlock[], levels: Level[]): string[] {
  const id = config.populationIndicator;
  if (!id) return [];
  const { minPopulation } = effectivePrivacy(config.atlas.privacy);
  const names = new Map(levels.flatMap((level) => level.areas.map((area) => [`${level.id}|${area.key}`, area.name])));
  return blocks
    .filter((block) => block.indicator === id)
    .flatMap((block) =>
      Object.entries(block.values)
        .filter(([, value]) => typeof value === 'number' && value < minPopulation)
        .map(([key, value]) => `area ${key} (${names.get(`${block.level}|${key}`) ?? key}, ${block.level} ${block.year}): population ${value} is below minPopulation ${minPopulation}`),
    );
}

async function readPoiFiles(config: BuildConfig, log: Log) {
  const categories = new Set((config.poi?.categories ?? []).map((category) => category.id));
  const result: { source: PoiSource; file: string; bytes: Uint8Array; points: number }[] = [];
  for (const sourceConfig of config.poi?.sources ?? []) {
    const points = await step(log, `reading POI source "${sourceConfig.id}" (${path.basename(sourceConfig.file)})`, () => readPois(sourceConfig, categories));
    const file = sourceConfig.output ?? `poi-${sourceConfig.id}.fgb`;
    const source: PoiSource = { id: sourceConfig.id, title: sourceConfig.title, url: file, format: 'flatgeobuf' };
    if (sourceConfig.categoryField) source.categoryField = sourceConfig.categoryField;
    if (sourceConfig.attribution) source.attribution = sourceConfig.attribution;
    if (sourceConfig.fictional !== undefined) source.fictional = sourceConfig.fictional;
    result.push({ source, file, bytes: writeIndexedFlatGeobuf(points as Writable[], { title: sourceConfig.id }).bytes, points: points.length });
  }
  return result;
}

function assembleManifest(
  config: BuildConfig,
  build: 'public' | 'internal',
  levels: Level[],
  indicators: Indicator[],
  blocks: ValueBlock[],
  poiSources: PoiSource[],
  warn: (message: string) => void,
): AtlasManifest {
  const { atlas } = config;
  const defaults = { ...atlas.defaults };
  if (defaults.indicator !== undefined && !indicators.some((indicator) => indicator.id === defaults.indicator)) {
    warn(`the default indicator "${defaults.indicator}" is not in this ${build} build; no default indicator set`);
    delete defaults.indicator;
  }
  const kept = new Set(indicators.map((indicator) => indicator.id));
  const bookmarks = (config.bookmarks ?? []).filter((bookmark) => {
    const uses = [bookmark.indicator, ...(bookmark.indicators ?? [])].filter((id): id is string => id !== undefined);
    const ok = uses.every((id) => kept.has(id));
    if (!ok) warn(`bookmark "${bookmark.id}" shows an indicator that is not in this ${build} build; left out`);
    return ok;
  });
  const manifest: AtlasManifest = {
    contract: CONTRACT_VERSION,
    id: atlas.id,
    title: atlas.title,
    ...(atlas.description !== undefined && { description: atlas.description }),
    ...(atlas.publisher !== undefined && { publisher: atlas.publisher }),
    build,
    attribution: atlas.attribution,
    reference: atlas.reference,
    defaults,
    ...(atlas.privacy !== undefined && { privacy: atlas.privacy }),
    topics: atlas.topics,
    levels,
    indicators,
    values: blocks,
  };
  if (config.poi?.categories?.length && poiSources.length) {
    manifest.poiCategories = config.poi.categories;
    manifest.poiSources = poiSources;
  }
  if (bookmarks.length) manifest.bookmarks = bookmarks;
  return manifest;
}

/** The envelope at 6 decimals, rounded outwards so it still contains every shape. */
function outwardBbox([west, south, east, north]: Envelope): [number, number, number, number] {
  return [Math.floor(west * 1e6) / 1e6, Math.floor(south * 1e6) / 1e6, Math.ceil(east * 1e6) / 1e6, Math.ceil(north * 1e6) / 1e6];
}
