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

/** How many areas fall in each class, how many are suppressed and how many missing. */
export interface LegendCounts {
  classes: number[];
  suppressed: number;
  missing: number;
}

/** The legend of a classified view, with the number of areas per class, suppressed and missing. */
export function legendModel(input: LegendInput): Legend {
  const counts: LegendCounts = { classes: new Array<number>(Math.max(0, input.breaks.length - 1)).fill(0), suppressed: 0, missing: 0 };
  for (const value of input.values) {
    const index = classIndexOf(value, input.breaks);
    if (index >= 0) counts.classes[index]++;
    else if (typeof value === 'object' && value !== null) counts.suppressed++;
    else counts.missing++;
  }
  return legendWithCounts(input, counts);
}

/** `legendModel` for a caller that has counted already (the styled view counts while it classifies). */
export function legendWithCounts(input: Omit<LegendInput, 'values'>, counts: LegendCounts): Legend {
  const terms = messages(input.locale);
  return {
    title: input.title,
    unit: input.style.unit,
    year: input.year,
    classes: counts.classes.map((count, index) => {
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
    suppressed: { label: terms.suppressed, description: terms.suppressedLegend, hatch: input.scheme.suppressed, count: counts.suppressed },
    missing: { label: terms.missing, description: terms.missingLegend, colour: input.scheme.missing, count: counts.missing },
  };
}
