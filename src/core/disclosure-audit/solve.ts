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

/** A target over the component's columns: the published part folded into `constant`, the true value where known. */
interface PreparedTarget {
  cols: number[];
  costs: number[];
  constant: number;
  truth: number | undefined;
  whole: boolean;
}
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
 *
 * Most values need neither end exactly: the true data satisfies every constraint, so a
 * feasible point at which a value lies the required width above its true value proves the
 * interval wide enough (twice the width where that point is fractional). Such points are
 * sought for all values at once first (`proveTogether`), then by one maximum per value; the
 * minimum is computed only where the maximum does not prove it. Proven intervals are
 * reported as [true value, that point], a lower bound of their width.
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
  const prepared = targets.map((target): PreparedTarget => {
    const cols: number[] = [];
    const costs: number[] = [];
    let constant = 0;
    let truth: number | undefined = 0;
    target.cells.forEach((cell, k) => {
      const col = column.get(cell);
      if (col === undefined) constant += target.coefficients[k] * published(cell);
      else {
        cols.push(col);
        costs.push(target.coefficients[k]);
        const value = model.truth(cell);
        truth = truth === undefined || value === undefined ? undefined : truth + target.coefficients[k] * value;
      }
    });
    const whole = cols.every((col) => integer[col]) && costs.every(Number.isInteger);
    return { cols, costs, constant, truth, whole };
  });
  /** Whether a solution's value of a target lies far enough above the true value to prove the interval wide. */
  const reaches = (target: PreparedTarget, value: number, solution: Float64Array | undefined) => {
    if (target.truth === undefined) return false;
    const gain = value - target.truth;
    return target.whole && solution !== undefined && isWhole(solution, integer) ? Math.floor(gain + INTEGRAL) >= required : gain >= 2 * required;
  };
  const results: (Interval | undefined)[] = prepared.map((target) => (target.cols.length === 0 ? { low: target.constant, high: target.constant } : undefined));
  const lp = highs.createModel(data);
  let mip: Model | undefined;
  try {
    lp.options.set(OPTIONS);
    // One LP for many values: the true data is feasible, so a feasible point far above it proves each value it lifts.
    const open = prepared.flatMap((target, t) => (results[t] === undefined && target.truth !== undefined ? [t] : []));
    if (open.length > 1) proveTogether(highs, data, open, prepared, required, results, reaches, stats);
    const solveOne = (target: PreparedTarget): Interval => {
      const { cols, costs, constant, whole } = target;
      // Most hidden counts are open above; a maximum far above the true value needs no minimum.
      const high = optimum(highs, lp, variables.length, cols, costs, 'maximize', stats);
      if (high.value === Infinity) return { low: -Infinity, high: Infinity };
      if (!high.unproven && reaches(target, high.value, high.solution)) return { low: constant + target.truth!, high: constant + high.value };
      const low = optimum(highs, lp, variables.length, cols, costs, 'minimize', stats);
      if (low.unproven || high.unproven) return { low: constant + low.value, high: constant + high.value, unproven: low.unproven ?? high.unproven };
      if (!whole) return { low: constant + low.value, high: constant + high.value };
      const rounded = { low: Math.ceil(low.value - INTEGRAL), high: Math.floor(high.value + INTEGRAL) };
      const exact = [low, high].every((end) => end.solution === undefined || isWhole(end.solution, integer));
      if (exact || rounded.high - rounded.low < required || rounded.high - rounded.low >= 2 * required) return { low: constant + rounded.low, high: constant + rounded.high };
      if (!mip) {
        mip = highs.createModel({ ...data, integrality: integer.map((isInt) => (isInt ? highs.constants.variableType.integer : highs.constants.variableType.continuous)) });
        mip.options.set({ ...OPTIONS, mip_rel_gap: 0, mip_abs_gap: 1e-9 });
      }
      const mipLow = optimum(highs, mip, variables.length, cols, costs, 'minimize', stats, true);
      const mipHigh = optimum(highs, mip, variables.length, cols, costs, 'maximize', stats, true);
      if (mipLow.unproven || mipHigh.unproven) return { low: constant + rounded.low, high: constant + rounded.high, unproven: mipLow.unproven ?? mipHigh.unproven };
      return { low: constant + Math.round(mipLow.value), high: constant + Math.round(mipHigh.value) };
    };
    return prepared.map((target, t) => results[t] ?? solveOne(target));
  } finally {
    lp.dispose();
    mip?.dispose();
    stats.milliseconds += performance.now() - started;
  }
}

/**
 * Proves many values wide with few LPs. The true data is a feasible point, so a feasible
 * point at which a value lies far enough above its true value proves its interval wide.
 * One LP lifts all open values at once — maximise Σ lift, each lift capped at twice the
 * required width (so the LP spreads the slack over as many values as it can) — and is
 * repeated for the values still open while it proves more.
 */
function proveTogether(
  highs: Highs,
  data: { numCols: number; numRows: number; colLower: number[]; colUpper: number[]; rowLower: number[]; rowUpper: number[]; matrix: { starts: number[]; indices: number[]; values: number[] } },
  open: number[],
  prepared: PreparedTarget[],
  required: number,
  results: (Interval | undefined)[],
  reaches: (target: PreparedTarget, value: number, solution: Float64Array | undefined) => boolean,
  stats: SolveStats,
): void {
  for (let pass = 0; pass < 4 && open.length > 1; pass++) {
    // Columns: the unknowns, then one lift per open value; rows: the constraints, then lift − value ≤ −truth per open value.
    const starts = [...data.matrix.starts];
    const indices = [...data.matrix.indices];
    const values = [...data.matrix.values];
    open.forEach((t, k) => {
      const target = prepared[t];
      target.cols.forEach((col, c) => {
        indices.push(col);
        values.push(-target.costs[c]);
      });
      indices.push(data.numCols + k);
      values.push(1);
      starts.push(indices.length);
    });
    const numCols = data.numCols + open.length;
    const numRows = data.numRows + open.length;
    const colCost = new Float64Array(numCols);
    colCost.fill(1, data.numCols);
    const lp = highs.createModel({
      numCols,
      numRows,
      sense: highs.constants.objectiveSense.maximize,
      colCost,
      colLower: [...data.colLower, ...open.map(() => 0)],
      colUpper: [...data.colUpper, ...open.map(() => 2 * required)],
      rowLower: [...data.rowLower, ...open.map(() => -highs.infinity)],
      rowUpper: [...data.rowUpper, ...open.map((t) => -prepared[t].truth!)],
      matrix: { format: 'csr', numRows, numCols, starts, indices, values },
    });
    let proven = 0;
    try {
      lp.options.set(OPTIONS);
      lp.run();
      stats.lps++;
      if (lp.getModelStatus() !== highs.constants.modelStatus.optimal) return;
      const solution = lp.getSolution().colValue.subarray(0, data.numCols);
      for (const t of open) {
        const target = prepared[t];
        const value = target.cols.reduce((sum, col, c) => sum + target.costs[c] * solution[col], 0);
        if (!reaches(target, value, solution)) continue;
        results[t] = { low: target.constant + target.truth!, high: target.constant + value };
        proven++;
      }
    } finally {
      lp.dispose();
    }
    if (proven === 0) return;
    open = open.filter((t) => results[t] === undefined);
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
