import { uiLocale } from '../contract/localize.js';
import type { Locale, UiLocale } from '../contract/types.js';

/**
 * The shared de/en terms for values and legends. Every element and export takes these
 * texts from here so that a suppressed or missing value reads the same everywhere.
 */
export interface Messages {
  /** Shown in place of a suppressed value. */
  suppressed: string;
  /** Read by screen readers for a suppressed value. */
  suppressedSpoken: string;
  /** Legend text explaining the suppressed mark. */
  suppressedLegend: string;
  /** Shown in place of a missing value. */
  missing: string;
  /** Read by screen readers for a missing value. */
  missingSpoken: string;
  /** Legend text explaining the missing mark. */
  missingLegend: string;
  /** Spoken names of the units that are symbols. */
  percentSpoken: string;
  permilleSpoken: string;
  /** Word between the bounds of a spoken range ("10 bis 12"). */
  rangeSpoken: string;
}

const MESSAGES: Record<UiLocale, Messages> = {
  de: {
    suppressed: 'k. A.',
    suppressedSpoken: 'keine Angabe (Datenschutz)',
    suppressedLegend: 'keine Angabe (Datenschutz)',
    missing: '–',
    missingSpoken: 'keine Daten',
    missingLegend: 'keine Daten',
    percentSpoken: 'Prozent',
    permilleSpoken: 'Promille',
    rangeSpoken: 'bis',
  },
  en: {
    // The German "k. A." is kept as the visible mark in English too: it is the mark the
    // data owners publish and cite, and it must look the same in every view and export.
    suppressed: 'k. A.',
    suppressedSpoken: 'not shown (privacy)',
    suppressedLegend: 'not shown (privacy)',
    missing: '–',
    missingSpoken: 'no data',
    missingLegend: 'no data',
    percentSpoken: 'percent',
    permilleSpoken: 'per mille',
    rangeSpoken: 'to',
  },
};

/** The shared terms for a locale. */
export function messages(locale: Locale): Messages {
  return MESSAGES[uiLocale(locale)];
}
