import type { Locale } from '../contract/types.js';
import type { ClassificationMethod } from '../core/classify.js';
import { readColourOverrides, readSeriesOverrides, seriesColours } from '../core/colours.js';
import { styledView, type StyledView } from '../core/view.js';
import type { Atlas } from '../data/atlas.js';

const DEFAULT_ACCENT = '#0b5cad';

/** What the map shows, from its attributes and the group: built once per change, never on a pointer move. */
export interface MapModel {
  /** Identity of the inputs: an equal key means an equal model. */
  readonly key: string;
  readonly view: StyledView;
  /** The `bars` indicators the atlas may render on this level and year. */
  readonly columns: StyledView[];
  readonly columnColours: string[];
  /** Outline of the selected areas (`--keck-accent`). */
  readonly accent: string;
  /** Outline of the keyboard-focused area (`--keck-focus`, default: the accent). */
  readonly focus: string;
}

export interface MapModelInputs {
  atlas: Atlas;
  level: string;
  indicator: string;
  year: number;
  locale: Locale;
  classification?: ClassificationMethod;
  classes?: number;
  breaks?: number[];
  bars?: string;
  /** The element's computed style, read here once. */
  style: CSSStyleDeclaration;
}

/** The model for the inputs, or `previous` when nothing it depends on changed. */
export function mapModel(inputs: MapModelInputs, previous?: MapModel): MapModel {
  const { atlas, level, indicator, year, locale, style } = inputs;
  const colours = readColourOverrides(style);
  const series = readSeriesOverrides(style);
  // The tokens as the element's :host resolved them (base styles), with its defaults.
  const accent = style.getPropertyValue('--_keck-accent').trim() || DEFAULT_ACCENT;
  const focus = style.getPropertyValue('--_keck-focus').trim() || accent;
  const key = JSON.stringify([atlas.url, level, indicator, year, locale, inputs.classification, inputs.classes, inputs.breaks, inputs.bars, colours, series, accent, focus]);
  if (previous?.key === key) return previous;
  const view = styledView(atlas, {
    indicator,
    level,
    year,
    locale,
    classification: inputs.classification,
    classes: inputs.classes,
    breaks: inputs.breaks,
    colours,
  });
  const columns = (inputs.bars ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => {
      const candidate = id ? atlas.indicator(id) : undefined;
      return candidate && atlas.isRenderable(candidate) && atlas.block(id, level, year);
    })
    .map((id) => styledView(atlas, { indicator: id, level, year, locale }));
  return { key, view, columns, columnColours: seriesColours(columns.length, series), accent, focus };
}
