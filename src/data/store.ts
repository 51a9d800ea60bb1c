import { ContractError, formatIssue } from '../contract/issues.js';
import { parseJson } from '../contract/parse-json.js';
import { isValueFileRef, type ValueBlock } from '../contract/types.js';
import { validateManifest, validateValueFileDocument } from '../contract/validate.js';
import { Atlas } from './atlas.js';
import { dataUrl, type LoadSettings } from './data-url.js';
import { DEFAULT_TIMEOUT_SECONDS, fetchText } from './fetch-file.js';
import type { AreaFeature, BBox } from './geometry.js';

/** Geometry reading loads with the first map: tables and charts never download it. */
const loadGeometryReader = () => import('./geometry.js');

/**
 * The one loaded copy of an atlas per manifest URL (and load settings) on a page. Elements
 * that name the same `src` share it: the manifest and each geometry file are fetched once.
 * A failed load is not kept: the next caller starts anew.
 */
export class AtlasStore {
  private static readonly stores = new Map<string, AtlasStore>();

  /**
   * The store for a manifest URL (resolved against `base`, default the document's URL) with
   * the host page's load settings (other allowed origins, timeout in seconds).
   */
  static for(src: string, settings: Partial<LoadSettings> = {}, base: string = document.baseURI): AtlasStore {
    const url = new URL(src, base).href;
    const complete: LoadSettings = { allowedOrigins: [...new Set(settings.allowedOrigins ?? [])].sort(), timeout: settings.timeout ?? DEFAULT_TIMEOUT_SECONDS };
    const key = JSON.stringify([url, complete.allowedOrigins, complete.timeout]);
    let store = AtlasStore.stores.get(key);
    if (!store) {
      store = new AtlasStore(url, complete);
      AtlasStore.stores.set(key, store);
    }
    return store;
  }

  /** Forgets every store (tests; a page that replaced its data). */
  static clear(): void {
    AtlasStore.stores.clear();
  }

  private loading?: SharedLoad<Atlas>;
  private readonly geometries = new Map<string, SharedLoad<AreaFeature[]>>();

  private constructor(
    readonly url: string,
    readonly settings: LoadSettings,
  ) {}

  /**
   * Loads and validates the manifest and its value files. Concurrent callers share one
   * request; it is aborted only when every caller's signal has aborted.
   */
  load(signal?: AbortSignal): Promise<Atlas> {
    if (!this.loading || this.loading.aborted || this.loading.failed) {
      this.loading = new SharedLoad((innerSignal) => this.fetchAtlas(innerSignal));
    }
    return this.loading.join(signal);
  }

  /**
   * The areas of a level with their geometry. Without `bbox` the whole file is read as a
   * stream and cached; with `bbox` (and an indexed file) only the features inside are read
   * through HTTP Range requests.
   */
  async geometry(levelId: string, options: { bbox?: BBox; signal?: AbortSignal } = {}): Promise<AreaFeature[]> {
    const atlas = await this.load(options.signal);
    const level = atlas.level(levelId);
    if (!level?.geometry) {
      throw new ContractError(this.url, [{ file: this.url, path: '$.levels', expected: `a level "${levelId}" with geometry`, found: level ? 'a level without geometry' : 'no such level' }]);
    }
    const { readLevelGeometry } = await loadGeometryReader();
    if (options.bbox) return readLevelGeometry(atlas, level, { bbox: options.bbox, signal: options.signal });
    let shared = this.geometries.get(levelId);
    if (!shared || shared.aborted || shared.failed) {
      shared = new SharedLoad((innerSignal) => readLevelGeometry(atlas, level, { signal: innerSignal }));
      this.geometries.set(levelId, shared);
    }
    return shared.join(options.signal);
  }

  private async fetchAtlas(signal: AbortSignal): Promise<Atlas> {
    const { timeout, allowedOrigins } = this.settings;
    const manifest = validateManifest(parseJson(await fetchText(this.url, { signal, timeout }), this.url), this.url);
    const blocks: ValueBlock[] = [];
    const files: Promise<ValueBlock[]>[] = [];
    manifest.values.forEach((entry, index) => {
      if (!isValueFileRef(entry)) {
        blocks.push(entry);
        return;
      }
      const fileUrl = dataUrl(entry.src, this.url, `$.values[${index}].src`, allowedOrigins);
      files.push(fetchText(fileUrl, { signal, timeout }).then((text) => validateValueFileDocument(parseJson(text, fileUrl), manifest, fileUrl)));
    });
    for (const fileBlocks of await Promise.all(files)) blocks.push(...fileBlocks);
    const atlas = new Atlas(manifest, this.url, blocks, this.settings);
    for (const issues of atlas.ignoredBookmarks.values()) {
      console.warn(`keck-atlas: bookmark ignored, the elements do not open it: ${issues.map(formatIssue).join('; ')}`);
    }
    return atlas;
  }
}

/** One in-flight load shared by several callers, each with its own abort signal. */
class SharedLoad<T> {
  private readonly controller = new AbortController();
  private readonly promise: Promise<T>;
  private waiting = 0;
  private settled = false;
  private rejected = false;
  /** A caller without a signal keeps the load alive. */
  private pinned = false;

  constructor(start: (signal: AbortSignal) => Promise<T>) {
    this.promise = start(this.controller.signal).then(
      (value) => {
        this.settled = true;
        return value;
      },
      (error) => {
        this.settled = true;
        this.rejected = true;
        throw error;
      },
    );
  }

  /** Whether the load failed; a failure is not kept for the page's lifetime. */
  get failed(): boolean {
    return this.rejected;
  }

  /** Whether every caller gave up before the load finished; a new load must start. */
  get aborted(): boolean {
    return this.controller.signal.aborted;
  }

  join(signal?: AbortSignal): Promise<T> {
    if (!signal) {
      this.pinned = true;
      return this.promise;
    }
    if (signal.aborted) return Promise.reject(signal.reason);
    this.waiting++;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        reject(signal.reason);
        if (--this.waiting === 0 && !this.settled && !this.pinned) this.controller.abort(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.promise.then(
        (value) => {
          signal.removeEventListener('abort', onAbort);
          this.waiting--;
          resolve(value);
        },
        (error) => {
          signal.removeEventListener('abort', onAbort);
          this.waiting--;
          reject(error);
        },
      );
    });
  }
}
