import { ckmeans } from 'simple-statistics';
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

/** The numbers among values, sorted ascending (a typed array sorts numerically without a comparator). */
function sortedNumbers(values: Iterable<Value | undefined>): Float64Array {
  return Float64Array.from(numbersOf(values)).sort();
}

/**
 * Classifies values into 3–7 classes by quantiles, equal intervals, Jenks natural breaks
 * (ckmeans, optimal 1-D k-means) or manual limits. Deterministic. With fewer distinct values
 * than classes, each distinct value gets its own class.
 */
export function classify(values: Iterable<Value | undefined>, options: ClassificationOptions = {}): Classification {
  const method = options.method ?? 'quantile';
  const sorted = sortedNumbers(values);
  if (sorted.length === 0) return { method, breaks: [], classCount: 0 };
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  if (method === 'manual') return fromLimits(method, min, max, manualLimits(options.breaks));
  const wanted = clampClasses(options.classes);
  const distinct = distinctValues(sorted, wanted + 1);
  if (distinct.length <= wanted) return fromLimits(method, min, max, distinct.slice(0, -1));
  return fromLimits(method, min, max, limitsFor(method, sorted, wanted));
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
function limitsFor(method: Exclude<ClassificationMethod, 'manual'>, sorted: Float64Array, classes: number): number[] {
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  switch (method) {
    case 'equal':
      return Array.from({ length: classes - 1 }, (_, i) => min + ((max - min) * (i + 1)) / classes);
    case 'jenks':
      return ckmeans(Array.from(sorted), classes)
        .slice(0, -1)
        .map((cluster) => cluster[cluster.length - 1]);
    case 'quantile':
      // Limits are data values (the last value of each class by rank), not interpolated
      // quantiles: an interpolated limit between tied values can leave a class empty.
      return Array.from({ length: classes - 1 }, (_, i) => sorted[Math.ceil((sorted.length * (i + 1)) / classes) - 1]);
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

/** The distinct values of a sorted array, stopping once `limit` are found. */
function distinctValues(sorted: Float64Array, limit: number): number[] {
  const distinct: number[] = [];
  for (let i = 0; i < sorted.length && distinct.length < limit; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct.push(sorted[i]);
  return distinct;
}
