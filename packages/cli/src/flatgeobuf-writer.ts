import * as flatbuffers from 'flatbuffers';
import type { Feature, Geometry } from 'geojson';
import type { ColumnMeta, HeaderMeta } from 'flatgeobuf';
import { ColumnType, GeometryType, type IProperties } from 'flatgeobuf/lib/mjs/generic.js';
// flatgeobuf has no public API for an indexed file: these modules are its internals, used at
// the exact version package.json pins (test/node/flatgeobuf-internals.test.mjs checks them).
import { magicbytes } from 'flatgeobuf/lib/mjs/constants.js';
import { Column } from 'flatgeobuf/lib/mjs/flat-geobuf/column.js';
import { Crs } from 'flatgeobuf/lib/mjs/flat-geobuf/crs.js';
import { Header } from 'flatgeobuf/lib/mjs/flat-geobuf/header.js';
import { buildFeature } from 'flatgeobuf/lib/mjs/generic/feature.js';
import type { IParsedGeometry } from 'flatgeobuf/lib/mjs/generic/geometry.js';
import { parseGeometry } from 'flatgeobuf/lib/mjs/geojson/geometry.js';
import { DEFAULT_NODE_SIZE, NODE_ITEM_BYTE_LEN, calcTreeSize, generateLevelBounds } from 'flatgeobuf/lib/mjs/packedrtree.js';
import { hilbert } from './hilbert.js';

/** [minX, minY, maxX, maxY] */
export type Envelope = [number, number, number, number];

/** A feature flatgeobuf can encode (any GeoJSON geometry but a collection). */
export type Writable = Feature<Exclude<Geometry, { type: 'GeometryCollection' }>, Record<string, unknown>>;

const WGS84 = 4326;

/**
 * Writes features as FlatGeobuf with a packed Hilbert R-tree index (node size 16), in WGS84.
 * flatgeobuf's own `serialize` writes no index; this follows the FlatGeobuf spec with
 * flatgeobuf's feature encoder and tree layout, so its `deserialize(url, {rect})`, GDAL
 * and QGIS read bounding boxes from the result.
 */
export function writeIndexedFlatGeobuf(features: Writable[], options: { title?: string } = {}): { bytes: Uint8Array; envelope: Envelope } {
  if (features.length === 0) throw new Error('cannot write a FlatGeobuf file without features');
  const geometryType = commonGeometryType(features);
  const columns = inferColumns(features);
  const boxes = features.map((feature) => envelopeOf(feature.geometry));
  const extent = boxes.reduce(union);
  const order = hilbertOrder(boxes, extent);

  const headerMeta: HeaderMeta = {
    geometryType,
    columns,
    envelope: Float64Array.from(extent),
    featuresCount: features.length,
    indexNodeSize: DEFAULT_NODE_SIZE,
    crs: null,
    title: options.title ?? null,
    description: null,
    metadata: null,
  };
  const encoded = order.map((index) => {
    const feature = features[index];
    const geometry = promote(feature.geometry, geometryType);
    const properties: IProperties = {};
    for (const column of columns) properties[column.name] = toColumnValue(feature.properties?.[column.name], column.type);
    return buildFeature(parsePolygons(geometry) ?? parseGeometry(geometry), properties, headerMeta);
  });

  const header = buildHeader(headerMeta);
  const tree = buildTree(order.map((index) => boxes[index]), encoded);
  const featureBytes = encoded.reduce((sum, bytes) => sum + bytes.length, 0);
  const out = new Uint8Array(magicbytes.length + header.length + tree.length + featureBytes);
  out.set(magicbytes);
  out.set(header, magicbytes.length);
  out.set(tree, magicbytes.length + header.length);
  let offset = magicbytes.length + header.length + tree.length;
  for (const bytes of encoded) {
    out.set(bytes, offset);
    offset += bytes.length;
  }
  return { bytes: out, envelope: extent };
}

function buildHeader(meta: HeaderMeta): Uint8Array {
  const builder = new flatbuffers.Builder(1024);
  const columnOffsets = (meta.columns ?? []).map((column) => {
    const name = builder.createString(column.name);
    Column.startColumn(builder);
    Column.addName(builder, name);
    Column.addType(builder, column.type);
    Column.addNullable(builder, true);
    return Column.endColumn(builder);
  });
  const columns = Header.createColumnsVector(builder, columnOffsets);
  const name = builder.createString(meta.title ?? 'features');
  const envelope = Header.createEnvelopeVector(builder, meta.envelope!);
  Crs.startCrs(builder);
  Crs.addCode(builder, WGS84);
  const crs = Crs.endCrs(builder);
  Header.startHeader(builder);
  Header.addName(builder, name);
  Header.addEnvelope(builder, envelope);
  Header.addGeometryType(builder, meta.geometryType);
  Header.addColumns(builder, columns);
  Header.addFeaturesCount(builder, BigInt(meta.featuresCount));
  Header.addIndexNodeSize(builder, meta.indexNodeSize);
  Header.addCrs(builder, crs);
  builder.finishSizePrefixed(Header.endHeader(builder));
  return builder.asUint8Array();
}

/** The packed R-tree: leaves (in feature order) hold feature byte offsets, parents the index of their first child. */
function buildTree(leafBoxes: Envelope[], encoded: Uint8Array[]): Uint8Array {
  const nodeSize = DEFAULT_NODE_SIZE;
  const levelBounds = generateLevelBounds(leafBoxes.length, nodeSize);
  const nodeCount = calcTreeSize(leafBoxes.length, nodeSize) / NODE_ITEM_BYTE_LEN;
  const boxes = new Float64Array(nodeCount * 4);
  const offsets = new BigUint64Array(nodeCount);
  const [leafStart] = levelBounds[0];
  let byteOffset = 0;
  leafBoxes.forEach((box, i) => {
    boxes.set(box, (leafStart + i) * 4);
    offsets[leafStart + i] = BigInt(byteOffset);
    byteOffset += encoded[i].length;
  });
  for (let level = 0; level < levelBounds.length - 1; level++) {
    const end = levelBounds[level][1];
    let child = levelBounds[level][0];
    let parent = levelBounds[level + 1][0];
    while (child < end) {
      const box: Envelope = [Infinity, Infinity, -Infinity, -Infinity];
      offsets[parent] = BigInt(child);
      for (let j = 0; j < nodeSize && child < end; j++, child++) {
        box[0] = Math.min(box[0], boxes[child * 4]);
        box[1] = Math.min(box[1], boxes[child * 4 + 1]);
        box[2] = Math.max(box[2], boxes[child * 4 + 2]);
        box[3] = Math.max(box[3], boxes[child * 4 + 3]);
      }
      boxes.set(box, parent * 4);
      parent++;
    }
  }
  const bytes = new Uint8Array(nodeCount * NODE_ITEM_BYTE_LEN);
  const view = new DataView(bytes.buffer);
  for (let node = 0; node < nodeCount; node++) {
    const at = node * NODE_ITEM_BYTE_LEN;
    for (let k = 0; k < 4; k++) view.setFloat64(at + k * 8, boxes[node * 4 + k], true);
    view.setBigUint64(at + 32, offsets[node], true);
  }
  return bytes;
}

function hilbertOrder(boxes: Envelope[], extent: Envelope): number[] {
  const width = extent[2] - extent[0] || 1;
  const height = extent[3] - extent[1] || 1;
  const max = (1 << 16) - 1;
  const values = boxes.map(([minX, minY, maxX, maxY]) =>
    hilbert(Math.floor((max * ((minX + maxX) / 2 - extent[0])) / width), Math.floor((max * ((minY + maxY) / 2 - extent[1])) / height)),
  );
  return boxes.map((_, i) => i).sort((a, b) => values[a] - values[b]);
}

function commonGeometryType(features: Writable[]): GeometryType {
  const types = new Set(features.map((feature) => feature.geometry.type));
  if (types.size === 1) return GeometryType[[...types][0] as keyof typeof GeometryType];
  if ([...types].every((type) => type === 'Polygon' || type === 'MultiPolygon')) return GeometryType.MultiPolygon;
  if ([...types].every((type) => type === 'Point' || type === 'MultiPoint')) return GeometryType.MultiPoint;
  if ([...types].every((type) => type === 'LineString' || type === 'MultiLineString')) return GeometryType.MultiLineString;
  return GeometryType.Unknown;
}

function promote(geometry: Writable['geometry'], type: GeometryType): Writable['geometry'] {
  if (type === GeometryType.MultiPolygon && geometry.type === 'Polygon') return { type: 'MultiPolygon', coordinates: [geometry.coordinates] };
  if (type === GeometryType.MultiPoint && geometry.type === 'Point') return { type: 'MultiPoint', coordinates: [geometry.coordinates] };
  if (type === GeometryType.MultiLineString && geometry.type === 'LineString') return { type: 'MultiLineString', coordinates: [geometry.coordinates] };
  return geometry;
}

/** One column per property name; numbers stay numbers only when every value is a number. */
function inferColumns(features: Writable[]): ColumnMeta[] {
  const kinds = new Map<string, Set<string>>();
  for (const feature of features) {
    for (const [name, value] of Object.entries(feature.properties ?? {})) {
      if (!kinds.has(name)) kinds.set(name, new Set());
      if (value !== null && value !== undefined) kinds.get(name)!.add(typeof value);
    }
  }
  return [...kinds].map(([name, types]) => ({
    name,
    type: types.size === 1 && types.has('number') ? ColumnType.Double : types.size === 1 && types.has('boolean') ? ColumnType.Bool : ColumnType.String,
    title: null,
    description: null,
    width: -1,
    precision: -1,
    scale: -1,
    nullable: true,
    unique: false,
    primary_key: false,
  }));
}

function toColumnValue(value: unknown, type: ColumnType): IProperties[string] {
  if (value === null || value === undefined) return null;
  if (type === ColumnType.String) return typeof value === 'object' ? JSON.stringify(value) : String(value);
  return value as number | boolean;
}

/**
 * flatgeobuf's `parseGeometry` result for a 2D polygon or multipolygon, built with indexed
 * writes (its own flattens with a spread per position, a tenth of a national build);
 * `undefined` for other geometries and positions with more than x and y.
 */
function parsePolygons(geometry: Writable['geometry']): IParsedGeometry | undefined {
  if (geometry.type === 'MultiPolygon') {
    const parts = geometry.coordinates.map((coordinates) => parsePolygons({ type: 'Polygon', coordinates }));
    return parts.every((part) => part !== undefined) ? ({ xy: [], type: GeometryType.MultiPolygon, parts } as unknown as IParsedGeometry) : undefined;
  }
  if (geometry.type !== 'Polygon') return undefined;
  const rings = geometry.coordinates;
  const xy = new Array<number>(2 * rings.reduce((sum, ring) => sum + ring.length, 0));
  let at = 0;
  for (const ring of rings) {
    for (const position of ring) {
      if (position.length !== 2) return undefined;
      xy[at++] = position[0];
      xy[at++] = position[1];
    }
  }
  let end = 0;
  const ends = rings.length > 1 ? rings.map((ring) => (end += ring.length)) : undefined;
  return { xy, ends, type: GeometryType.Polygon } as unknown as IParsedGeometry;
}

/** The bounding box of a geometry's coordinates. */
export function envelopeOf(geometry: Writable['geometry']): Envelope {
  const box: Envelope = [Infinity, Infinity, -Infinity, -Infinity];
  const widen = (positions: number[][]) => {
    for (let i = 0; i < positions.length; i++) {
      const x = positions[i][0];
      const y = positions[i][1];
      if (x < box[0]) box[0] = x;
      if (y < box[1]) box[1] = y;
      if (x > box[2]) box[2] = x;
      if (y > box[3]) box[3] = y;
    }
  };
  switch (geometry.type) {
    case 'Point':
      widen([geometry.coordinates]);
      break;
    case 'MultiPoint':
    case 'LineString':
      widen(geometry.coordinates);
      break;
    case 'MultiLineString':
    case 'Polygon':
      geometry.coordinates.forEach(widen);
      break;
    case 'MultiPolygon':
      for (const polygon of geometry.coordinates) polygon.forEach(widen);
      break;
  }
  return box;
}

function union(a: Envelope, b: Envelope): Envelope {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}
