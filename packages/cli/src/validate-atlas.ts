import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ContractError, describeValue, type ContractIssue } from '../../../src/contract/issues.js';
import { isValueFileRef, type AtlasManifest } from '../../../src/contract/types.js';
import { unrenderableBookmarkIssues, validateManifest, validateValueFileDocument } from '../../../src/contract/validate.js';
import { originOf } from '../../../src/data/data-url.js';
import { MAX_FILE_BYTES } from '../../../src/data/fetch-file.js';
import { parseFlatGeobuf } from '../../../src/data/flatgeobuf-reader.js';
import { readPois } from '../../../src/poi-layer/load-pois.js';

export interface ValidationSummary {
  file: string;
  levels: { id: string; areas: number; shapes: number }[];
  indicators: number;
  blocks: number;
}

/** Problems listed per FlatGeobuf file at most; reading stops beyond them. */
const MAX_ISSUES_PER_FILE = 50;

/**
 * Validates an atlas on disk as the elements would load it: the manifest, its separate value
 * files, that every URL in it stays beside the manifest, that every level's FlatGeobuf file
 * holds exactly one polygon per area in longitude/latitude (and an index where it claims one),
 * that every POI file holds points, and that no bookmark is about an indicator the elements may
 * not show. FlatGeobuf files are checked in a bounded way before parsing, as in the browser.
 * Throws a ContractError listing every problem.
 */
export async function validateAtlasDirectory(manifestFile: string): Promise<ValidationSummary> {
  const manifest = validateManifest(await readJson(manifestFile), manifestFile);
  const issues: ContractIssue[] = [...unrenderableBookmarkIssues(manifest, manifestFile)];
  const besideManifest = (url: string, path: string): string | undefined => {
    const file = fileBeside(manifestFile, url);
    if (!file) issues.push({ file: manifestFile, path, expected: 'a URL relative to the manifest (the elements load only files on its origin, unless the page allows others)', found: describeValue(url) });
    return file;
  };

  let blocks = 0;
  for (const [index, entry] of manifest.values.entries()) {
    if (!isValueFileRef(entry)) {
      blocks++;
      continue;
    }
    const file = besideManifest(entry.src, `$.values[${index}].src`);
    if (file) blocks += validateValueFileDocument(await readJson(file), manifest, file).length;
  }
  const levels: ValidationSummary['levels'] = [];
  for (const [index, level] of manifest.levels.entries()) {
    const file = level.geometry && besideManifest(level.geometry.url, `$.levels[${index}].geometry.url`);
    const shapes = file ? await checkGeometry(manifest, index, file, issues) : 0;
    levels.push({ id: level.id, areas: level.areas.length, shapes });
  }
  for (const [index, source] of (manifest.poiSources ?? []).entries()) {
    const file = besideManifest(source.url, `$.poiSources[${index}].url`);
    if (file) await checkPois(file, source.format ?? 'flatgeobuf', source.categoryField ?? 'category', `$.poiSources[${index}].url`, manifestFile, issues);
  }
  if (issues.length) throw new ContractError(manifestFile, issues);
  return { file: manifestFile, levels, indicators: manifest.indicators.length, blocks };
}

/** The file a manifest URL names, when it is a relative URL that stays on the manifest's (file) origin. */
function fileBeside(manifestFile: string, url: string): string | undefined {
  const base = pathToFileURL(manifestFile);
  try {
    const resolved = new URL(url, base);
    return originOf(resolved) === originOf(base) ? fileURLToPath(resolved) : undefined;
  } catch {
    return undefined;
  }
}

/** The bytes of a file within the size the elements read, or an issue. */
async function readBounded(file: string, what: string, issues: ContractIssue[]): Promise<Uint8Array | undefined> {
  try {
    const { size } = await stat(file);
    if (size > MAX_FILE_BYTES) {
      issues.push({ file, path: '$', expected: `a file of at most ${MAX_FILE_BYTES} bytes`, found: `a file of ${size} bytes` });
      return undefined;
    }
    return new Uint8Array(await readFile(file));
  } catch {
    issues.push({ file, path: '$', expected: what, found: 'no such file' });
    return undefined;
  }
}

async function checkGeometry(manifest: AtlasManifest, levelIndex: number, file: string, issues: ContractIssue[]): Promise<number> {
  const level = manifest.levels[levelIndex];
  const source = level.geometry!;
  const bytes = await readBounded(file, `the geometry file of level "${level.id}"`, issues);
  if (!bytes) return 0;
  const areas = new Set(level.areas.map((area) => area.key));
  const drawn = new Set<string>();
  const fileIssues: ContractIssue[] = [];
  let layout;
  try {
    layout = await parseFlatGeobuf(bytes, (feature, index) => {
      const raw = feature.properties?.[source.keyField];
      const key = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : undefined;
      const where = `feature ${index}`;
      if (key === undefined || !areas.has(key)) {
        fileIssues.push({ file, path: `${where}.properties.${source.keyField}`, expected: `the key of an area of level "${level.id}"`, found: describeValue(raw) });
      } else if (drawn.has(key)) {
        fileIssues.push({ file, path: `${where}.properties.${source.keyField}`, expected: 'one shape per area', found: `a second shape for "${key}"` });
      }
      if (key !== undefined) drawn.add(key);
      const type = feature.geometry?.type;
      if (type !== 'Polygon' && type !== 'MultiPolygon') fileIssues.push({ file, path: `${where}.geometry`, expected: 'a Polygon or MultiPolygon', found: describeValue(type ?? null) });
      return fileIssues.length < MAX_ISSUES_PER_FILE;
    });
  } catch (error) {
    issues.push(...fileIssues, { file, path: '$', expected: 'a FlatGeobuf file', found: (error as Error).message });
    return drawn.size;
  }
  issues.push(...fileIssues);
  if (fileIssues.length >= MAX_ISSUES_PER_FILE) return drawn.size;
  const missing = [...areas].filter((key) => !drawn.has(key));
  if (missing.length) issues.push({ file, path: '$', expected: `a shape for every area of level "${level.id}"`, found: `no shape for ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ` and ${missing.length - 10} more` : ''}` });
  if (source.indexed !== false && layout.indexNodeSize === 0) {
    issues.push({ file, path: '$', expected: 'a spatial index (the manifest does not say "indexed": false)', found: 'a file without index' });
  }
  return drawn.size;
}

async function checkPois(file: string, format: 'flatgeobuf' | 'geojson', categoryField: string, path: string, manifestFile: string, issues: ContractIssue[]): Promise<void> {
  const bytes = await readBounded(file, `the POI file named at ${path} in ${manifestFile}`, issues);
  if (!bytes) return;
  try {
    const { skipped } = await readPois(bytes, file, format, categoryField);
    issues.push(...skipped.slice(0, MAX_ISSUES_PER_FILE));
  } catch (error) {
    if (error instanceof ContractError) issues.push(...error.issues);
    else throw error;
  }
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
