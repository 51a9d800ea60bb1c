import type { Highs } from 'highs';
import type { ValueBlock } from '../contract/types.js';
import { attackerModel, type Row } from './disclosure-audit/attacker-model.js';
import { solveComponent, type Interval, type SolveStats } from './disclosure-audit/solve.js';
import type { SuppressionInput, SuppressionRecord } from './suppression/cube.js';
import { SuppressionEngine, type SensitiveTarget } from './suppression/engine.js';

/** A hidden sensitive value an attacker can narrow down below the protection width. */
export interface NarrowCell {
  indicator: string;
  level: string;
  year: number;
  area: string;
  what: string;
  low: number;
  high: number;
  unproven?: Interval['unproven'];
  /** A numerator protecting a share on a small denominator, not a small count: a warning, not a failure. */
  soft: boolean;
}

/** What the audit did, for the terminal and the report outside the publish folder. No values. */
export interface AuditSummary {
  /** Hidden cells per rule. */
  hiddenByRule: Record<SuppressionRecord['rule'], number>;
  /** Hidden sensitive values audited (small counts, counts hidden in the source, rests of group disclosure, numerators of shares on small denominators). */
  audited: number;
  components: number;
  largestComponent: number;
  lps: number;
  mips: number;
  solverMilliseconds: number;
  /**
   * The narrowest width proven for a sensitive value (Infinity: every interval is open
   * above; undefined: nothing to audit). A proof may stop once a width reaches the
   * requirement, so this is a lower bound of the narrowest interval.
   */
  minimumWidth: number | undefined;
  requiredWidth: number;
  /** Cells the audit hid beyond the rules, and the rounds it took. */
  auditComplements: number;
  rounds: number;
  /** Relations found in the data that the metadata does not declare. */
  detected: string[];
  /** Declared relations that the data contradicts, and relations left out of the audit for it. */
  contradictions: string[];
  unsatisfiedRelations: number;
}

export interface AuditedProtection {
  blocks: ValueBlock[];
  report: SuppressionRecord[];
  audit: AuditSummary;
  /** Empty when every hidden sensitive value is protected (soft ones: see NarrowCell.soft). */
  narrow: NarrowCell[];
}

/**
 * Suppression with proof: applies the rules, then computes for every hidden sensitive value
 * the interval an attacker can derive from everything published (linear programming per
 * connected set of unknowns, integer where it matters), hides the smallest published cell of
 * a relation around each value that is too narrow, applies the rules again and repeats,
 * until every interval is at least `protectionWidth` wide or nothing is left to hide
 * (then `narrow` lists what stays exposed). `highs` is a loaded HiGHS runtime.
 */
export function protectWithAudit(input: SuppressionInput, highs: Highs): AuditedProtection {
  const engine = new SuppressionEngine(input);
  const { cube } = engine;
  const required = cube.privacy.protectionWidth;
  const stats: SolveStats = { lps: 0, mips: 0, milliseconds: 0 };
  const cache = new Map<string, Interval[]>();
  const published = (cell: number) => cube.published(cube.blockOf(cell), cube.indexOfCell(cell)) ?? 0;
  const rulesReported = cube.report.length;
  let rounds = 0;
  let last: ReturnType<typeof auditOnce>;
  for (;;) {
    rounds++;
    last = auditOnce(engine, highs, required, published, stats, cache);
    if (last.narrow.length === 0) break;
    const chosen = new Set<number>();
    for (const narrow of last.narrow) {
      const complement = chooseComplement(narrow, last.rowsOf, engine);
      if (!complement || chosen.has(complement.cell)) continue;
      chosen.add(complement.cell);
      const block = cube.blockOf(complement.cell);
      engine.hideComplement(block, cube.indexOfCell(complement.cell), complement.row.rule, `complement in ${complement.row.description}, found by the disclosure audit`);
    }
    if (chosen.size === 0) break;
    engine.settle();
  }
  const report = cube.report;
  const hiddenByRule: AuditSummary['hiddenByRule'] = { primary: 0, secondary: 0, complementary: 0, derived: 0, denominator: 0 };
  for (const record of report) hiddenByRule[record.rule]++;
  const describeRelation = (relation: { whole?: string; parts?: string[]; change?: string; count?: string }) =>
    relation.whole !== undefined
      ? `"${relation.whole}" = ${relation.parts!.map((id) => `"${id}"`).join(' + ')} in every cell (declare the parts of "${relation.whole}" in the metadata; a part that is 0 in every cell cannot be told apart from data alone)`
      : `"${relation.change}" is the change of "${relation.count}" since the previous year (declare it as changeOf in the metadata)`;
  return {
    blocks: cube.output(),
    report,
    narrow: last.narrow.map(({ target, interval }) => ({ ...cube.describe(target.cell), what: target.what, low: interval.low, high: interval.high, unproven: interval.unproven, soft: target.soft === true })),
    audit: {
      hiddenByRule,
      audited: engine.targets.length,
      components: last.components,
      largestComponent: last.largestComponent,
      lps: stats.lps,
      mips: stats.mips,
      solverMilliseconds: stats.milliseconds,
      minimumWidth: last.minimumWidth,
      requiredWidth: required,
      auditComplements: report.length - rulesReported,
      rounds,
      detected: [...engine.relations.detected.parts, ...engine.relations.detected.changes].map(describeRelation),
      contradictions: engine.relations.contradictions,
      unsatisfiedRelations: last.unsatisfied,
    },
  };
}

interface NarrowTarget {
  target: SensitiveTarget;
  interval: Interval;
  /** The rows of its connected set. */
  rows: Row[];
}

/** One pass: every target's interval, per connected set of unknowns. */
function auditOnce(engine: SuppressionEngine, highs: Highs, required: number, published: (cell: number) => number, stats: SolveStats, cache: Map<string, Interval[]>) {
  const model = attackerModel(engine);
  const parent = new Map<number, number>();
  const root = (cell: number): number => {
    let top = cell;
    while (parent.get(top) !== top) top = parent.get(top)!;
    let walk = cell;
    while (walk !== top) {
      const next = parent.get(walk)!;
      parent.set(walk, top);
      walk = next;
    }
    return top;
  };
  const join = (cells: number[]) => {
    for (const cell of cells) if (!parent.has(cell)) parent.set(cell, cell);
    for (let k = 1; k < cells.length; k++) {
      const a = root(cells[0]);
      const b = root(cells[k]);
      if (a !== b) parent.set(b, a);
    }
  };
  for (const row of model.rows) join(row.variables);
  const targets = engine.targets.filter((target) => target.cells.some(model.isVariable));
  for (const target of targets) join(target.cells.filter(model.isVariable));

  const components = new Map<number, { variables: number[]; rows: Row[]; targets: SensitiveTarget[] }>();
  const componentOf = (cell: number) => {
    const top = root(cell);
    let component = components.get(top);
    if (!component) components.set(top, (component = { variables: [], rows: [], targets: [] }));
    return component;
  };
  for (const cell of parent.keys()) componentOf(cell).variables.push(cell);
  for (const row of model.rows) componentOf(row.variables[0]).rows.push(row);
  for (const target of targets) componentOf(target.cells.find(model.isVariable)!).targets.push(target);

  const narrow: NarrowTarget[] = [];
  let minimumWidth: number | undefined = engine.targets.some((t) => !t.soft && !t.cells.some(model.isVariable)) ? 0 : undefined;
  let audited = 0;
  let largestComponent = 0;
  for (const component of components.values()) {
    if (component.targets.length === 0) continue;
    audited++;
    largestComponent = Math.max(largestComponent, component.variables.length);
    component.variables.sort((a, b) => a - b);
    const signature = `${component.variables.join(',')}|${component.rows.map((row) => row.id).join(',')}|${component.targets.map((t) => t.cells.join('+')).join(',')}`;
    let intervals = cache.get(signature);
    if (!intervals) {
      intervals = solveComponent(highs, model, component.variables, component.rows, component.targets, required, published, stats);
      cache.set(signature, intervals);
    }
    intervals.forEach((interval, k) => {
      const width = interval.unproven ? 0 : interval.high - interval.low;
      const target = component.targets[k];
      if (!target.soft) minimumWidth = minimumWidth === undefined ? width : Math.min(minimumWidth, width);
      if (width < (target.soft ? 1 : required)) narrow.push({ target: component.targets[k], interval, rows: component.rows });
    });
  }
  // A target with no unknown left (everything it is made of is published) is exposed outright.
  for (const target of engine.targets.filter((t) => !t.cells.some(model.isVariable))) {
    const value = target.cells.reduce((sum, cell, k) => sum + target.coefficients[k] * published(cell), 0);
    narrow.push({ target, interval: { low: value, high: value }, rows: [] });
  }
  const rowsByCell = new Map<number, Row[]>();
  if (narrow.length > 0) {
    for (const row of model.rows) {
      for (const cell of [...row.variables, ...row.published]) {
        const list = rowsByCell.get(cell);
        if (list) list.push(row);
        else rowsByCell.set(cell, [row]);
      }
    }
  }
  const rowsOf = (cell: number) => rowsByCell.get(cell) ?? [];
  return { narrow, rowsOf, components: audited, largestComponent, minimumWidth, unsatisfied: model.unsatisfied };
}

/**
 * The smallest published non-zero cell of the finest relation around a target: counts
 * before the published shares/rates whose rounding interval binds. Relations with fewer
 * cells come first so complements stay local.
 */
function chooseComplement({ target, rows: componentRows }: NarrowTarget, rowsOf: (cell: number) => Row[], engine: SuppressionEngine): { cell: number; row: Row } | undefined {
  const { cube } = engine;
  const around = new Set(target.cells.flatMap(rowsOf));
  const near = new Set([...around].flatMap((row) => row.variables.flatMap(rowsOf)));
  for (const rows of [around, near, componentRows]) {
    const ordered = [...rows].sort((a, b) => a.variables.length + a.published.length - (b.variables.length + b.published.length));
    for (const preferCounts of [true, false]) {
      for (const row of ordered) {
        let best: number | undefined;
        let bestValue = Infinity;
        for (const cell of row.published) {
          const block = cube.blockOf(cell);
          if (preferCounts !== (cube.indicators[block]?.kind === 'count')) continue;
          const value = Math.abs(cube.published(block, cube.indexOfCell(cell)) ?? 0);
          if (value > 0 && value < bestValue) {
            best = cell;
            bestValue = value;
          }
        }
        if (best !== undefined) return { cell: best, row };
      }
    }
  }
  return undefined;
}

/** The audit summary as lines for the terminal and the report: counts, widths and solver time, never values. */
export function formatAuditSummary(audit: AuditSummary): string[] {
  const rules = Object.entries(audit.hiddenByRule).map(([rule, count]) => `${count} ${rule}`);
  const total = Object.values(audit.hiddenByRule).reduce((a, b) => a + b, 0);
  const width =
    audit.minimumWidth === undefined
      ? 'no hidden sensitive value to audit'
      : audit.minimumWidth === Infinity
        ? 'no hidden sensitive value is bounded above by what is published'
        : `every hidden sensitive value lies in an interval at least ${formatWidth(audit.minimumWidth)} wide for an attacker (required: ${audit.requiredWidth})`;
  const lines = [
    `suppressed cells: ${total} (${rules.join(', ')})`,
    `disclosure audit: ${audit.audited} hidden sensitive values in ${audit.components} linked sets (largest ${audit.largestComponent} unknowns); ${audit.lps} LPs, ${audit.mips} MIPs, solver ${(audit.solverMilliseconds / 1000).toFixed(2)} s`,
    width,
    `complements added by the audit: ${audit.auditComplements} (${audit.rounds} ${audit.rounds === 1 ? 'round' : 'rounds'})`,
  ];
  for (const relation of audit.detected) lines.push(`relation found in the data: ${relation}`);
  for (const contradiction of audit.contradictions) lines.push(`declared relation not used: ${contradiction}`);
  if (audit.unsatisfiedRelations > 0) lines.push(`relations the data does not satisfy, left out of the audit: ${audit.unsatisfiedRelations}`);
  return lines;
}

function formatWidth(width: number): string {
  return Number.isInteger(width) ? String(width) : width.toFixed(2);
}
