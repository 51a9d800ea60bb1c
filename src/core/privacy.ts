import type { PrivacySettings } from '../contract/types.js';

/** The smallest count threshold the rules allow: counts from 0 to 3 are never shown. */
export const MIN_THRESHOLD = 3;
/** The smallest population of a spatial unit the rules allow (children of the observed group). */
export const MIN_POPULATION = 50;

/**
 * The privacy settings in force: defaults filled in, and values that would be laxer than
 * the rules raised to them (threshold at least 3, minimum population at least 50).
 */
export function effectivePrivacy(privacy: PrivacySettings = {}): Required<PrivacySettings> {
  const number = (value: number | undefined, fallback: number) => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);
  return {
    threshold: Math.max(MIN_THRESHOLD, number(privacy.threshold, MIN_THRESHOLD)),
    suppressZero: privacy.suppressZero ?? true,
    minDenominator: Math.max(0, number(privacy.minDenominator, 0)),
    minPopulation: Math.max(MIN_POPULATION, number(privacy.minPopulation, MIN_POPULATION)),
  };
}

/** Whether a count falls in the range that is never shown (0 or 1 up to the threshold). */
export function isSmallCount(value: number, privacy: Required<PrivacySettings>): boolean {
  return (privacy.suppressZero ? value >= 0 : value > 0) && value <= privacy.threshold;
}
