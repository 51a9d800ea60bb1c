import { ContractError, describeValue, type ContractIssue } from '../contract/issues.js';
import { parseJson } from '../contract/parse-json.js';
import { fetchBytes } from '../data/fetch-file.js';
import { isLonLat } from '../data/lon-lat.js';
import { loadFlatGeobuf } from '../data/load-flatgeobuf.js';

/** One point of interest. Only the file's text and number properties are kept, as text. */
export interface Poi {
  id: number;
  category: string;
  name: string;
  coordinates: [number, number];
  texts: ReadonlyMap<string, string>;
}

export interface LoadedPois {
  pois: Poi[];
  /** Features left out, one problem each (`feature 3.properties.name: expected a text, found an object with toString`). */
  skipped: ContractIssue[];
}

interface RawFeature {
  geometry?: unknown;
  properties?: unknown;
}

/**
 * Reads the points of a FlatGeobuf or GeoJSON file, with the timeout and retry of every fetch
 * and the bounded FlatGeobuf checks. A feature that is no point in longitude/latitude, or
 * whose name or category is no text, is left out and listed in `skipped`; one bad feature never
 * stops the others.
 * @throws ContractError naming the file when it cannot be read at all.
 */
export async function loadPois(
  url: string,
  format: 'flatgeobuf' | 'geojson',
  categoryField: string,
  { signal, timeout }: { signal?: AbortSignal; timeout?: number } = {},
): Promise<LoadedPois> {
  const { bytes } = await fetchBytes(url, { signal, timeout });
  return readPois(bytes, url, format, categoryField, signal);
}

/** `loadPois` on a file's bytes (`keck-atlas validate` reads them from disk). */
export async function readPois(bytes: Uint8Array, url: string, format: 'flatgeobuf' | 'geojson', categoryField: string, signal?: AbortSignal): Promise<LoadedPois> {
  const result: LoadedPois = { pois: [], skipped: [] };
  const add = (feature: RawFeature, index: number) => {
    const poi = toPoi(feature, index, categoryField, url, result.pois.length);
    if ('path' in poi) result.skipped.push(poi);
    else result.pois.push(poi);
  };
  if (format === 'flatgeobuf') {
    const { parseFlatGeobuf } = await loadFlatGeobuf();
    try {
      await parseFlatGeobuf(bytes, add, { signal });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ContractError(url, [{ file: url, path: '$', expected: 'a FlatGeobuf file', found: (error as Error).message }]);
    }
  } else {
    const document = parseJson(new TextDecoder().decode(bytes), url) as { type?: unknown; features?: unknown } | null;
    if (!document || typeof document !== 'object' || !Array.isArray(document.features)) {
      throw new ContractError(url, [{ file: url, path: '$.features', expected: 'a GeoJSON FeatureCollection (an array of features)', found: describeValue(document?.features) }]);
    }
    document.features.forEach((feature: unknown, index: number) => add(feature !== null && typeof feature === 'object' ? (feature as RawFeature) : {}, index));
  }
  return result;
}

function toPoi(feature: RawFeature, index: number, categoryField: string, file: string, id: number): Poi | ContractIssue {
  const problem = (path: string, expected: string, found: string): ContractIssue => ({ file, path: `feature ${index}${path}`, expected, found });
  const geometry = feature.geometry as { type?: unknown; coordinates?: unknown } | null | undefined;
  const coordinates = geometry?.type === 'Point' && Array.isArray(geometry.coordinates) ? geometry.coordinates : undefined;
  if (!coordinates) return problem('.geometry', 'a Point', describeValue(geometry?.type ?? geometry ?? null));
  const [x, y] = coordinates as unknown[];
  if (typeof x !== 'number' || typeof y !== 'number' || !isLonLat(x, y)) {
    return problem('.geometry.coordinates', 'longitude and latitude in degrees (WGS84)', typeof x === 'number' && typeof y === 'number' ? `${x}, ${y} (probably projected coordinates in metres: reproject the file)` : describeValue(coordinates));
  }
  const properties = feature.properties !== null && typeof feature.properties === 'object' && !Array.isArray(feature.properties) ? (feature.properties as Record<string, unknown>) : {};
  const texts = new Map<string, string>();
  for (const [key, value] of Object.entries(properties)) {
    const text = textOf(value);
    if (text !== undefined) texts.set(key, text);
  }
  for (const [field, what] of [['name', 'name'], [categoryField, 'category']] as const) {
    const value = properties[field];
    if (value !== undefined && value !== null && textOf(value) === undefined) return problem(`.properties.${field}`, `a text (the ${what})`, describeValue(value));
  }
  return { id, category: texts.get(categoryField) ?? '', name: texts.get('name') ?? '', coordinates: [x, y], texts };
}

/** A property as text: strings as they are, finite numbers and booleans written out; anything else (objects, arrays) is none. */
function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean') return String(value);
  return undefined;
}

/** The format of a POI file by its name, when the atlas does not say. */
export function formatOf(url: string): 'flatgeobuf' | 'geojson' {
  return /\.fgb(?:[?#]|$)/i.test(url) ? 'flatgeobuf' : 'geojson';
}

/** The first present, non-blank text property among `names`. */
export function textProperty(texts: ReadonlyMap<string, string>, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = texts.get(name);
    if (value !== undefined && value.trim() !== '') return value;
  }
  return undefined;
}
