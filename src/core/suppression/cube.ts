import { isSuppressed, type Indicator, type Level, type PrivacySettings, type Value, type ValueBlock } from '../../contract/types.js';
import { effectivePrivacy } from '../privacy.js';

/** Everything suppression looks at: the cube of values and what the indicators and levels say about it. */
export interface SuppressionInput {
  indicators: Indicator[];
  levels: Level[];
  blocks: ValueBlock[];
  privacy?: PrivacySettings;
  /**
   * Indicators the build does not publish: a reader never sees their cells, so they are
   * unknowns to an attacker, but their small counts are protected like any other.
   */
  withheld?: ReadonlySet<string>;
}

/** One suppressed cell and why. The report is for the data preparer; it names no values. */
export interface SuppressionRecord {
  rule: 'primary' | 'derived' | 'denominator' | 'complementary' | 'secondary';
  indicator: string;
  level: string;
  year: number;
  /** Area key, or 'reference' for the reference value. */
  area: string;
  reason: string;
}

export const REFERENCE = 'reference';

/** The keys of a block's cells: the level's area keys in order, further keys the block holds, then 'reference'. */
interface KeyList {
  keys: string[];
  index: Map<string, number>;
}

const SUPPRESSED: Value = Object.freeze({ suppressed: true as const });

/**
 * The cells of every block, aligned per level so that one index means one area in every
 * block of that level: the original values, the current state as cells are hidden, and
 * the report of what was hidden. A cell is addressed by block and index, or by one number
 * (`cellId`) across the whole cube.
 */
export class Cube {
  readonly privacy: Required<PrivacySettings>;
  readonly blocks: ValueBlock[];
  readonly indicators: (Indicator | undefined)[];
  readonly indicatorById: Map<string, Indicator>;
  readonly levels: Map<string, Level>;
  /** Whether each block is of an indicator the build withholds. */
  readonly withheld: boolean[];
  readonly original: Value[][];
  readonly current: Value[][];
  readonly report: SuppressionRecord[] = [];
  /** First cell id of each block. */
  readonly offsets: number[];
  readonly cellCount: number;
  private readonly blockIndex = new Map<string, number>();
  private readonly keyLists: KeyList[];
  private readonly ownKeys: string[][];
  private readonly blockOfCell: Int32Array;

  constructor(input: SuppressionInput) {
    this.privacy = effectivePrivacy(input.privacy);
    this.indicatorById = new Map(input.indicators.map((indicator) => [indicator.id, indicator]));
    this.levels = new Map(input.levels.map((level) => [level.id, level]));
    this.blocks = input.blocks;
    this.indicators = input.blocks.map((block) => this.indicatorById.get(block.indicator));
    this.withheld = input.blocks.map((block) => input.withheld?.has(block.indicator) ?? false);
    input.blocks.forEach((block, index) => this.blockIndex.set(blockKey(block.indicator, block.level, block.year), index));
    const levelKeys = new Map<string, KeyList>();
    this.ownKeys = input.blocks.map((block) => Object.keys(block.values));
    this.keyLists = input.blocks.map((block, b) => {
      let shared = levelKeys.get(block.level);
      if (!shared) {
        shared = keyList((this.levels.get(block.level)?.areas ?? []).map((area) => area.key));
        levelKeys.set(block.level, shared);
      }
      const extra = this.ownKeys[b].filter((key) => !shared.index.has(key) && key !== REFERENCE);
      return extra.length === 0 ? shared : keyList([...shared.keys.slice(0, -1), ...extra]);
    });
    this.original = input.blocks.map((block, b) =>
      this.keyLists[b].keys.map((key, i, keys) => (i === keys.length - 1 ? block.reference : Object.hasOwn(block.values, key) ? block.values[key] : undefined) ?? null),
    );
    this.current = this.original.map((values) => [...values]);
    let offset = 0;
    this.offsets = this.keyLists.map((list) => {
      const start = offset;
      offset += list.keys.length;
      return start;
    });
    this.cellCount = offset;
    this.blockOfCell = new Int32Array(offset);
    this.offsets.forEach((start, b) => this.blockOfCell.fill(b, start, start + this.keyLists[b].keys.length));
  }

  /** The block of an indicator on a level in a year, or -1. */
  block(indicator: string, level: string, year: number): number {
    return this.blockIndex.get(blockKey(indicator, level, year)) ?? -1;
  }

  size(block: number): number {
    return this.keyLists[block].keys.length;
  }

  referenceIndex(block: number): number {
    return this.keyLists[block].keys.length - 1;
  }

  key(block: number, index: number): string {
    return this.keyLists[block].keys[index];
  }

  /** The index of an area key in a block, or -1. */
  indexOf(block: number, key: string): number {
    return this.keyLists[block].index.get(key) ?? -1;
  }

  /** The index in block `to` of the cell with the same key as cell `index` of block `from`, or -1. */
  indexIn(from: number, index: number, to: number): number {
    const source = this.keyLists[from];
    const target = this.keyLists[to];
    if (source === target) return index;
    if (index === source.keys.length - 1) return target.keys.length - 1;
    return target.index.get(source.keys[index]) ?? -1;
  }

  cellId(block: number, index: number): number {
    return this.offsets[block] + index;
  }

  blockOf(cell: number): number {
    return this.blockOfCell[cell];
  }

  indexOfCell(cell: number): number {
    return cell - this.offsets[this.blockOfCell[cell]];
  }

  /** Hidden on purpose (suppressed now or in the source). */
  isHidden(block: number, index: number): boolean {
    return isSuppressed(this.current[block][index]);
  }

  /** Unknown to a reader: hidden, or of a withheld indicator. */
  isUnknown(block: number, index: number): boolean {
    return this.withheld[block] || isSuppressed(this.current[block][index]);
  }

  /** The number a reader sees, or undefined when the cell is unknown or missing. */
  published(block: number, index: number): number | undefined {
    if (this.withheld[block]) return undefined;
    const value = this.current[block][index];
    return typeof value === 'number' ? value : undefined;
  }

  /** The true value behind a cell, if the data has one. */
  value(block: number, index: number): number | undefined {
    const value = this.original[block][index];
    return typeof value === 'number' ? value : undefined;
  }

  /** Whether a cell takes part in sums: it has a number, or a value hidden in the source. */
  isKnownOrHidden(block: number, index: number): boolean {
    const value = this.current[block][index];
    return typeof value === 'number' || isSuppressed(value);
  }

  hide(block: number, index: number, rule: SuppressionRecord['rule'], reason: string): void {
    this.current[block][index] = SUPPRESSED;
    const { indicator, level, year } = this.blocks[block];
    this.report.push({ rule, indicator, level, year, area: this.keyLists[block].keys[index], reason });
  }

  /** Where a cell is, for messages: indicator, level, year and area. */
  describe(cell: number): { indicator: string; level: string; year: number; area: string } {
    const block = this.blockOf(cell);
    const { indicator, level, year } = this.blocks[block];
    return { indicator, level, year, area: this.key(block, this.indexOfCell(cell)) };
  }

  /** New blocks with the hidden cells suppressed; the input is never changed. */
  output(): ValueBlock[] {
    return this.blocks.map((block, b) => {
      // A loop over the known keys copies an 11,000-key object several times faster than a spread.
      // Null prototype: an area key "__proto__" must stay a key with its value.
      const values: Record<string, Value> = Object.create(null);
      for (const key of this.ownKeys[b]) values[key] = block.values[key];
      const out: ValueBlock = { ...block, values };
      const { keys } = this.keyLists[b];
      this.current[b].forEach((value, i) => {
        if (!isSuppressed(value)) return;
        if (i === keys.length - 1) out.reference = { suppressed: true };
        else values[keys[i]] = { suppressed: true };
      });
      return out;
    });
  }
}

function keyList(areaKeys: string[]): KeyList {
  const keys = [...areaKeys, REFERENCE];
  return { keys, index: new Map(keys.map((key, i) => [key, i])) };
}

function blockKey(indicator: string, level: string, year: number): string {
  return `${indicator}\u0000${level}\u0000${year}`;
}
