import { localize } from '../contract/localize.js';
import { isSuppressed, type Area as LevelArea, type Indicator, type Level, type Locale, type Value } from '../contract/types.js';
import { ValueCode, type Atlas, type ValueColumns } from '../data/atlas.js';
import { classifyNumbers, classIndexOf, MAX_CLASSES, DEFAULT_CLASSES, type Classification, type ClassificationMethod } from './classify.js';
import { colourScheme, type ColourOverrides, type ColourScheme, type HatchPattern } from './colours.js';
import { formatValue, spokenValue, type NumberStyle } from './format.js';
import { guardedBlock } from './guard.js';
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
  const { columns, reference: referenceValue } = guardedBlock(atlas, indicator, level.id, year);
  const { numbers, states } = columns;
  const finite = classifiedNumbers(numbers.length);
  let finiteCount = 0;
  for (let i = 0; i < numbers.length; i++) if (states[i] === ValueCode.number && Number.isFinite(numbers[i])) finite[finiteCount++] = numbers[i];

  const { classification, breaks, classesBelowReference } = classes(finite.subarray(0, finiteCount), referenceValue, options);
  const scheme = colourScheme({
    polarity: indicator.polarity,
    classCount: breaks.length - 1,
    classesBelowReference,
    overrides: options.colours,
  });

  const counts: LegendCounts = { classes: new Array<number>(Math.max(0, breaks.length - 1)).fill(0), suppressed: 0, missing: 0 };
  const classIndices = new Int8Array(numbers.length);
  for (let i = 0; i < numbers.length; i++) {
    const classIndex = states[i] === ValueCode.number ? classIndexOf(numbers[i], breaks) : -1;
    classIndices[i] = classIndex;
    if (classIndex >= 0) counts.classes[classIndex]++;
    else if (states[i] === ValueCode.suppressed) counts.suppressed++;
    else counts.missing++;
  }
  const reference = atlas.manifest.reference;
  return new View(
    indicator,
    level,
    year,
    locale,
    new AreaData(level.areas, columns, classIndices, scheme, indicator, locale),
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

let classifiedNumbersBuffer = new Float64Array(0);

/**
 * A buffer for the numbers to classify (which classifying reorders), reused by every view:
 * views are built one at a time and keep only the class limits, copied out of it.
 */
function classifiedNumbers(length: number): Float64Array {
  if (classifiedNumbersBuffer.length < length) classifiedNumbersBuffer = new Float64Array(length);
  return classifiedNumbersBuffer;
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

/** The view; its areas are made on first read, `byKey` too, as only some elements look areas up by key. */
class View implements StyledView {
  private madeAreas?: StyledArea[];
  private index?: ReadonlyMap<string, StyledArea>;

  constructor(
    readonly indicator: Indicator,
    readonly level: Level,
    readonly year: number,
    readonly locale: Locale,
    private readonly data: AreaData,
    readonly classification: Classification,
    readonly breaks: number[],
    readonly scheme: ColourScheme,
    readonly legend: Legend,
    readonly reference: StyledReference,
  ) {}

  get areas(): StyledArea[] {
    if (!this.madeAreas) {
      const areas: StyledArea[] = new Array(this.data.levelAreas.length);
      for (let i = 0; i < areas.length; i++) areas[i] = new Area(this.data, i);
      this.madeAreas = areas;
    }
    return this.madeAreas;
  }

  get byKey(): ReadonlyMap<string, StyledArea> {
    return (this.index ??= new Map(this.areas.map((area) => [area.key, area])));
  }
}

const STATES: readonly ValueState[] = ['number', 'missing', 'suppressed'];
const SUPPRESSED: Value = { suppressed: true };

/** What the areas of one view share, kept in arrays by area index; texts are formatted when first read. */
class AreaData {
  texts?: string[];
  spokenTexts?: string[];

  constructor(
    readonly levelAreas: readonly LevelArea[],
    readonly columns: ValueColumns,
    readonly classIndices: Int8Array,
    readonly scheme: ColourScheme,
    readonly style: NumberStyle,
    readonly locale: Locale,
  ) {}

  /** The shown value of an area, as the contract writes it. */
  value(index: number): Value {
    const state = this.columns.states[index];
    if (state === ValueCode.number) return this.columns.numbers[index];
    return state === ValueCode.suppressed ? SUPPRESSED : null;
  }
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
    return STATES[this.data.columns.states[this.index]];
  }

  get value(): number | null {
    const { columns } = this.data;
    return columns.states[this.index] === ValueCode.number ? columns.numbers[this.index] : null;
  }

  get classIndex(): number {
    return this.data.classIndices[this.index];
  }

  get colour(): string {
    const { scheme, columns } = this.data;
    const classIndex = this.classIndex;
    if (classIndex >= 0) return scheme.classes[classIndex];
    return columns.states[this.index] === ValueCode.suppressed ? scheme.suppressed.base : scheme.missing;
  }

  get hatch(): HatchPattern | null {
    return this.data.columns.states[this.index] === ValueCode.suppressed ? this.data.scheme.suppressed : null;
  }

  get text(): string {
    const { data, index } = this;
    const texts = (data.texts ??= new Array<string>(data.levelAreas.length));
    return (texts[index] ??= formatValue(data.value(index), data.style, data.locale));
  }

  get spoken(): string {
    const { data, index } = this;
    const texts = (data.spokenTexts ??= new Array<string>(data.levelAreas.length));
    return (texts[index] ??= spokenValue(data.value(index), data.style, data.locale));
  }
}

function stateOf(value: Value): ValueState {
  if (isSuppressed(value)) return 'suppressed';
  return typeof value === 'number' ? 'number' : 'missing';
}
