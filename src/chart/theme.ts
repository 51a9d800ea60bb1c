import { readSeriesOverrides, seriesColours, SERIES_COUNT } from '../core/colours.js';

/** Colours and fonts of a chart, read from the element's computed `--keck-*` properties. */
export interface ChartTheme {
  text: string;
  muted: string;
  border: string;
  grid: string;
  accent: string;
  reference: string;
  background: string;
  /** One colour per series (indicators side by side, areas in a time series). */
  series: string[];
  font: string;
  fontSize: number;
}


/** Reads the theme from an element's computed style; unset properties fall back to accessible defaults. */
export function readChartTheme(style: CSSStyleDeclaration): ChartTheme {
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const text = style.color || '#1a1a1a';
  // The tokens as :host resolved them (base styles); the fallbacks only serve a style without them.
  const accent = read('--_keck-accent', '#0b5cad');
  return {
    text,
    muted: read('--_keck-muted', '#595959'),
    border: read('--_keck-border', '#767676'),
    grid: read('--keck-chart-grid', '#e0e0e0'),
    accent,
    reference: read('--keck-reference', text),
    background: read('--keck-background', '#ffffff'),
    series: seriesColours(SERIES_COUNT, readSeriesOverrides(style)),
    font: style.fontFamily || 'sans-serif',
    fontSize: Number.parseFloat(style.fontSize) || 16,
  };
}
