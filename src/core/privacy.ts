import type { Indicator, PrivacySettings } from '../contract/types.js';

/** The smallest count threshold the rules allow: counts from 0 to 3 are never shown. */
export const MIN_THRESHOLD = 3;
/** The smallest population of a spatial unit the rules allow (children of the observed group). */
export const MIN_POPULATION = 50;

/**
 * The privacy settings in force: defaults filled in, and values that would be laxer than
 * the rules raised to them (threshold at least 3, minimum population at least 50,
 * protection width at least threshold + 1).
 */
export function effectivePrivacy(privacy: PrivacySettings = {}): Required<PrivacySettings> {
  const number = (value: number | undefined, fallback: number) => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);
  const threshold = Math.max(MIN_THRESHOLD, number(privacy.threshold, MIN_THRESHOLD));
  return {
    threshold,
    suppressZero: privacy.suppressZero ?? true,
    minDenominator: Math.max(0, number(privacy.minDenominator, 0)),
    minPopulation: Math.max(MIN_POPULATION, number(privacy.minPopulation, MIN_POPULATION)),
    protectionWidth: Math.max(threshold + 1, number(privacy.protectionWidth, 0)),
  };
}

/**
 * A number as it is shown at `decimals` places: privacy decisions are taken on what a reader
 * sees, so 3.4 or Excel's 3.0000000000000004 count as the "3" they are displayed as.
 */
export function displayedNumber(value: number, decimals = 0): number {
  const shown = Number(value.toFixed(Math.max(0, Math.min(20, decimals))));
  return shown === 0 ? 0 : shown;
}

/**
 * Whether a count falls in the range that is never shown (0 or 1 up to the threshold),
 * judged on the value as displayed at `decimals` places.
 */
export function isSmallCount(value: number, privacy: Required<PrivacySettings>, decimals = 0): boolean {
  const shown = displayedNumber(value, decimals);
  return (privacy.suppressZero ? shown >= 0 : shown > 0) && shown <= privacy.threshold;
}

/**
 * How many units of the denominator one unit of a share/rate stands for: 100 for "%",
 * 1000 for "‰" and "je 1.000", 10000 for "je 10.000" …; `undefined` when the unit names
 * no such base (then no count can be recomputed from the value and its denominator).
 */
export function rateBase(indicator: Pick<Indicator, 'unit'>): number | undefined {
  const unit = indicator.unit.trim().toLowerCase();
  if (unit === '%' || unit === 'prozent' || unit === 'percent') return 100;
  if (unit === '‰' || unit === 'promille') return 1000;
  const per = /^(?:je|pro|per)\s*([\d.\s\u00a0\u202f]+)/.exec(unit);
  if (!per) return undefined;
  const base = Number(per[1].replace(/[.\s\u00a0\u202f]/g, ''));
  return Number.isFinite(base) && base > 0 ? base : undefined;
}

/**
 * The range of counts a share/rate as displayed (rounded at its decimals) and its
 * denominator allow: [lowest, highest] whole number, or `undefined` when the unit names no base.
 */
export function impliedCountRange(value: number, denominator: number, indicator: Pick<Indicator, 'unit' | 'decimals'>): [number, number] | undefined {
  const base = rateBase(indicator);
  if (base === undefined || !Number.isFinite(value) || !Number.isFinite(denominator)) return undefined;
  const half = 0.5 * 10 ** -indicator.decimals;
  const shown = displayedNumber(value, indicator.decimals);
  const epsilon = 1e-9;
  const low = Math.max(0, Math.ceil(((shown - half) * denominator) / base - epsilon));
  const high = Math.floor(((shown + half) * denominator) / base + epsilon);
  return [low, Math.max(low, high)];
}

/**
 * Whether a share/rate as displayed, with its denominator, gives away a small count:
 * every whole number of its numerator range is small, or (group disclosure) every whole
 * number of the rest (denominator − numerator) is.
 */
export function revealsSmallCount(value: number, denominator: number, indicator: Pick<Indicator, 'unit' | 'decimals'>, privacy: Required<PrivacySettings>): boolean {
  const range = impliedCountRange(value, denominator, indicator);
  if (!range) return false;
  const small = ([, high]: [number, number]) => high <= privacy.threshold && (privacy.suppressZero || high > 0);
  const rest: [number, number] = [Math.max(0, Math.round(denominator) - range[1]), Math.max(0, Math.round(denominator) - range[0])];
  return small(range) || small(rest);
}
