import { ref } from 'lit/directives/ref.js';

const written = new WeakMap<HTMLElement, string[]>();

/**
 * Sets inline style properties from script (CSSOM), which a strict `style-src 'self'` allows;
 * lit's `styleMap` writes a `style` attribute on first render, which it blocks. Properties set
 * by an earlier render and not named now are removed (a tooltip that moves from `left` to `right`).
 */
export function setStyles(properties: Readonly<Record<string, string>>) {
  return ref((element) => {
    if (!(element instanceof HTMLElement)) return;
    for (const name of written.get(element) ?? []) if (!(name in properties)) element.style.removeProperty(name);
    for (const [name, value] of Object.entries(properties)) element.style.setProperty(name, value);
    written.set(element, Object.keys(properties));
  });
}
