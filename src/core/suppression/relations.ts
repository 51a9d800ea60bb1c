import type { Indicator } from '../../contract/types.js';
import { rateBase } from '../privacy.js';
import type { Cube, SuppressionRecord } from './cube.js';
import { detectRelations, previousYearBlock, type ChangeRelation, type PartsRelation } from './detect.js';

/**
 * Cells whose values add up: `total = Σ members`. A cell is a block index and the index of
 * its key in that block's key list (the reference is the last key).
 */
export interface AdditiveGroup {
  rule: Extract<SuppressionRecord['rule'], 'secondary' | 'complementary'>;
  totalBlock: number;
  totalIndex: number;
  memberBlocks: Int32Array;
  memberIndices: Int32Array;
  description: string;
  /** Values may be negative (changes between years): protected by two hidden cells, whatever their sum. */
  signed: boolean;
  /** The areas of a level adding up to the reference, where its parent level's groups imply it (the audit leaves it out). */
  implied: boolean;
}

/** `change(year) = count(year) − count(previous year)`, one per cell. */
export interface ChangeLink {
  changeBlock: number;
  countBlock: number;
  previousBlock: number;
  description: string;
}

/** A share/rate and the counts it is computed from, one per block. */
export interface RateLink {
  rateBlock: number;
  numeratorBlock: number;
  denominatorBlock: number;
  /** Units of the denominator per unit of the rate (100 for %), when the unit says. */
  base: number | undefined;
}

/** Every relation between cells that suppression protects and the audit solves. */
export interface Relations {
  groups: AdditiveGroup[];
  changes: ChangeLink[];
  rates: RateLink[];
  /** Relations found in the data that the metadata does not declare, for the office to declare. */
  detected: { parts: PartsRelation[]; changes: ChangeRelation[] };
  /** Cells in which a declared relation does not hold on the data (left out). */
  contradictions: string[];
}

const TOLERANCE = 1e-6;

/** The relations of the cube: declared in levels and metadata, and detected in the data. */
export function buildRelations(cube: Cube): Relations {
  const declaredParts: PartsRelation[] = [];
  const declaredChanges: ChangeRelation[] = [];
  for (const indicator of cube.indicatorById.values()) {
    const parts = (indicator.parts ?? []).filter((id) => id !== indicator.id && cube.indicatorById.has(id));
    if (indicator.kind === 'count' && parts.length > 0) declaredParts.push({ whole: indicator.id, parts, declared: true });
    if (indicator.changeOf && cube.indicatorById.has(indicator.changeOf)) declaredChanges.push({ change: indicator.id, count: indicator.changeOf, declared: true });
  }
  const detected = detectRelations(cube, declaredParts, declaredChanges);
  const contradictions: string[] = [];
  const changeIds = new Set([...declaredChanges, ...detected.changes].map((relation) => relation.change));
  const partsGroups = [...declaredParts, ...detected.parts].flatMap((relation) => partsGroupsOf(cube, relation, contradictions));
  const seen = new Set([...declaredParts, ...detected.parts].map((relation) => [relation.whole, ...[...relation.parts].sort()].join('\u0000')));
  const groups = [...partsGroups, ...complementaryCountGroups(cube, seen), ...spatialGroups(cube, changeIds)];
  const changes = [...declaredChanges, ...detected.changes].flatMap((relation) => changeLinksOf(cube, relation));
  return { groups, changes, rates: rateLinks(cube), detected, contradictions };
}

/** Per cell, the parts adding up to the whole (boys + girls = children). */
function partsGroupsOf(cube: Cube, relation: PartsRelation, contradictions: string[]): AdditiveGroup[] {
  const groups: AdditiveGroup[] = [];
  const description = `the counts ${relation.parts.map((id) => `"${id}"`).join(' + ')} adding up to "${relation.whole}"`;
  cube.blocks.forEach((block, whole) => {
    if (block.indicator !== relation.whole) return;
    const partBlocks = relation.parts.map((id) => cube.block(id, block.level, block.year));
    if (partBlocks.some((b) => b < 0)) return;
    let contradicted = 0;
    for (let i = 0; i < cube.size(whole); i++) {
      if (!cube.isKnownOrHidden(whole, i)) continue;
      const indices = partBlocks.map((b) => cube.indexIn(whole, i, b));
      if (indices.some((j) => j < 0)) continue;
      const total = cube.value(whole, i);
      const values = partBlocks.map((b, p) => cube.value(b, indices[p]));
      if (total !== undefined && values.every((value) => value !== undefined)) {
        const sum = values.reduce((a, b) => a! + b!, 0)!;
        if (Math.abs(sum - total) > TOLERANCE * Math.max(1, Math.abs(total))) {
          contradicted++;
          continue;
        }
      }
      groups.push(group('complementary', whole, i, partBlocks, indices, `${description} in ${cube.key(whole, i)}`));
    }
    if (contradicted > 0) contradictions.push(`${description} does not hold in ${contradicted} cell(s) of level "${block.level}", ${block.year}; not used there`);
  });
  return groups;
}

/** Per cell, two numerators that add up to their shared denominator. */
function complementaryCountGroups(cube: Cube, seen: Set<string>): AdditiveGroup[] {
  const groups: AdditiveGroup[] = [];
  const byDenominator = new Map<number, number[]>();
  cube.blocks.forEach((block, b) => {
    const indicator = cube.indicators[b];
    if (!indicator?.numerator || !indicator.denominator) return;
    const denominator = cube.block(indicator.denominator, block.level, block.year);
    if (denominator < 0) return;
    byDenominator.set(denominator, [...(byDenominator.get(denominator) ?? []), b]);
  });
  for (const [den, shares] of byDenominator) {
    for (let s = 0; s < shares.length; s++) {
      for (let t = s + 1; t < shares.length; t++) {
        const idA = cube.indicators[shares[s]]!.numerator!;
        const idB = cube.indicators[shares[t]]!.numerator!;
        const { level, year, indicator: denId } = cube.blocks[den];
        const [numA, numB] = [idA, idB].map((id) => cube.block(id, level, year));
        if (numA < 0 || numB < 0 || numA === numB || seen.has([denId, ...[idA, idB].sort()].join('\u0000'))) continue;
        for (let d = 0; d < cube.size(den); d++) {
          const ia = cube.indexIn(den, d, numA);
          const ib = cube.indexIn(den, d, numB);
          const [total, a, b] = [cube.value(den, d), ia < 0 ? undefined : cube.value(numA, ia), ib < 0 ? undefined : cube.value(numB, ib)];
          if (total === undefined || a === undefined || b === undefined || Math.abs(a + b - total) > TOLERANCE) continue;
          groups.push(group('complementary', den, d, [numA, numB], [ia, ib], `the numerators "${idA}" and "${idB}" adding up to their denominator "${denId}" in ${cube.key(den, d)}`));
        }
      }
    }
  }
  return groups;
}

/** The areas of each level adding up to the reference and to their parent areas, and the reference the same on every level. */
function spatialGroups(cube: Cube, changeIds: Set<string>): AdditiveGroup[] {
  const children: AdditiveGroup[] = [];
  const levelWide: AdditiveGroup[] = [];
  const sameReference: AdditiveGroup[] = [];
  const firstReference = new Map<string, number>();
  const levelWideIndex = new Map<number, number>();
  const nested: [number, number][] = [];
  cube.blocks.forEach((block, b) => {
    const indicator = cube.indicators[b];
    if (indicator?.kind !== 'count') return;
    const signed = changeIds.has(indicator.id);
    const reference = cube.referenceIndex(b);
    if (cube.isKnownOrHidden(b, reference)) {
      // The reference is one datum on every level: hidden on one, hidden on all.
      const datum = `${block.indicator}\u0000${block.year}`;
      const first = firstReference.get(datum);
      if (first === undefined) firstReference.set(datum, b);
      else {
        const description = `the reference of level "${block.level}", the same as on level "${cube.blocks[first].level}"`;
        sameReference.push(group('secondary', first, cube.referenceIndex(first), [b], [reference], description, signed));
      }
    }
    if (indicator.additive === false) return;
    if (cube.isKnownOrHidden(b, reference)) {
      const indices = Array.from({ length: reference }, (_, i) => i);
      levelWideIndex.set(b, levelWide.length);
      levelWide.push(group('secondary', b, reference, indices.map(() => b), indices, `the areas of level "${block.level}" adding up to the reference`, signed));
    }
    const level = cube.levels.get(block.level);
    const parentBlock = level?.parent === undefined ? -1 : cube.block(block.indicator, level.parent, block.year);
    if (level === undefined || parentBlock < 0) return;
    const byParent = new Map<string, number[]>();
    let covered = 0;
    for (const area of level.areas) {
      if (area.parent === undefined) continue;
      const members = byParent.get(area.parent) ?? [];
      members.push(cube.indexOf(b, area.key));
      byParent.set(area.parent, members);
    }
    for (const [parentKey, members] of byParent) {
      const total = cube.indexOf(parentBlock, parentKey);
      if (total < 0 || !cube.isKnownOrHidden(parentBlock, total)) continue;
      covered += members.length;
      children.push(group('secondary', parentBlock, total, members.map(() => b), members, `the areas of level "${block.level}" in "${parentKey}" adding up to it`, signed));
    }
    if (covered === level.areas.length && cube.size(b) === level.areas.length + 1) nested.push([b, parentBlock]);
  });
  // Σ areas = Σ parents = reference: with every area in a parent's group and the parent level's own sum, this sum adds nothing.
  for (const [b, parentBlock] of nested) {
    const own = levelWideIndex.get(b);
    if (own !== undefined && levelWideIndex.has(parentBlock)) levelWide[own].implied = true;
  }
  return [...children, ...levelWide, ...sameReference];
}

function changeLinksOf(cube: Cube, relation: ChangeRelation): ChangeLink[] {
  const links: ChangeLink[] = [];
  cube.blocks.forEach((block, changeBlock) => {
    if (block.indicator !== relation.change) return;
    const countBlock = cube.block(relation.count, block.level, block.year);
    const previousBlock = previousYearBlock(cube, relation.count, block.level, block.year);
    if (countBlock < 0 || previousBlock < 0) return;
    const description = `"${relation.change}" ${block.year}, the change of "${relation.count}" since ${cube.blocks[previousBlock].year}`;
    links.push({ changeBlock, countBlock, previousBlock, description });
  });
  return links;
}

function rateLinks(cube: Cube): RateLink[] {
  const links: RateLink[] = [];
  cube.blocks.forEach((block, rateBlock) => {
    const indicator = cube.indicators[rateBlock];
    if (!indicator || (!indicator.numerator && !indicator.denominator)) return;
    const find = (id: string | undefined) => (id === undefined ? -1 : cube.block(id, block.level, block.year));
    links.push({ rateBlock, numeratorBlock: find(indicator.numerator), denominatorBlock: find(indicator.denominator), base: rateBase(indicator) });
  });
  return links;
}

export function isShareLike(indicator: Indicator): boolean {
  return indicator.kind === 'share' || indicator.kind === 'rate' || !!indicator.numerator || !!indicator.denominator;
}

function group(
  rule: AdditiveGroup['rule'],
  totalBlock: number,
  totalIndex: number,
  blocks: number[],
  indices: number[],
  description: string,
  signed = false,
): AdditiveGroup {
  return { rule, totalBlock, totalIndex, memberBlocks: Int32Array.from(blocks), memberIndices: Int32Array.from(indices), description, signed, implied: false };
}

/** The cells of a group, total first. */
export function cellsOf(group: AdditiveGroup): [number, number][] {
  const cells: [number, number][] = [[group.totalBlock, group.totalIndex]];
  for (let m = 0; m < group.memberBlocks.length; m++) cells.push([group.memberBlocks[m], group.memberIndices[m]]);
  return cells;
}
