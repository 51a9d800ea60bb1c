import loadHighs from 'highs';
import type { Indicator, Level, PrivacySettings, ValueBlock } from '../../../src/contract/types.js';
import { formatAuditSummary, protectWithAudit, type AuditSummary, type NarrowCell } from '../../../src/core/disclosure-audit.js';
import { effectivePrivacy, type SuppressionRecord } from '../../../src/core/suppression.js';
import { DataError } from './errors.js';
import { step, type Log } from './log.js';

export { formatAuditSummary, type AuditSummary };

/** The HiGHS runtime, loaded (compiled from its .wasm) once per process. */
let highs: ReturnType<typeof loadHighs> | undefined;

/** Everything the protection step looks at. */
export interface ProtectionInput {
  indicators: Indicator[];
  levels: Level[];
  blocks: ValueBlock[];
  privacy?: PrivacySettings;
  /** Indicators the build does not publish: unknown to a reader, but their small counts are protected too. */
  withheld: ReadonlySet<string>;
}

/** What the protection step did: the blocks to publish, the suppressed cells and the audit. */
export interface Protection {
  blocks: ValueBlock[];
  report: SuppressionRecord[];
  audit: AuditSummary;
}

/**
 * Suppresses what must not be published and proves it: the disclosure audit computes what
 * an attacker can derive for every hidden sensitive value and adds complements until none
 * is narrower than `privacy.protectionWidth`. Throws a DataError (stderr only: it names
 * values) when one stays exposed because nothing more can be hidden around it.
 */
export async function protectValues(input: ProtectionInput, log: Log): Promise<Protection> {
  const privacy = effectivePrivacy(input.privacy);
  if (privacy.minDenominator > 0) {
    for (const indicator of input.indicators.filter((i) => i.withoutCounts)) {
      log.warn(`indicator "${indicator.id}" has no counts behind it (withoutCounts): minDenominator ${privacy.minDenominator} cannot be checked for it; make sure its source applies it`);
    }
  }
  highs ??= loadHighs();
  const result = await step(log, 'suppressing small counts and auditing what the published values reveal', () =>
    highs!.then((solver) => protectWithAudit({ indicators: input.indicators, levels: input.levels, blocks: input.blocks, privacy: input.privacy, withheld: input.withheld }, solver)),
  );
  for (const relation of result.audit.detected) log.warn(`relation found in the data: ${relation}; it is protected as if declared`);
  for (const contradiction of result.audit.contradictions) log.warn(`declared relation: ${contradiction}`);
  for (const cell of result.narrow.filter((c) => c.soft)) {
    log.warn(`indicator "${cell.indicator}", level "${cell.level}", ${cell.year}, area ${cell.area}: ${cell.what} follows from the published values, so the hidden share can still be recomputed`);
  }
  const exposed = result.narrow.filter((cell) => !cell.soft);
  if (exposed.length > 0) throw new DataError(exposed.map((cell) => ({ file: 'disclosure audit', message: narrowMessage(cell, privacy.protectionWidth) })));
  return { blocks: result.blocks, report: result.report, audit: result.audit };
}

function narrowMessage(cell: NarrowCell, required: number): string {
  const where = `indicator "${cell.indicator}", level "${cell.level}", ${cell.year}, area ${cell.area === 'reference' ? 'reference' : `"${cell.area}"`}`;
  const finding =
    cell.unproven === 'contradiction'
      ? `the published values contradict the relations around ${cell.what}, so its protection cannot be proven`
      : cell.unproven === 'solver'
        ? `the solver could not bound ${cell.what} in time, so its protection cannot be proven`
        : `${cell.what} is hidden, but an attacker can derive from the published values that it lies between ${formatBound(cell.low)} and ${formatBound(cell.high)} (width ${formatBound(cell.high - cell.low)}, required at least ${required})`;
  return `${where}: ${finding}, and nothing more can be hidden around it. What to do: publish the indicator on a coarser level or merge small areas, mark a related indicator as not published, or drop the relation (parts, changeOf, numerator/denominator) that gives it away.`;
}

function formatBound(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}
