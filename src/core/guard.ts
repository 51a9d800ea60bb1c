import type { Indicator, PrivacySettings, Value } from '../contract/types.js';
import { isSuppressed } from '../contract/types.js';
import { ValueCode, type Atlas, type ValueColumns } from '../data/atlas.js';
import { effectivePrivacy, isSmallCount, rateBase, revealsSmallCount } from './privacy.js';

/** One block's values as they may be shown: the columns in the level's area order and the reference. */
export interface GuardedBlock {
  readonly columns: ValueColumns;
  readonly reference: Value;
}

const SUPPRESSED: Value = { suppressed: true };
const warned = new Set<string>();
const DEFAULT_PRIVACY = effectivePrivacy();
const effective = new WeakMap<PrivacySettings, Required<PrivacySettings>>();
const guardedBlocks = new WeakMap<Atlas, Map<string, GuardedBlock>>();
const primaryBlocks = new WeakMap<Atlas, Map<string, GuardedBlock>>();

function privacyInForce(privacy: PrivacySettings | undefined): Required<PrivacySettings> {
  if (!privacy) return DEFAULT_PRIVACY;
  let settings = effective.get(privacy);
  if (!settings) {
    settings = effectivePrivacy(privacy);
    effective.set(privacy, settings);
  }
  return settings;
}

/**
 * Primary guard for one value: a count that is displayed (at the indicator's decimals) as a
 * number from 0 (or 1) to the threshold is returned as `{suppressed: true}`, with a console
 * warning once per indicator; every other value as is. Shares and rates need the block's
 * counts, see `guardedBlock()`.
 */
export function guardValue(value: Value, indicator: Indicator, privacy?: PrivacySettings): Value {
  if (indicator.kind !== 'count' || typeof value !== 'number' || !smallCount(value, privacyInForce(privacy), indicator.decimals)) return value;
  warnOnce(indicator, 'primary');
  return SUPPRESSED;
}

/**
 * The render guard, the last line before anything is shown: one indicator's block (level,
 * year) with everything suppressed that the rules never show, whatever the manifest holds.
 *
 * - primary: counts displayed as 0 (or 1) up to the threshold;
 * - derived, for an indicator naming a `numerator` or `denominator`: a value whose numerator
 *   or denominator cell is suppressed or a small count, whose denominator is below
 *   `minDenominator`, or from which, with its denominator, a small count (or a small rest of
 *   the denominator) can be recomputed at the displayed decimals.
 *
 * The same for the reference value. Warns once per indicator in the console. Memoized per
 * atlas and block; the atlas's own columns are never changed.
 */
export function guardedBlock(atlas: Atlas, indicator: Indicator, levelId: string, year: number): GuardedBlock {
  return memoized(guardedBlocks, atlas, indicator, levelId, year, () => {
    const primary = primaryBlock(atlas, indicator, levelId, year);
    if (indicator.kind === 'count' || (!indicator.numerator && !indicator.denominator)) return primary;
    return derivedBlock(atlas, indicator, levelId, year, primary);
  });
}

/** The block with primary suppression only (what the numerators and denominators of shares are checked against). */
function primaryBlock(atlas: Atlas, indicator: Indicator, levelId: string, year: number): GuardedBlock {
  return memoized(primaryBlocks, atlas, indicator, levelId, year, () => {
    const columns = atlas.columns(indicator.id, levelId, year);
    const reference = atlas.referenceValue(indicator.id, levelId, year);
    if (indicator.kind !== 'count') return { columns, reference };
    const privacy = privacyInForce(atlas.manifest.privacy);
    const { numbers, states } = columns;
    const hidden = new Uint8Array(numbers.length);
    let count = 0;
    for (let i = 0; i < numbers.length; i++) {
      if (states[i] === ValueCode.number && smallCount(numbers[i], privacy, indicator.decimals)) {
        hidden[i] = 1;
        count++;
      }
    }
    const hideReference = typeof reference === 'number' && smallCount(reference, privacy, indicator.decimals);
    if (count === 0 && !hideReference) return { columns, reference };
    warnOnce(indicator, 'primary');
    return { columns: count ? withHidden(columns, hidden) : columns, reference: hideReference ? SUPPRESSED : reference };
  });
}

function derivedBlock(atlas: Atlas, indicator: Indicator, levelId: string, year: number, own: GuardedBlock): GuardedBlock {
  const privacy = privacyInForce(atlas.manifest.privacy);
  const part = (id: string | undefined) => {
    const count = id === undefined ? undefined : atlas.indicator(id);
    return count && atlas.block(count.id, levelId, year) ? primaryBlock(atlas, count, levelId, year) : undefined;
  };
  const numerator = part(indicator.numerator);
  const denominator = part(indicator.denominator);
  const base = rateBase(indicator);
  const halfStep = 0.5 * 10 ** -indicator.decimals;
  const reveals = (value: number, numeratorValue: Value, denominatorValue: Value): boolean => {
    if (isSuppressed(numeratorValue) || isSuppressed(denominatorValue)) return true;
    if (typeof denominatorValue !== 'number') return false;
    if (denominatorValue < privacy.minDenominator) return true;
    return base !== undefined && mayGiveAwayCount(value, denominatorValue, base, halfStep, privacy.threshold) && revealsSmallCount(value, denominatorValue, indicator, privacy);
  };

  const { numbers, states } = own.columns;
  const hidden = new Uint8Array(numbers.length);
  let count = 0;
  for (let i = 0; i < numbers.length; i++) {
    if (states[i] !== ValueCode.number) continue;
    const numeratorValue = numerator ? cellValue(numerator.columns, i) : null;
    const denominatorValue = denominator ? cellValue(denominator.columns, i) : null;
    if (reveals(numbers[i], numeratorValue, denominatorValue)) {
      hidden[i] = 1;
      count++;
    }
  }
  const reference = own.reference;
  const hideReference = typeof reference === 'number' && reveals(reference, numerator?.reference ?? null, denominator?.reference ?? null);
  if (count === 0 && !hideReference) return own;
  warnOnce(indicator, 'derived');
  return { columns: count ? withHidden(own.columns, hidden) : own.columns, reference: hideReference ? SUPPRESSED : reference };
}

/**
 * A quick test before `revealsSmallCount()` (which rounds through strings): false only when the
 * counts a value allows, and the rest of the denominator, are certainly above the threshold.
 */
function mayGiveAwayCount(value: number, denominator: number, base: number, halfStep: number, threshold: number): boolean {
  const lowest = ((value - 2 * halfStep) * denominator) / base - 1;
  const highest = ((value + 2 * halfStep) * denominator) / base + 1;
  return lowest <= threshold || denominator - 1 - highest <= threshold;
}

function cellValue(columns: ValueColumns, index: number): Value {
  const state = columns.states[index];
  if (state === ValueCode.number) return columns.numbers[index];
  return state === ValueCode.suppressed ? SUPPRESSED : null;
}

/** Whether a count is small as displayed; values clearly outside [0, threshold] skip the exact (string-rounding) test. */
function smallCount(value: number, privacy: Required<PrivacySettings>, decimals: number): boolean {
  if (value < -0.5 || value > privacy.threshold + 0.5) return false;
  return isSmallCount(value, privacy, decimals);
}

/** A copy of the columns with the marked cells suppressed. */
function withHidden(columns: ValueColumns, hidden: Uint8Array): ValueColumns {
  const numbers = columns.numbers.slice();
  const states = columns.states.slice();
  for (let i = 0; i < hidden.length; i++) {
    if (!hidden[i]) continue;
    numbers[i] = NaN;
    states[i] = ValueCode.suppressed;
  }
  return { numbers, states };
}

function memoized(
  cache: WeakMap<Atlas, Map<string, GuardedBlock>>,
  atlas: Atlas,
  indicator: Indicator,
  levelId: string,
  year: number,
  make: () => GuardedBlock,
): GuardedBlock {
  let blocks = cache.get(atlas);
  if (!blocks) {
    blocks = new Map();
    cache.set(atlas, blocks);
  }
  const key = `${indicator.id}\u0000${levelId}\u0000${year}`;
  let block = blocks.get(key);
  if (!block) {
    block = make();
    blocks.set(key, block);
  }
  return block;
}

function warnOnce(indicator: Indicator, rule: 'primary' | 'derived'): void {
  const key = `${rule}\u0000${indicator.id}`;
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(
    rule === 'primary'
      ? `keck-atlas: indicator "${indicator.id}" holds counts at or below the privacy threshold; they are shown as suppressed. Suppress them when preparing the data.`
      : `keck-atlas: indicator "${indicator.id}" holds values beside suppressed or small counts (or over too small a denominator); they are shown as suppressed. Suppress them when preparing the data.`,
  );
}
