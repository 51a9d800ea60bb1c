import path from 'node:path';
import { CONTRACT_VERSION, type AtlasManifest, type Bookmark, type Indicator, type Level, type PoiSource, type ValueBlock } from '../../../src/contract/types.js';
import { manifestIssues, validateManifest } from '../../../src/contract/validate.js';
import { effectivePrivacy, type SuppressionRecord } from '../../../src/core/suppression.js';
import { loadConfig, type BuildConfig, type LoadedConfig } from './config.js';
import { bookmarksToWrite, checkDefaults, metadataAgainstConfig, metadataAgainstData, type Publication } from './consistency.js';
import { formatDataIssue, IssueList, type DataIssue } from './errors.js';
import { writeIndexedFlatGeobuf, type Envelope, type Writable } from './flatgeobuf-writer.js';
import { parseIndicatorTable, type UnmatchedRow } from './indicator-table.js';
import { loadLevel, useTableNames, type LoadedLevel } from './levels.js';
import { step, type Log } from './log.js';
import { readIndicatorMetadata, type IndicatorMetadata } from './metadata.js';
import { checkOutputFolder, checkReportFile, refuseReportInside, removeOldReport, writeOutput } from './output-paths.js';
import { sourcePlace } from './places.js';
import { readPois } from './poi.js';
import { formatAuditSummary, protectValues } from './protect.js';
import { reportedCells, suppressionReportCsv } from './report.js';
import { simplifyTopologically } from './simplify.js';
import { readTable } from './table.js';

export interface BuildOptions {
  /** Output directory (default: `<config dir>/<atlas id>`). */
  out?: string;
  /** Where the disclosure report goes (default: `<config dir>/<atlas id>.suppression-report.csv`); never inside `out`. */
  report?: string;
  /** Write unpublished indicators too, as an internal build. */
  internal?: boolean;
}

/** What a build did, for the summary. */
export interface BuildSummary {
  out: string;
  /** The disclosure report, outside `out`. */
  report: string;
  build: 'public' | 'internal';
  levels: { id: string; areas: number; matched: number; unmatched: UnmatchedRow[]; file: string }[];
  indicators: string[];
  leftOut: string[];
  years: number[];
  /** Suppressed cells of the indicators written (those of left-out indicators are protected too, but not listed). */
  suppressed: SuppressionRecord[];
  /** The disclosure audit's summary lines. */
  audit: string[];
  pois: { id: string; points: number; file: string }[];
  warnings: string[];
}

/**
 * Builds an atlas from a config: reads everything, reports every mistake of config, metadata
 * and tables together, suppresses, validates, and only then writes: the atlas into `out`, the
 * disclosure report outside it.
 */
export async function buildAtlas(configFile: string, options: BuildOptions, log: Log): Promise<BuildSummary> {
  const build = options.internal ? 'internal' : 'public';
  const loaded = await loadConfig(configFile);
  const { config } = loaded;
  const warnings: string[] = [];
  const warn = (message: string) => {
    warnings.push(message);
    log.warn(message);
  };
  const warnAt = (issue: DataIssue) => warn(formatDataIssue(issue));

  const atlasId = loaded.broken('atlas.id') || typeof config.atlas?.id !== 'string' ? path.basename(configFile).replace(/(\.config)?\.json$/i, '') : config.atlas.id;
  const out = path.resolve(options.out ?? path.join(path.dirname(configFile), atlasId));
  const reportFile = path.resolve(options.report ?? path.join(path.dirname(configFile), `${atlasId}.suppression-report.csv`));
  await refuseReportInside(reportFile, out, options.report !== undefined);
  await checkOutputFolder(out, options.out === undefined ? 'the output folder' : '--out');
  await checkReportFile(reportFile, options.report === undefined ? 'the disclosure report' : '--report');
  loaded.warnings.forEach(warnAt);

  const issues = new IssueList();
  loaded.issues.forEach((issue) => issues.add(issue));
  const metadata = loaded.broken('indicators')
    ? undefined
    : await issues.collect(() => step(log, `reading indicator metadata ${path.basename(config.indicators)}`, () => readIndicatorMetadata(config.indicators)));
  const loadedLevels = await loadLevels(loaded, log, issues);
  loadedLevels.forEach((entry) => entry.warnings.forEach(warn));
  const levels = loadedLevels.map((entry) => entry.level);
  const levelById = new Map(levels.map((level) => [level.id, level]));
  const tables = metadata ? await readTables(loaded, levelById, metadata, log, issues, warn) : undefined;
  for (const entry of loadedLevels) if (tables && entry.config.names === 'table') useTableNames(entry, tables.namesByLevel.get(entry.level.id) ?? new Map());
  const poiFiles = await readPoiFiles(loaded, log, issues);
  const blocks = tables?.blocks ?? [];

  const indicators = metadata ? indicatorsFromBlocks(metadata.map((m) => m.indicator), blocks) : { indicators: [], unused: [] };
  const published = indicators.indicators.filter((indicator) => build === 'internal' || indicator.published);
  const publishedIds = new Set(published.map((indicator) => indicator.id));
  let bookmarks: Bookmark[] = [];
  let defaults: BuildConfig['atlas']['defaults'] | undefined;
  if (metadata) metadataAgainstConfig(metadata, loaded).forEach((issue) => issues.add(issue));
  // Checks of the whole, only once every level and table could be read: else they only echo what is missing.
  const complete = metadata !== undefined && tables?.complete === true && loadedLevels.length === config.levels.length && !loaded.broken('atlas');
  if (complete) {
    for (const id of indicators.unused) warn(`indicator "${id}" has no column in any table; left out`);
    if (indicators.indicators.length === 0) warn('no indicator has values in any table: the atlas shows boundaries only');
    metadataAgainstData(metadata, blocks, loaded.broken('atlas.privacy') ? undefined : config.atlas.privacy, configFile).forEach((issue) => issues.add(issue));
    const publication: Publication = { build, indicators: indicators.indicators, published, levels };
    const defaultIssues = checkDefaults(loaded, metadata, publication, warnAt);
    defaultIssues.forEach((issue) => issues.add(issue));
    defaults = { ...config.atlas.defaults };
    if (defaults.indicator !== undefined && !publishedIds.has(defaults.indicator)) delete defaults.indicator;
    bookmarks = bookmarksToWrite(loaded, metadata, publication, warnAt);
    const outputIndicators = published.map((indicator) => withoutDroppedReferences(indicator, publishedIds));
    const draft = assembleManifest(config, build, defaults, levels, outputIndicators, blocks.filter((block) => publishedIds.has(block.indicator)), poiFiles.map((p) => p.source), bookmarks);
    if (defaultIssues.length === 0) contractIssuesAtTheirSource(draft, loaded, metadata, bookmarks).forEach((issue) => issues.add(issue));
  }
  issues.throwIfAny();

  const tolerance = config.options?.simplify ?? 0;
  if (tolerance > 0) {
    for (const entry of loadedLevels) {
      await step(log, `simplifying level "${entry.level.id}" (${entry.features.length} areas, tolerance ${tolerance} m)`, () => {
        const { features, kept } = simplifyTopologically(entry.features, tolerance);
        entry.features = features;
        for (const index of kept) warn(`level "${entry.level.id}": area ${entry.level.areas[index].key} would vanish at ${tolerance} m; kept unsimplified`);
      });
    }
  }

  const withheld = new Set(indicators.indicators.filter((indicator) => !publishedIds.has(indicator.id)).map((indicator) => indicator.id));
  const protection = await protectValues({ indicators: indicators.indicators, levels, blocks, privacy: config.atlas.privacy, withheld }, log);
  const audit = formatAuditSummary(protection.audit);
  populationWarnings(config, blocks, levels).forEach(warn);

  const leftOutIndicators = metadata!.map((entry) => entry.indicator).filter((indicator) => !publishedIds.has(indicator.id));
  const outputIndicators = published.map((indicator) => withoutDroppedReferences(indicator, publishedIds));
  const outputBlocks = protection.blocks.filter((block) => publishedIds.has(block.indicator));

  const geometryFiles = loadedLevels.map((entry) => {
    const file = entry.config.output ?? `${entry.level.id}.fgb`;
    const { bytes, envelope } = writeIndexedFlatGeobuf(entry.features as Writable[], { title: entry.level.id });
    entry.level.geometry = { url: file, keyField: entry.config.keyField, nameField: entry.config.nameField ?? 'name', indexed: true, bbox: outwardBbox(envelope) };
    return { file, bytes };
  });

  const manifest = assembleManifest(config, build, defaults!, levels, outputIndicators, outputBlocks, poiFiles.map((p) => p.source), bookmarks);
  validateManifest(manifest, path.join(out, 'atlas.json'));

  const context = { atlasId, build, configFile, withheld: build === 'public' ? leftOutIndicators : [], audit } as const;
  await step(log, `writing the disclosure report ${reportFile}`, () => writeOutput(reportFile, suppressionReportCsv(protection.report, context)));
  await step(log, `writing ${out}`, async () => {
    for (const { file, bytes } of [...geometryFiles, ...poiFiles]) await writeOutput(path.join(out, file), bytes);
    await writeOutput(path.join(out, 'atlas.json'), `${JSON.stringify(manifest, null, 1)}\n`);
    await removeOldReport(out, warn);
  });

  return {
    out,
    report: reportFile,
    build,
    levels: loadedLevels.map((entry, i) => ({
      id: entry.level.id,
      areas: entry.level.areas.length,
      matched: tables?.matchedByLevel.get(entry.level.id)?.size ?? 0,
      unmatched: tables?.unmatchedByLevel.get(entry.level.id) ?? [],
      file: geometryFiles[i].file,
    })),
    indicators: outputIndicators.map((indicator) => indicator.id),
    leftOut: leftOutIndicators.filter((indicator) => !indicators.unused.includes(indicator.id)).map((indicator) => indicator.id),
    years: [...new Set(outputBlocks.map((block) => block.year))].sort(),
    suppressed: reportedCells(protection.report, context.withheld),
    audit,
    pois: poiFiles.map((p) => ({ id: p.source.id, points: p.points, file: p.file })),
    warnings,
  };
}

/** The manifest's problems, named where the office can fix them (config key, metadata row and column). */
function contractIssuesAtTheirSource(manifest: AtlasManifest, loaded: LoadedConfig, metadata: IndicatorMetadata[], bookmarks: Bookmark[]): DataIssue[] {
  const bookmarkIndex = bookmarks.map((bookmark) => loaded.config.bookmarks!.indexOf(bookmark));
  return manifestIssues(manifest, 'atlas.json')
    .map((issue) => sourcePlace(issue, { configFile: loaded.file, metadata, manifest, bookmarkIndex }))
    .filter((issue) => issue.key === undefined || issue.file !== loaded.file || !loaded.broken(issue.key));
}

/** Loads every level whose config is sound and whose parent loaded; the others' problems join `issues`. */
async function loadLevels(loaded: LoadedConfig, log: Log, issues: IssueList): Promise<LoadedLevel[]> {
  const usable = loaded.config.levels.filter((_, i) => !loaded.broken(`levels[${i}]`));
  const byId = new Map(usable.map((level) => [level.id, level]));
  const done = new Map<string, LoadedLevel | undefined>();
  const load = async (id: string): Promise<LoadedLevel | undefined> => {
    if (done.has(id)) return done.get(id);
    const levelConfig = byId.get(id);
    done.set(id, undefined);
    if (!levelConfig) return undefined;
    const parent = levelConfig.parent === undefined ? undefined : await load(levelConfig.parent);
    if (levelConfig.parent !== undefined && !parent) return undefined;
    const files = [levelConfig.boundaries].flat().map((file) => path.basename(file)).join(', ');
    const entry = await issues.collect(() => step(log, `reading boundaries of level "${id}" (${files})`, () => loadLevel(levelConfig, parent?.level)));
    done.set(id, entry);
    return entry;
  };
  for (const level of usable) await load(level.id);
  return usable.flatMap((level) => done.get(level.id) ?? []);
}

async function readTables(loaded: LoadedConfig, levels: Map<string, Level>, metadata: IndicatorMetadata[], log: Log, issues: IssueList, warn: (message: string) => void) {
  const { config } = loaded;
  const blocks: ValueBlock[] = [];
  const matchedByLevel = new Map<string, Set<string>>();
  const unmatchedByLevel = new Map<string, UnmatchedRow[]>();
  const namesByLevel = new Map<string, Map<string, string>>();
  const reference = loaded.broken('atlas.reference') || !config.atlas ? undefined : config.atlas.reference;
  const names = [reference?.name, reference?.label].flatMap((text) => (text === undefined ? [] : typeof text === 'string' ? [text] : Object.values(text)));
  let complete = !loaded.broken('tables');
  for (const [i, tableConfig] of config.tables.entries()) {
    const level = loaded.broken(`tables[${i}]`) ? undefined : levels.get(tableConfig.level);
    if (!level) {
      complete = false;
      continue;
    }
    const read = await issues.collect(async () => {
      const table = await step(log, `reading table ${path.basename(tableConfig.file)} (${tableConfig.level}, ${tableConfig.year})`, () => readTable(tableConfig.file, tableConfig));
      const result = parseIndicatorTable(table, tableConfig, level.areas, metadata, { key: reference?.key, names });
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
      return true;
    });
    if (!read) complete = false;
  }
  return { blocks, matchedByLevel, unmatchedByLevel, complete, namesByLevel };
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

/** A written indicator never names one that the build leaves out; a sum with a missing part is no sum, so `parts` goes whole. */
function withoutDroppedReferences(indicator: Indicator, kept: Set<string>): Indicator {
  const copy = { ...indicator };
  if (copy.numerator && !kept.has(copy.numerator)) delete copy.numerator;
  if (copy.denominator && !kept.has(copy.denominator)) delete copy.denominator;
  if (copy.changeOf && !kept.has(copy.changeOf)) delete copy.changeOf;
  if (copy.parts?.some((part) => !kept.has(part))) delete copy.parts;
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

async function readPoiFiles(loaded: LoadedConfig, log: Log, issues: IssueList) {
  const { poi } = loaded.config;
  const result: { source: PoiSource; file: string; bytes: Uint8Array; points: number }[] = [];
  if (!poi || loaded.broken('poi.categories')) return result;
  const categories = new Set(poi.categories.map((category) => category.id));
  for (const [i, sourceConfig] of poi.sources.entries()) {
    if (loaded.broken(`poi.sources[${i}]`)) continue;
    const points = await issues.collect(() => step(log, `reading POI source "${sourceConfig.id}" (${path.basename(sourceConfig.file)})`, () => readPois(sourceConfig, categories)));
    if (!points) continue;
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
  defaults: BuildConfig['atlas']['defaults'],
  levels: Level[],
  indicators: Indicator[],
  blocks: ValueBlock[],
  poiSources: PoiSource[],
  bookmarks: Bookmark[],
): AtlasManifest {
  const { atlas } = config;
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
