import type { Locale } from '../contract/types.js';

/**
 * The element's locale: its `locale` attribute, else the nearest `lang` (also across shadow
 * roots), else German; any BCP 47 tag, canonicalised ("EN-gb" → "en-GB"); a malformed one is German.
 */
export function resolveLocale(element: Element, attribute?: string | null): Locale {
  const requested = (attribute ?? langOf(element))?.trim();
  try {
    return Intl.getCanonicalLocales(requested || 'de')[0];
  } catch {
    return 'de';
  }
}

function langOf(element: Element): string | undefined {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang') ?? undefined;
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return undefined;
}
