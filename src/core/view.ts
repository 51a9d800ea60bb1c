import { localize } from '../contract/localize.js';
import { isSuppressed, type Indicator, type Level, type Locale, type Value } from '../contract/types.js';
import type { Atlas } from '../data/atlas.js';
import { classify, classIndexOf, MAX_CLASSES, DEFAULT_CLASSES, type Classification, type ClassificationMethod } from './classify.js';
import { colourScheme, type ColourOverrides, type ColourScheme, type HatchPattern } from './colours.js';
import { formatValue, spokenValue, type NumberStyle } from './format.js';
import { guardValue } from './guard.js';
import { legendModel, type Legend } from './legend.js';

export interface StyledViewOptions {
  indicator: string;
  level: string;
  year: number;
  locale: Locale;
  classification?: ClassificationMethod;
  classes?: number;
  breaks?: number[];
  colours?: ColourOverrides;
  /** Colour diverging around the reference value (a class limit is put at the reference). */
  diverging?: boolean;
}

export type ValueState = 'number' | 'missing' | 'suppressed';

export interface StyledArea {
  key: string;
  name: string;
  state: ValueState;
  /** The number; never a number when suppressed. */
  value: number | null;
  /** `11,88 %`, `k. A.`, `–` (formatted when first read). */
  readonly text: string;
  /** `11,88 Prozent`, `keine Angabe (Datenschutz)`, `keine Daten` (formatted when first read). */
  readonly spoken: string;
  /** Class of the value, -1 when suppressed or missing. */
  classIndex: number;
  /** Fill colour; for suppressed areas the hatch's base. */
  colour: string;
  /** Set for suppressed areas: draw stripes over the base colour. */
  hatch: HatchPattern | null;
}

export interface StyledReference {
  /** `Landkreis Vechta (Durchschnitt)`: the manifest's reference label, else its name. */
  label: string;
  state: ValueState;
  value: number | null;
  text: string;
  spoken: string;
}

/** One indicator on one level in one year, as every element shows it. */
export interface StyledView {
  indicator: Indicator;
  level: Level;
  year: number;
  locale: Locale;
  /** In the level's area order. */
  areas: StyledArea[];
  byKey: ReadonlyMap<string, StyledArea>;
  classification: Classification;
  breaks: number[];
  scheme: ColourScheme;
  legend: Legend;
  reference: StyledReference;
}

const views = new WeakMap<Atlas, Map<string, StyledView>>();

/**
 * The styled view of an indicator: values through the render guard, texts, spoken texts,
 * classes, colours, legend and reference. Memoized per atlas and options, so map, legend,
 * table and chart on one page share one view and agree.
 * @throws Error when the level or indicator is unknown or the indicator is not published.
 */
export function styledView(atlas: Atlas, options: StyledViewOptions): StyledView {
  let cache = views.get(atlas);
  if (!cache) {
    cache = new Map();
    views.set(atlas, cache);
  }
  const key = cacheKey(options);
  let view = cache.get(key);
  if (!view) {
    view = buildView(atlas, options);
    cache.set(key, view);
  }
  return view;
}

function cacheKey(options: StyledViewOptions): string {
  const colours = Object.entries(options.colours ?? {})
    .filter(([, value]) => value)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([
    options.indicator,
    options.level,
    options.year,
    options.locale,
    options.classification ?? 'quantile',
    options.classes ?? DEFAULT_CLASSES,
    options.breaks ?? null,
    colours,
    options.diverging ?? false,
  ]);
}

function buildView(atlas: Atlas, options: StyledViewOptions): StyledView {
  const level = atlas.level(options.level);
  if (!level) throw new Error(`The atlas has no level "${options.level}".`);
  const indicator = atlas.indicator(options.indicator);
  if (!indicator || !atlas.isRenderable(indicator)) throw new Error(`The atlas has no published indicator "${options.indicator}".`);
  const { locale, year } = options;
  const privacy = atlas.manifest.privacy;
  const block = atlas.block(indicator.id, level.id, year);
  const values = level.areas.map((area) => guardValue(block?.values[area.key] ?? null, indicator, privacy));
  const referenceValue = guardValue(block?.reference ?? null, indicator, privacy);

  const { classification, breaks, classesBelowReference } = classes(values, referenceValue, options);
  const scheme = colourScheme({ polarity: indicator.polarity, classCount: breaks.length - 1, classesBelowReference, overrides: options.colours });

  const areas = level.areas.map((area, i): StyledArea => {
    const value = values[i];
    const classIndex = classIndexOf(value, breaks);
    const suppressed = isSuppressed(value);
    const colour = suppressed ? scheme.suppressed.base : classIndex >= 0 ? scheme.classes[classIndex] : scheme.missing;
    return new Area(area.key, area.name, value, classIndex, colour, suppressed ? scheme.suppressed : null, indicator, locale);
  });
  const reference = atlas.manifest.reference;
  return {
    indicator,
    level,
    year,
    locale,
    areas,
    byKey: new Map(areas.map((area) => [area.key, area])),
    classification,
    breaks,
    scheme,
    legend: legendModel({ title: localize(indicator.title, locale), style: indicator, year, locale, breaks, scheme, values }),
    reference: {
      label: localize(reference.label ?? reference.name, locale),
      state: stateOf(referenceValue),
      value: typeof referenceValue === 'number' ? referenceValue : null,
      text: formatValue(referenceValue, indicator, locale),
      spoken: spokenValue(referenceValue, indicator, locale),
    },
  };
}

/** Classes, with a limit at the reference value when diverging (one class fewer asked so the total stays within 7). */
function classes(values: Value[], reference: Value, options: StyledViewOptions) {
  const method = options.classification ?? 'quantile';
  const wanted = options.classes ?? DEFAULT_CLASSES;
  if (!options.diverging || typeof reference !== 'number') {
    const classification = classify(values, { method, classes: wanted, breaks: options.breaks });
    return { classification, breaks: classification.breaks, classesBelowReference: undefined };
  }
  const classification = classify(values, { method, classes: method === 'manual' ? wanted : wanted - 1, breaks: options.breaks });
  let breaks = classification.breaks;
  const min = breaks[0];
  const max = breaks[breaks.length - 1];
  if (method !== 'manual' && reference > min && reference < max && !breaks.includes(reference) && breaks.length - 1 < MAX_CLASSES) {
    breaks = [...breaks, reference].sort((a, b) => a - b);
  }
  const classesBelowReference = breaks.slice(1).filter((upper) => upper <= reference).length;
  return { classification, breaks, classesBelowReference };
}

/** A styled area; its texts are formatted when first read, as most are never shown (tooltips, one table page). */
class Area implements StyledArea {
  readonly state: ValueState;
  readonly value: number | null;
  private formatted?: string;
  private spokenText?: string;

  constructor(
    readonly key: string,
    readonly name: string,
    private readonly shown: Value,
    readonly classIndex: number,
    readonly colour: string,
    readonly hatch: HatchPattern | null,
    private readonly style: NumberStyle,
    private readonly locale: Locale,
  ) {
    this.state = stateOf(shown);
    this.value = typeof shown === 'number' ? shown : null;
  }

  get text(): string {
    return (this.formatted ??= formatValue(this.shown, this.style, this.locale));
  }

  get spoken(): string {
    return (this.spokenText ??= spokenValue(this.shown, this.style, this.locale));
  }
}

function stateOf(value: Value): ValueState {
  if (isSuppressed(value)) return 'suppressed';
  return typeof value === 'number' ? 'number' : 'missing';
}
