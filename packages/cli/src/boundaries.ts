import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { unzipSync } from 'fflate';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { open as openShapefile } from 'shapefile';
import { dbfEncoding, repairWindows1252 } from './dbf-encoding.js';
import { DataError } from './errors.js';
import { decodeText } from './table.js';
import { positionsBbox, projectedGuess, type CoordinateOrigin } from './geometry-check.js';
import { converterFromPrj, type ToWgs84 } from './projection.js';

/** A feature as read from a boundary file, in WGS84, with where it came from. */
export interface SourceFeature {
  file: string;
  /** 0-based position in the file. */
  index: number;
  geometry: Geometry | null;
  properties: Record<string, unknown>;
}

export interface BoundarySource {
  file: string;
  features: SourceFeature[];
  /** EPSG code of the source system, when known. */
  epsg?: number;
  /** Where the coordinate system was stated, and the positions' extent before and after reprojection. */
  origin: CoordinateOrigin;
  /** What reading noticed that does not stop the build (a missing or wrong `.cpg`). */
  warnings: string[];
}

/** Reads GeoJSON, a zipped Shapefile or a `.shp` with `.dbf`/`.prj` beside it, reprojected to WGS84. */
export async function readBoundaries(file: string): Promise<BoundarySource> {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.geojson' || extension === '.json') return readGeoJsonFile(file);
  if (extension === '.zip') return readZippedShapefile(file);
  if (extension === '.shp') return readLooseShapefile(file);
  throw DataError.at(file, `expected boundaries as .geojson, .zip (Shapefile) or .shp, found "${extension || 'no extension'}"`);
}

async function readBytes(file: string, what = 'file'): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (error) {
    throw DataError.at(file, `cannot read the ${what} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

/**
 * The file as text without a byte order mark: UTF-8 (Node's own decoder is faster than
 * TextDecoder), or Windows-1252 when the bytes are no valid UTF-8 — with a warning then.
 */
async function readText(file: string): Promise<{ text: string; warning?: string }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw DataError.at(file, `cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let text = bytes.toString('utf8');
  let warning: string | undefined;
  if (text.includes('\ufffd')) {
    text = decodeText(bytes);
    if (!text.includes('\ufffd')) warning = `${file}: the file is no valid UTF-8 (GeoJSON must be); read as Windows-1252 — save it as UTF-8`;
  }
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, warning };
}

/** Reads a GeoJSON FeatureCollection (or a single Feature) of any geometry. */
export async function readGeoJsonFile(file: string): Promise<BoundarySource> {
  const { text, warning } = await readText(file);
  let document: FeatureCollection | Feature;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw DataError.at(file, `no valid JSON (${(error as Error).message})`);
  }
  const features = document?.type === 'FeatureCollection' ? document.features : document?.type === 'Feature' ? [document] : undefined;
  if (!Array.isArray(features)) throw DataError.at(file, `expected a GeoJSON FeatureCollection, found ${JSON.stringify((document as { type?: unknown })?.type ?? null)}`);
  const named = /EPSG::?(\d+)/i.exec(String((document as { crs?: { properties?: { name?: string } } }).crs?.properties?.name ?? ''));
  const epsg = named ? Number(named[1]) : undefined;
  let toWgs84: ToWgs84 | null = null;
  if (epsg !== undefined && epsg !== 4326) {
    try {
      toWgs84 = converterFromPrj(`PROJCS["EPSG ${epsg}",AUTHORITY["EPSG","${epsg}"]]`).toWgs84;
    } catch {
      throw DataError.at(file, `the coordinate system EPSG:${epsg} of the "crs" member is not supported; convert the file to WGS84`);
    }
  }
  const read = features.map((feature, index) => ({
    file,
    index,
    geometry: toWgs84 && feature?.geometry ? reproject(feature.geometry, toWgs84) : (feature?.geometry ?? null),
    properties: { ...(feature?.properties ?? {}) },
  }));
  const sourceBbox = positionsBbox(features.map((feature) => feature?.geometry ?? null));
  const bbox = toWgs84 ? positionsBbox(read.map((feature) => feature.geometry)) : sourceBbox;
  return { file, epsg, features: read, origin: { stated: named ? 'geojson-crs' : 'geojson', epsg, sourceBbox, bbox }, warnings: warning ? [warning] : [] };
}

async function readZippedShapefile(file: string): Promise<BoundarySource> {
  const zipped = await readBytes(file);
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zipped);
  } catch (error) {
    throw DataError.at(file, `broken zip archive (${(error as Error).message}); expected a zip with .shp, .dbf and .prj`);
  }
  const names = Object.keys(entries).filter((name) => !name.startsWith('__MACOSX/'));
  const shps = names.filter((name) => name.toLowerCase().endsWith('.shp'));
  if (shps.length !== 1) throw DataError.at(file, `expected exactly one .shp in the zip, found ${shps.length ? shps.join(', ') : 'none'}`);
  const stem = shps[0].slice(0, -4);
  const sibling = (extension: string) => {
    const name = names.find((candidate) => candidate.toLowerCase() === `${stem}${extension}`.toLowerCase());
    return name === undefined ? undefined : entries[name];
  };
  return readShapefileParts(file, `${shps[0]} in ${path.basename(file)}`, entries[shps[0]], sibling('.dbf'), sibling('.prj'), sibling('.cpg'));
}

async function readLooseShapefile(file: string): Promise<BoundarySource> {
  const stem = file.slice(0, -4);
  const optional = async (extension: string) => {
    for (const candidate of [extension, extension.toUpperCase()]) {
      try {
        return await readFile(stem + candidate);
      } catch {
        /* try the next spelling */
      }
    }
    return undefined;
  };
  return readShapefileParts(file, path.basename(file), await readBytes(file), await optional('.dbf'), await optional('.prj'), await optional('.cpg'));
}

async function readShapefileParts(
  file: string,
  label: string,
  shp: Uint8Array,
  dbf: Uint8Array | undefined,
  prj: Uint8Array | undefined,
  cpg: Uint8Array | undefined,
): Promise<BoundarySource> {
  if (!dbf) throw DataError.at(file, `${label}: the .dbf with the attributes (keys, names) is missing`);
  const { encoding, warning } = dbfEncoding(dbf, cpg, label);
  const raw: { geometry: Geometry | null; properties: Record<string, unknown> }[] = [];
  try {
    const source = await openShapefile(toArrayBuffer(shp), toArrayBuffer(dbf), { encoding });
    for (let result = await source.read(); !result.done; result = await source.read()) {
      const properties = { ...(result.value.properties ?? {}) } as Record<string, unknown>;
      if (encoding === 'windows-1252') for (const [name, value] of Object.entries(properties)) if (typeof value === 'string') properties[name] = repairWindows1252(value);
      raw.push({ geometry: result.value.geometry as Geometry | null, properties });
    }
  } catch (error) {
    throw DataError.at(file, `${label}: unreadable Shapefile (${(error as Error).message})`);
  }
  const sourceBbox = positionsBbox(raw.map((feature) => feature.geometry));
  if (!prj) {
    const guess = sourceBbox && projectedGuess(sourceBbox);
    const looks = guess ? `; the positions look like ${guess.label}` : sourceBbox && sourceBbox[0] >= -180 && sourceBbox[2] <= 180 && sourceBbox[1] >= -90 && sourceBbox[3] <= 90 ? '; the positions look like longitude/latitude (WGS84?)' : '';
    throw DataError.at(file, `${label}: the .prj is missing, so the coordinate system is unknown${looks}; add the .prj the GIS wrote with the Shapefile`);
  }
  const wkt = new TextDecoder().decode(prj).trim();
  let projection: ReturnType<typeof converterFromPrj>;
  try {
    projection = converterFromPrj(wkt);
  } catch (error) {
    throw DataError.at(file, `${label}: the .prj names a coordinate system that cannot be read (${(error as Error).message}): ${wkt.slice(0, 80)}`);
  }
  const features: SourceFeature[] = raw.map((feature, index) => ({
    file,
    index,
    geometry: feature.geometry && projection.toWgs84 ? reproject(feature.geometry, projection.toWgs84) : feature.geometry,
    properties: feature.properties,
  }));
  const bbox = projection.toWgs84 ? positionsBbox(features.map((feature) => feature.geometry)) : sourceBbox;
  return { file, features, epsg: projection.epsg, origin: { stated: 'prj', epsg: projection.epsg, sourceBbox, bbox }, warnings: warning ? [warning] : [] };
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** Applies a position transform to every position of a geometry. */
export function reproject(geometry: Geometry, transform: ToWgs84): Geometry {
  const ring = (positions: Position[]) => positions.map(transform);
  switch (geometry.type) {
    case 'Point':
      return { type: 'Point', coordinates: transform(geometry.coordinates) };
    case 'MultiPoint':
    case 'LineString':
      return { type: geometry.type, coordinates: ring(geometry.coordinates) } as Geometry;
    case 'MultiLineString':
    case 'Polygon':
      return { type: geometry.type, coordinates: geometry.coordinates.map(ring) } as Geometry;
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((polygon) => polygon.map(ring)) };
    case 'GeometryCollection':
      return { type: 'GeometryCollection', geometries: geometry.geometries.map((part) => reproject(part, transform)) };
  }
}
