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

/** A cell of the cube: a block (by index) and an area key or 'reference'. */
interface Cell {
  block: number;
  key: string;
}

/** Cells whose published values add up to a published total. */
interface AdditiveGroup {
  rule: 'secondary' | 'complementary';
  total: Cell;
  members: Cell[];
  description: string;
}

/**
 * Suppresses what must not be published, when data is prepared. Pure: returns new blocks
 * and never mutates the input.
 *
 * 1. primary: counts from 0 (1 when zeros are allowed) to the threshold;
 * 2. secondary and complementary: in every additive group (the areas of a level adding to
 *    the reference, the children of a parent area adding to the parent, two numerators
 *    adding to their shared denominator) a hidden cell never stands alone: complements are
 *    added, smallest non-zero value first, until at least two cells are hidden and their
 *    sum exceeds the threshold, or else the total is hidden, until nothing changes;
 * 3. derived: shares/rates whose numerator or denominator is hidden, or whose denominator
 *    is below `minDenominator`; then complementary shares (numerators adding to the shared
 *    denominator, or pairs adding to 100 %) are hidden together.
 */
export function suppress(input: SuppressionInput): { blocks: ValueBlock[]; report: SuppressionRecord[] } {
  return new Suppression(input).run();
}

class Suppression {
  private readonly privacy: Required<PrivacySettings>;
  private readonly indicators: Map<string, Indicator>;
  private readonly levels: Map<string, Level>;
  private readonly blocks: ValueBlock[];
  private readonly blockIndex = new Map<string, number>();
  private readonly report: SuppressionRecord[] = [];

  constructor(private readonly input: SuppressionInput) {
    this.privacy = effectivePrivacy(input.privacy);
    this.indicators = new Map(input.indicators.map((indicator) => [indicator.id, indicator]));
    this.levels = new Map(input.levels.map((level) => [level.id, level]));
    this.blocks = input.blocks.map((block) => ({ ...block, values: { ...block.values } }));
    this.blocks.forEach((block, index) => this.blockIndex.set(blockKey(block.indicator, block.level, block.year), index));
  }

  run(): { blocks: ValueBlock[]; report: SuppressionRecord[] } {
    this.primary();
    const groups = this.additiveGroups();
    this.protectGroups(groups);
    this.audit(groups);
    this.derived();
    this.complementaryShares();
    return { blocks: this.blocks, report: this.report };
  }

  private primary(): void {
    this.blocks.forEach((block, index) => {
      const indicator = this.indicators.get(block.indicator);
      for (const key of this.cellKeys(index)) {
        const value = this.original({ block: index, key });
        if (isSuppressed(value)) this.hide({ block: index, key }, 'primary', 'suppressed in the source data');
        else if (indicator?.kind === 'count' && typeof value === 'number' && isSmallCount(value, this.privacy)) {
          this.hide({ block: index, key }, 'primary', `count in the range ${this.privacy.suppressZero ? 0 : 1}–${this.privacy.threshold}`);
        }
      }
    });
  }

  /** Every additive group in the cube, finest first so that complements stay local. */
  private additiveGroups(): AdditiveGroup[] {
    const complementary: AdditiveGroup[] = [];
    const children: AdditiveGroup[] = [];
    const levelWide: AdditiveGroup[] = [];
    const sameReference: AdditiveGroup[] = [];
    const referenceByIndicatorYear = new Map<string, number>();
    this.blocks.forEach((block, index) => {
      const indicator = this.indicators.get(block.indicator);
      if (indicator?.kind !== 'count') return;
      // The reference is one datum on every level: hidden on one, hidden on all.
      const datum = `${block.indicator}\u0000${block.year}`;
      const previous = referenceByIndicatorYear.get(datum);
      if (previous !== undefined && this.isKnownOrHidden({ block: index, key: REFERENCE })) {
        sameReference.push({
          rule: 'secondary',
          total: { block: previous, key: REFERENCE },
          members: [{ block: index, key: REFERENCE }],
          description: `the reference of level "${block.level}", the same as on level "${this.blocks[previous].level}"`,
        });
      } else if (this.isKnownOrHidden({ block: index, key: REFERENCE })) referenceByIndicatorYear.set(datum, index);
      if (indicator.additive === false) return;
      const level = this.levels.get(block.level);
      const keys = this.areaKeys(index);
      if (this.isKnownOrHidden({ block: index, key: REFERENCE })) {
        levelWide.push({
          rule: 'secondary',
          total: { block: index, key: REFERENCE },
          members: keys.map((key) => ({ block: index, key })),
          description: `the areas of level "${block.level}" adding up to the reference`,
        });
      }
      const parentBlock = level?.parent === undefined ? undefined : this.blockIndex.get(blockKey(block.indicator, level.parent, block.year));
      if (level === undefined || parentBlock === undefined) return;
      const byParent = new Map<string, Cell[]>();
      for (const area of level.areas) {
        if (area.parent === undefined) continue;
        const members = byParent.get(area.parent) ?? [];
        members.push({ block: index, key: area.key });
        byParent.set(area.parent, members);
      }
      for (const [parentKey, members] of byParent) {
        const total = { block: parentBlock, key: parentKey };
        if (this.isKnownOrHidden(total)) {
          children.push({ rule: 'secondary', total, members, description: `the areas of level "${block.level}" in "${parentKey}" adding up to it` });
        }
      }
    });
    for (const [first, second] of this.complementaryPairs()) {
      const numerators = [first, second].map((share) => this.blockIndex.get(blockKey(share.indicator.numerator!, share.level, share.year)));
      const denominator = this.blockIndex.get(blockKey(first.indicator.denominator!, first.level, first.year));
      if (numerators[0] === undefined || numerators[1] === undefined || denominator === undefined) continue;
      for (const key of [...this.areaKeys(denominator), REFERENCE]) {
        const total = { block: denominator, key };
        const members = [
          { block: numerators[0], key },
          { block: numerators[1], key },
        ];
        if (this.countsAddUp(total, members)) {
          complementary.push({
            rule: 'complementary',
            total,
            members,
            description: `"${first.indicator.numerator}" and "${second.indicator.numerator}" adding up to "${first.indicator.denominator}"`,
          });
        }
      }
    }
    return [...complementary, ...children, ...levelWide, ...sameReference];
  }

  /** Pairs of share/rate blocks (same level and year) with the same denominator and different numerators. */
  private *complementaryPairs(): Generator<[ShareBlock, ShareBlock]> {
    const byDenominator = new Map<string, ShareBlock[]>();
    this.blocks.forEach((block) => {
      const indicator = this.indicators.get(block.indicator);
      if (!indicator?.numerator || !indicator.denominator) return;
      const key = blockKey(indicator.denominator, block.level, block.year);
      const shares = byDenominator.get(key) ?? [];
      shares.push({ indicator, level: block.level, year: block.year });
      byDenominator.set(key, shares);
    });
    for (const shares of byDenominator.values()) {
      for (let i = 0; i < shares.length; i++) {
        for (let j = i + 1; j < shares.length; j++) {
          if (shares[i].indicator.numerator !== shares[j].indicator.numerator) yield [shares[i], shares[j]];
        }
      }
    }
  }

  private countsAddUp(total: Cell, members: Cell[]): boolean {
    const values = [total, ...members].map((cell) => this.original(cell));
    if (!values.every((value) => typeof value === 'number')) return false;
    const [sum, ...parts] = values as number[];
    return Math.abs(parts.reduce((a, b) => a + b, 0) - sum) < 1e-9;
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
    const totalHidden = this.isHidden(group.total);
    const hidden = group.members.filter((cell) => this.isHidden(cell));
    if (hidden.length === 0 && !totalHidden) return false;
    if (group.members.length === 1) {
      // The only member equals the total: both are hidden or neither.
      const other = totalHidden ? group.members[0] : group.total;
      if (this.isHidden(other)) return false;
      this.hide(other, group.rule, `the only other cell of ${group.description}`);
      return true;
    }
    let hiddenSum = hidden.reduce((sum, cell) => sum + this.hiddenValue(cell), 0);
    if (hidden.length >= 2 && hiddenSum > this.privacy.threshold) return false;
    const candidates = group.members
      .filter((cell) => this.isValidComplement(cell))
      .sort((a, b) => (this.original(a) as number) - (this.original(b) as number));
    let count = hidden.length;
    let changed = false;
    for (const cell of candidates) {
      if (count >= 2 && hiddenSum > this.privacy.threshold) return true;
      this.hide(cell, group.rule, `complement in ${group.description}`);
      count++;
      hiddenSum += this.original(cell) as number;
      changed = true;
    }
    if (count >= 2 && hiddenSum > this.privacy.threshold) return changed;
    if (!totalHidden && this.isValidComplement(group.total)) {
      this.hide(group.total, group.rule, `total of ${group.description}, which has too few cells to hide a value among them`);
      return true;
    }
    return changed;
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
      const around = groups.filter((group) => [group.total, ...group.members].some((cell) => sameCell(cell, exposed.cell)));
      const candidate = [around, exposed.component]
        .map((set) => this.smallestComplement(set))
        .find((found) => found !== undefined);
      if (!candidate) return;
      this.hide(candidate.cell, candidate.group.rule, `complement in ${candidate.group.description}, found by solving the published sums`);
      this.protectGroups(groups);
    }
  }

  private smallestComplement(groups: AdditiveGroup[]): { cell: Cell; group: AdditiveGroup } | undefined {
    let best: { cell: Cell; group: AdditiveGroup; value: number } | undefined;
    for (const group of groups) {
      for (const cell of [...group.members, group.total]) {
        if (!this.isValidComplement(cell)) continue;
        const value = this.current(cell) as number;
        if (!best || value < best.value) best = { cell, group, value };
      }
    }
    return best;
  }

  /** A hidden cell that the published sums determine, with the groups of its connected set. */
  private findExposedCell(groups: AdditiveGroup[]): { cell: Cell; component: AdditiveGroup[] } | undefined {
    const ids = new Map<string, number>();
    const cells: Cell[] = [];
    const parent: number[] = [];
    const idOf = (cell: Cell) => {
      const key = `${cell.block}\u0000${cell.key}`;
      let id = ids.get(key);
      if (id === undefined) {
        id = cells.length;
        ids.set(key, id);
        cells.push(cell);
        parent.push(id);
      }
      return id;
    };
    const root = (id: number): number => (parent[id] === id ? id : (parent[id] = root(parent[id])));
    const hiddenIds = groups.map((group) => [group.total, ...group.members].filter((cell) => this.isHidden(cell)).map(idOf));
    for (const members of hiddenIds) for (const id of members.slice(1)) parent[root(id)] = root(members[0]);
    const componentsToAudit = new Set<number>();
    groups.forEach((group, index) => {
      if (group.rule === 'complementary' && hiddenIds[index].length > 0) componentsToAudit.add(root(hiddenIds[index][0]));
    });
    for (const component of componentsToAudit) {
      const columns = cells.map((_, id) => id).filter((id) => root(id) === component);
      if (columns.length > AUDIT_LIMIT) continue;
      const column = new Map(columns.map((id, index) => [id, index]));
      const componentGroups = groups.filter((_, index) => hiddenIds[index].length > 0 && root(hiddenIds[index][0]) === component);
      // Each group says: total − members = what is published; only the hidden cells are unknown.
      const rows = componentGroups.map((group) => {
        const row = new Float64Array(columns.length);
        [group.total, ...group.members].forEach((cell, index) => {
          if (this.isHidden(cell)) row[column.get(idOf(cell))!] += index === 0 ? 1 : -1;
        });
        return row;
      });
      const determined = determinedColumns(rows, columns.length);
      if (determined.length > 0) return { cell: cells[columns[determined[0]]], component: componentGroups };
    }
    return undefined;
  }

  /** A published, non-zero count: a zero cannot hide anything beside it. */
  private isValidComplement(cell: Cell): boolean {
    const value = this.current(cell);
    return typeof value === 'number' && value > 0;
  }

  /** The value behind a hidden cell, for the sum of what a group hides; unknown counts as 0. */
  private hiddenValue(cell: Cell): number {
    const value = this.original(cell);
    return typeof value === 'number' ? value : 0;
  }

  private derived(): void {
    this.blocks.forEach((block, index) => {
      const indicator = this.indicators.get(block.indicator);
      if (!indicator || (!indicator.numerator && !indicator.denominator)) return;
      const numerator = indicator.numerator ? this.blockIndex.get(blockKey(indicator.numerator, block.level, block.year)) : undefined;
      const denominator = indicator.denominator ? this.blockIndex.get(blockKey(indicator.denominator, block.level, block.year)) : undefined;
      for (const key of this.cellKeys(index)) {
        const cell = { block: index, key };
        if (typeof this.current(cell) !== 'number') continue;
        if (numerator !== undefined && this.isHidden({ block: numerator, key })) {
          this.hide(cell, 'derived', `its numerator "${indicator.numerator}" is suppressed`);
        } else if (denominator !== undefined && this.isHidden({ block: denominator, key })) {
          this.hide(cell, 'derived', `its denominator "${indicator.denominator}" is suppressed`);
        } else if (denominator !== undefined && this.privacy.minDenominator > 0) {
          const base = this.current({ block: denominator, key });
          if (typeof base === 'number' && base < this.privacy.minDenominator) {
            this.hide(cell, 'denominator', `its denominator "${indicator.denominator}" is below ${this.privacy.minDenominator}`);
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
    this.blocks.forEach((block, index) => {
      const indicator = this.indicators.get(block.indicator);
      if (!indicator || !isShareLike(indicator)) return;
      const key = `${block.level}\u0000${block.year}`;
      sharesByLevelYear.set(key, [...(sharesByLevelYear.get(key) ?? []), index]);
    });
    let changed = true;
    while (changed) {
      changed = false;
      for (const indices of sharesByLevelYear.values()) {
        for (const first of indices) {
          for (const key of this.cellKeys(first)) {
            if (!this.isHidden({ block: first, key })) continue;
            for (const second of indices) {
              const cell = { block: second, key };
              if (second === first || typeof this.current(cell) !== 'number') continue;
              if (this.sharesComplement(first, second, key)) {
                this.hide(cell, 'complementary', `it adds up to the whole with the suppressed "${this.blocks[first].indicator}"`);
                changed = true;
              }
            }
          }
        }
      }
    }
  }

  private sharesComplement(first: number, second: number, key: string): boolean {
    const a = this.indicators.get(this.blocks[first].indicator)!;
    const b = this.indicators.get(this.blocks[second].indicator)!;
    const { level, year } = this.blocks[first];
    if (a.denominator && a.denominator === b.denominator && a.numerator && b.numerator && a.numerator !== b.numerator) {
      const cell = (indicator: string) => ({ block: this.blockIndex.get(blockKey(indicator, level, year)) ?? -1, key });
      if (this.countsAddUp(cell(a.denominator), [cell(a.numerator), cell(b.numerator)])) return true;
    }
    const whole = a.unit.trim() === '%' ? 100 : a.unit.trim() === '‰' ? 1000 : undefined;
    const valueA = this.original({ block: first, key });
    const valueB = this.original({ block: second, key });
    if (whole === undefined || a.unit.trim() !== b.unit.trim() || typeof valueA !== 'number' || typeof valueB !== 'number') return false;
    // Each value is rounded to its decimals: the two rounding errors add up to at most one unit of the coarser one.
    const tolerance = 10 ** -Math.min(a.decimals, b.decimals) + 1e-9;
    return Math.abs(valueA + valueB - whole) <= tolerance;
  }

  private cellKeys(block: number): string[] {
    return [...this.areaKeys(block), REFERENCE];
  }

  /** The level's area keys in order, then any further keys the block holds. */
  private areaKeys(block: number): string[] {
    const { level, values } = this.blocks[block];
    const keys = (this.levels.get(level)?.areas ?? []).map((area) => area.key);
    const known = new Set(keys);
    for (const key of Object.keys(values)) if (!known.has(key)) keys.push(key);
    return keys;
  }

  private original(cell: Cell): Value | undefined {
    const block = this.input.blocks[cell.block];
    if (!block) return undefined;
    return cell.key === REFERENCE ? block.reference : block.values[cell.key];
  }

  private current(cell: Cell): Value | undefined {
    const block = this.blocks[cell.block];
    if (!block) return undefined;
    return cell.key === REFERENCE ? block.reference : block.values[cell.key];
  }

  private isHidden(cell: Cell): boolean {
    return isSuppressed(this.current(cell));
  }

  private isKnownOrHidden(cell: Cell): boolean {
    const value = this.current(cell);
    return typeof value === 'number' || isSuppressed(value);
  }

  private hide(cell: Cell, rule: SuppressionRecord['rule'], reason: string): void {
    const block = this.blocks[cell.block];
    if (cell.key === REFERENCE) block.reference = { suppressed: true };
    else block.values[cell.key] = { suppressed: true };
    this.report.push({ rule, indicator: block.indicator, level: block.level, year: block.year, area: cell.key, reason });
  }
}

interface ShareBlock {
  indicator: Indicator;
  level: string;
  year: number;
}

function isShareLike(indicator: Indicator): boolean {
  return indicator.kind === 'share' || indicator.kind === 'rate' || !!indicator.numerator || !!indicator.denominator;
}

function blockKey(indicator: string, level: string, year: number): string {
  return `${indicator}\u0000${level}\u0000${year}`;
}

function sameCell(a: Cell, b: Cell): boolean {
  return a.block === b.block && a.key === b.key;
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
