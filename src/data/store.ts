import { ContractError } from '../contract/issues.js';
import { parseJson } from '../contract/parse-json.js';
import { isValueFileRef, type ValueBlock } from '../contract/types.js';
import { validateManifest, validateValueFileDocument } from '../contract/validate.js';
import { Atlas } from './atlas.js';
import { fetchText } from './fetch-text.js';
import { readLevelGeometry, type AreaFeature, type BBox } from './geometry.js';

/**
 * The one loaded copy of an atlas per manifest URL on a page. Elements that name the
 * same `src` share it: the manifest and each geometry file are fetched once.
 */
export class AtlasStore {
  private static readonly stores = new Map<string, AtlasStore>();

  /** The store for a manifest URL (resolved against `base`, default the document's URL). */
  static for(src: string, base: string = document.baseURI): AtlasStore {
    const url = new URL(src, base).href;
    let store = AtlasStore.stores.get(url);
    if (!store) {
      store = new AtlasStore(url);
      AtlasStore.stores.set(url, store);
    }
    return store;
  }

  /** Forgets every store (tests; a page that replaced its data). */
  static clear(): void {
    AtlasStore.stores.clear();
  }

  private loading?: SharedLoad<Atlas>;
  private readonly geometries = new Map<string, SharedLoad<AreaFeature[]>>();

  private constructor(readonly url: string) {}

  /**
   * Loads and validates the manifest and its value files. Concurrent callers share one
   * request; it is aborted only when every caller's signal has aborted.
   */
  load(signal?: AbortSignal): Promise<Atlas> {
    if (!this.loading || this.loading.aborted) {
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
    if (options.bbox) return readLevelGeometry(atlas, level, { bbox: options.bbox, signal: options.signal });
    let shared = this.geometries.get(levelId);
    if (!shared || shared.aborted) {
      shared = new SharedLoad((innerSignal) => readLevelGeometry(atlas, level, { signal: innerSignal }));
      this.geometries.set(levelId, shared);
    }
    return shared.join(options.signal);
  }

  private async fetchAtlas(signal: AbortSignal): Promise<Atlas> {
    const manifest = validateManifest(parseJson(await fetchText(this.url, signal), this.url), this.url);
    const blocks: ValueBlock[] = [];
    const files: Promise<ValueBlock[]>[] = [];
    for (const entry of manifest.values) {
      if (!isValueFileRef(entry)) {
        blocks.push(entry);
        continue;
      }
      const fileUrl = new URL(entry.src, this.url).href;
      files.push(fetchText(fileUrl, signal).then((text) => validateValueFileDocument(parseJson(text, fileUrl), manifest, fileUrl)));
    }
    for (const fileBlocks of await Promise.all(files)) blocks.push(...fileBlocks);
    return new Atlas(manifest, this.url, blocks);
  }
}

/** One in-flight load shared by several callers, each with its own abort signal. */
class SharedLoad<T> {
  private readonly controller = new AbortController();
  private readonly promise: Promise<T>;
  private waiting = 0;
  private settled = false;
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
        throw error;
      },
    );
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
