// Reading FlatGeobuf within bounds: the header is checked against the file's size first
// (flatgeobuf-guard.ts), parsing gives the event loop a turn every few milliseconds and stops
// at a time budget, and range reads never go beyond the file. No DOM: the CLI uses it too.
import type { Feature, Geometry } from 'geojson';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
// Range reads through our own client (timeouts, bounds) need flatgeobuf's internals, used at the
// exact version package.json pins (test/node/flatgeobuf-internals.test.mjs checks them).
import { fromFeature } from 'flatgeobuf/lib/mjs/geojson/feature.js';
import { HttpReader, type RangeClient } from 'flatgeobuf/lib/mjs/http-reader.js';
import { fetchBytes, type FetchOptions } from './fetch-file.js';
import { checkFeatureFraming, checkFlatGeobufHeader, FlatGeobufProblem, groupDigits, PREFIX_BYTES, projectionProblem, type FlatGeobufLayout } from './flatgeobuf-guard.js';

export type RawFeature = Feature<Geometry | null, Record<string, unknown> | null>;

export interface ParseBudget {
  signal?: AbortSignal;
  /** Milliseconds of parsing after which the file is given up (default 60 s). */
  maxMilliseconds?: number;
}

/** Return false to stop reading (e.g. after too many problems). */
export type FeatureHandler = (feature: RawFeature, index: number) => boolean | void;

const DEFAULT_PARSE_MS = 60_000;
/** Parsing runs in slices of this many milliseconds, so the page stays responsive. */
const SLICE_MS = 8;
/** The most a header read asks for in one go (flatgeobuf prefetches about 13 KB). */
const HEADER_PREFETCH_BYTES = 64 * 1024;
const MAX_RANGE_REQUESTS = 2000;

/**
 * Parses a whole FlatGeobuf file: checks its header against its size, then hands every
 * feature (at most the declared count) to `onFeature`. Features with longitude/latitude
 * that cannot be are a problem (projected coordinates), reported with their likely cause.
 * @throws FlatGeobufProblem describing what is wrong with the file.
 */
export async function parseFlatGeobuf(bytes: Uint8Array, onFeature: FeatureHandler, budget: ParseBudget = {}): Promise<FlatGeobufLayout> {
  const layout = checkFlatGeobufHeader(bytes, bytes.length);
  checkFeatureFraming(bytes, layout);
  const projection = projectionProblem(layout);
  if (projection) throw new FlatGeobufProblem(projection);
  const clock = new Clock(budget);
  let index = 0;
  try {
    for await (const feature of deserialize(bytes) as AsyncGenerator<RawFeature>) {
      if (layout.featuresCount > 0 && index >= layout.featuresCount) break;
      checkPosition(layout, feature, index);
      if (onFeature(feature, index++) === false) break;
      await clock.tick();
    }
  } catch (error) {
    if (budget.signal?.aborted) throw error;
    throw unreadable(error, index);
  }
  return layout;
}

/**
 * Reads the features of an indexed FlatGeobuf file that intersect a box, with HTTP Range
 * requests (each with the timeout and retry of `fetchBytes`). The header is checked against
 * the file's size before flatgeobuf sees it; no read goes beyond the file.
 * @throws FlatGeobufProblem for a damaged file, ContractError for a failed request.
 */
export async function readFlatGeobufBox(
  url: string,
  rect: { minX: number; minY: number; maxX: number; maxY: number },
  onFeature: FeatureHandler,
  options: FetchOptions & ParseBudget = {},
): Promise<FlatGeobufLayout> {
  const client = new CheckedRangeClient(url, options);
  const layout = await client.open();
  if (layout.indexNodeSize === 0) throw new FlatGeobufProblem('a file without a spatial index, so it cannot be read by bounding box');
  const projection = projectionProblem(layout);
  if (projection) throw new FlatGeobufProblem(projection);
  const clock = new Clock(options);
  let index = 0;
  try {
    const reader = await HttpReader.openSource(client);
    for await (const { id, feature } of reader.selectBbox(rect)) {
      const parsed = fromFeature(id, feature, reader.header) as RawFeature;
      checkPosition(layout, parsed, index);
      if (onFeature(parsed, index++) === false) break;
      await clock.tick();
    }
  } catch (error) {
    if (options.signal?.aborted || !(error instanceof Error) || error.name === 'ContractError') throw error;
    throw unreadable(error, index);
  }
  return layout;
}

/** A range client for flatgeobuf's HttpReader that checks the file first and refuses reads beyond it. */
class CheckedRangeClient implements RangeClient {
  private head: Uint8Array = new Uint8Array(0);
  private fileSize = 0;
  private requests = 0;

  constructor(
    private readonly url: string,
    private readonly options: FetchOptions,
  ) {}

  async open(): Promise<FlatGeobufLayout> {
    const first = await this.fetch(0, HEADER_PREFETCH_BYTES);
    this.head = first.bytes;
    this.fileSize = first.fileSize;
    if (this.head.length >= PREFIX_BYTES) {
      const headerEnd = PREFIX_BYTES + new DataView(this.head.buffer, this.head.byteOffset, this.head.byteLength).getUint32(8, true);
      if (headerEnd > this.head.length && headerEnd <= this.fileSize) this.head = (await this.fetch(0, headerEnd)).bytes;
    }
    return checkFlatGeobufHeader(this.head, this.fileSize);
  }

  async getRange(begin: number, length: number): Promise<ArrayBuffer> {
    if (begin < 0 || begin >= this.fileSize || (begin + length > this.fileSize && length > HEADER_PREFETCH_BYTES)) {
      throw new FlatGeobufProblem(`a read of ${groupDigits(length)} bytes at ${groupDigits(begin)}, beyond the end of the file (${groupDigits(this.fileSize)} bytes): a damaged index or feature`);
    }
    const end = Math.min(begin + length, this.fileSize);
    if (end <= this.head.length) return copy(this.head.subarray(begin, end));
    return copy((await this.fetch(begin, end - begin)).bytes);
  }

  private fetch(begin: number, length: number) {
    if (++this.requests > MAX_RANGE_REQUESTS) throw new FlatGeobufProblem(`a file that needs more than ${MAX_RANGE_REQUESTS} range reads for one box: a damaged index`);
    return fetchBytes(this.url, { ...this.options, range: [begin, begin + length - 1] });
  }
}

function copy(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer as ArrayBuffer;
}

function checkPosition(layout: FlatGeobufLayout, feature: RawFeature, index: number): void {
  const position = firstPosition(feature.geometry);
  const projection = position && projectionProblem(layout, position);
  if (projection) throw new FlatGeobufProblem(`feature ${index}: ${projection}`);
}

function firstPosition(geometry: Geometry | null): [number, number] | undefined {
  let coordinates: unknown = geometry && 'coordinates' in geometry ? geometry.coordinates : undefined;
  while (Array.isArray(coordinates) && Array.isArray(coordinates[0])) coordinates = coordinates[0];
  return Array.isArray(coordinates) && typeof coordinates[0] === 'number' ? [coordinates[0], coordinates[1] as number] : undefined;
}

/** flatgeobuf's own errors on damaged bytes ("Cannot read properties of null") say nothing to an office; this names the feature. */
function unreadable(error: unknown, index: number): Error {
  if (error instanceof FlatGeobufProblem) return error;
  return new FlatGeobufProblem(`a damaged feature ${index}: its geometry or properties cannot be read`);
}

/** Gives the event loop a turn every few milliseconds and enforces the parse budget. */
class Clock {
  private readonly started = performance.now();
  private sliceStart = this.started;
  private readonly limit: number;

  constructor(private readonly budget: ParseBudget) {
    this.limit = budget.maxMilliseconds ?? DEFAULT_PARSE_MS;
  }

  async tick(): Promise<void> {
    const now = performance.now();
    if (now - this.sliceStart < SLICE_MS) return;
    if (now - this.started > this.limit) throw new FlatGeobufProblem(`a file that takes longer than ${Math.round(this.limit / 1000)} s to read`);
    await nextTask();
    this.budget.signal?.throwIfAborted();
    this.sliceStart = performance.now();
  }
}

/** Resolves in a new task (not a microtask), so input and rendering can run in between. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    // addEventListener and start(), not onmessage: typed alike in browsers and Node.
    channel.port1.addEventListener(
      'message',
      () => {
        channel.port1.close();
        resolve();
      },
      { once: true },
    );
    channel.port1.start();
    channel.port2.postMessage(null);
  });
}
