import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { ContractError, describeValue, type ContractIssue } from '../contract/issues.js';
import type { Level } from '../contract/types.js';
import type { Atlas } from './atlas.js';
import { fetchBytes } from './fetch-file.js';
import { loadFlatGeobuf } from './load-flatgeobuf.js';

/** [west, south, east, north] in WGS84 degrees. */
export type BBox = [number, number, number, number];

/** An area's shape, keyed like the contract's areas. */
export type AreaFeature = Feature<Polygon | MultiPolygon, { key: string; name: string }>;

/** Problems listed per file at most; reading stops beyond them. */
const MAX_ISSUES = 50;

/**
 * Reads a level's FlatGeobuf file: whole, or only what intersects `bbox` (HTTP Range reads).
 * The URL must stay on the manifest's origin (or one the page allows); the file is checked
 * in a bounded way before parsing, and every request has the atlas's timeout and one retry.
 * @throws ContractError naming the manifest (for a URL elsewhere) or the file.
 */
export async function readLevelGeometry(
  atlas: Atlas,
  level: Level,
  { bbox, signal }: { bbox?: BBox; signal?: AbortSignal } = {},
): Promise<AreaFeature[]> {
  const source = level.geometry!;
  const url = atlas.geometryUrl(level);
  const fail = (expected: string, found: string, path = '$'): never => {
    throw new ContractError(url, [{ file: url, path, expected, found }]);
  };
  if (bbox && source.indexed === false) fail('an indexed FlatGeobuf file for a bounding-box read', 'a file marked "indexed": false in the manifest');

  const features: AreaFeature[] = [];
  const issues: ContractIssue[] = [];
  const onFeature = (feature: { geometry: { type: string } | null; properties: Record<string, unknown> | null }, index: number) => {
    const path = `feature ${index}`;
    const rawKey = feature.properties?.[source.keyField];
    const key = typeof rawKey === 'string' || typeof rawKey === 'number' ? String(rawKey) : undefined;
    const area = key === undefined ? undefined : atlas.area(level.id, key);
    if (!area) {
      issues.push({ file: url, path: `${path}.properties.${source.keyField}`, expected: `the key of an area of level "${level.id}"`, found: describeValue(rawKey) });
    } else if (feature.geometry?.type !== 'Polygon' && feature.geometry?.type !== 'MultiPolygon') {
      issues.push({ file: url, path: `${path}.geometry`, expected: 'a Polygon or MultiPolygon', found: describeValue(feature.geometry?.type ?? null) });
    } else {
      features.push({ type: 'Feature', id: features.length, geometry: feature.geometry as Polygon | MultiPolygon, properties: { key: area.key, name: area.name } });
    }
    return issues.length < MAX_ISSUES;
  };

  const { parseFlatGeobuf, readFlatGeobufBox } = await loadFlatGeobuf();
  const timeout = atlas.settings.timeout;
  try {
    if (bbox) {
      await readFlatGeobufBox(url, { minX: bbox[0], minY: bbox[1], maxX: bbox[2], maxY: bbox[3] }, onFeature, { signal, timeout });
    } else {
      const { bytes } = await fetchBytes(url, { signal, timeout });
      await parseFlatGeobuf(bytes, onFeature, { signal });
    }
  } catch (error) {
    if (signal?.aborted || error instanceof ContractError) throw error;
    fail('a FlatGeobuf file', (error as Error).message);
  }
  if (!bbox && issues.length < MAX_ISSUES) {
    const drawn = new Set(features.map((feature) => feature.properties.key));
    const without = level.areas.filter((area) => !drawn.has(area.key));
    if (without.length) {
      issues.push({ file: url, path: '$', expected: `a shape for every area of level "${level.id}"`, found: `no shape for ${without.map((a) => `"${a.key}"`).slice(0, 10).join(', ')}${without.length > 10 ? ` and ${without.length - 10} more` : ''}` });
    }
  }
  if (issues.length) throw new ContractError(url, issues);
  return features;
}
