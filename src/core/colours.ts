import colorbrewer from 'colorbrewer/index.es.js';
import { color } from 'd3-color';
import type { Polarity } from '../contract/types.js';
import { MAX_CLASSES } from './classify.js';

/** How a suppressed area looks: stripes on a base colour, distinct from every class and from missing. */
export interface HatchPattern {
  base: string;
  stripe: string;
  /** Stripe angle in degrees. */
  angle: number;
  /** Stripe width and gap, in CSS pixels. */
  stripeWidth: number;
  gap: number;
}

/** The colours of one classified view. */
export interface ColourScheme {
  /** One colour per class, lowest class first. */
  classes: string[];
  suppressed: HatchPattern;
  missing: string;
}

/**
 * Colour overrides as CSS custom property values, e.g. read from the element with
 * `readColourOverrides(getComputedStyle(element))`: `--keck-class-1` … `--keck-class-7`,
 * `--keck-suppressed`, `--keck-suppressed-stripe`, `--keck-missing`.
 */
export type ColourOverrides = Readonly<Record<string, string | undefined>>;

/** The custom properties the core reads, in a stable order. */
export const COLOUR_PROPERTIES: readonly string[] = [
  ...Array.from({ length: MAX_CLASSES }, (_, i) => `--keck-class-${i + 1}`),
  '--keck-suppressed',
  '--keck-suppressed-stripe',
  '--keck-missing',
];

/**
 * Colours of series drawn side by side (chart series, columns on the map): the accent, then
 * dark hues that keep 3:1 against white. `--keck-series-1` … `--keck-series-7` override them;
 * the first falls back to `--keck-accent`.
 */
const SERIES_DEFAULTS = ['#0b5cad', '#c2410c', '#047857', '#7e22ce', '#a16207', '#be185d', '#0e7490'];
export const SERIES_COUNT = SERIES_DEFAULTS.length;

/** `count` series colours, repeating after seven; overrides as read by `readSeriesOverrides`. */
export function seriesColours(count: number, overrides: ColourOverrides = {}): string[] {
  const pick = (i: number) =>
    overrides[`--keck-series-${i + 1}`]?.trim() || (i === 0 ? overrides['--keck-accent']?.trim() : undefined) || SERIES_DEFAULTS[i];
  return Array.from({ length: count }, (_, i) => pick(i % SERIES_COUNT));
}

/** The series overrides a style declaration sets (pass `getComputedStyle(element)`). */
export function readSeriesOverrides(style: { getPropertyValue(name: string): string }): ColourOverrides {
  const overrides: Record<string, string> = {};
  for (const name of ['--keck-accent', ...SERIES_DEFAULTS.map((_, i) => `--keck-series-${i + 1}`)]) {
    const value = style.getPropertyValue(name).trim();
    if (value) overrides[name] = value;
  }
  return overrides;
}

export const DEFAULT_SUPPRESSED: HatchPattern = { base: '#ffffff', stripe: '#636363', angle: 45, stripeWidth: 1.5, gap: 4 };
export const DEFAULT_MISSING = '#d9d9d9';

/** The overrides a style declaration sets (pass `getComputedStyle(element)`); unset properties are left out. */
export function readColourOverrides(style: { getPropertyValue(name: string): string }): ColourOverrides {
  const overrides: Record<string, string> = {};
  for (const name of COLOUR_PROPERTIES) {
    const value = style.getPropertyValue(name).trim();
    if (value) overrides[name] = value;
  }
  return overrides;
}

export interface ColourSchemeOptions {
  polarity?: Polarity;
  classCount: number;
  /**
   * For a diverging scheme around the reference: how many classes lie below it. The rest lie
   * above. Without it the scheme is sequential.
   */
  classesBelowReference?: number;
  overrides?: ColourOverrides;
}

/**
 * Colour-blind-safe ColorBrewer colours chosen by polarity: warm (OrRd) when higher is
 * worse, cool (Blues) when higher is better, Purples when neutral (not Greys, which would
 * look like missing). Diverging around the reference: red–blue with the bad side red,
 * purple–orange when neutral.
 */
export function colourScheme(options: ColourSchemeOptions): ColourScheme {
  const polarity = options.polarity ?? 'neutral';
  const count = Math.max(0, Math.min(MAX_CLASSES, options.classCount));
  const base =
    options.classesBelowReference === undefined ? sequential(polarity, count) : diverging(polarity, options.classesBelowReference, count);
  const overrides = options.overrides ?? {};
  const pick = (name: string, fallback: string) => overrides[name]?.trim() || fallback;
  return {
    classes: base.map((colour, i) => pick(`--keck-class-${i + 1}`, colour)),
    suppressed: {
      ...DEFAULT_SUPPRESSED,
      base: pick('--keck-suppressed', DEFAULT_SUPPRESSED.base),
      stripe: pick('--keck-suppressed-stripe', DEFAULT_SUPPRESSED.stripe),
    },
    missing: pick('--keck-missing', DEFAULT_MISSING),
  };
}

type Scheme = Readonly<Record<number, readonly string[]>>;

function sequential(polarity: Polarity, count: number): string[] {
  const scheme = polarity === 'higher-worse' ? colorbrewer.OrRd : polarity === 'higher-better' ? colorbrewer.Blues : colorbrewer.Purples;
  return sequentialColours(scheme, count);
}

function sequentialColours(scheme: Scheme, count: number): string[] {
  if (count >= 3) return [...scheme[count]];
  if (count === 2) return [scheme[3][0], scheme[3][2]];
  return count === 1 ? [scheme[3][1]] : [];
}

/**
 * The discrete diverging scheme with as many classes on each side as the longer side needs
 * (no neutral middle: the reference is a class limit); the shorter side takes the classes
 * nearest the middle. RdBu and PuOr have up to 5 colours a side; a longer side (6 or 7 classes
 * with at most one on the other side) takes both sides from their single-hue schemes.
 */
function diverging(polarity: Polarity, below: number, count: number): string[] {
  const belowCount = Math.max(0, Math.min(count, below));
  const aboveCount = count - belowCount;
  const side = Math.max(belowCount, aboveCount);
  const lowToHigh =
    polarity === 'neutral'
      ? divergingSides(colorbrewer.PuOr, colorbrewer.Oranges, colorbrewer.Purples, side).reverse()
      : divergingSides(colorbrewer.RdBu, colorbrewer.Reds, colorbrewer.Blues, side);
  const colours = polarity === 'higher-worse' ? lowToHigh.reverse() : lowToHigh;
  return colours.slice(side - belowCount, side + aboveCount);
}

/** `2 × side` colours from the scheme's first end to its second, without a neutral middle. */
function divergingSides(scheme: Scheme, firstHue: Scheme, secondHue: Scheme, side: number): string[] {
  if (side <= 1) return [scheme[3][0], scheme[3][2]];
  if (side <= 5) return [...scheme[2 * side]];
  return [...sequentialColours(firstHue, side).reverse(), ...sequentialColours(secondHue, side)];
}

/** WCAG 2.1 contrast ratio of two CSS colours (1 to 21); NaN when one is not a colour. */
export function contrastRatio(first: string, second: string): number {
  const a = relativeLuminance(first);
  const b = relativeLuminance(second);
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

function relativeLuminance(specifier: string): number {
  const parsed = color(specifier);
  if (!parsed) return Number.NaN;
  const { r, g, b } = parsed.rgb();
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

export interface ContrastIssue {
  /** What the colour is for: 'class-1' … 'class-7', 'suppressed-stripe', 'missing'. */
  role: string;
  colour: string;
  ratio: number;
}

/**
 * WCAG 1.4.11 check for development mode: the scheme's colours with less than `minimum`
 * contrast (3:1) against the background. A light class colour may still pass when the
 * element outlines areas in a contrasting colour; the check says which ones depend on that.
 */
export function contrastIssues(scheme: ColourScheme, background = '#ffffff', minimum = 3): ContrastIssue[] {
  const roles: [string, string][] = [
    ...scheme.classes.map((colour, i): [string, string] => [`class-${i + 1}`, colour]),
    ['suppressed-stripe', scheme.suppressed.stripe],
    ['missing', scheme.missing],
  ];
  return roles
    .map(([role, colour]) => ({ role, colour, ratio: contrastRatio(colour, background) }))
    .filter((entry) => !(entry.ratio >= minimum));
}
