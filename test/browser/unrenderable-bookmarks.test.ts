import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/area-report/define.js';
import '../../src/map/define.js';
import '../../src/table/define.js';
import type { KeckElement } from '../../src/base/keck-element.js';
import { AtlasStore } from '../../src/data/store.js';

const ATLAS = '/test/fixtures/guard/bookmarks.json';

async function ready(element: KeckElement): Promise<string> {
  await waitUntil(() => element.shadowRoot?.querySelector('table, .map, [role="alert"]'), 'the element renders', { timeout: 15000 });
  await element.updateComplete;
  return element.shadowRoot!.textContent!.replace(/\s+/g, ' ');
}

describe('bookmarks about indicators that may not be shown', () => {
  let warnings: string[];
  let warn: typeof console.warn;
  beforeEach(() => {
    AtlasStore.clear();
    warnings = [];
    warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  });
  afterEach(() => (console.warn = warn));

  for (const [name, template] of [
    ['<keck-table>', (bookmark: string) => html`<keck-table src=${ATLAS} bookmark=${bookmark}></keck-table>`],
    ['<keck-area-report>', (bookmark: string) => html`<keck-area-report src=${ATLAS} areas="03460001" bookmark=${bookmark}></keck-area-report>`],
    ['<keck-map>', (bookmark: string) => html`<keck-map src=${ATLAS} bookmark=${bookmark}></keck-map>`],
  ] as const) {
    it(`${name} ignores them: no title, no text, its own view, and a console warning`, async () => {
      for (const [bookmark, title, text] of [
        ['secret', 'Geheime Ansicht', 'unveröffentlichten'],
        ['unknown', 'Unbekannte Ansicht', 'unbekannten'],
      ]) {
        const element = await fixture<KeckElement>(template(bookmark));
        const shown = await ready(element);
        expect(element.shadowRoot!.querySelector('[role="alert"]'), `${bookmark}: the element works`).to.equal(null);
        expect(element.shadowRoot!.querySelector('[part="bookmark"]'), bookmark).to.equal(null);
        expect(shown).to.not.contain(title).and.not.contain(text).and.not.contain('Unveröffentlichte Zahl');
      }
      expect(warnings.some((w) => /bookmark ignored.*\$\.bookmarks\[1\]\.indicator: expected a published indicator .*found the unpublished indicator "secret-count"/.test(w)), warnings.join('\n')).to.equal(true);
    });
  }

  it('opens the published one with its text, and lists only that one for an unknown id', async () => {
    const table = await fixture<KeckElement>(html`<keck-table src=${ATLAS} bookmark="published"></keck-table>`);
    expect(await ready(table)).to.contain('Text über einen veröffentlichten Indikator.');
    const wrong = await fixture<KeckElement>(html`<keck-table src=${ATLAS} bookmark="nope"></keck-table>`);
    const alert = await ready(wrong);
    expect(alert).to.contain('„nope“ gibt es in diesem Atlas nicht (Attribut „bookmark“). Vorhanden: published.');
  });
});
