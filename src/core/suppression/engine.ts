import { isSuppressed, type Indicator } from '../../contract/types.js';
import { displayedNumber, isSmallCount, revealsSmallCount } from '../privacy.js';
import { Cube, type SuppressionInput, type SuppressionRecord } from './cube.js';
import { buildRelations, isShareLike, type AdditiveGroup, type Relations } from './relations.js';

/**
 * What must stay unknown to an attacker: a linear expression over cells (one cell with
 * coefficient 1 for a hidden count; denominator − numerator for group disclosure), named
 * by the cell the office looks for.
 */
export interface SensitiveTarget {
  cells: number[];
  coefficients: number[];
  /** The cell named in messages. */
  cell: number;
  what: string;
  /**
   * A numerator hidden so that a share on a small denominator cannot be recomputed: it
   * only has to be undetermined (width ≥ 1), and one that stays determined is a warning,
   * not a failure (it is no small count).
   */
  soft?: boolean;
}

/**
 * The suppression rules on one cube. `settle()` applies every rule until nothing changes;
 * the disclosure audit hides further cells through `hideComplement()` and settles again.
 */
export class SuppressionEngine {
  readonly cube: Cube;
  readonly relations: Relations;
  readonly targets: SensitiveTarget[] = [];
  private readonly targetKeys = new Set<string>();
  private readonly changeIndicators: Set<string>;

  constructor(input: SuppressionInput) {
    this.cube = new Cube(input);
    this.relations = buildRelations(this.cube);
    this.changeIndicators = new Set([...this.cube.indicatorById.values()].filter((indicator) => indicator.changeOf).map((indicator) => indicator.id));
    this.primary();
    this.settle();
  }

  /** Applies the secondary and derived rules until no cell changes. */
  settle(): void {
    for (;;) {
      const before = this.cube.report.length;
      this.protectGroups();
      this.derived();
      this.complementaryShares();
      if (this.cube.report.length === before) return;
    }
  }

  hideComplement(block: number, index: number, rule: SuppressionRecord['rule'], reason: string): void {
    this.cube.hide(block, index, rule, reason);
  }

  private addTarget(cells: number[], coefficients: number[], cell: number, what: string, soft = false): void {
    const key = cells.map((c, i) => `${c}*${coefficients[i]}`).join('+');
    if (this.targetKeys.has(key)) return;
    this.targetKeys.add(key);
    this.targets.push({ cells, coefficients, cell, what, ...(soft && { soft }) });
  }

  /** Counts small as displayed, published or withheld, and counts hidden in the source. */
  private primary(): void {
    const { cube } = this;
    const privacy = cube.privacy;
    cube.original.forEach((values, b) => {
      const indicator = cube.indicators[b];
      // A declared change between years is a difference, not a number of people.
      const isCount = indicator?.kind === 'count' && !this.changeIndicators.has(indicator.id);
      values.forEach((value, i) => {
        if (isSuppressed(value)) {
          cube.hide(b, i, 'primary', 'suppressed in the source data');
          if (isCount) this.addTarget([cube.cellId(b, i)], [1], cube.cellId(b, i), 'a count hidden in the source data');
        } else if (isCount && typeof value === 'number' && isSmallCount(value, privacy, indicator.decimals)) {
          cube.hide(b, i, 'primary', `count in the range ${privacy.suppressZero ? 0 : 1}–${privacy.threshold}${cube.withheld[b] ? ' (unpublished indicator)' : ''}`);
          this.addTarget([cube.cellId(b, i)], [1], cube.cellId(b, i), 'a small count');
        }
      });
    });
  }

  /** Group by group, until no group changes: finer groups come first so that complements stay local. */
  private protectGroups(): void {
    let changed = true;
    while (changed) {
      changed = false;
      for (const group of this.relations.groups) if (this.protectGroup(group)) changed = true;
    }
  }

  /**
   * A group with an unknown cell needs at least two unknown cells whose values add up to
   * more than the threshold (two hidden cells 0 and 1 would tell that both are tiny); a
   * group of one member hides member and total together, or neither.
   */
  private protectGroup(group: AdditiveGroup): boolean {
    const { cube } = this;
    const { totalBlock, totalIndex, memberBlocks, memberIndices } = group;
    const totalUnknown = cube.isUnknown(totalBlock, totalIndex);
    let hiddenCount = totalUnknown ? 1 : 0;
    let hiddenSum = 0;
    for (let m = 0; m < memberBlocks.length; m++) {
      if (cube.isUnknown(memberBlocks[m], memberIndices[m])) {
        hiddenCount++;
        hiddenSum += Math.abs(cube.value(memberBlocks[m], memberIndices[m]) ?? 0);
      }
    }
    if (hiddenCount === 0 || (totalUnknown && hiddenCount === memberBlocks.length + 1)) return false;
    if (memberBlocks.length === 1) {
      if (totalUnknown) return this.hideIfPublished(memberBlocks[0], memberIndices[0], group, `the only other cell of ${group.description}`);
      return this.hideIfPublished(totalBlock, totalIndex, group, `the only other cell of ${group.description}`);
    }
    const protectedEnough = () => hiddenCount >= 2 && (group.signed || hiddenSum > cube.privacy.threshold);
    if (protectedEnough()) return false;
    let changed = false;
    while (!protectedEnough()) {
      const m = this.smallestComplementAmong(group);
      if (m < 0) break;
      cube.hide(memberBlocks[m], memberIndices[m], group.rule, `complement in ${group.description}`);
      hiddenCount++;
      hiddenSum += Math.abs(cube.value(memberBlocks[m], memberIndices[m]) ?? 0);
      changed = true;
    }
    if (protectedEnough()) return changed;
    if (!totalUnknown && this.isValidComplement(totalBlock, totalIndex)) {
      cube.hide(totalBlock, totalIndex, group.rule, `total of ${group.description}, which has too few cells to hide a value among them`);
      return true;
    }
    return changed;
  }

  private hideIfPublished(block: number, index: number, group: AdditiveGroup, reason: string): boolean {
    if (this.cube.published(block, index) === undefined) return false;
    this.cube.hide(block, index, group.rule, reason);
    return true;
  }

  /** The member with the smallest published non-zero value (first in order on ties), or -1. */
  private smallestComplementAmong(group: AdditiveGroup): number {
    let best = -1;
    let bestValue = Infinity;
    for (let m = 0; m < group.memberBlocks.length; m++) {
      const value = this.cube.published(group.memberBlocks[m], group.memberIndices[m]);
      if (value !== undefined && value !== 0 && Math.abs(value) < bestValue) {
        best = m;
        bestValue = Math.abs(value);
      }
    }
    return best;
  }

  /** A published, non-zero value: a zero cannot hide anything beside it. */
  private isValidComplement(block: number, index: number): boolean {
    const value = this.cube.published(block, index);
    return value !== undefined && value !== 0;
  }

  /**
   * Shares/rates on hidden counts, shares that give away a small count (or, group
   * disclosure, a small rest of their denominator), shares on a denominator below
   * `minDenominator` (with their numerator, which would give them back), and changes
   * between years on a hidden count.
   */
  private derived(): void {
    const { cube } = this;
    const privacy = cube.privacy;
    for (const { rateBlock, numeratorBlock, denominatorBlock } of this.relations.rates) {
      const indicator = cube.indicators[rateBlock]!;
      for (let i = 0; i < cube.size(rateBlock); i++) {
        const n = numeratorBlock < 0 ? -1 : cube.indexIn(rateBlock, i, numeratorBlock);
        const d = denominatorBlock < 0 ? -1 : cube.indexIn(rateBlock, i, denominatorBlock);
        const rate = cube.published(rateBlock, i) ?? (cube.withheld[rateBlock] ? cube.value(rateBlock, i) : undefined);
        const numerator = n < 0 ? undefined : cube.value(numeratorBlock, n);
        const denominator = d < 0 ? undefined : cube.value(denominatorBlock, d);
        const hide = (rule: SuppressionRecord['rule'], reason: string) => {
          if (!cube.isHidden(rateBlock, i) && cube.value(rateBlock, i) !== undefined) cube.hide(rateBlock, i, rule, reason);
        };
        if (n >= 0 && cube.isHidden(numeratorBlock, n)) hide('derived', `its numerator "${indicator.numerator}" is suppressed`);
        else if (d >= 0 && cube.isHidden(denominatorBlock, d)) hide('derived', `its denominator "${indicator.denominator}" is suppressed`);
        if (denominator !== undefined && numerator !== undefined && numerator > privacy.threshold) {
          const rest = displayedNumber(denominator - numerator, cube.indicators[denominatorBlock]?.decimals ?? 0);
          if ((privacy.suppressZero ? rest >= 0 : rest > 0) && rest <= privacy.threshold) {
            hide('derived', `all but a few of its denominator "${indicator.denominator}" are counted (group disclosure)`);
            if (cube.published(denominatorBlock, d) !== undefined) {
              this.protectNumerator(numeratorBlock, n, 'derived', `with its denominator "${indicator.denominator}" it shows that all but a few are counted (group disclosure)`);
            }
            const cells = [cube.cellId(denominatorBlock, d), cube.cellId(numeratorBlock, n)];
            this.addTarget(cells, [1, -1], cells[1], `the rest of "${indicator.denominator}" beside "${indicator.numerator}" (group disclosure)`);
          }
        }
        if (rate !== undefined && denominator !== undefined && numerator === undefined && revealsSmallCount(rate, denominator, indicator, privacy)) {
          hide('derived', `with its denominator "${indicator.denominator}" it gives away a small count`);
        }
        if (privacy.minDenominator > 0 && denominator !== undefined && denominator < privacy.minDenominator) {
          hide('denominator', `its denominator "${indicator.denominator}" is below ${privacy.minDenominator}`);
          if (n >= 0 && numerator !== undefined && !cube.isHidden(numeratorBlock, n)) {
            this.protectNumerator(numeratorBlock, n, 'denominator', `its share "${indicator.id}" is hidden for a denominator below ${privacy.minDenominator} and would follow from it`);
            this.addTarget([cube.cellId(numeratorBlock, n)], [1], cube.cellId(numeratorBlock, n), `the numerator of "${indicator.id}" on a denominator below ${privacy.minDenominator}`, true);
          }
        }
      }
    }
    for (const { changeBlock, countBlock, previousBlock, description } of this.relations.changes) {
      for (let i = 0; i < cube.size(changeBlock); i++) {
        if (cube.isHidden(changeBlock, i) || cube.value(changeBlock, i) === undefined) continue;
        const now = cube.indexIn(changeBlock, i, countBlock);
        const before = cube.indexIn(changeBlock, i, previousBlock);
        if ((now >= 0 && cube.isHidden(countBlock, now)) || (before >= 0 && cube.isHidden(previousBlock, before))) {
          cube.hide(changeBlock, i, 'derived', `${description}: a count it is computed from is suppressed`);
        }
      }
    }
  }

  private protectNumerator(block: number, index: number, rule: SuppressionRecord['rule'], reason: string): void {
    if (this.cube.published(block, index) !== undefined) this.cube.hide(block, index, rule, reason);
  }

  /**
   * A hidden share would be 100 % minus its complement: complementary shares (numerators
   * adding up to the shared denominator, or values adding up to 100 % / 1000 ‰) are hidden together.
   */
  private complementaryShares(): void {
    const { cube } = this;
    const sharesByLevelYear = new Map<string, number[]>();
    cube.blocks.forEach((block, b) => {
      const indicator = cube.indicators[b];
      if (!indicator || !isShareLike(indicator)) return;
      const key = `${block.level}\u0000${block.year}`;
      sharesByLevelYear.set(key, [...(sharesByLevelYear.get(key) ?? []), b]);
    });
    for (const shares of sharesByLevelYear.values()) {
      for (const first of shares) {
        for (const second of shares) {
          if (first === second) continue;
          const pair = this.sharePair(first, second);
          if (!pair) continue;
          for (let i = 0; i < cube.size(first); i++) {
            if (!cube.isHidden(first, i) || cube.value(first, i) === undefined) continue;
            const j = cube.indexIn(first, i, second);
            if (j < 0 || cube.published(second, j) === undefined || !this.complements(pair, i, j)) continue;
            cube.hide(second, j, 'complementary', `it adds up to the whole with the suppressed "${cube.blocks[first].indicator}"`);
          }
        }
      }
    }
  }

  /** How two share blocks could complement each other, or undefined when they cannot. */
  private sharePair(first: number, second: number): SharePair | undefined {
    const { cube } = this;
    const a = cube.indicators[first]!;
    const b = cube.indicators[second]!;
    const { level, year } = cube.blocks[first];
    let counts: SharePair['counts'];
    if (a.denominator && a.denominator === b.denominator && a.numerator && b.numerator && a.numerator !== b.numerator) {
      const [den, numA, numB] = [a.denominator, a.numerator, b.numerator].map((id) => cube.block(id, level, year));
      if (den >= 0 && numA >= 0 && numB >= 0) counts = { den, numA, numB };
    }
    const whole = wholeOf(a, b);
    if (!counts && whole === undefined) return undefined;
    // Each value is rounded to its decimals: the two rounding errors add up to at most one unit of the coarser one.
    return { first, second, counts, whole, tolerance: 10 ** -Math.min(a.decimals, b.decimals) + 1e-9 };
  }

  private complements(pair: SharePair, i: number, j: number): boolean {
    const { cube } = this;
    if (pair.counts) {
      const { den, numA, numB } = pair.counts;
      const [d, ia, ib] = [den, numA, numB].map((block) => cube.indexIn(pair.first, i, block));
      const values = [cube.value(den, d), cube.value(numA, ia), cube.value(numB, ib)];
      if (d >= 0 && ia >= 0 && ib >= 0 && values.every((v) => v !== undefined) && Math.abs(values[1]! + values[2]! - values[0]!) < 1e-6) return true;
    }
    const valueA = cube.value(pair.first, i);
    const valueB = cube.published(pair.second, j);
    if (pair.whole === undefined || valueA === undefined || valueB === undefined) return false;
    return Math.abs(valueA + valueB - pair.whole) <= pair.tolerance;
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

function wholeOf(a: Indicator, b: Indicator): number | undefined {
  const unit = a.unit.trim();
  if (unit !== b.unit.trim()) return undefined;
  return unit === '%' ? 100 : unit === '‰' ? 1000 : undefined;
}
