import type { Locale, LocalizedText, UiLocale } from './types.js';

/** The language of the elements' own texts for a locale: English for any `en` tag, else German. */
export function uiLocale(locale: Locale): UiLocale {
  return locale.toLowerCase().split('-')[0] === 'en' ? 'en' : 'de';
}

/**
 * The text for a locale (a BCP 47 tag; tags are compared case-insensitively). A language map
 * falls back from the tag to its shorter forms (de-CH-1996 → de-CH → de), then to another
 * region of its language (de-AT), then to German, English (each also with a region), and last
 * to the first text given.
 */
export function localize(text: LocalizedText | undefined, locale: Locale = 'de'): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  const byTag = new Map<string, string>();
  for (const [tag, value] of Object.entries(text)) if (!byTag.has(tag.toLowerCase())) byTag.set(tag.toLowerCase(), value);
  const subtags = locale.toLowerCase().split('-');
  for (let length = subtags.length; length > 0; length--) {
    const found = byTag.get(subtags.slice(0, length).join('-'));
    if (found !== undefined) return found;
  }
  for (const language of [subtags[0], 'de', 'en']) {
    const found = byTag.get(language) ?? [...byTag].find(([tag]) => tag.startsWith(`${language}-`))?.[1];
    if (found !== undefined) return found;
  }
  return byTag.values().next().value ?? '';
}
