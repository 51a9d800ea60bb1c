import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/keck-atlas.js';

const VECHTA = '/demo/atlas/vechta/atlas.json';
/** German words of the elements' own interface; none may remain in an English element. */
const GERMAN_UI = /\b(Gebiet|Gebiete|Legende|Quelle|Tabelle|Indikator|Jahr|Ebene|Datenschutz|keine Angabe|keine Daten|Diagramm|Karte|herunterladen|Herunterladen|sortiert|höher|niedriger|Durchschnitt|Gemeinden)\b/;

/** All text a person or a screen reader gets: shadow DOM text plus ARIA labels and descriptions. */
function allText(root: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node instanceof Element) {
      for (const name of ['aria-label', 'title', 'alt', 'aria-description']) {
        const value = node.getAttribute(name);
        if (value) parts.push(value);
      }
      if (node.shadowRoot) walk(node.shadowRoot);
      if (node.localName === 'style') return;
    }
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    node.childNodes.forEach(walk);
  };
  walk(root);
  return parts.join(' ');
}

describe('English', () => {
  it('every element speaks English with locale="en" or an English page', async () => {
    const page = await fixture<HTMLElement>(html`<div lang="en">
      <keck-map src=${VECHTA} bars="non-german-u15-share" controls></keck-map>
      <keck-table src=${VECHTA}></keck-table>
      <keck-chart src=${VECHTA} type="bar"></keck-chart>
      <keck-area-report src=${VECHTA} areas="03460001"></keck-area-report>
    </div>`);
    const elements = [...page.children] as (HTMLElement & { data: { status: string } })[];
    await waitUntil(() => elements.every((element) => element.data.status === 'ready'), 'all elements load', { timeout: 20000 });
    await waitUntil(() => page.querySelector('keck-chart')!.shadowRoot!.querySelector('svg'), 'the chart draws', { timeout: 20000 });
    for (const element of elements) {
      // Data texts stay as the atlas gives them (names of areas); the reference label has an English form.
      const text = allText(element).replace(/Vechta|Bakum|Damme|Dinklage|Goldenstedt|Holdorf|Lohne \(Oldenburg\)|Neuenkirchen-Vörden|Steinfeld \(Oldenburg\)|Visbek/g, '');
      const german = GERMAN_UI.exec(text);
      expect(german, `${element.localName} shows the German word "${german?.[0]}" in: …${german ? text.slice(Math.max(0, german.index - 60), german.index + 60) : ''}…`).to.equal(null);
    }
  });
});
