import { unrenderableBookmarks } from '../contract/cross-checks.js';
import type { ContractIssue } from '../contract/issues.js';
import { DEFAULT_TIMEOUT_SECONDS } from './fetch-file.js';
import { dataUrl, type LoadSettings } from './data-url.js';
import { isSuppressed, type Area, type AtlasManifest, type Bookmark, type Indicator, type Level, type Value, type ValueBlock } from '../contract/types.js';

/** The codes of `ValueColumns.states`. */
export const ValueCode = { number: 0, missing: 1, suppressed: 2 } as const;

/**
 * One block's values in columns, in the level's area order: reading them by index is far
 * cheaper than looking 11,000 area keys up in the block's `values` object.
 */
export interface ValueColumns {
  /** The number of each area; NaN where the value is not a number. */
  readonly numbers: Float64Array;
  /** A `ValueCode` per area: number, missing or suppressed. */
  readonly states: Uint8Array;
}

/**
 * A loaded, validated atlas with indexed look-ups. One instance per manifest URL on a
 * page, shared by every element through the store. Read-only.
 */
export class Atlas {
  private readonly levelsById: Map<string, Level>;
  private readonly indicatorsById: Map<string, Indicator>;
  private readonly areasByLevel: Map<string, Map<string, Area>>;
  private readonly blocks = new Map<string, ValueBlock>();
  private readonly columnsByBlock = new Map<string, ValueColumns>();
  private readonly bookmarksById = new Map<string, Bookmark>();
  /** Bookmarks the elements ignore: about an unknown indicator, or an unpublished one in a public build. */
  readonly ignoredBookmarks: ReadonlyMap<string, ContractIssue[]>;

  constructor(
    readonly manifest: AtlasManifest,
    /** Absolute URL of the manifest; relative URLs in it resolve against this. */
    readonly url: string,
    valueBlocks: ValueBlock[],
    /** How its files are fetched: the origins the host page allows besides the manifest's, the timeout. */
    readonly settings: LoadSettings = { allowedOrigins: [], timeout: DEFAULT_TIMEOUT_SECONDS },
  ) {
    this.levelsById = new Map(manifest.levels.map((level) => [level.id, level]));
    this.indicatorsById = new Map(manifest.indicators.map((indicator) => [indicator.id, indicator]));
    this.areasByLevel = new Map(manifest.levels.map((level) => [level.id, new Map(level.areas.map((area) => [area.key, area]))]));
    for (const block of valueBlocks) this.blocks.set(blockKey(block.indicator, block.level, block.year), block);
    this.ignoredBookmarks = unrenderableBookmarks(manifest, url);
    for (const bookmark of manifest.bookmarks ?? []) if (!this.ignoredBookmarks.has(bookmark.id)) this.bookmarksById.set(bookmark.id, bookmark);
  }

  get id(): string {
    return this.manifest.id;
  }

  get levels(): Level[] {
    return this.manifest.levels;
  }

  level(id: string): Level | undefined {
    return this.levelsById.get(id);
  }

  indicator(id: string): Indicator | undefined {
    return this.indicatorsById.get(id);
  }

  area(levelId: string, key: string): Area | undefined {
    return this.areasByLevel.get(levelId)?.get(key);
  }

  /** Whether the indicator may be rendered: published, or the atlas is an internal build. */
  isRenderable(indicator: Indicator): boolean {
    return indicator.published || this.manifest.build === 'internal';
  }

  /** Indicators that may be rendered, optionally only those with values on a level. */
  renderableIndicators(levelId?: string): Indicator[] {
    return this.manifest.indicators.filter(
      (indicator) => this.isRenderable(indicator) && (levelId === undefined || this.hasValuesOn(indicator, levelId)),
    );
  }

  private hasValuesOn(indicator: Indicator, levelId: string): boolean {
    return indicator.years.some((year) => this.blocks.has(blockKey(indicator.id, levelId, year)));
  }

  /** Years with values on a level (for one indicator or any), ascending. */
  years(levelId: string, indicatorId?: string): number[] {
    const indicators = indicatorId ? [this.indicatorsById.get(indicatorId)].filter((d): d is Indicator => !!d) : this.renderableIndicators();
    const years = new Set<number>();
    for (const indicator of indicators) {
      for (const year of indicator.years) if (this.blocks.has(blockKey(indicator.id, levelId, year))) years.add(year);
    }
    return [...years].sort((a, b) => a - b);
  }

  /** The values of one indicator on one level in one year. */
  block(indicatorId: string, levelId: string, year: number): ValueBlock | undefined {
    return this.blocks.get(blockKey(indicatorId, levelId, year));
  }

  /** One area's value; absent values are missing (`null`). */
  value(indicatorId: string, levelId: string, year: number, key: string): Value {
    return this.block(indicatorId, levelId, year)?.values[key] ?? null;
  }

  /**
   * The values of one indicator on one level in one year as columns in the level's area order,
   * built on first use and kept (treat them as read-only). All missing when there is no block.
   * @throws Error when the level is unknown.
   */
  columns(indicatorId: string, levelId: string, year: number): ValueColumns {
    const key = blockKey(indicatorId, levelId, year);
    let columns = this.columnsByBlock.get(key);
    if (!columns) {
      const level = this.levelsById.get(levelId);
      if (!level) throw new Error(`The atlas has no level "${levelId}".`);
      columns = columnsOf(this.blocks.get(key)?.values, level.areas);
      this.columnsByBlock.set(key, columns);
    }
    return columns;
  }

  /** The reference area's value (the whole municipality), a datum of the data. */
  referenceValue(indicatorId: string, levelId: string, year: number): Value {
    return this.block(indicatorId, levelId, year)?.reference ?? null;
  }

  /** A bookmark the elements may open; never one of `ignoredBookmarks`. */
  bookmark(id: string): Bookmark | undefined {
    return this.bookmarksById.get(id);
  }

  /** The ids of the bookmarks the elements may open. */
  bookmarkIds(): string[] {
    return [...this.bookmarksById.keys()];
  }

  /**
   * Resolves a URL given in the manifest against the manifest's own URL; it must stay on the
   * manifest's origin or one the host page allows.
   * @param path where the URL is in the manifest (`$.poiSources[0].url`), for the message.
   * @throws ContractError naming the manifest and the path when the URL leads elsewhere.
   */
  dataUrl(relative: string, path: string): string {
    return dataUrl(relative, this.url, path, this.settings.allowedOrigins);
  }

  /** The URL of a level's geometry file, checked like `dataUrl`. */
  geometryUrl(level: Level): string {
    return this.dataUrl(level.geometry!.url, `$.levels[${this.manifest.levels.indexOf(level)}].geometry.url`);
  }

  /** Every value block, for consumers that walk the whole cube (suppression, exports). */
  allBlocks(): IterableIterator<ValueBlock> {
    return this.blocks.values();
  }
}

function columnsOf(values: Record<string, Value> | undefined, areas: readonly Area[]): ValueColumns {
  const numbers = new Float64Array(areas.length).fill(NaN);
  const states = new Uint8Array(areas.length).fill(ValueCode.missing);
  if (values) {
    for (let i = 0; i < areas.length; i++) {
      const value = values[areas[i].key];
      if (typeof value === 'number') {
        numbers[i] = value;
        states[i] = ValueCode.number;
      } else if (isSuppressed(value)) {
        states[i] = ValueCode.suppressed;
      }
    }
  }
  return { numbers, states };
}

function blockKey(indicator: string, level: string, year: number): string {
  return `${indicator}\u0000${level}\u0000${year}`;
}
