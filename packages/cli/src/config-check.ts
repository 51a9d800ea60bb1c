import { describeValue } from '../../../src/contract/issues.js';
import type { Bookmark, PoiCategory } from '../../../src/contract/types.js';
import type { BuildConfig, LevelConfig, PoiSourceConfig, TableConfig } from './config.js';
import type { DataIssue } from './errors.js';
import { didYouMean } from './suggest.js';

// The checks of a build config, each mistake named by its key ("levels[1].parent").

type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const TOP_KEYS = ['atlas', 'levels', 'indicators', 'tables', 'populationIndicator', 'poi', 'bookmarks', 'options'];
const ATLAS_KEYS = ['id', 'title', 'description', 'publisher', 'attribution', 'reference', 'privacy', 'defaults', 'topics'];
const PRIVACY_KEYS = ['threshold', 'suppressZero', 'minDenominator', 'protectionWidth', 'minPopulation'];
const LEVEL_KEYS = ['id', 'title', 'parent', 'boundaries', 'keyField', 'nameField', 'parentField', 'output', 'names'];
const TABLE_KEYS = ['file', 'level', 'year', 'keyColumn', 'nameColumn', 'sheet', 'numberFormat', 'ignoreColumns'];
const POI_SOURCE_KEYS = ['id', 'title', 'file', 'categoryField', 'lonColumn', 'latColumn', 'attribution', 'fictional', 'output'];

/** Collects config mistakes and warnings, each named by its key. */
export class ConfigCheck {
  readonly issues: DataIssue[] = [];
  readonly warnings: DataIssue[] = [];
  constructor(private readonly file: string) {}

  problem(key: string, message: string): void {
    this.issues.push({ file: this.file, key, message });
  }
  expect(ok: boolean, key: string, expected: string, found: unknown): boolean {
    if (!ok) this.problem(key, `expected ${expected}, found ${describeValue(found)}`);
    return ok;
  }
  warn(key: string, message: string): void {
    this.warnings.push({ file: this.file, key, message });
  }

  object(value: unknown, key: string, expected: string): value is JsonObject {
    return this.expect(isObject(value), key, expected, value);
  }
  array(value: unknown, key: string, expected: string, required = true): unknown[] {
    if (value === undefined && !required) return [];
    return this.expect(Array.isArray(value), key, expected, value) ? (value as unknown[]) : [];
  }
  text(value: unknown, key: string, required = true): void {
    if (value === undefined && !required) return;
    const ok = (typeof value === 'string' && value.trim() !== '') || (isObject(value) && typeof value.de === 'string' && value.de.trim() !== '' && Object.keys(value).every((k) => k === 'de' || (k === 'en' && typeof value.en === 'string')));
    this.expect(ok, key, 'a text: "…" or {"de": "…", "en": "…"}', value);
  }
  string(value: unknown, key: string, required: boolean, expected = 'a text in quotes'): void {
    if (value === undefined && !required) return;
    this.expect(typeof value === 'string' && value.trim() !== '', key, expected, value);
  }
  id(value: unknown, key: string, required = true): void {
    if (value === undefined && !required) return;
    this.expect(typeof value === 'string' && ID.test(value), key, 'an id of letters, digits, "-", "_" or "."', value);
  }
  year(value: unknown, key: string, required: boolean): void {
    if (value === undefined && !required) return;
    this.expect(Number.isInteger(value) && (value as number) >= 1900 && (value as number) <= 2200, key, 'a year (e.g. 2024)', value);
  }
  /** Keys the build does not know: a warning (they are ignored), or a mistake where the contract allows none. */
  knownKeys(object: JsonObject, known: readonly string[], prefix: string, strict = false): void {
    for (const key of Object.keys(object)) {
      if (known.includes(key)) continue;
      const message = `unknown key${didYouMean(key, known)}; ${strict ? `allowed: ${known.join(', ')}` : 'ignored'}`;
      if (strict) this.problem(`${prefix}${key}`, message);
      else this.warn(`${prefix}${key}`, message);
    }
  }
  unique(ids: unknown[], key: (index: number) => string, what: string): void {
    const first = new Map<unknown, number>();
    ids.forEach((id, index) => {
      if (typeof id !== 'string') return;
      if (first.has(id)) this.problem(`${key(index)}.id`, `duplicate ${what} "${id}" (first at ${key(first.get(id)!)})`);
      else first.set(id, index);
    });
  }
}

export function checkConfig(raw: JsonObject, check: ConfigCheck): BuildConfig {
  check.knownKeys(raw, TOP_KEYS, '');
  const levels = check.array(raw.levels, 'levels', 'an array of levels [{"id": …, "title": …, "boundaries": …, "keyField": …}]');
  if (Array.isArray(raw.levels) && levels.length === 0) check.problem('levels', 'expected at least one level, found an empty array');
  const levelIds = levels.flatMap((level) => (isObject(level) && typeof level.id === 'string' ? [level.id] : []));
  levels.forEach((level, i) => checkLevel(level, `levels[${i}]`, levelIds, check));
  check.unique(levels.map((level) => (isObject(level) ? level.id : undefined)), (i) => `levels[${i}]`, 'level id');
  checkNesting(levels, check);

  if (check.object(raw.atlas, 'atlas', 'an object with id, title, attribution, reference, defaults, topics')) checkAtlas(raw.atlas, levelIds, check);
  check.string(raw.indicators, 'indicators', true, 'the file name of the indicator metadata table (CSV or XLSX)');
  const tables = check.array(raw.tables, 'tables', 'an array of tables [{"file": …, "level": …, "year": …}] (may be empty)');
  tables.forEach((table, i) => checkTable(table, `tables[${i}]`, levelIds, check));
  check.string(raw.populationIndicator, 'populationIndicator', false, 'the id of a count indicator');
  const poi = raw.poi === undefined ? undefined : check.object(raw.poi, 'poi', 'an object {"categories": […], "sources": […]}') ? checkPoi(raw.poi, check) : undefined;
  const bookmarks = check.array(raw.bookmarks, 'bookmarks', 'an array of bookmarks', false);
  bookmarks.forEach((bookmark, i) => checkBookmark(bookmark, `bookmarks[${i}]`, check));
  check.unique(bookmarks.map((bookmark) => (isObject(bookmark) ? bookmark.id : undefined)), (i) => `bookmarks[${i}]`, 'bookmark id');
  if (raw.options !== undefined && check.object(raw.options, 'options', 'an object {"simplify": …}')) {
    check.knownKeys(raw.options, ['simplify'], 'options.');
    const simplify = raw.options.simplify;
    if (simplify !== undefined) check.expect(typeof simplify === 'number' && simplify >= 0, 'options.simplify', 'a tolerance in metres (0 or more)', simplify);
  }
  checkOutputNames(levels, poi?.sources ?? [], check);
  return { ...(raw as unknown as BuildConfig), levels: levels as LevelConfig[], tables: tables as TableConfig[], poi, bookmarks: bookmarks.length ? (bookmarks as Bookmark[]) : undefined };
}

function checkAtlas(atlas: JsonObject, levelIds: string[], check: ConfigCheck): void {
  check.knownKeys(atlas, ATLAS_KEYS, 'atlas.');
  check.id(atlas.id, 'atlas.id');
  check.text(atlas.title, 'atlas.title');
  check.text(atlas.description, 'atlas.description', false);
  check.string(atlas.publisher, 'atlas.publisher', false);
  check.array(atlas.attribution, 'atlas.attribution', 'an array of {"text": …, "url"?, "licence"?, "licenceUrl"?}').forEach((entry, i) => {
    if (check.object(entry, `atlas.attribution[${i}]`, 'an object {"text": …}')) check.string(entry.text, `atlas.attribution[${i}].text`, true);
  });
  if (check.object(atlas.reference, 'atlas.reference', 'an object {"name": …, "label"?, "key"?}')) {
    const reference = atlas.reference;
    check.knownKeys(reference, ['name', 'label', 'key'], 'atlas.reference.', true);
    check.text(reference.name, 'atlas.reference.name');
    check.text(reference.label, 'atlas.reference.label', false);
    if (reference.key !== undefined) check.expect(typeof reference.key === 'string' && reference.key !== '', 'atlas.reference.key', 'the key in quotes (e.g. "03460"; as a number it loses its leading zeros)', reference.key);
  }
  if (atlas.privacy !== undefined && check.object(atlas.privacy, 'atlas.privacy', `an object with ${PRIVACY_KEYS.join(', ')}`)) checkPrivacy(atlas.privacy, check);
  if (check.object(atlas.defaults, 'atlas.defaults', 'an object {"level": …, "indicator"?, "year"?}')) {
    const defaults = atlas.defaults;
    check.knownKeys(defaults, ['level', 'indicator', 'year'], 'atlas.defaults.', true);
    check.id(defaults.level, 'atlas.defaults.level');
    if (typeof defaults.level === 'string' && levelIds.length && !levelIds.includes(defaults.level)) {
      check.problem('atlas.defaults.level', `"${defaults.level}" is no level of the config${didYouMean(defaults.level, levelIds)} (levels: ${levelIds.join(', ')})`);
    }
    check.id(defaults.indicator, 'atlas.defaults.indicator', false);
    check.year(defaults.year, 'atlas.defaults.year', false);
  }
  const topics = check.array(atlas.topics, 'atlas.topics', 'an array of topics [{"id": …, "title": …}]');
  topics.forEach((topic, i) => {
    if (!check.object(topic, `atlas.topics[${i}]`, 'an object {"id": …, "title": …}')) return;
    check.knownKeys(topic, ['id', 'title'], `atlas.topics[${i}].`, true);
    check.id(topic.id, `atlas.topics[${i}].id`);
    check.text(topic.title, `atlas.topics[${i}].title`);
  });
  check.unique(topics.map((topic) => (isObject(topic) ? topic.id : undefined)), (i) => `atlas.topics[${i}]`, 'topic id');
}

function checkPrivacy(privacy: JsonObject, check: ConfigCheck): void {
  check.knownKeys(privacy, PRIVACY_KEYS, 'atlas.privacy.', true);
  const { threshold, suppressZero, minDenominator, protectionWidth, minPopulation } = privacy;
  const number = (value: unknown, min: number, integer: boolean) => typeof value === 'number' && Number.isFinite(value) && value >= min && (!integer || Number.isInteger(value));
  if (threshold !== undefined) check.expect(number(threshold, 3, true), 'atlas.privacy.threshold', 'a whole number of 3 or more (counts from 0 to 3 are never published; only a stricter threshold is allowed)', threshold);
  if (suppressZero !== undefined) check.expect(typeof suppressZero === 'boolean', 'atlas.privacy.suppressZero', 'true or false', suppressZero);
  if (minDenominator !== undefined) check.expect(number(minDenominator, 0, false), 'atlas.privacy.minDenominator', 'a number of 0 or more', minDenominator);
  if (protectionWidth !== undefined) check.expect(number(protectionWidth, 0, false), 'atlas.privacy.protectionWidth', 'a number of 0 or more (the build never uses less than threshold + 1)', protectionWidth);
  if (minPopulation !== undefined) check.expect(number(minPopulation, 0, true), 'atlas.privacy.minPopulation', 'a whole number of 0 or more (the build never uses less than 50)', minPopulation);
}

function checkLevel(level: unknown, key: string, levelIds: string[], check: ConfigCheck): void {
  if (!check.object(level, key, 'a level {"id": …, "title": …, "boundaries": …, "keyField": …}')) return;
  check.knownKeys(level, LEVEL_KEYS, `${key}.`);
  check.id(level.id, `${key}.id`);
  check.text(level.title, `${key}.title`);
  const boundaries = level.boundaries;
  check.expect((typeof boundaries === 'string' && boundaries !== '') || (Array.isArray(boundaries) && boundaries.length > 0 && boundaries.every((b) => typeof b === 'string' && b !== '')), `${key}.boundaries`, 'a file name or an array of file names', boundaries);
  check.string(level.keyField, `${key}.keyField`, true, 'the name of the property with the area key');
  check.string(level.nameField, `${key}.nameField`, false, 'the name of the property with the area name');
  check.string(level.parentField, `${key}.parentField`, false, 'the name of the property with the key of the enclosing area');
  if (level.names !== undefined) check.expect(level.names === 'boundaries' || level.names === 'table', `${key}.names`, '"boundaries" or "table"', level.names);
  if (level.parent !== undefined) {
    check.id(level.parent, `${key}.parent`);
    if (typeof level.parent === 'string' && !levelIds.includes(level.parent)) check.problem(`${key}.parent`, `"${level.parent}" is no level of the config${didYouMean(level.parent, levelIds)} (levels: ${levelIds.join(', ')})`);
  }
}

/** Parents form chains, not cycles. */
function checkNesting(levels: unknown[], check: ConfigCheck): void {
  const parentOf = new Map(levels.flatMap((level) => (isObject(level) && typeof level.id === 'string' && typeof level.parent === 'string' ? [[level.id, level.parent] as const] : [])));
  levels.forEach((level, i) => {
    if (!isObject(level) || typeof level.id !== 'string') return;
    const chain = [level.id];
    for (let parent = parentOf.get(level.id); parent !== undefined; parent = parentOf.get(parent)) {
      chain.push(parent);
      if (parent === level.id) {
        check.problem(`levels[${i}].parent`, `levels nest in a cycle: ${chain.join(' → ')}`);
        return;
      }
      if (chain.length > levels.length + 1) return;
    }
  });
}

function checkTable(table: unknown, key: string, levelIds: string[], check: ConfigCheck): void {
  if (!check.object(table, key, 'a table {"file": …, "level": …, "year": …}')) return;
  check.knownKeys(table, TABLE_KEYS, `${key}.`);
  check.string(table.file, `${key}.file`, true, 'a file name (CSV or XLSX)');
  check.id(table.level, `${key}.level`);
  if (typeof table.level === 'string' && levelIds.length && !levelIds.includes(table.level)) check.problem(`${key}.level`, `"${table.level}" is no level of the config${didYouMean(table.level, levelIds)} (levels: ${levelIds.join(', ')})`);
  check.year(table.year, `${key}.year`, true);
  check.string(table.keyColumn, `${key}.keyColumn`, false, 'a column header');
  check.string(table.nameColumn, `${key}.nameColumn`, false, 'a column header');
  if (table.sheet !== undefined) check.expect((typeof table.sheet === 'string' && table.sheet !== '') || (Number.isInteger(table.sheet) && (table.sheet as number) >= 1), `${key}.sheet`, 'a sheet name or its number (1 for the first)', table.sheet);
  if (table.numberFormat !== undefined) check.expect(table.numberFormat === 'de' || table.numberFormat === 'en', `${key}.numberFormat`, '"de" (1.583,5) or "en" (1,583.5)', table.numberFormat);
  if (table.ignoreColumns !== undefined) check.expect(Array.isArray(table.ignoreColumns) && table.ignoreColumns.every((c) => typeof c === 'string'), `${key}.ignoreColumns`, 'an array of column headers', table.ignoreColumns);
}

function checkPoi(poi: JsonObject, check: ConfigCheck): NonNullable<BuildConfig['poi']> {
  check.knownKeys(poi, ['categories', 'sources'], 'poi.');
  const categories = check.array(poi.categories, 'poi.categories', 'an array of categories [{"id": …, "title": …}]');
  categories.forEach((category, i) => {
    if (!check.object(category, `poi.categories[${i}]`, 'a category {"id": …, "title": …}')) return;
    check.id(category.id, `poi.categories[${i}].id`);
    check.text(category.title, `poi.categories[${i}].title`);
  });
  check.unique(categories.map((category) => (isObject(category) ? category.id : undefined)), (i) => `poi.categories[${i}]`, 'category id');
  const sources = check.array(poi.sources, 'poi.sources', 'an array of POI sources [{"id": …, "title": …, "file": …}]');
  sources.forEach((source, i) => {
    const key = `poi.sources[${i}]`;
    if (!check.object(source, key, 'a POI source {"id": …, "title": …, "file": …}')) return;
    check.knownKeys(source, POI_SOURCE_KEYS, `${key}.`);
    check.id(source.id, `${key}.id`);
    check.text(source.title, `${key}.title`);
    check.string(source.file, `${key}.file`, true, 'a file name (GeoJSON, Shapefile, CSV or XLSX)');
    for (const field of ['categoryField', 'lonColumn', 'latColumn'] as const) check.string(source[field], `${key}.${field}`, false, 'a property or column name');
    if (source.fictional !== undefined) check.expect(typeof source.fictional === 'boolean', `${key}.fictional`, 'true or false', source.fictional);
  });
  check.unique(sources.map((source) => (isObject(source) ? source.id : undefined)), (i) => `poi.sources[${i}]`, 'POI source id');
  return { categories: categories as PoiCategory[], sources: sources as PoiSourceConfig[] };
}

function checkBookmark(bookmark: unknown, key: string, check: ConfigCheck): void {
  if (!check.object(bookmark, key, 'a bookmark {"id": …, "title": …, "text": …}')) return;
  check.id(bookmark.id, `${key}.id`);
  check.text(bookmark.title, `${key}.title`);
  check.text(bookmark.text, `${key}.text`);
  check.id(bookmark.level, `${key}.level`, false);
  check.id(bookmark.indicator, `${key}.indicator`, false);
  check.year(bookmark.year, `${key}.year`, false);
  if (bookmark.indicators !== undefined) check.expect(Array.isArray(bookmark.indicators) && bookmark.indicators.every((id) => typeof id === 'string'), `${key}.indicators`, 'an array of indicator ids', bookmark.indicators);
  if (bookmark.areas !== undefined) check.expect(Array.isArray(bookmark.areas) && bookmark.areas.every((area) => typeof area === 'string'), `${key}.areas`, 'an array of area keys in quotes', bookmark.areas);
}

/** Every written file has its own plain name in the output folder (no path: nothing lands outside it). */
function checkOutputNames(levels: unknown[], sources: unknown[], check: ConfigCheck): void {
  const first = new Map<string, string>();
  const entries = [
    ...levels.map((level, i) => ({ entry: level, key: `levels[${i}]`, fallback: (id: string) => `${id}.fgb` })),
    ...sources.map((source, i) => ({ entry: source, key: `poi.sources[${i}]`, fallback: (id: string) => `poi-${id}.fgb` })),
  ];
  for (const { entry, key, fallback } of entries) {
    if (!isObject(entry) || typeof entry.id !== 'string') continue;
    const output = entry.output;
    if (output !== undefined && !check.expect(typeof output === 'string' && /^[^/\\]+\.fgb$/i.test(output) && !output.startsWith('.'), `${key}.output`, 'a plain file name ending in .fgb (no folder)', output)) continue;
    const name = ((output as string | undefined) ?? fallback(entry.id)).toLowerCase();
    if (first.has(name)) check.problem(`${key}.output`, `the file "${name}" is already written for ${first.get(name)}; give one of them another "output"`);
    else first.set(name, key);
  }
}
