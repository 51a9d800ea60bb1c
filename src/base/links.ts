import { html, type TemplateResult } from 'lit';

/** A link target only when it is an absolute http(s) URL; anything else (javascript:, data:…) is not a link. */
export function safeHttpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The text as a link when the URL is http(s), else as plain text. Data never becomes markup. */
export function linkOrText(text: string, url: unknown): TemplateResult {
  const href = safeHttpUrl(url);
  return href ? html`<a href=${href} rel="noopener noreferrer" target="_blank">${text}</a>` : html`${text}`;
}
