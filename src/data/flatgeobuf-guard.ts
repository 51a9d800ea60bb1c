// flatgeobuf trusts every number in a file: a damaged header can make it loop forever (an
// index over 0 features), allocate gigabytes or read far beyond the file. These checks read
// the header in a bounded way and compare it with the file's size before any byte reaches
// flatgeobuf. No DOM: `keck-atlas validate` runs them in Node.
import { ByteBuffer } from 'flatbuffers';
// flatgeobuf's internals (no public API reads a header from bytes), at the exact version
// package.json pins (test/node/flatgeobuf-internals.test.mjs checks them).
import { Header } from 'flatgeobuf/lib/mjs/flat-geobuf/header.js';
import { calcTreeSize } from 'flatgeobuf/lib/mjs/packedrtree.js';
import { isLonLat } from './lon-lat.js';

/** Magic bytes (8) and the header's length (4). */
export const PREFIX_BYTES = 12;
const MAX_HEADER_BYTES = 10 * 1024 * 1024;
/** A feature takes at least its 4-byte length and a 4-byte table offset. */
const MIN_FEATURE_BYTES = 8;
const MAX_GEOMETRY_TYPE = 17;

/** What the header says about the file's layout, checked against its size. */
export interface FlatGeobufLayout {
  fileSize: number;
  /** Bytes of the header table, without its 4-byte length. */
  headerLength: number;
  featuresCount: number;
  indexNodeSize: number;
  /** Bytes of the packed R-tree (0 without an index). */
  indexBytes: number;
  /** Where the first feature starts. */
  featuresOffset: number;
  /** `EPSG:25832`, or null when the header names no code. */
  crs: string | null;
  /** Whether the header's CRS is a projected one (its WKT starts with PROJCS or PROJCRS). */
  projected: boolean;
  /** [minX, minY, maxX, maxY] when the header has one. */
  envelope: number[] | null;
}

/** A file that is not a FlatGeobuf this library can read; the message says what was found. */
export class FlatGeobufProblem extends Error {
  override name = 'FlatGeobufProblem';
}

/** `4 294 967 295`: large numbers in messages, readable in any language. */
export function groupDigits(value: number | bigint): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/** The header's length from the first 12 bytes, checked; throws a FlatGeobufProblem. */
export function flatGeobufHeaderLength(start: Uint8Array, fileSize: number): number {
  if (fileSize < PREFIX_BYTES || start.length < PREFIX_BYTES) return problem(`a file of only ${groupDigits(Math.min(fileSize, start.length))} bytes`);
  const magic = start[0] === 0x66 && start[1] === 0x67 && start[2] === 0x62 && start[4] === 0x66 && start[5] === 0x67 && start[6] === 0x62;
  if (!magic) return problem('no FlatGeobuf signature ("fgb") at the start');
  if (start[3] !== 3) return problem(`FlatGeobuf version ${start[3]} (this library reads version 3)`);
  const headerLength = new DataView(start.buffer, start.byteOffset, start.byteLength).getUint32(8, true);
  if (headerLength < 8 || headerLength > MAX_HEADER_BYTES || PREFIX_BYTES + headerLength > fileSize) {
    return problem(`a header that declares ${groupDigits(headerLength)} bytes in a file of ${groupDigits(fileSize)} bytes`);
  }
  return headerLength;
}

/**
 * Reads and checks the header: `bytes` holds at least the file's first 12 + header length
 * bytes, `fileSize` is the size of the whole file. Checks the table's offsets and vector lengths
 * against the header, the geometry type, the feature count and index size against the file size.
 * @throws FlatGeobufProblem with a readable description of what was found.
 */
export function checkFlatGeobufHeader(bytes: Uint8Array, fileSize: number): FlatGeobufLayout {
  const headerLength = flatGeobufHeaderLength(bytes, fileSize);
  const end = PREFIX_BYTES + headerLength;
  if (bytes.length < end) return problem(`a file that ends inside its header (${groupDigits(bytes.length)} of ${groupDigits(end)} bytes)`);
  const header = headerTable(bytes.subarray(0, end));
  const damaged = (what: string): never => problem(`a damaged header (${what})`);

  const featuresCount = header.featuresCount();
  if (featuresCount > BigInt(Number.MAX_SAFE_INTEGER)) damaged(`${groupDigits(featuresCount)} features`);
  const count = Number(featuresCount);
  const indexNodeSize = header.indexNodeSize();
  const geometryType = header.geometryType();
  if (geometryType > MAX_GEOMETRY_TYPE) damaged(`geometry type ${geometryType}`);
  if (header.columnsLength() * 4 > headerLength) damaged(`${groupDigits(header.columnsLength())} columns in ${groupDigits(headerLength)} bytes`);
  const envelopeLength = header.envelopeLength();
  if (envelopeLength * 8 > headerLength) damaged(`an envelope of ${groupDigits(envelopeLength)} numbers`);
  if (indexNodeSize === 1) damaged('an index node size of 1');
  if (indexNodeSize > 0 && count === 0) problem('a header that declares a spatial index over 0 features');

  if (count * MIN_FEATURE_BYTES > fileSize - end) problem(`a header that declares ${groupDigits(count)} features in a file of ${groupDigits(fileSize)} bytes`);
  const indexBytes = indexNodeSize > 0 ? calcTreeSize(count, indexNodeSize) : 0;
  const featuresOffset = end + indexBytes;
  if (featuresOffset + count * MIN_FEATURE_BYTES > fileSize) {
    problem(`a header that declares an index of ${groupDigits(indexBytes)} bytes and ${groupDigits(count)} features in a file of ${groupDigits(fileSize)} bytes`);
  }

  let envelope: number[] | null = null;
  let crs: string | null = null;
  let projected = false;
  try {
    envelope = envelopeLength >= 4 ? [0, 1, 2, 3].map((i) => header.envelope(i) ?? NaN) : null;
    const system = header.crs();
    if (system) {
      const code = system.code();
      crs = code ? `${system.org() ?? 'EPSG'}:${code}` : system.codeString();
      const wkt = system.wkt();
      projected = wkt !== null && /^\s*PROJ(?:CS|CRS)\b/i.test(wkt.slice(0, 64));
    }
  } catch (error) {
    damaged((error as Error).message);
  }
  return { fileSize, headerLength, featuresCount: count, indexNodeSize, indexBytes, featuresOffset, crs, projected, envelope };
}

/**
 * Walks the features' length prefixes of a whole file: they must end exactly at the file's end,
 * and there must be as many as the header declares (when it declares a number).
 * @throws FlatGeobufProblem for a cut-off file or one with more or fewer features.
 */
export function checkFeatureFraming(bytes: Uint8Array, layout: FlatGeobufLayout): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = layout.featuresOffset;
  let index = 0;
  while (offset < bytes.length) {
    if (offset + 4 > bytes.length) problem(`a file that ends inside the length of feature ${index}: it is cut off`);
    const length = view.getUint32(offset, true);
    if (offset + 4 + length > bytes.length) {
      problem(`a file that ends inside feature ${index} (it declares ${groupDigits(length)} bytes, ${groupDigits(bytes.length - offset - 4)} are left): it is cut off or damaged`);
    }
    offset += 4 + length;
    index++;
  }
  if (layout.featuresCount > 0 && index !== layout.featuresCount) {
    problem(`${groupDigits(index)} features where the header declares ${groupDigits(layout.featuresCount)}: the file is damaged`);
  }
}

/**
 * The header's root table, after checking that the table and its vtable lie inside the header
 * (flatbuffers reads whatever offsets it finds).
 */
function headerTable(bytes: Uint8Array): Header {
  const length = bytes.length;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const root = 12 + view.getUint32(12, true);
  if (root + 4 > length) problem('a damaged header (its table lies outside it)');
  const vtable = root - view.getInt32(root, true);
  if (vtable < 12 || vtable + 4 > length) problem('a damaged header (its table layout lies outside it)');
  const vtableLength = view.getUint16(vtable, true);
  if (vtableLength < 4 || vtableLength % 2 !== 0 || vtable + vtableLength > length) problem('a damaged header (its table layout lies outside it)');
  const tableLength = view.getUint16(vtable + 2, true);
  for (let field = 4; field < vtableLength; field += 2) {
    const offset = view.getUint16(vtable + field, true);
    if (offset !== 0 && (offset >= tableLength || root + offset >= length)) problem('a damaged header (a field lies outside it)');
  }
  const bb = new ByteBuffer(bytes);
  bb.setPosition(8);
  return Header.getSizePrefixedRootAsHeader(bb);
}

/**
 * A description of why the file's coordinates are not longitude/latitude (WGS84), naming the
 * likely cause, or null. Checks the header's CRS and envelope; `position` is a coordinate read
 * from a feature, when there is one.
 */
export function projectionProblem(layout: FlatGeobufLayout, position?: [number, number]): string | null {
  const named = layout.crs ? ` (the header names ${layout.crs})` : '';
  const outside = (x: number, y: number) =>
    `coordinates such as ${formatCoordinate(x)}, ${formatCoordinate(y)}, which are no longitude/latitude in degrees: probably projected coordinates in metres${named}; the contract needs WGS84 (EPSG:4326), reproject the file (keck-atlas build does)`;
  if (layout.envelope && !(isLonLat(layout.envelope[0], layout.envelope[1]) && isLonLat(layout.envelope[2], layout.envelope[3]))) {
    return outside(layout.envelope[0], layout.envelope[1]);
  }
  if (position && !isLonLat(position[0], position[1])) return outside(position[0], position[1]);
  if (layout.projected) return `a projected coordinate system${named}; the contract needs WGS84 longitude/latitude (EPSG:4326), reproject the file (keck-atlas build does)`;
  return null;
}

function formatCoordinate(value: number): string {
  return Number.isFinite(value) ? String(Math.round(value * 100) / 100) : String(value);
}

function problem(message: string): never {
  throw new FlatGeobufProblem(message);
}
