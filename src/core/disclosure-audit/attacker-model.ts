import { isSuppressed } from '../../contract/types.js';
import type { SuppressionRecord } from '../suppression/cube.js';
import type { SuppressionEngine } from '../suppression/engine.js';
import { cellsOf } from '../suppression/relations.js';

/**
 * One linear constraint an attacker can write down from what is published:
 * `lower ≤ Σ coefficient · unknown ≤ upper`, the published cells folded into the bounds.
 */
export interface Row {
  /** Stable identity of the relation and cell it comes from, to tell unchanged components apart. */
  id: string;
  variables: number[];
  coefficients: number[];
  lower: number;
  upper: number;
  /** Published cells of the relation, which the audit may hide to widen an interval. */
  published: number[];
  rule: SuppressionRecord['rule'];
  description: string;
}

/** The unknowns (cells a reader cannot see) and the constraints on them. */
export interface AttackerModel {
  rows: Row[];
  /** Per cell id: whether it is an unknown of the model. */
  isVariable: (cell: number) => boolean;
  /** Counts are at least 0; changes between years may be negative. */
  lowerBound: (cell: number) => number;
  isInteger: (cell: number) => boolean;
  /** The true value behind an unknown (undefined where the source suppressed it): a point every constraint holds at. */
  truth: (cell: number) => number | undefined;
  /** Relations the data itself does not satisfy, left out (an attacker would be misled by them). */
  unsatisfied: number;
}

const TOLERANCE = 1e-6;

/**
 * Everything an attacker knows, as linear constraints over the unknown cells: the additive
 * groups and parts (equalities), changes between years (equalities), published shares/rates
 * with their rounding interval at the precision they are published with, and numerator ≤
 * denominator for shares. Only relations that hold on the true data are used.
 */
export function attackerModel(engine: SuppressionEngine): AttackerModel {
  const { cube, relations } = engine;
  const changeBlocks = new Set(relations.changes.map((link) => link.changeBlock));
  const integerBlocks = cube.blocks.map((_, b) => cube.original[b].every((value) => typeof value !== 'number' || Number.isInteger(value)));
  const isVariable = (cell: number) => {
    const b = cube.blockOf(cell);
    const i = cube.indexOfCell(cell);
    return cube.isUnknown(b, i) && (cube.value(b, i) !== undefined || isSuppressed(cube.original[b][i]));
  };
  const rows: Row[] = [];
  let unsatisfied = 0;

  /** Adds `lower ≤ Σ c·cell ≤ upper` with published cells folded in; undefined truth means unknown to us too. */
  const add = (id: string, cells: number[], coefficients: number[], lower: number, upper: number, rule: Row['rule'], description: string) => {
    const variables: number[] = [];
    const variableCoefficients: number[] = [];
    const published: number[] = [];
    let constant = 0;
    let truth: number | undefined = 0;
    cells.forEach((cell, k) => {
      const b = cube.blockOf(cell);
      const i = cube.indexOfCell(cell);
      const value = cube.value(b, i);
      if (isVariable(cell)) {
        variables.push(cell);
        variableCoefficients.push(coefficients[k]);
        truth = value === undefined || truth === undefined ? undefined : truth + coefficients[k] * value;
      } else {
        const shown = cube.published(b, i) ?? 0;
        if (shown !== 0) published.push(cell);
        constant += coefficients[k] * shown;
      }
    });
    if (variables.length === 0) return;
    const scale = Math.max(1, Math.abs(constant), Math.abs(lower), Math.abs(upper));
    if (truth !== undefined && (truth + constant < lower - TOLERANCE * scale || truth + constant > upper + TOLERANCE * scale)) {
      unsatisfied++;
      return;
    }
    rows.push({ id, variables, coefficients: variableCoefficients, lower: lower - constant, upper: upper - constant, published, rule, description });
  };

  relations.groups.forEach((group, g) => {
    if (group.implied) return;
    const cells = cellsOf(group).map(([b, i]) => cube.cellId(b, i));
    add(`g${g}`, cells, cells.map((_, k) => (k === 0 ? 1 : -1)), 0, 0, group.rule, group.description);
  });
  for (const { changeBlock, countBlock, previousBlock, description } of relations.changes) {
    for (let i = 0; i < cube.size(changeBlock); i++) {
      const now = cube.indexIn(changeBlock, i, countBlock);
      const before = cube.indexIn(changeBlock, i, previousBlock);
      if (now < 0 || before < 0 || !cube.isKnownOrHidden(changeBlock, i)) continue;
      const cells = [cube.cellId(changeBlock, i), cube.cellId(countBlock, now), cube.cellId(previousBlock, before)];
      add(`c${cells[0]}`, cells, [1, -1, 1], 0, 0, 'complementary', `${description} in ${cube.key(changeBlock, i)}`);
    }
  }
  for (const { rateBlock, numeratorBlock, denominatorBlock, base } of relations.rates) {
    if (numeratorBlock < 0 || denominatorBlock < 0) continue;
    const indicator = cube.indicators[rateBlock]!;
    for (let i = 0; i < cube.size(rateBlock); i++) {
      const n = cube.indexIn(rateBlock, i, numeratorBlock);
      const d = cube.indexIn(rateBlock, i, denominatorBlock);
      if (n < 0 || d < 0) continue;
      const counts = [cube.cellId(numeratorBlock, n), cube.cellId(denominatorBlock, d)];
      if (!counts.some(isVariable)) continue;
      const where = `"${indicator.id}" in ${cube.key(rateBlock, i)}`;
      if (indicator.kind === 'share') add(`s${counts[0]}`, counts, [1, -1], -Infinity, 0, 'derived', `the numerator of the share ${where} is at most its denominator`);
      const rate = cube.published(rateBlock, i);
      if (rate === undefined || base === undefined) continue;
      // The rate as published: rounded at its decimals, or at the finer precision the file gives.
      const half = 0.5 * 10 ** -Math.max(indicator.decimals, decimalPlaces(rate)) * (1 + 1e-9);
      const cells = [cube.cellId(rateBlock, i), ...counts];
      // (r − h)·D ≤ base·N ≤ (r + h)·D: two rows over N and D; the rate is their published cell.
      const rowCells = counts;
      const low = Math.max(0, rate - half);
      const high = rate + half;
      const rows0 = rows.length;
      add(`rl${cells[0]}`, rowCells, [base, -low], 0, Infinity, 'derived', `the published value of ${where}`);
      add(`rh${cells[0]}`, rowCells, [base, -high], -Infinity, 0, 'derived', `the published value of ${where}`);
      for (let r = rows0; r < rows.length; r++) rows[r].published = [cells[0], ...rows[r].published];
    }
  }

  return {
    rows,
    isVariable,
    lowerBound: (cell) => (changeBlocks.has(cube.blockOf(cell)) ? -Infinity : 0),
    isInteger: (cell) => integerBlocks[cube.blockOf(cell)],
    truth: (cell) => cube.value(cube.blockOf(cell), cube.indexOfCell(cell)),
    unsatisfied,
  };
}

/** The decimal places a number is written with in JSON (0.125 → 3, 1e-7 → 7). */
export function decimalPlaces(value: number): number {
  const text = String(Math.abs(value));
  const exponent = /e([+-]\d+)$/.exec(text);
  const mantissa = exponent ? text.slice(0, exponent.index) : text;
  const fraction = mantissa.includes('.') ? mantissa.length - mantissa.indexOf('.') - 1 : 0;
  return Math.max(0, fraction - (exponent ? Number(exponent[1]) : 0));
}
