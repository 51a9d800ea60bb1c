import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Attribution, Bookmark, LocalizedText, PoiCategory, PrivacySettings, Topic } from '../contract/types.js';
import { DataError, type DataIssue } from './errors.js';

/** One spatial level: its boundary file(s) and the fields that carry key, name and parent key. */
export interface LevelConfig {
  id: string;
  title: LocalizedText;
  /** Id of the enclosing level. */
  parent?: string;
  /** GeoJSON, zipped Shapefile or `.shp` (with `.dbf` and `.prj` beside it); several files are merged. */
  boundaries: string | string[];
  keyField: string;
  nameField?: string;
  /** Property with the key of the enclosing area; without it, the parent area whose key starts the area's key. */
  parentField?: string;
  /** Name of the FlatGeobuf file written (default `<id>.fgb`). */
  output?: string;
  /** Whose area names the atlas shows: the boundaries' (default) or the tables' (the first table with a row for the area). */
  names?: 'boundaries' | 'table';
}

/** One indicator table: one row per area of `level`, one column per indicator, for `year`. */
export interface TableConfig {
  file: string;
  level: string;
  year: number;
  /** Header of the key column (default: "Schlüssel", "AGS", "Key", "Schluessel", "Kennziffer"). */
  keyColumn?: string;
  /** Header of the name column (default: "Gebiet", "Name", "Bezeichnung"). */
  nameColumn?: string;
  /** XLSX sheet name or number. */
  sheet?: string | number;
  /** "de" (1.583,5) or "en" (1,583.5); default "de" for `;`-CSV and XLSX, "en" for `,`-CSV. */
  numberFormat?: 'de' | 'en';
  /** Columns that are neither key, name nor indicator and should be ignored. */
  ignoreColumns?: string[];
}

export interface PoiSourceConfig {
  id: string;
  title: LocalizedText;
  /** GeoJSON of points, or CSV/XLSX with longitude and latitude columns (WGS84). */
  file: string;
  /** Property or column with the category id (default "category"). */
  categoryField?: string;
  /** CSV/XLSX columns with the coordinates (default "lon"/"lat", also "lng", "longitude", "x" / "latitude", "y"). */
  lonColumn?: string;
  latColumn?: string;
  attribution?: Attribution[];
  fictional?: boolean;
  /** Name of the FlatGeobuf file written (default `poi-<id>.fgb`). */
  output?: string;
}

/** The build configuration read by `keck-atlas build`. Keys starting with "//" and "$comment" are comments. */
export interface BuildConfig {
  atlas: {
    id: string;
    title: LocalizedText;
    description?: LocalizedText;
    publisher?: string;
    attribution: Attribution[];
    reference: { name: LocalizedText; label?: LocalizedText; key?: string };
    privacy?: PrivacySettings;
    defaults: { level: string; indicator?: string; year?: number };
    topics: Topic[];
  };
  levels: LevelConfig[];
  /** The indicator metadata table (CSV or XLSX, one row per indicator). */
  indicators: string;
  tables: TableConfig[];
  /** Indicator id of the population count; areas below `privacy.minPopulation` get a warning. */
  populationIndicator?: string;
  poi?: { categories: PoiCategory[]; sources: PoiSourceConfig[] };
  bookmarks?: Bookmark[];
  options?: {
    /** Simplification tolerance in metres (0: none). Default 0. */
    simplify?: number;
  };
}

/** Removes comment keys ("//", "// anything", "$comment") at every depth. */
export function stripComments(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripComments);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !key.startsWith('//') && key !== '$comment')
        .map(([key, inner]) => [key, stripComments(inner)]),
    );
  }
  return value;
}

/** Reads and checks a config file; file paths in it become absolute (relative to the config). */
export async function loadConfig(file: string): Promise<BuildConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw DataError.at(file, `cannot read the config (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw DataError.at(file, `the config is no valid JSON (${(error as Error).message})`);
  }
  const config = stripComments(raw) as BuildConfig;
  const issues = checkConfig(config, file);
  if (issues.length) throw new DataError(issues);
  const base = path.dirname(path.resolve(file));
  const resolve = (target: string) => path.resolve(base, target);
  return {
    ...config,
    indicators: resolve(config.indicators),
    levels: config.levels.map((level) => ({ ...level, boundaries: [level.boundaries].flat().map(resolve) })),
    tables: config.tables.map((table) => ({ ...table, file: resolve(table.file) })),
    poi: config.poi && { ...config.poi, sources: config.poi.sources.map((source) => ({ ...source, file: resolve(source.file) })) },
  };
}

function checkConfig(config: BuildConfig, file: string): DataIssue[] {
  const issues: DataIssue[] = [];
  const need = (ok: boolean, where: string, expected: string) => {
    if (!ok) issues.push({ file, message: `${where}: expected ${expected}` });
  };
  const isText = (value: unknown) => typeof value === 'string' || (typeof value === 'object' && value !== null && typeof (value as { de?: unknown }).de === 'string');
  need(typeof config === 'object' && config !== null && !Array.isArray(config), '$', 'an object');
  if (issues.length) return issues;
  const atlas = config.atlas;
  need(typeof atlas === 'object' && atlas !== null, '$.atlas', 'an object with id, title, attribution, reference, defaults, topics');
  if (atlas) {
    need(typeof atlas.id === 'string', '$.atlas.id', 'a string');
    need(isText(atlas.title), '$.atlas.title', 'a text');
    need(Array.isArray(atlas.attribution), '$.atlas.attribution', 'an array of {text, url?, licence?, licenceUrl?}');
    need(isText(atlas.reference?.name), '$.atlas.reference.name', 'a text');
    need(typeof atlas.defaults?.level === 'string', '$.atlas.defaults.level', 'a level id');
    need(Array.isArray(atlas.topics), '$.atlas.topics', 'an array of {id, title}');
  }
  need(Array.isArray(config.levels) && config.levels.length > 0, '$.levels', 'an array with at least one level');
  (Array.isArray(config.levels) ? config.levels : []).forEach((level, i) => {
    need(typeof level.id === 'string', `$.levels[${i}].id`, 'a string');
    need(isText(level.title), `$.levels[${i}].title`, 'a text');
    need(typeof level.keyField === 'string', `$.levels[${i}].keyField`, 'the name of the key property');
    need(level.names === undefined || level.names === 'boundaries' || level.names === 'table', `$.levels[${i}].names`, '"boundaries" or "table"');
    need(typeof level.boundaries === 'string' || (Array.isArray(level.boundaries) && level.boundaries.every((b) => typeof b === 'string')), `$.levels[${i}].boundaries`, 'a file name or an array of file names');
  });
  need(typeof config.indicators === 'string', '$.indicators', 'the file name of the indicator metadata table');
  need(Array.isArray(config.tables), '$.tables', 'an array of {file, level, year}');
  (Array.isArray(config.tables) ? config.tables : []).forEach((table, i) => {
    need(typeof table.file === 'string', `$.tables[${i}].file`, 'a file name');
    need(typeof table.level === 'string', `$.tables[${i}].level`, 'a level id');
    need(Number.isInteger(table.year), `$.tables[${i}].year`, 'a year');
  });
  config.poi?.sources?.forEach((source, i) => {
    need(typeof source.id === 'string', `$.poi.sources[${i}].id`, 'a string');
    need(typeof source.file === 'string', `$.poi.sources[${i}].file`, 'a file name');
  });
  const simplify = config.options?.simplify;
  need(simplify === undefined || (typeof simplify === 'number' && simplify >= 0), '$.options.simplify', 'a tolerance in metres (0 or more)');
  return issues;
}
