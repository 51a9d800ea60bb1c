import { isSuppressed, type Indicator, type Level, type PrivacySettings, type Value, type ValueBlock } from '../contract/types.js';
import { effectivePrivacy, isSmallCount } from './privacy.js';

export { effectivePrivacy } from './privacy.js';

/** Everything suppression looks at: the cube of values and what the indicators and levels say about it. */
export interface SuppressionInput {
  indicators: Indicator[];
  levels: Level[];
  blocks: ValueBlock[];
  privacy?: PrivacySettings;
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

const REFERENCE = 'reference';
/** Largest set of linked hidden cells the audit solves; larger sets rely on group protection alone. */
const AUDIT_LIMIT = 400;

/**
 * Cells whose values add up: `total = Σ members`. A cell is a block index and the index of
 * its key in that block's key list (the reference is the last key).
 */
interface AdditiveGroup {
  rule: 'secondary' | 'complementary';
  totalBlock: number;
  totalIndex: number;
  memberBlocks: Int32Array;
  memberIndices: Int32Array;
  description: string;
}

/** The keys of a block's cells: the level's area keys in order, further keys the block holds, then 'reference'. */
interface KeyList {
  keys: string[];
  index: Map<string, number>;
}

/**
 * Suppresses what must not be published, when data is prepared. Pure: returns new blocks
 * and never mutates the input.
 *
 * 1. primary: counts from 0 (1 when zeros are allowed) to the threshold;
 * 2. secondary and complementary: in every additive group (the areas of a level adding to
 *    the reference, the children of a parent area adding to the parent, two numerators
 *    adding to their shared denominator, the reference on each level) a hidden cell never
 *    stands alone: complements are added, smallest non-zero value first, until at least two
 *    cells are hidden and their sum exceeds the threshold, or else the total is hidden, until
 *    nothing changes; where numerators add up to their denominator, an audit solves the
 *    published sums as an attacker would and adds complements until no hidden count follows;
 * 3. derived: shares/rates whose numerator or denominator is hidden, or whose denominator
 *    is below `minDenominator`; then complementary shares (numerators adding to the shared
 *    denominator, or pairs adding to 100 %) are hidden together.
 */
export function suppress(input: SuppressionInput): { blocks: ValueBlock[]; report: SuppressionRecord[] } {
  return new Suppression(input).run();
}

class Suppression {
  private readonly privacy: Required<PrivacySettings>;
  private readonly indicators: (Indicator | undefined)[];
  private readonly levels: Map<string, Level>;
  private readonly blocks: ValueBlock[];
  private readonly blockIndex = new Map<string, number>();
  private readonly keyLists: KeyList[];
  /** The keys of each block's values, in their own order (the output copies them in it). */
  private readonly ownKeys: string[][];
  /** Values per block, aligned with its key list; `current` changes as cells are hidden. */
  private readonly original: Value[][];
  private readonly current: Value[][];
  private readonly report: SuppressionRecord[] = [];

  constructor(input: SuppressionInput) {
    this.privacy = effectivePrivacy(input.privacy);
    const indicators = new Map(input.indicators.map((indicator) => [indicator.id, indicator]));
    this.levels = new Map(input.levels.map((level) => [level.id, level]));
    this.blocks = input.blocks;
    this.indicators = input.blocks.map((block) => indicators.get(block.indicator));
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
      this.keyLists[b].keys.map((key, i, keys) => (i === keys.length - 1 ? block.reference : block.values[key]) ?? null),
    );
    this.current = this.original.map((values) => [...values]);
  }

  run(): { blocks: ValueBlock[]; report: SuppressionRecord[] } {
    this.primary();
    const groups = this.additiveGroups();
    this.protectGroups(groups);
    this.audit(groups);
    this.derived();
    this.complementaryShares();
    return { blocks: this.output(), report: this.report };
  }

  private output(): ValueBlock[] {
    return this.blocks.map((block, b) => {
      // A loop over the known keys copies an 11,000-key object several times faster than a spread.
      // Without a prototype, an area key "__proto__" is a key like any other.
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

  private primary(): void {
    this.original.forEach((values, b) => {
      const isCount = this.indicators[b]?.kind === 'count';
      values.forEach((value, i) => {
        if (isSuppressed(value)) this.hide(b, i, 'primary', 'suppressed in the source data');
        else if (isCount && typeof value === 'number' && isSmallCount(value, this.privacy)) {
          this.hide(b, i, 'primary', `count in the range ${this.privacy.suppressZero ? 0 : 1}–${this.privacy.threshold}`);
        }
      });
    });
  }

  /** Every additive group in the cube, finest first so that complements stay local. */
  private additiveGroups(): AdditiveGroup[] {
    const children: AdditiveGroup[] = [];
    const levelWide: AdditiveGroup[] = [];
    const sameReference: AdditiveGroup[] = [];
    const firstReference = new Map<string, number>();
    this.blocks.forEach((block, b) => {
      const indicator = this.indicators[b];
      if (indicator?.kind !== 'count') return;
      const reference = this.referenceIndex(b);
      if (this.isKnownOrHidden(b, reference)) {
        // The reference is one datum on every level: hidden on one, hidden on all.
        const datum = `${block.indicator}\u0000${block.year}`;
        const first = firstReference.get(datum);
        if (first === undefined) firstReference.set(datum, b);
        else {
          const description = `the reference of level "${block.level}", the same as on level "${this.blocks[first].level}"`;
          sameReference.push(group('secondary', first, this.referenceIndex(first), [b], [reference], description));
        }
      }
      if (indicator.additive === false) return;
      const areaCount = this.keyLists[b].keys.length - 1;
      if (this.isKnownOrHidden(b, reference)) {
        const indices = Array.from({ length: areaCount }, (_, i) => i);
        const description = `the areas of level "${block.level}" adding up to the reference`;
        levelWide.push(group('secondary', b, reference, indices.map(() => b), indices, description));
      }
      const level = this.levels.get(block.level);
      const parentBlock = level?.parent === undefined ? undefined : this.blockIndex.get(blockKey(block.indicator, level.parent, block.year));
      if (level === undefined || parentBlock === undefined) return;
      const byParent = new Map<string, number[]>();
      for (const area of level.areas) {
        if (area.parent === undefined) continue;
        const members = byParent.get(area.parent) ?? [];
        members.push(this.keyLists[b].index.get(area.key)!);
        byParent.set(area.parent, members);
      }
      for (const [parentKey, members] of byParent) {
        const total = this.keyLists[parentBlock].index.get(parentKey);
        if (total === undefined || !this.isKnownOrHidden(parentBlock, total)) continue;
        const description = `the areas of level "${block.level}" in "${parentKey}" adding up to it`;
        children.push(group('secondary', parentBlock, total, members.map(() => b), members, description));
      }
    });
    return [...this.complementaryCountGroups(), ...children, ...levelWide, ...sameReference];
  }

  /** Per cell, two numerators that add up to their shared denominator. */
  private complementaryCountGroups(): AdditiveGroup[] {
    const groups: AdditiveGroup[] = [];
    const byDenominator = new Map<string, number[]>();
    this.blocks.forEach((block, b) => {
      const indicator = this.indicators[b];
      if (!indicator?.numerator || !indicator.denominator) return;
      const key = blockKey(indicator.denominator, block.level, block.year);
      byDenominator.set(key, [...(byDenominator.get(key) ?? []), b]);
    });
    for (const [denominatorKey, shares] of byDenominator) {
      const denominator = this.blockIndex.get(denominatorKey);
      if (denominator === undefined) continue;
      for (let s = 0; s < shares.length; s++) {
        for (let t = s + 1; t < shares.length; t++) {
          const [first, second] = [this.indicators[shares[s]]!, this.indicators[shares[t]]!];
          if (first.numerator === second.numerator) continue;
          const { level, year } = this.blocks[denominator];
          const a = this.blockIndex.get(blockKey(first.numerator!, level, year));
          const b = this.blockIndex.get(blockKey(second.numerator!, level, year));
          if (a === undefined || b === undefined) continue;
          const description = `"${first.numerator}" and "${second.numerator}" adding up to "${first.denominator}"`;
          const { keys } = this.keyLists[denominator];
          for (let i = 0; i < keys.length; i++) {
            const ia = this.indexIn(denominator, i, a);
            const ib = this.indexIn(denominator, i, b);
            if (ia < 0 || ib < 0 || !this.addsUp(denominator, i, a, ia, b, ib)) continue;
            groups.push(group('complementary', denominator, i, [a, b], [ia, ib], description));
          }
        }
      }
    }
    return groups;
  }

  private addsUp(totalBlock: number, totalIndex: number, a: number, ia: number, b: number, ib: number): boolean {
    const total = this.original[totalBlock][totalIndex];
    const first = this.original[a][ia];
    const second = this.original[b][ib];
    return typeof total === 'number' && typeof first === 'number' && typeof second === 'number' && Math.abs(first + second - total) < 1e-9;
  }

  /** Adds complements until every group is protected; hidden cells only ever grow, so this ends. */
  private protectGroups(groups: AdditiveGroup[]): void {
    let changed = true;
    while (changed) {
      changed = false;
      for (const group of groups) if (this.protect(group)) changed = true;
    }
  }

  /** Protects one group; returns whether it hid anything. */
  private protect(group: AdditiveGroup): boolean {
    const { totalBlock, totalIndex, memberBlocks, memberIndices } = group;
    const totalHidden = this.isHidden(totalBlock, totalIndex);
    let hiddenCount = 0;
    let hiddenSum = 0;
    for (let m = 0; m < memberBlocks.length; m++) {
      if (!this.isHidden(memberBlocks[m], memberIndices[m])) continue;
      hiddenCount++;
      hiddenSum += this.hiddenValue(memberBlocks[m], memberIndices[m]);
    }
    if (hiddenCount === 0 && !totalHidden) return false;
    if (memberBlocks.length === 1) {
      // The only member equals the total: both are hidden or neither.
      if (hiddenCount === 1 && totalHidden) return false;
      if (totalHidden) this.hide(memberBlocks[0], memberIndices[0], group.rule, `the only other cell of ${group.description}`);
      else this.hide(totalBlock, totalIndex, group.rule, `the only other cell of ${group.description}`);
      return true;
    }
    const protectedEnough = () => hiddenCount >= 2 && hiddenSum > this.privacy.threshold;
    if (protectedEnough()) return false;
    let changed = false;
    while (!protectedEnough()) {
      const m = this.smallestComplementAmong(group);
      if (m < 0) break;
      this.hide(memberBlocks[m], memberIndices[m], group.rule, `complement in ${group.description}`);
      hiddenCount++;
      hiddenSum += this.original[memberBlocks[m]][memberIndices[m]] as number;
      changed = true;
    }
    if (protectedEnough()) return changed;
    if (!totalHidden && this.isValidComplement(totalBlock, totalIndex)) {
      this.hide(totalBlock, totalIndex, group.rule, `total of ${group.description}, which has too few cells to hide a value among them`);
      return true;
    }
    return changed;
  }

  /** The member with the smallest published non-zero value (first in order on ties), or -1. */
  private smallestComplementAmong(group: AdditiveGroup): number {
    let best = -1;
    let bestValue = Infinity;
    for (let m = 0; m < group.memberBlocks.length; m++) {
      const value = this.current[group.memberBlocks[m]][group.memberIndices[m]];
      if (typeof value === 'number' && value > 0 && value < bestValue) {
        best = m;
        bestValue = value;
      }
    }
    return best;
  }

  /**
   * Group by group protection is not enough where numerators add up to their denominator:
   * the three indicators then form a two-way table, and sums across it can pin down a cell
   * that every single group hides. Each connected set of hidden cells that such a group
   * links (up to AUDIT_LIMIT cells) is solved as a linear system, as an attacker would; a
   * cell it determines gets one more complement, and the audit runs again.
   */
  private audit(groups: AdditiveGroup[]): void {
    if (!groups.some((group) => group.rule === 'complementary')) return;
    for (;;) {
      const exposed = this.findExposedCell(groups);
      if (!exposed) return;
      const around = exposed.component.filter((g) => cellsOf(g).some(([b, i]) => b === exposed.block && i === exposed.index));
      const candidate = [around, exposed.component].map((set) => this.smallestComplementIn(set)).find((found) => found !== undefined);
      if (!candidate) return;
      const { group: chosen, block, index } = candidate;
      this.hide(block, index, chosen.rule, `complement in ${chosen.description}, found by solving the published sums`);
      this.protectGroups(groups);
    }
  }

  private smallestComplementIn(groups: AdditiveGroup[]): { group: AdditiveGroup; block: number; index: number } | undefined {
    let best: { group: AdditiveGroup; block: number; index: number; value: number } | undefined;
    for (const group of groups) {
      for (const [block, index] of cellsOf(group)) {
        const value = this.current[block][index];
        if (typeof value === 'number' && value > 0 && (!best || value < best.value)) best = { group, block, index, value };
      }
    }
    return best;
  }

  /** A hidden cell that the published sums determine, with the groups of its connected set. */
  private findExposedCell(groups: AdditiveGroup[]): { block: number; index: number; component: AdditiveGroup[] } | undefined {
    const ids = new Map<number, number>();
    const cells: [number, number][] = [];
    const parent: number[] = [];
    const offsets = this.cellOffsets();
    const idOf = (block: number, index: number) => {
      const key = offsets[block] + index;
      let id = ids.get(key);
      if (id === undefined) {
        id = cells.length;
        ids.set(key, id);
        cells.push([block, index]);
        parent.push(id);
      }
      return id;
    };
    const root = (id: number): number => (parent[id] === id ? id : (parent[id] = root(parent[id])));
    const hiddenIds = groups.map((g) => cellsOf(g).filter(([b, i]) => this.isHidden(b, i)).map(([b, i]) => idOf(b, i)));
    for (const members of hiddenIds) for (const id of members.slice(1)) parent[root(id)] = root(members[0]);
    const toAudit = new Set<number>();
    groups.forEach((g, index) => {
      if (g.rule === 'complementary' && hiddenIds[index].length > 0) toAudit.add(root(hiddenIds[index][0]));
    });
    for (const component of toAudit) {
      const columns = cells.map((_, id) => id).filter((id) => root(id) === component);
      if (columns.length > AUDIT_LIMIT) continue;
      const column = new Map(columns.map((id, index) => [id, index]));
      const inComponent = groups.map((_, index) => index).filter((index) => hiddenIds[index].length > 0 && root(hiddenIds[index][0]) === component);
      // Each group says: total − members = what is published; only the hidden cells are unknown.
      const rows = inComponent.map((index) => {
        const row = new Float64Array(columns.length);
        cellsOf(groups[index]).forEach(([b, i], position) => {
          if (this.isHidden(b, i)) row[column.get(idOf(b, i))!] += position === 0 ? 1 : -1;
        });
        return row;
      });
      const determined = determinedColumns(rows, columns.length);
      if (determined.length > 0) {
        const [block, index] = cells[columns[determined[0]]];
        return { block, index, component: inComponent.map((i) => groups[i]) };
      }
    }
    return undefined;
  }

  private cellOffsets(): number[] {
    let offset = 0;
    return this.keyLists.map((list) => {
      const start = offset;
      offset += list.keys.length;
      return start;
    });
  }

  private derived(): void {
    this.blocks.forEach((block, b) => {
      const indicator = this.indicators[b];
      if (!indicator || (!indicator.numerator && !indicator.denominator)) return;
      const numerator = indicator.numerator ? this.blockIndex.get(blockKey(indicator.numerator, block.level, block.year)) : undefined;
      const denominator = indicator.denominator ? this.blockIndex.get(blockKey(indicator.denominator, block.level, block.year)) : undefined;
      const values = this.current[b];
      for (let i = 0; i < values.length; i++) {
        if (typeof values[i] !== 'number') continue;
        const n = numerator === undefined ? -1 : this.indexIn(b, i, numerator);
        const d = denominator === undefined ? -1 : this.indexIn(b, i, denominator);
        if (n >= 0 && this.isHidden(numerator!, n)) {
          this.hide(b, i, 'derived', `its numerator "${indicator.numerator}" is suppressed`);
        } else if (d >= 0 && this.isHidden(denominator!, d)) {
          this.hide(b, i, 'derived', `its denominator "${indicator.denominator}" is suppressed`);
        } else if (d >= 0 && this.privacy.minDenominator > 0) {
          const base = this.current[denominator!][d];
          if (typeof base === 'number' && base < this.privacy.minDenominator) {
            this.hide(b, i, 'denominator', `its denominator "${indicator.denominator}" is below ${this.privacy.minDenominator}`);
          }
        }
      }
    });
  }

  /**
   * A hidden share would be 100 % minus its complement: complementary shares (numerators
   * adding up to the shared denominator, or values adding up to 100 % / 1000 ‰) are hidden together.
   */
  private complementaryShares(): void {
    const sharesByLevelYear = new Map<string, number[]>();
    this.blocks.forEach((block, b) => {
      const indicator = this.indicators[b];
      if (!indicator || !isShareLike(indicator)) return;
      const key = `${block.level}\u0000${block.year}`;
      sharesByLevelYear.set(key, [...(sharesByLevelYear.get(key) ?? []), b]);
    });
    const pairs = [...sharesByLevelYear.values()].flatMap((shares) =>
      shares.flatMap((first) => shares.filter((second) => second !== first).map((second) => this.sharePair(first, second))),
    ).filter((pair): pair is SharePair => pair !== undefined);
    let changed = true;
    while (changed) {
      changed = false;
      for (const pair of pairs) {
        const { first, second } = pair;
        const values = this.current[first];
        for (let i = 0; i < values.length; i++) {
          if (!isSuppressed(values[i]) || typeof this.original[first][i] !== 'number') continue;
          const j = this.indexIn(first, i, second);
          if (j < 0 || typeof this.current[second][j] !== 'number' || !this.complements(pair, i, j)) continue;
          this.hide(second, j, 'complementary', `it adds up to the whole with the suppressed "${this.blocks[first].indicator}"`);
          changed = true;
        }
      }
    }
  }

  /** How two share blocks could complement each other, or undefined when they cannot. */
  private sharePair(first: number, second: number): SharePair | undefined {
    const a = this.indicators[first]!;
    const b = this.indicators[second]!;
    const { level, year } = this.blocks[first];
    let counts: SharePair['counts'];
    if (a.denominator && a.denominator === b.denominator && a.numerator && b.numerator && a.numerator !== b.numerator) {
      const [den, numA, numB] = [a.denominator, a.numerator, b.numerator].map((id) => this.blockIndex.get(blockKey(id, level, year)) ?? -1);
      if (den >= 0 && numA >= 0 && numB >= 0) counts = { den, numA, numB };
    }
    const unit = a.unit.trim();
    const whole = unit !== b.unit.trim() ? undefined : unit === '%' ? 100 : unit === '‰' ? 1000 : undefined;
    if (!counts && whole === undefined) return undefined;
    // Each value is rounded to its decimals: the two rounding errors add up to at most one unit of the coarser one.
    return { first, second, counts, whole, tolerance: 10 ** -Math.min(a.decimals, b.decimals) + 1e-9 };
  }

  private complements(pair: SharePair, i: number, j: number): boolean {
    if (pair.counts) {
      const { den, numA, numB } = pair.counts;
      const [d, ia, ib] = [den, numA, numB].map((block) => this.indexIn(pair.first, i, block));
      if (d >= 0 && ia >= 0 && ib >= 0 && this.addsUp(den, d, numA, ia, numB, ib)) return true;
    }
    const valueA = this.original[pair.first][i];
    const valueB = this.original[pair.second][j];
    if (pair.whole === undefined || typeof valueA !== 'number' || typeof valueB !== 'number') return false;
    return Math.abs(valueA + valueB - pair.whole) <= pair.tolerance;
  }

  /** The index in block `to` of the cell with the same key as cell `index` of block `from`, or -1. */
  private indexIn(from: number, index: number, to: number): number {
    const source = this.keyLists[from];
    const target = this.keyLists[to];
    if (source === target) return index;
    if (index === source.keys.length - 1) return target.keys.length - 1;
    return target.index.get(source.keys[index]) ?? -1;
  }

  private referenceIndex(block: number): number {
    return this.keyLists[block].keys.length - 1;
  }

  /** A published, non-zero count: a zero cannot hide anything beside it. */
  private isValidComplement(block: number, index: number): boolean {
    const value = this.current[block][index];
    return typeof value === 'number' && value > 0;
  }

  /** The value behind a hidden cell, for the sum of what a group hides; unknown counts as 0. */
  private hiddenValue(block: number, index: number): number {
    const value = this.original[block][index];
    return typeof value === 'number' ? value : 0;
  }

  private isHidden(block: number, index: number): boolean {
    return isSuppressed(this.current[block][index]);
  }

  private isKnownOrHidden(block: number, index: number): boolean {
    const value = this.current[block][index];
    return typeof value === 'number' || isSuppressed(value);
  }

  private hide(block: number, index: number, rule: SuppressionRecord['rule'], reason: string): void {
    this.current[block][index] = SUPPRESSED;
    const { indicator, level, year } = this.blocks[block];
    this.report.push({ rule, indicator, level, year, area: this.keyLists[block].keys[index], reason });
  }
}

/** Two share blocks of one level and year that may add up to the whole. */
interface SharePair {
  first: number;
  second: number;
  /** Blocks of the shared denominator and the two numerators, when the shares name them. */
  counts?: { den: number; numA: number; numB: number };
  /** 100 for %, 1000 for ‰, when both shares have that unit. */
  whole?: number;
  tolerance: number;
}

const SUPPRESSED: Value = Object.freeze({ suppressed: true as const });

function keyList(areaKeys: string[]): KeyList {
  const keys = [...areaKeys, REFERENCE];
  return { keys, index: new Map(keys.map((key, i) => [key, i])) };
}

function group(rule: AdditiveGroup['rule'], totalBlock: number, totalIndex: number, blocks: number[], indices: number[], description: string): AdditiveGroup {
  return { rule, totalBlock, totalIndex, memberBlocks: Int32Array.from(blocks), memberIndices: Int32Array.from(indices), description };
}

/** The cells of a group, total first. */
function cellsOf(group: AdditiveGroup): [number, number][] {
  const cells: [number, number][] = [[group.totalBlock, group.totalIndex]];
  for (let m = 0; m < group.memberBlocks.length; m++) cells.push([group.memberBlocks[m], group.memberIndices[m]]);
  return cells;
}

function isShareLike(indicator: Indicator): boolean {
  return indicator.kind === 'share' || indicator.kind === 'rate' || !!indicator.numerator || !!indicator.denominator;
}

function blockKey(indicator: string, level: string, year: number): string {
  return `${indicator}\u0000${level}\u0000${year}`;
}

/** Columns of a linear system that its rows determine: Gauss–Jordan elimination, then rows with one entry left. */
function determinedColumns(rows: Float64Array[], width: number): number[] {
  const epsilon = 1e-9;
  let pivotRow = 0;
  for (let column = 0; column < width && pivotRow < rows.length; column++) {
    let best = pivotRow;
    for (let r = pivotRow + 1; r < rows.length; r++) if (Math.abs(rows[r][column]) > Math.abs(rows[best][column])) best = r;
    if (Math.abs(rows[best][column]) < epsilon) continue;
    [rows[pivotRow], rows[best]] = [rows[best], rows[pivotRow]];
    const pivot = rows[pivotRow];
    const scale = pivot[column];
    for (let k = 0; k < width; k++) pivot[k] /= scale;
    for (let r = 0; r < rows.length; r++) {
      const factor = rows[r][column];
      if (r === pivotRow || Math.abs(factor) < epsilon) continue;
      const row = rows[r];
      for (let k = 0; k < width; k++) row[k] -= factor * pivot[k];
    }
    pivotRow++;
  }
  const determined: number[] = [];
  for (const row of rows.slice(0, pivotRow)) {
    let only = -1;
    let count = 0;
    for (let k = 0; k < width; k++) {
      if (Math.abs(row[k]) > epsilon) {
        only = k;
        count++;
      }
    }
    if (count === 1) determined.push(only);
  }
  return determined;
}
