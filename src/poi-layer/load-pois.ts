import { loadFlatGeobuf } from '../data/load-flatgeobuf.js';

/** One point of interest; `properties` are the file's, untrusted. */
export interface Poi {
  id: number;
  category: string;
  name: string;
  coordinates: [number, number];
  properties: Record<string, unknown>;
}

/**
 * Reads the points of a FlatGeobuf or GeoJSON file (other geometry types are skipped).
 * @throws Error naming the URL when the file cannot be read.
 */
export async function loadPois(url: string, format: 'flatgeobuf' | 'geojson', categoryField: string, signal?: AbortSignal): Promise<Poi[]> {
  const response = await fetch(url, { signal, credentials: 'same-origin' });
  if (!response.ok || !response.body) throw new Error(`${url}: HTTP ${response.status}`);
  const features: { geometry?: { type: string; coordinates?: unknown } | null; properties?: Record<string, unknown> | null }[] = [];
  if (format === 'flatgeobuf') {
    const { deserialize } = await loadFlatGeobuf();
    for await (const feature of deserialize(response.body)) features.push(feature as (typeof features)[number]);
  } else {
    const document = (await response.json()) as { features?: unknown };
    if (!Array.isArray(document.features)) throw new Error(`${url}: expected a GeoJSON FeatureCollection`);
    features.push(...(document.features as typeof features));
  }
  const pois: Poi[] = [];
  for (const feature of features) {
    const coordinates = feature.geometry?.type === 'Point' ? (feature.geometry.coordinates as number[]) : undefined;
    if (!coordinates || !Number.isFinite(coordinates[0]) || !Number.isFinite(coordinates[1])) continue;
    const properties = feature.properties ?? {};
    pois.push({
      id: pois.length,
      category: String(properties[categoryField] ?? ''),
      name: String(properties.name ?? ''),
      coordinates: [coordinates[0], coordinates[1]],
      properties,
    });
  }
  return pois;
}

/** The format of a POI file by its name, when the atlas does not say. */
export function formatOf(url: string): 'flatgeobuf' | 'geojson' {
  return /\.fgb(?:[?#]|$)/i.test(url) ? 'flatgeobuf' : 'geojson';
}

/** The first present property among `names` as text. */
export function textProperty(properties: Record<string, unknown>, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = properties[name];
    if (value !== undefined && value !== null && String(value).trim() !== '') return String(value);
  }
  return undefined;
}
