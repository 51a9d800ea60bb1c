import { isSmallCount } from '../privacy.js';
import type { Cube } from './cube.js';

/** Counts that add up to another count (`whole = Σ parts`) in every cell. */
export interface PartsRelation {
  whole: string;
  parts: string[];
  declared: boolean;
}

/** An indicator that is the change of a count since its previous year with values. */
export interface ChangeRelation {
  change: string;
  count: string;
  declared: boolean;
}

/** The fewest non-zero cells in which a relation must hold before it counts as found. */
const MIN_CELLS = 3;
const TOLERANCE = 1e-6;

/**
 * Relations between indicators the metadata does not declare but the data shows: counts
 * that add up to another count (one to three parts) and columns that are the change of
 * a count between years (and negative somewhere), in every cell where all of them have numbers. An attacker
 * can guess a sum of parts or a change from the titles, so these count wherever they hold;
 * that one count equals another is no such guess: it counts only where a reader sees it
 * (in three cells whose published values are not small).
 * Kept cheap: candidates are rejected at the first cell that contradicts them.
 */
export function detectRelations(cube: Cube, declaredParts: PartsRelation[], declaredChanges: ChangeRelation[]): { parts: PartsRelation[]; changes: ChangeRelation[] } {
  const counts = new Map<string, Map<string, number>>();
  cube.blocks.forEach((block, b) => {
    const indicator = cube.indicators[b];
    if (indicator?.kind !== 'count') return;
    const byLevelYear = counts.get(indicator.id) ?? new Map<string, number>();
    byLevelYear.set(`${block.level}\u0000${block.year}`, b);
    counts.set(indicator.id, byLevelYear);
  });
  const changeIds = new Set(declaredChanges.map((relation) => relation.change));
  const plain = [...counts.keys()].filter((id) => !changeIds.has(id) && !cube.indicatorById.get(id)?.changeOf);
  const known = new Set(declaredParts.map((relation) => partsSignature(relation.whole, relation.parts)));
  const parts: PartsRelation[] = [];
  for (const whole of plain) {
    const others = plain.filter((id) => id !== whole);
    for (const candidate of subsets(others, 3)) {
      const signature = partsSignature(whole, candidate);
      if (known.has(signature) || known.has(partsSignature(candidate[0], [whole])) || !holdsAsParts(cube, counts, whole, candidate)) continue;
      known.add(signature);
      parts.push({ whole, parts: candidate, declared: false });
    }
  }
  // Sums that differ only by parts that are 0 in every cell cannot all hold as relations (together they would
  // pin those zeros down): a declared sum wins over every zero extension of it, else the widest found sum stays.
  const extendsDeclared = (relation: PartsRelation) => declaredParts.some((declared) => supersedes(relation, declared));
  const supersededParts = parts.filter((narrow) => extendsDeclared(narrow) || parts.some((wide) => !extendsDeclared(wide) && supersedes(wide, narrow)));
  const keptParts = parts.filter((relation) => !supersededParts.includes(relation));
  const changes: ChangeRelation[] = [];
  const declaredChange = new Set(declaredChanges.map((relation) => `${relation.change}\u0000${relation.count}`));
  for (const change of [...counts.keys()]) {
    if (cube.indicatorById.get(change)?.changeOf) continue;
    for (const count of plain) {
      if (count === change || declaredChange.has(`${change}\u0000${count}`)) continue;
      if (holdsAsChange(cube, counts, change, count)) changes.push({ change, count, declared: false });
    }
  }
  return { parts: keptParts, changes };
}

/**
 * Whether `wide` has the same whole and more parts than `narrow`: the extra parts are then 0 in
 * every cell, and `narrow` holds only because of that. A reader who knows the sum learns as much
 * from `wide`, and keeping `narrow` as well would pin those zeros down whatever is hidden.
 */
function supersedes(wide: PartsRelation, narrow: PartsRelation): boolean {
  return wide !== narrow && wide.whole === narrow.whole && wide.parts.length > narrow.parts.length && narrow.parts.every((part) => wide.parts.includes(part));
}

function partsSignature(whole: string, parts: string[]): string {
  return [whole, ...[...parts].sort()].join('\u0000');
}

/** Every non-empty subset of up to `max` items, smallest first. */
function subsets<T>(items: T[], max: number): T[][] {
  const result: T[][] = [];
  const extend = (start: number, chosen: T[]) => {
    if (chosen.length > 0) result.push(chosen);
    if (chosen.length === max) return;
    for (let i = start; i < items.length; i++) extend(i + 1, [...chosen, items[i]]);
  };
  extend(0, []);
  return result.sort((a, b) => a.length - b.length);
}

function holdsAsParts(cube: Cube, counts: Map<string, Map<string, number>>, whole: string, parts: string[]): boolean {
  let cells = 0;
  const nonZero = parts.map(() => false);
  for (const [levelYear, wholeBlock] of counts.get(whole)!) {
    const partBlocks = parts.map((part) => counts.get(part)?.get(levelYear) ?? -1);
    if (partBlocks.some((b) => b < 0)) continue;
    const size = cube.size(wholeBlock);
    // The reference first: it is the likeliest cell to tell a false candidate apart.
    for (let step = 0; step < size; step++) {
      const i = step === 0 ? size - 1 : step - 1;
      const total = cube.value(wholeBlock, i);
      if (total === undefined) continue;
      let sum = 0;
      let complete = true;
      let seen = visible(cube, wholeBlock, total);
      for (let p = 0; p < partBlocks.length; p++) {
        const j = cube.indexIn(wholeBlock, i, partBlocks[p]);
        const value = j < 0 ? undefined : cube.value(partBlocks[p], j);
        if (value === undefined) {
          complete = false;
          break;
        }
        if (value !== 0) nonZero[p] = true;
        seen &&= visible(cube, partBlocks[p], value);
        sum += value;
      }
      if (!complete) continue;
      if (Math.abs(sum - total) > TOLERANCE * Math.max(1, Math.abs(total))) return false;
      if (total !== 0 && (seen || parts.length > 1)) cells++;
    }
  }
  // A part that is 0 in every cell still belongs to the sum a reader guesses from the titles (boys + girls = kids
  // where no boy is counted): leaving it out would leave that part unprotected.
  return cells >= MIN_CELLS && nonZero.some(Boolean);
}

function holdsAsChange(cube: Cube, counts: Map<string, Map<string, number>>, change: string, count: string): boolean {
  let cells = 0;
  let fell = false;
  for (const [levelYear, changeBlock] of counts.get(change)!) {
    const [level, yearText] = levelYear.split('\u0000');
    const year = Number(yearText);
    const countBlock = counts.get(count)?.get(levelYear);
    const previousBlock = previousYearBlock(cube, count, level, year);
    if (countBlock === undefined || previousBlock < 0) continue;
    const size = cube.size(changeBlock);
    for (let step = 0; step < size; step++) {
      const i = step === 0 ? size - 1 : step - 1;
      const difference = cube.value(changeBlock, i);
      const now = cube.value(countBlock, cube.indexIn(changeBlock, i, countBlock));
      const before = cube.value(previousBlock, cube.indexIn(changeBlock, i, previousBlock));
      if (difference === undefined || now === undefined || before === undefined) continue;
      if (Math.abs(now - before - difference) > TOLERANCE * Math.max(1, Math.abs(now))) return false;
      cells++;
      if (difference < 0) fell = true;
    }
  }
  // A count is never negative: a column that falls somewhere is a change, not a count that happens to match one.
  return cells >= MIN_CELLS && fell;
}

/** Whether a reader could see a value: a withheld indicator's cells count as seen (they follow from what is published), small counts are hidden. */
function visible(cube: Cube, block: number, value: number): boolean {
  if (cube.withheld[block]) return true;
  const indicator = cube.indicators[block];
  return indicator?.kind !== 'count' || !isSmallCount(value, cube.privacy, indicator.decimals);
}

/** The block of a count in the latest year before `year` with a block on the level, or -1. */
export function previousYearBlock(cube: Cube, indicator: string, level: string, year: number): number {
  let best = -1;
  let bestYear = -Infinity;
  cube.blocks.forEach((block, b) => {
    if (block.indicator === indicator && block.level === level && block.year < year && block.year > bestYear) {
      best = b;
      bestYear = block.year;
    }
  });
  return best;
}
