/**
 * How an area's value compares with the reference value.
 *
 * "About the same" when the difference is at most half a unit of the last decimal shown
 * (the two values would read the same) or at most {@link RELATIVE_TOLERANCE} of the
 * reference value (differences a reader should not make an argument of); otherwise
 * higher or lower. Counts are not compared: an area's count and the reference total
 * are different things.
 */
export type Direction = 'higher' | 'lower' | 'same';

/** 1 % of the reference value. */
export const RELATIVE_TOLERANCE = 0.01;

export interface Comparison {
  direction: Direction;
  /** area − reference */
  difference: number;
}

export function compareWithReference(value: number, reference: number, decimals: number): Comparison {
  const difference = value - reference;
  const shownUnit = 0.5 * 10 ** -Math.max(0, decimals);
  // A tiny epsilon so that 16,18 vs 16,15 is not "higher" by a floating-point hair at the limit.
  const tolerance = Math.max(shownUnit, RELATIVE_TOLERANCE * Math.abs(reference)) + 1e-9;
  const direction: Direction = Math.abs(difference) <= tolerance ? 'same' : difference > 0 ? 'higher' : 'lower';
  return { direction, difference };
}
