import { uiLocale } from '../contract/localize.js';
import type { Locale } from '../contract/types.js';

const MESSAGES = {
  de: {
    loading: 'Daten werden geladen …',
    errorTitle: 'Die Daten können nicht angezeigt werden.',
    noSource: 'Keine Datenquelle angegeben (Attribut „src“).',
    retry: 'Erneut versuchen',
  },
  en: {
    loading: 'Loading data …',
    errorTitle: 'The data cannot be shown.',
    noSource: 'No data source given (attribute "src").',
    retry: 'Try again',
  },
} as const;

export type StatusMessage = keyof (typeof MESSAGES)['de'];

export function statusMessage(key: StatusMessage, locale: Locale): string {
  return MESSAGES[uiLocale(locale)][key];
}
