import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/map/define.js';
import '../../src/poi-layer/define.js';
import '../../src/table/define.js';
import type { KeckElement } from '../../src/base/keck-element.js';
import { AtlasStore } from '../../src/data/store.js';
import type { KeckMap } from '../../src/map/keck-map.js';
import type { KeckPoiLayer } from '../../src/poi-layer/keck-poi-layer.js';
import { readRequestLog, startRequestLog, type LoggedRequest } from '../harness/browser.js';

const ATLAS = '/test/fixtures/guard/atlas.json';
const CROSS_ORIGIN = '/__keck/other-origin/test/fixtures/guard/cross-origin.json';
const OTHER = `${location.protocol}//${location.hostname === 'localhost' ? '127.0.0.1' : 'localhost'}:${location.port}`;

async function alertOf(element: KeckElement): Promise<string> {
  await waitUntil(() => element.shadowRoot?.querySelector('[role="alert"]'), 'the element shows an error', { timeout: 15000 });
  return element.shadowRoot!.querySelector('[role="alert"]')!.textContent!.replace(/\s+/g, ' ').trim();
}

const offOrigin = (log: LoggedRequest[]) => log.filter((entry) => !/^(data|blob):/.test(entry.url) && new URL(entry.url).origin !== location.origin);

describe('URLs in a manifest stay on its origin', () => {
  beforeEach(() => {
    AtlasStore.clear();
    document.querySelectorAll('meta[name^="keck-atlas-"]').forEach((meta) => meta.remove());
  });

  it('refuses geometry, value files and POI files on another origin, naming the manifest path, and requests nothing there', async () => {
    await startRequestLog();
    const map = await fixture<KeckMap>(html`<keck-map src=${ATLAS} level="foreign"></keck-map>`);
    expect(await alertOf(map)).to.contain(
      `${location.origin}${ATLAS}: $.levels[5].geometry.url: erwartet eine Adresse auf ${location.origin}, gefunden https://evil.example/gemeinden.fgb`,
    );

    const table = await fixture<KeckElement>(html`<keck-table src="/test/fixtures/guard/foreign-values.json"></keck-table>`);
    expect(await alertOf(table)).to.contain(`$.values[0].src: erwartet eine Adresse auf ${location.origin}, gefunden https://evil.example/values.json`);

    const withPois = await fixture<KeckMap>(html`<keck-map src=${ATLAS}><keck-poi-layer src="foreign"></keck-poi-layer></keck-map>`);
    const layer = withPois.querySelector<KeckPoiLayer>('keck-poi-layer')!;
    await waitUntil(() => /poiSources/.test(layer.shadowRoot?.textContent ?? ''), 'the layer names the problem', { timeout: 15000 });
    expect(layer.shadowRoot!.textContent).to.contain(`$.poiSources[4].url: erwartet eine Adresse auf ${location.origin}, gefunden https://evil.example/pois.fgb`);

    const crossOrigin = await fixture<KeckMap>(html`<keck-map src=${CROSS_ORIGIN}><keck-poi-layer src="other"></keck-poi-layer></keck-map>`);
    expect(await alertOf(crossOrigin)).to.contain(`$.levels[0].geometry.url: erwartet eine Adresse auf ${location.origin}, gefunden ${OTHER}/__keck/cors/demo/atlas/vechta/gemeinden.fgb`);
    expect(offOrigin(await readRequestLog())).to.deep.equal([]);
  });

  it('loads from an origin the element allows (allowed-origins), and one the page allows (meta)', async () => {
    await startRequestLog();
    const map = await fixture<KeckMap>(html`<keck-map src=${CROSS_ORIGIN} allowed-origins=${OTHER}><keck-poi-layer src="other"></keck-poi-layer></keck-map>`);
    const layer = map.querySelector<KeckPoiLayer>('keck-poi-layer')!;
    await layer.ready;
    await map.mapComplete();
    expect(map.shadowRoot!.textContent).to.contain('Vechta');
    expect(map.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    expect(layer.shadowRoot!.querySelectorAll('.list button, [part=list]').length).to.be.greaterThan(0);
    const fetched = offOrigin(await readRequestLog()).map((entry) => `${new URL(entry.url).pathname} ${entry.status}`);
    expect(fetched).to.include.members(['/__keck/cors/demo/atlas/vechta/gemeinden.fgb 200', '/__keck/cors/demo/atlas/vechta/poi-kitas.fgb 200']);

    AtlasStore.clear();
    const meta = Object.assign(document.createElement('meta'), { name: 'keck-atlas-allowed-origins', content: `https://unused.example ${OTHER}` });
    document.head.append(meta);
    const viaMeta = await fixture<KeckMap>(html`<keck-map src=${CROSS_ORIGIN}></keck-map>`);
    await waitUntil(() => viaMeta.shadowRoot?.querySelector('.map, [role="alert"]'), 'the map is ready', { timeout: 15000 });
    await viaMeta.mapComplete();
    expect(viaMeta.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    expect(viaMeta.shadowRoot!.textContent).to.contain('Vechta');
  });
});
