import { ckmeans, quickselect } from 'simple-statistics';
import type { Value } from '../contract/types.js';

export type ClassificationMethod = 'quantile' | 'equal' | 'jenks' | 'manual';

export const MIN_CLASSES = 3;
export const MAX_CLASSES = 7;
export const DEFAULT_CLASSES = 5;

export interface ClassificationOptions {
  method?: ClassificationMethod;
  /** Wanted number of classes, 3–7 (clamped). Fewer result when the data has fewer distinct values. */
  classes?: number;
  /** For 'manual': the class limits between classes, ascending (1–6 of them). */
  breaks?: number[];
}

/**
 * Class limits: `breaks[0]` is the lowest value, `breaks[breaks.length - 1]` the highest; class
 * `i` holds values in `(breaks[i], breaks[i + 1]]`, the first class also `breaks[0]` itself. So a
 * first class can be one value (`breaks[0] === breaks[1]`). Empty when no value is a number.
 */
export interface Classification {
  method: ClassificationMethod;
  breaks: number[];
  /** Number of classes: `breaks.length - 1`, or 0 without values. */
  classCount: number;
}

/** The numbers among values: suppressed and missing values take no part in classes. */
export function numbersOf(values: Iterable<Value | undefined>): number[] {
  const numbers: number[] = [];
  for (const value of values) if (typeof value === 'number' && Number.isFinite(value)) numbers.push(value);
  return numbers;
}

/** The finite numbers among values, in a typed array (its length is the count of numbers). */
function finiteNumbers(values: Iterable<Value | undefined>): Float64Array {
  const list = Array.isArray(values) ? (values as readonly (Value | undefined)[]) : [...values];
  const numbers = new Float64Array(list.length);
  let count = 0;
  for (const value of list) if (typeof value === 'number' && Number.isFinite(value)) numbers[count++] = value;
  return numbers.subarray(0, count);
}

/**
 * Classifies values into 3–7 classes by quantiles, equal intervals, Jenks natural breaks
 * (ckmeans, optimal 1-D k-means) or manual limits. Deterministic. With fewer distinct values
 * than classes, each distinct value gets its own class.
 */
export function classify(values: Iterable<Value | undefined>, options: ClassificationOptions = {}): Classification {
  return classifyNumbers(finiteNumbers(values), options);
}

/**
 * `classify` for finite numbers in any order; reorders `numbers` in place. Only Jenks sorts
 * them all: quantile limits are order statistics (found by selection), equal intervals need
 * only the minimum and maximum.
 */
export function classifyNumbers(numbers: Float64Array, options: ClassificationOptions = {}): Classification {
  const method = options.method ?? 'quantile';
  if (numbers.length === 0) return { method, breaks: [], classCount: 0 };
  let min = numbers[0];
  let max = numbers[0];
  for (let i = 1; i < numbers.length; i++) {
    const value = numbers[i];
    if (value < min) min = value;
    else if (value > max) max = value;
  }
  if (method === 'manual') return fromLimits(method, min, max, manualLimits(options.breaks));
  const wanted = clampClasses(options.classes);
  const distinct = distinctValues(numbers, wanted + 1);
  if (distinct.length <= wanted) return fromLimits(method, min, max, distinct.slice(0, -1));
  return fromLimits(method, min, max, limitsFor(method, numbers, min, max, wanted));
}

/** The index of the class holding a value, or -1 when it is not a number or there are no classes. */
export function classIndexOf(value: Value | undefined, breaks: readonly number[]): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || breaks.length < 2) return -1;
  const last = breaks.length - 2;
  for (let index = 0; index < last; index++) if (value <= breaks[index + 1]) return index;
  return last;
}

function clampClasses(classes: number | undefined): number {
  if (classes === undefined || !Number.isFinite(classes)) return DEFAULT_CLASSES;
  return Math.min(MAX_CLASSES, Math.max(MIN_CLASSES, Math.round(classes)));
}

/** The limits between classes (not the outer bounds) for the data-driven methods. */
function limitsFor(
  method: Exclude<ClassificationMethod, 'manual'>,
  numbers: Float64Array,
  min: number,
  max: number,
  classes: number,
): number[] {
  switch (method) {
    case 'equal':
      return Array.from({ length: classes - 1 }, (_, i) => min + ((max - min) * (i + 1)) / classes);
    case 'jenks':
      return ckmeans(Array.from(numbers.sort()), classes)
        .slice(0, -1)
        .map((cluster) => cluster[cluster.length - 1]);
    case 'quantile': {
      // Limits are data values (the last value of each class by rank), not interpolated
      // quantiles: an interpolated limit between tied values can leave a class empty.
      // Each selection leaves the larger values to its right, so the next searches only those.
      const limits: number[] = [];
      let left = 0;
      for (let i = 1; i < classes; i++) {
        const rank = Math.ceil((numbers.length * i) / classes) - 1;
        // simple-statistics types it for arrays; it only reads, writes and swaps by index.
        quickselect(numbers as unknown as number[], rank, left, numbers.length - 1);
        limits.push(numbers[rank]);
        left = rank;
      }
      return limits;
    }
  }
}

function manualLimits(breaks: number[] | undefined): number[] {
  const limits = distinctSorted([...(breaks ?? [])].sort((a, b) => a - b));
  if (limits.length === 0 || limits.length > MAX_CLASSES - 1 || !limits.every(Number.isFinite)) {
    throw new RangeError(`Manual classification needs 1 to ${MAX_CLASSES - 1} finite class limits; got ${JSON.stringify(breaks ?? [])}.`);
  }
  return limits;
}

/** Outer bounds plus limits; limits are made unique and kept inside [min, max) so no class is empty by construction. */
function fromLimits(method: ClassificationMethod, min: number, max: number, limits: number[]): Classification {
  if (method === 'manual') {
    const breaks = [Math.min(min, limits[0]), ...limits, Math.max(max, limits[limits.length - 1])];
    if (breaks[breaks.length - 1] === breaks[breaks.length - 2]) breaks.pop();
    return { method, breaks, classCount: breaks.length - 1 };
  }
  const inner = distinctSorted(limits.filter((limit) => limit >= min && limit < max).sort((a, b) => a - b));
  const breaks = [min, ...inner, max];
  return { method, breaks, classCount: breaks.length - 1 };
}

function distinctSorted(sorted: number[]): number[] {
  return sorted.filter((value, index) => index === 0 || value !== sorted[index - 1]);
}

/** The distinct values of unsorted numbers, ascending, stopping once `limit` are found. */
function distinctValues(numbers: Float64Array, limit: number): number[] {
  const distinct: number[] = [];
  for (let i = 0; i < numbers.length && distinct.length < limit; i++) if (!distinct.includes(numbers[i])) distinct.push(numbers[i]);
  return distinct.sort((a, b) => a - b);
}
