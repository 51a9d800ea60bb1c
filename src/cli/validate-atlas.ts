import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import type { HeaderMeta } from 'flatgeobuf/lib/mjs/header-meta.js';
import { ContractError, describeValue, type ContractIssue } from '../contract/issues.js';
import { isValueFileRef, type AtlasManifest } from '../contract/types.js';
import { validateManifest, validateValueFileDocument } from '../contract/validate.js';

export interface ValidationSummary {
  file: string;
  levels: { id: string; areas: number; shapes: number }[];
  indicators: number;
  blocks: number;
}

/**
 * Validates an atlas on disk: the manifest, its separate value files, and that every level's
 * FlatGeobuf file holds exactly one polygon per area (and an index where it claims one).
 * Throws a ContractError listing every problem.
 */
export async function validateAtlasDirectory(manifestFile: string): Promise<ValidationSummary> {
  const manifest = validateManifest(await readJson(manifestFile), manifestFile);
  const base = path.dirname(manifestFile);
  let blocks = 0;
  for (const entry of manifest.values) {
    if (!isValueFileRef(entry)) {
      blocks++;
      continue;
    }
    const file = path.join(base, entry.src);
    blocks += validateValueFileDocument(await readJson(file), manifest, file).length;
  }
  const levels: ValidationSummary['levels'] = [];
  const issues: ContractIssue[] = [];
  for (const [index, level] of manifest.levels.entries()) {
    if (!level.geometry) {
      levels.push({ id: level.id, areas: level.areas.length, shapes: 0 });
      continue;
    }
    const file = path.join(base, level.geometry.url);
    const shapes = await checkGeometry(manifest, index, file, issues);
    levels.push({ id: level.id, areas: level.areas.length, shapes });
  }
  for (const [index, source] of (manifest.poiSources ?? []).entries()) {
    const file = path.join(base, source.url);
    try {
      await readFile(file);
    } catch {
      issues.push({ file: manifestFile, path: `$.poiSources[${index}].url`, expected: 'a file beside the manifest', found: `no file ${file}` });
    }
  }
  if (issues.length) throw new ContractError(manifestFile, issues);
  return { file: manifestFile, levels, indicators: manifest.indicators.length, blocks };
}

async function checkGeometry(manifest: AtlasManifest, levelIndex: number, file: string, issues: ContractIssue[]): Promise<number> {
  const level = manifest.levels[levelIndex];
  const source = level.geometry!;
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch {
    issues.push({ file, path: '$', expected: `the geometry file of level "${level.id}"`, found: 'no such file' });
    return 0;
  }
  const areas = new Set(level.areas.map((area) => area.key));
  const drawn = new Set<string>();
  let header: HeaderMeta | undefined;
  let index = 0;
  try {
    for await (const feature of deserialize(bytes, { headerMetaFn: (meta: HeaderMeta) => (header = meta) })) {
      const raw = feature.properties?.[source.keyField];
      const key = raw === undefined || raw === null ? undefined : String(raw);
      const where = `feature ${index++}`;
      if (key === undefined || !areas.has(key)) {
        issues.push({ file, path: `${where}.properties.${source.keyField}`, expected: `the key of an area of level "${level.id}"`, found: describeValue(raw) });
      } else if (drawn.has(key)) {
        issues.push({ file, path: `${where}.properties.${source.keyField}`, expected: 'one shape per area', found: `a second shape for "${key}"` });
      }
      if (key !== undefined) drawn.add(key);
      const type = feature.geometry?.type;
      if (type !== 'Polygon' && type !== 'MultiPolygon') issues.push({ file, path: `${where}.geometry`, expected: 'a Polygon or MultiPolygon', found: describeValue(type ?? null) });
    }
  } catch (error) {
    issues.push({ file, path: '$', expected: 'a FlatGeobuf file', found: `unreadable data (${(error as Error).message})` });
    return index;
  }
  const missing = [...areas].filter((key) => !drawn.has(key));
  if (missing.length) issues.push({ file, path: '$', expected: `a shape for every area of level "${level.id}"`, found: `no shape for ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ` and ${missing.length - 10} more` : ''}` });
  if (source.indexed !== false && header && header.indexNodeSize === 0) {
    issues.push({ file, path: '$', expected: 'a spatial index (the manifest does not say "indexed": false)', found: 'a file without index' });
  }
  return drawn.size;
}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ContractError(file, [{ file, path: '$', expected: 'a readable file', found: (error as NodeJS.ErrnoException).code ?? (error as Error).message }]);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ContractError(file, [{ file, path: '$', expected: 'JSON', found: `invalid JSON (${(error as Error).message})` }]);
  }
}
