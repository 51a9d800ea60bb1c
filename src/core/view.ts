import { localize } from '../contract/localize.js';
import { isSuppressed, type Area as LevelArea, type Indicator, type Level, type Locale, type Value } from '../contract/types.js';
import type { Atlas } from '../data/atlas.js';
import { classifyNumbers, classIndexOf, MAX_CLASSES, DEFAULT_CLASSES, type Classification, type ClassificationMethod } from './classify.js';
import { colourScheme, type ColourOverrides, type ColourScheme, type HatchPattern } from './colours.js';
import { formatValue, spokenValue, type NumberStyle } from './format.js';
import { guardValue } from './guard.js';
import { legendWithCounts, type Legend, type LegendCounts } from './legend.js';

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
  const raw = block?.values;
  const levelAreas = level.areas;
  const values: Value[] = new Array(levelAreas.length);
  const numbers = new Float64Array(levelAreas.length);
  let numberCount = 0;
  const guarded = indicator.kind === 'count';
  for (let i = 0; i < levelAreas.length; i++) {
    const stored = (raw && raw[levelAreas[i].key]) ?? null;
    const value = guarded ? guardValue(stored, indicator, privacy) : stored;
    values[i] = value;
    if (typeof value === 'number' && Number.isFinite(value)) numbers[numberCount++] = value;
  }
  const referenceValue = guardValue(block?.reference ?? null, indicator, privacy);

  const { classification, breaks, classesBelowReference } = classes(numbers.subarray(0, numberCount), referenceValue, options);
  const scheme = colourScheme({
    polarity: indicator.polarity,
    classCount: breaks.length - 1,
    classesBelowReference,
    overrides: options.colours,
  });

  const counts: LegendCounts = { classes: new Array<number>(Math.max(0, breaks.length - 1)).fill(0), suppressed: 0, missing: 0 };
  const classIndices = new Int8Array(levelAreas.length);
  for (let i = 0; i < levelAreas.length; i++) {
    const value = values[i];
    const classIndex = classIndexOf(value, breaks);
    classIndices[i] = classIndex;
    if (classIndex >= 0) counts.classes[classIndex]++;
    else if (isSuppressed(value)) counts.suppressed++;
    else counts.missing++;
  }
  const shared = new AreaData(levelAreas, values, classIndices, scheme, indicator, locale);
  const areas: StyledArea[] = new Array(levelAreas.length);
  for (let i = 0; i < levelAreas.length; i++) areas[i] = new Area(shared, i);
  const reference = atlas.manifest.reference;
  return new View(
    indicator,
    level,
    year,
    locale,
    areas,
    classification,
    breaks,
    scheme,
    legendWithCounts({ title: localize(indicator.title, locale), style: indicator, year, locale, breaks, scheme }, counts),
    {
      label: localize(reference.label ?? reference.name, locale),
      state: stateOf(referenceValue),
      value: typeof referenceValue === 'number' ? referenceValue : null,
      text: formatValue(referenceValue, indicator, locale),
      spoken: spokenValue(referenceValue, indicator, locale),
    },
  );
}

/** Classes, with a limit at the reference value when diverging (one class fewer asked so the total stays within 7). */
function classes(numbers: Float64Array, reference: Value, options: StyledViewOptions) {
  const method = options.classification ?? 'quantile';
  const wanted = options.classes ?? DEFAULT_CLASSES;
  if (!options.diverging || typeof reference !== 'number') {
    const classification = classifyNumbers(numbers, { method, classes: wanted, breaks: options.breaks });
    return { classification, breaks: classification.breaks, classesBelowReference: undefined };
  }
  const classification = classifyNumbers(numbers, { method, classes: method === 'manual' ? wanted : wanted - 1, breaks: options.breaks });
  let breaks = classification.breaks;
  const min = breaks[0];
  const max = breaks[breaks.length - 1];
  if (method !== 'manual' && reference > min && reference < max && !breaks.includes(reference) && breaks.length - 1 < MAX_CLASSES) {
    breaks = [...breaks, reference].sort((a, b) => a - b);
  }
  const classesBelowReference = breaks.slice(1).filter((upper) => upper <= reference).length;
  return { classification, breaks, classesBelowReference };
}

/** The view; `byKey` is built on first read, as only some elements look areas up by key. */
class View implements StyledView {
  private index?: ReadonlyMap<string, StyledArea>;

  constructor(
    readonly indicator: Indicator,
    readonly level: Level,
    readonly year: number,
    readonly locale: Locale,
    readonly areas: StyledArea[],
    readonly classification: Classification,
    readonly breaks: number[],
    readonly scheme: ColourScheme,
    readonly legend: Legend,
    readonly reference: StyledReference,
  ) {}

  get byKey(): ReadonlyMap<string, StyledArea> {
    return (this.index ??= new Map(this.areas.map((area) => [area.key, area])));
  }
}

/** What the areas of one view share, kept in arrays by area index; texts are formatted when first read. */
class AreaData {
  texts?: string[];
  spokenTexts?: string[];

  constructor(
    readonly levelAreas: readonly LevelArea[],
    readonly values: readonly Value[],
    readonly classIndices: Int8Array,
    readonly scheme: ColourScheme,
    readonly style: NumberStyle,
    readonly locale: Locale,
  ) {}
}

/**
 * A styled area: a view makes one per area of its level, so each holds only its index and
 * reads the rest from the view's arrays (fewer, smaller objects for the garbage collector).
 * Its texts are formatted when first read, as most are never shown (tooltips, one table page).
 */
class Area implements StyledArea {
  constructor(
    private readonly data: AreaData,
    private readonly index: number,
  ) {}

  get key(): string {
    return this.data.levelAreas[this.index].key;
  }

  get name(): string {
    return this.data.levelAreas[this.index].name;
  }

  get state(): ValueState {
    return stateOf(this.data.values[this.index]);
  }

  get value(): number | null {
    const value = this.data.values[this.index];
    return typeof value === 'number' ? value : null;
  }

  get classIndex(): number {
    return this.data.classIndices[this.index];
  }

  get colour(): string {
    const { scheme } = this.data;
    const classIndex = this.classIndex;
    if (classIndex >= 0) return scheme.classes[classIndex];
    return isSuppressed(this.data.values[this.index]) ? scheme.suppressed.base : scheme.missing;
  }

  get hatch(): HatchPattern | null {
    return isSuppressed(this.data.values[this.index]) ? this.data.scheme.suppressed : null;
  }

  get text(): string {
    const { data, index } = this;
    const texts = (data.texts ??= new Array<string>(data.values.length));
    return (texts[index] ??= formatValue(data.values[index], data.style, data.locale));
  }

  get spoken(): string {
    const { data, index } = this;
    const texts = (data.spokenTexts ??= new Array<string>(data.values.length));
    return (texts[index] ??= spokenValue(data.values[index], data.style, data.locale));
  }
}

function stateOf(value: Value): ValueState {
  if (isSuppressed(value)) return 'suppressed';
  return typeof value === 'number' ? 'number' : 'missing';
}
