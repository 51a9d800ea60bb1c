import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { ContractError, describeValue, type ContractIssue } from '../contract/issues.js';
import type { Level } from '../contract/types.js';
import type { Atlas } from './atlas.js';
import { checkedFlatGeobufStream, checkRemoteFlatGeobuf } from './flatgeobuf-guard.js';
import { loadFlatGeobuf } from './load-flatgeobuf.js';

/** [west, south, east, north] in WGS84 degrees. */
export type BBox = [number, number, number, number];

/** An area's shape, keyed like the contract's areas. */
export type AreaFeature = Feature<Polygon | MultiPolygon, { key: string; name: string }>;

/** Reads a level's FlatGeobuf file: whole (as a stream) or only what intersects `bbox`. */
export async function readLevelGeometry(
  atlas: Atlas,
  level: Level,
  { bbox, signal }: { bbox?: BBox; signal?: AbortSignal } = {},
): Promise<AreaFeature[]> {
  const source = level.geometry!;
  const url = atlas.resolve(source.url);
  const fail = (expected: string, found: string, path = '$'): never => {
    throw new ContractError(url, [{ file: url, path, expected, found }]);
  };
  if (bbox && source.indexed === false) fail('an indexed FlatGeobuf file for a bounding-box read', 'a file marked "indexed": false in the manifest');
  const { deserialize } = await loadFlatGeobuf();

  const unreadable = (error: unknown): never => {
    if (signal?.aborted) throw error;
    return fail('a FlatGeobuf file', `unreadable data (${(error as Error).message})`);
  };
  let input: ReadableStream | string;
  if (bbox) {
    await checkRemoteFlatGeobuf(url, signal).catch(unreadable);
    input = url;
  } else {
    let response: Response;
    try {
      response = await fetch(url, { signal, credentials: 'same-origin' });
    } catch (error) {
      if (signal?.aborted) throw error;
      return fail('a reachable file', `a network error (${(error as Error).message})`);
    }
    if (!response.ok || !response.body) return fail('HTTP 200', `HTTP ${response.status} ${response.statusText}`.trim());
    input = await checkedFlatGeobufStream(response.body).catch(unreadable);
  }

  const features: AreaFeature[] = [];
  const issues: ContractIssue[] = [];
  const rect = bbox && { minX: bbox[0], minY: bbox[1], maxX: bbox[2], maxY: bbox[3] };
  try {
    let index = 0;
    for await (const feature of deserialize(input, rect ? { rect } : undefined)) {
      signal?.throwIfAborted();
      const path = `feature ${index++}`;
      const rawKey = feature.properties?.[source.keyField];
      const key = rawKey === undefined || rawKey === null ? undefined : String(rawKey);
      const area = key === undefined ? undefined : atlas.area(level.id, key);
      if (!area) {
        issues.push({ file: url, path: `${path}.properties.${source.keyField}`, expected: `the key of an area of level "${level.id}"`, found: describeValue(rawKey) });
        continue;
      }
      const type = feature.geometry?.type;
      if (type !== 'Polygon' && type !== 'MultiPolygon') {
        issues.push({ file: url, path: `${path}.geometry`, expected: 'a Polygon or MultiPolygon', found: describeValue(type ?? null) });
        continue;
      }
      features.push({ type: 'Feature', id: features.length, geometry: feature.geometry as Polygon | MultiPolygon, properties: { key: area.key, name: area.name } });
    }
  } catch (error) {
    unreadable(error);
  }
  if (!bbox) {
    const drawn = new Set(features.map((feature) => feature.properties.key));
    const without = level.areas.filter((area) => !drawn.has(area.key));
    if (without.length) {
      issues.push({ file: url, path: '$', expected: `a shape for every area of level "${level.id}"`, found: `no shape for ${without.map((a) => `"${a.key}"`).slice(0, 10).join(', ')}${without.length > 10 ? ` and ${without.length - 10} more` : ''}` });
    }
  }
  if (issues.length) throw new ContractError(url, issues);
  return features;
}
