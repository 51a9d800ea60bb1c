import { ref } from 'lit/directives/ref.js';

/**
 * Sets inline style properties from script (CSSOM), which a strict `style-src 'self'` allows;
 * lit's `styleMap` writes a `style` attribute on first render, which it blocks.
 */
export function setStyles(properties: Readonly<Record<string, string>>) {
  return ref((element) => {
    if (!(element instanceof HTMLElement)) return;
    for (const [name, value] of Object.entries(properties)) element.style.setProperty(name, value);
  });
}
