import type { Locale, Value } from '../contract/types.js';
import { classIndexOf } from './classify.js';
import type { ColourScheme, HatchPattern } from './colours.js';
import { formatRange, spokenRange, type NumberStyle } from './format.js';
import { messages } from './messages.js';

export interface LegendClass {
  index: number;
  lower: number;
  upper: number;
  /** `10,00 – 12,50 %` */
  label: string;
  /** `10,00 bis 12,50 Prozent` */
  spoken: string;
  colour: string;
  /** Areas in this class. */
  count: number;
}

export interface LegendSuppressed {
  /** `k. A.` */
  label: string;
  /** `keine Angabe (Datenschutz)` */
  description: string;
  hatch: HatchPattern;
  count: number;
}

export interface LegendMissing {
  /** `–` */
  label: string;
  /** `keine Daten` */
  description: string;
  colour: string;
  count: number;
}

/** Everything a legend shows, in the order shown: classes low to high, then suppressed, then missing. */
export interface Legend {
  title: string;
  unit: string;
  year: number;
  classes: LegendClass[];
  suppressed: LegendSuppressed;
  missing: LegendMissing;
}

export interface LegendInput {
  title: string;
  style: NumberStyle;
  year: number;
  locale: Locale;
  breaks: readonly number[];
  scheme: ColourScheme;
  /** The values shown (after the render guard), one per area. */
  values: Iterable<Value | undefined>;
}

/** The legend of a classified view, with the number of areas per class, suppressed and missing. */
export function legendModel(input: LegendInput): Legend {
  const classCount = Math.max(0, input.breaks.length - 1);
  const counts = new Array<number>(classCount).fill(0);
  let suppressed = 0;
  let missing = 0;
  for (const value of input.values) {
    const index = classIndexOf(value, input.breaks);
    if (index >= 0) counts[index]++;
    else if (typeof value === 'object' && value !== null) suppressed++;
    else missing++;
  }
  const terms = messages(input.locale);
  return {
    title: input.title,
    unit: input.style.unit,
    year: input.year,
    classes: counts.map((count, index) => {
      const lower = input.breaks[index];
      const upper = input.breaks[index + 1];
      return {
        index,
        lower,
        upper,
        label: formatRange(lower, upper, input.style, input.locale),
        spoken: spokenRange(lower, upper, input.style, input.locale),
        colour: input.scheme.classes[index],
        count,
      };
    }),
    suppressed: { label: terms.suppressed, description: terms.suppressedLegend, hatch: input.scheme.suppressed, count: suppressed },
    missing: { label: terms.missing, description: terms.missingLegend, colour: input.scheme.missing, count: missing },
  };
}
