import type { Locale, LocalizedText } from './types.js';

/** The text for a locale; falls back to German, the contract's required language. */
export function localize(text: LocalizedText | undefined, locale: Locale): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return (locale === 'en' ? text.en : undefined) ?? text.de;
}
