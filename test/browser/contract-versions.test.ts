import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/table/define.js';
import type { KeckElement } from '../../src/base/keck-element.js';
import { CONTRACT_VERSION } from '../../src/contract/types.js';
import { AtlasStore } from '../../src/data/store.js';

const VECHTA = '/demo/atlas/vechta/atlas.json';
const [major, minor] = CONTRACT_VERSION.split('.').map(Number);
const NEWER_MINOR = `${major}.${minor + 1}`;

/** The Vechta demo manifest, changed, at a URL of its own on the page's origin. */
async function manifestUrl(change: (doc: any) => void): Promise<string> {
  const doc = await (await fetch(VECHTA)).json();
  change(doc);
  return URL.createObjectURL(new Blob([JSON.stringify(doc)], { type: 'application/json' }));
}

async function rendered(element: KeckElement): Promise<ShadowRoot> {
  await waitUntil(() => element.shadowRoot?.querySelector('table, [role="alert"]'), 'the element renders', { timeout: 15000 });
  await element.updateComplete;
  return element.shadowRoot!;
}

describe('<keck-table> and contract versions', () => {
  let warnings: string[];
  let warn: typeof console.warn;
  beforeEach(() => {
    AtlasStore.clear();
    warnings = [];
    warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  });
  afterEach(() => (console.warn = warn));

  it(`renders a ${NEWER_MINOR} manifest with unknown optional properties, with one console note for the page`, async () => {
    const src = await manifestUrl((d) => {
      d.contract = NEWER_MINOR;
      d.indicators[0].colour = '#ff0000';
      d.levels[1].areas[0].population = 1200;
    });
    const page = await fixture<HTMLElement>(html`<div>
      <keck-table src=${src}></keck-table>
      <keck-table src=${src} indicators="non-german-u15-share"></keck-table>
    </div>`);
    const shown: string[] = [];
    for (const table of page.querySelectorAll<KeckElement>('keck-table')) {
      const root = await rendered(table);
      expect(root.querySelector('[role="alert"]')).to.equal(null);
      expect(root.querySelectorAll('tbody tr').length, 'ten Gemeinden').to.be.at.least(10);
      shown.push(root.textContent ?? '');
    }
    expect(shown[0]).to.contain('Bakum').and.contain('17,53');
    expect(shown[1]).to.contain('Bakum').and.contain('4,82');
    expect(warnings).to.deep.equal([
      `keck-atlas: ${src} uses contract ${NEWER_MINOR}, newer than this library's ${CONTRACT_VERSION}: 2 properties it does not know ignored ($.levels[1].areas[0].population, $.indicators[0].colour); update keck-atlas to use them.`,
    ]);
  });

  it('refuses a misspelt property in a manifest of its own minor version, in place', async () => {
    const src = await manifestUrl((d) => ((d.contract = CONTRACT_VERSION), (d.indicators[0].shortTitel = 'Kinder')));
    const root = await rendered(await fixture<KeckElement>(html`<keck-table src=${src}></keck-table>`));
    expect(root.querySelector('[role="alert"]')!.textContent).to.contain('$.indicators[0].shortTitel: erwartet keine unbekannte Eigenschaft (Schreibweise prüfen), gefunden die unbekannte Eigenschaft „shortTitel“');
  });

  it('shows a 2.0 manifest\'s clear message in the element and fires keck-error', async () => {
    const src = await manifestUrl((d) => ((d.contract = '2.0'), (d.layers = d.levels), delete d.levels));
    const table = document.createElement('keck-table') as KeckElement;
    const failed = oneEvent(table, 'keck-error');
    table.setAttribute('src', src);
    document.body.append(table);
    try {
      await failed;
      const alert = (await rendered(table)).querySelector('[role="alert"]')!;
      expect(alert.textContent!.replace(/\s+/g, ' ')).to.contain(
        `${src}: $.contract: erwartet Vertrag 1.x, gefunden Vertrag 2.0: dieser Atlas folgt Vertrag 2.0, diese Bibliothek liest 1.x — bitte keck-atlas aktualisieren`,
      );
      expect(warnings).to.deep.equal([]);
    } finally {
      table.remove();
    }
  });

  it('shows the texts of the language the page asks for, and its own texts in German', async () => {
    const src = await manifestUrl((d) => {
      d.contract = CONTRACT_VERSION;
      d.indicators[0].shortTitle = { de: 'Unter 15-Jährige', en: 'Under-15s', tr: '15 yaş altı' };
      d.levels[1].title = { 'de-CH': 'Gemeinden (CH)', en: 'Municipalities' };
    });
    const page = await fixture<HTMLElement>(html`<div lang="tr"><keck-table src=${src}></keck-table><keck-table src=${src} locale="de-CH"></keck-table></div>`);
    const [turkish, swiss] = [...page.querySelectorAll<KeckElement>('keck-table')];
    const turkishText = (await rendered(turkish)).textContent!;
    expect(turkishText).to.contain('15 yaş altı').and.contain('Gemeinden (CH)').and.contain('Gebiet').and.contain('17,53');
    expect(turkish.activeLocale).to.equal('tr');
    const swissText = (await rendered(swiss)).textContent!;
    expect(swissText).to.contain('Unter 15-Jährige').and.contain('Gemeinden (CH)');
  });
});
