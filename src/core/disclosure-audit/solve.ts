import type { Highs, Model } from 'highs';
import type { SensitiveTarget } from '../suppression/engine.js';
import type { AttackerModel, Row } from './attacker-model.js';

/** The interval an attacker can derive for a target's value. */
export interface Interval {
  low: number;
  high: number;
  /** The published values contradict the relations (or the solver gave up): nothing is proven. */
  unproven?: 'contradiction' | 'solver';
}

export interface SolveStats {
  lps: number;
  mips: number;
  milliseconds: number;
}

const INTEGRAL = 1e-6;
// The sets are small: presolve costs more than it saves.
const OPTIONS = { output_flag: false, time_limit: 60, presolve: 'off' };

/**
 * The attacker's interval for each target of one connected set of unknowns: the minimum
 * and maximum of the target over every constraint, by linear programming. Counts are whole
 * numbers, so an interval over whole-number unknowns is rounded inwards. Where the optimum
 * the LP finds is itself whole-numbered the rounded LP bound is exact; otherwise the integer
 * bound can be tighter than the LP's, so where the rounded LP interval is narrower than twice
 * the required width the target is solved again as a mixed-integer program (MIP). Wider LP
 * intervals are left as they are: the integer optimum is reached from a fractional vertex by
 * moving each of the few unknowns of a rounding constraint by less than one, far from
 * halving an interval of that width.
 */
export function solveComponent(
  highs: Highs,
  model: AttackerModel,
  variables: number[],
  rows: Row[],
  targets: SensitiveTarget[],
  required: number,
  published: (cell: number) => number,
  stats: SolveStats,
): Interval[] {
  const started = performance.now();
  const column = new Map(variables.map((cell, k) => [cell, k]));
  const infinity = highs.infinity;
  const finite = (value: number) => (value === Infinity ? infinity : value === -Infinity ? -infinity : value);
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const row of rows) {
    row.variables.forEach((cell, k) => {
      indices.push(column.get(cell)!);
      values.push(row.coefficients[k]);
    });
    starts.push(indices.length);
  }
  const data = {
    numCols: variables.length,
    numRows: rows.length,
    colCost: new Float64Array(variables.length),
    colLower: variables.map((cell) => finite(model.lowerBound(cell))),
    colUpper: variables.map(() => infinity),
    rowLower: rows.map((row) => finite(row.lower)),
    rowUpper: rows.map((row) => finite(row.upper)),
    matrix: { format: 'csr' as const, numRows: rows.length, numCols: variables.length, starts, indices, values },
  };
  const integer = variables.map((cell) => model.isInteger(cell));
  const lp = highs.createModel(data);
  let mip: Model | undefined;
  try {
    lp.options.set(OPTIONS);
    return targets.map((target) => {
      const cols: number[] = [];
      const costs: number[] = [];
      let constant = 0;
      target.cells.forEach((cell, k) => {
        const col = column.get(cell);
        if (col === undefined) constant += target.coefficients[k] * published(cell);
        else {
          cols.push(col);
          costs.push(target.coefficients[k]);
        }
      });
      if (cols.length === 0) return { low: constant, high: constant };
      const whole = cols.every((col) => integer[col]) && costs.every(Number.isInteger);
      // Most hidden counts are open above: then the lower end does not matter.
      const high = optimum(highs, lp, variables.length, cols, costs, 'maximize', stats);
      if (high.value === Infinity) return { low: -Infinity, high: Infinity };
      const low = optimum(highs, lp, variables.length, cols, costs, 'minimize', stats);
      if (low.unproven || high.unproven) return { low: constant + low.value, high: constant + high.value, unproven: low.unproven ?? high.unproven };
      if (!whole) return { low: constant + low.value, high: constant + high.value };
      const rounded = { low: Math.ceil(low.value - INTEGRAL), high: Math.floor(high.value + INTEGRAL) };
      const exact = [low, high].every((end) => end.solution === undefined || cols.length === 0 || isWhole(end.solution, integer));
      if (exact || rounded.high - rounded.low < required || rounded.high - rounded.low >= 2 * required) return { low: constant + rounded.low, high: constant + rounded.high };
      if (!mip) {
        mip = highs.createModel({ ...data, integrality: integer.map((isInt) => (isInt ? highs.constants.variableType.integer : highs.constants.variableType.continuous)) });
        mip.options.set({ ...OPTIONS, mip_rel_gap: 0, mip_abs_gap: 1e-9 });
      }
      const mipLow = optimum(highs, mip, variables.length, cols, costs, 'minimize', stats, true);
      const mipHigh = optimum(highs, mip, variables.length, cols, costs, 'maximize', stats, true);
      if (mipLow.unproven || mipHigh.unproven) return { low: constant + rounded.low, high: constant + rounded.high, unproven: mipLow.unproven ?? mipHigh.unproven };
      return { low: constant + Math.round(mipLow.value), high: constant + Math.round(mipHigh.value) };
    });
  } finally {
    lp.dispose();
    mip?.dispose();
    stats.milliseconds += performance.now() - started;
  }
}

function optimum(
  highs: Highs,
  model: Model,
  columns: number,
  cols: number[],
  costs: number[],
  sense: 'minimize' | 'maximize',
  stats: SolveStats,
  integer = false,
): { value: number; solution?: Float64Array; unproven?: Interval['unproven'] } {
  model.changeColsCost({ kind: 'range', from: 0, to: columns - 1 }, new Float64Array(columns));
  cols.forEach((col, k) => model.changeColCost(col, costs[k]));
  model.changeObjectiveSense(highs.constants.objectiveSense[sense]);
  model.run();
  if (integer) stats.mips++;
  else stats.lps++;
  const status = model.getModelStatus();
  const codes = highs.constants.modelStatus;
  const unbounded = sense === 'minimize' ? -Infinity : Infinity;
  if (status === codes.optimal) return { value: model.getObjectiveValue(), solution: integer ? undefined : model.getSolution().colValue };
  if (status === codes.unbounded || status === codes.unboundedOrInfeasible) return { value: unbounded };
  if (status === codes.infeasible) return { value: 0, unproven: 'contradiction' };
  return { value: 0, unproven: 'solver' };
}

function isWhole(solution: Float64Array, integer: boolean[]): boolean {
  for (let k = 0; k < solution.length; k++) if (integer[k] && Math.abs(solution[k] - Math.round(solution[k])) > INTEGRAL) return false;
  return true;
}
