import type { ClassificationMethod } from '../core/classify.js';
import { localize } from '../contract/localize.js';
import type { Indicator, Level, Locale } from '../contract/types.js';
import type { ColourOverrides } from '../core/colours.js';
import { styledView, type StyledView } from '../core/view.js';
import type { Atlas } from '../data/atlas.js';
import type { ChartType } from './messages.js';

/** What a chart shows, as styled views of the core; everything drawn or written comes from them. */
export type ChartModel = CategoryModel | ScatterModel | LineModel;

/** Column or bar chart: the areas of a level for one or more indicators in one year. */
export interface CategoryModel {
  type: 'column' | 'bar';
  level: Level;
  year: number;
  locale: Locale;
  /** One view per indicator; the first decides the order of the areas. */
  views: StyledView[];
  selected: ReadonlySet<string>;
}

/** Two indicators against each other, one point per area. */
export interface ScatterModel {
  type: 'scatter';
  level: Level;
  year: number;
  locale: Locale;
  x: StyledView;
  y: StyledView;
  selected: ReadonlySet<string>;
}

/** One indicator over all years with values, for the reference area and the chosen areas. */
export interface LineModel {
  type: 'line';
  level: Level;
  locale: Locale;
  indicator: Indicator;
  /** One view per year, ascending. */
  views: StyledView[];
  /** Keys of the areas drawn besides the reference, in the order given. */
  areas: string[];
  selected: ReadonlySet<string>;
}

export interface ChartModelOptions {
  type: ChartType;
  level: string;
  year: number;
  locale: Locale;
  indicators: string[];
  /** Areas of a time series. */
  areas: string[];
  selected: ReadonlySet<string>;
  colours: ColourOverrides;
  /** The classes of an indicator (the group's, when a map or table of it set them): the chart's colours then match theirs. */
  classesOf?: (indicator: string) => { classification?: ClassificationMethod; classes?: number; breaks?: number[] };
}

/**
 * Builds the model of a chart through the core's styled views.
 * @throws Error with a readable message when the options do not fit the atlas.
 */
export function chartModel(atlas: Atlas, options: ChartModelOptions): ChartModel {
  const level = atlas.level(options.level);
  if (!level) throw new Error(`level:${options.level}`);
  const { locale, year, selected, colours } = options;
  const view = (indicator: string, viewYear = year) => styledView(atlas, { indicator, level: level.id, year: viewYear, locale, colours, ...options.classesOf?.(indicator) });
  switch (options.type) {
    case 'column':
    case 'bar':
      return { type: options.type, level, year, locale, views: options.indicators.map((id) => view(id)), selected };
    case 'scatter': {
      const [x, y] = options.indicators;
      return { type: 'scatter', level, year, locale, x: view(x), y: view(y), selected };
    }
    case 'line': {
      const indicator = options.indicators[0];
      const years = atlas.years(level.id, indicator);
      const areas = [...new Set([...options.areas, ...selected])].filter((key) => atlas.area(level.id, key));
      return { type: 'line', level, locale, indicator: view(indicator).indicator, views: years.map((y) => view(indicator, y)), areas, selected };
    }
  }
}

/** The short title of an indicator (for axes and headers). */
export function shortTitle(indicator: Indicator, locale: Locale): string {
  return localize(indicator.shortTitle ?? indicator.title, locale);
}

/** `Title (unit)` for an axis, unless the title already ends with the unit in brackets. */
export function axisTitle(indicator: Indicator, locale: Locale): string {
  const title = shortTitle(indicator, locale);
  const unit = indicator.unit.trim();
  return unit && !title.endsWith(`(${unit})`) ? `${title} (${unit})` : title;
}

/** Area labels that are unique on the axis even when names repeat. */
export function uniqueLabels(areas: { key: string; name: string }[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const area of areas) counts.set(area.name, (counts.get(area.name) ?? 0) + 1);
  return new Map(areas.map((area) => [area.key, (counts.get(area.name) ?? 0) > 1 ? `${area.name} (${area.key})` : area.name]));
}
