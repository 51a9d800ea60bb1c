import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describeValue } from '../../../src/contract/issues.js';
import type { Attribution, Bookmark, LocalizedText, PoiCategory, PrivacySettings, Topic } from '../../../src/contract/types.js';
import { checkConfig, ConfigCheck, isObject } from './config-check.js';
import { DataError, systemMessage, type DataIssue } from './errors.js';

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


/**
 * A config as read. Its mistakes are collected, not thrown, so that the build can report them
 * together with those of the metadata and the tables. Paths in it are absolute.
 */
export interface LoadedConfig {
  file: string;
  config: BuildConfig;
  /** Mistakes, each with its config key: the build reads what it still can, then stops. */
  issues: DataIssue[];
  /** Keys the build ignores (likely typos). */
  warnings: DataIssue[];
  /** Whether a mistake was found at this key or inside it ("levels[1]", "atlas.defaults"). */
  broken(key: string): boolean;
}

/** Reads and checks a config file. Throws only when there is no JSON object to check. */
export async function loadConfig(file: string): Promise<LoadedConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const folder = (error as NodeJS.ErrnoException).code === 'EISDIR';
    throw DataError.at(file, folder ? 'this is a folder; give the config file (e.g. atlas.config.json)' : `cannot read the config (${systemMessage(error)})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw DataError.at(file, `the config is no valid JSON: ${jsonErrorPlace(text, (error as Error).message)}`);
  }
  raw = stripComments(raw);
  if (!isObject(raw)) throw DataError.at(file, `expected a JSON object {"atlas": …, "levels": […], "indicators": …, "tables": […]}, found ${describeValue(raw)}`);

  const check = new ConfigCheck(file);
  const config = checkConfig(raw, check);
  const base = path.dirname(path.resolve(file));
  const resolve = (target: string) => (typeof target === 'string' ? path.resolve(base, target) : target);
  return {
    file,
    config: {
      ...config,
      indicators: resolve(config.indicators),
      levels: config.levels.map((level) => (isObject(level) ? { ...level, boundaries: [level.boundaries].flat().map(resolve) } : level)),
      tables: config.tables.map((table) => (isObject(table) ? { ...table, file: resolve(table.file) } : table)),
      poi: config.poi && { ...config.poi, sources: config.poi.sources.map((source) => (isObject(source) ? { ...source, file: resolve(source.file) } : source)) },
    },
    issues: check.issues,
    warnings: check.warnings,
    broken: (key) => check.issues.some((issue) => issue.key !== undefined && (issue.key === key || issue.key.startsWith(`${key}.`) || issue.key.startsWith(`${key}[`))),
  };
}

/** "Unexpected token } in JSON at position 120" → "… (line 7, column 3)". */
function jsonErrorPlace(text: string, message: string): string {
  const position = /at position (\d+)/.exec(message);
  if (!position) return message;
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `${message.replace(/ in JSON at position \d+.*$/, '')} (line ${line}, column ${column})`;
}
