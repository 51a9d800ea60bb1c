import type { Indicator, Level, PrivacySettings, ValueBlock } from '../contract/types.js';
import { suppress, type SuppressionRecord } from '../core/suppression.js';
import { step, type Log } from './log.js';

/** Everything the protection step looks at. */
export interface ProtectionInput {
  indicators: Indicator[];
  levels: Level[];
  blocks: ValueBlock[];
  privacy?: PrivacySettings;
  /** Indicators the build does not publish: unknown to a reader, but their small counts are protected too. */
  withheld: ReadonlySet<string>;
}

/** What the protection step did: the blocks to publish and the suppressed cells. */
export interface Protection {
  blocks: ValueBlock[];
  report: SuppressionRecord[];
}

/** Suppresses what must not be published. */
export async function protectValues(input: ProtectionInput, log: Log): Promise<Protection> {
  return step(log, 'suppressing small counts', () => suppress({ indicators: input.indicators, levels: input.levels, blocks: input.blocks, privacy: input.privacy }));
}
