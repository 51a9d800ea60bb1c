import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ContractError } from '../contract/issues.js';
import { foreignRequests, readRequestLog, runUnderStrictCsp, startRequestLog } from '../../test/harness/browser.js';
import { KeckElement } from '../base/keck-element.js';
import { AtlasStore } from './store.js';

class AtlasProbe extends KeckElement {
  override render() {
    return this.data.status === 'ready' ? this.data.atlas!.id : this.renderStatus();
  }
}
customElements.define('test-atlas-probe', AtlasProbe);

const VECHTA = '/demo/atlas/vechta/atlas.json';

async function contractError(promise: Promise<unknown>): Promise<ContractError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(ContractError);
    return error as ContractError;
  }
  throw new Error('expected a ContractError');
}

describe('AtlasStore', () => {
  beforeEach(() => AtlasStore.clear());

  it('fetches the manifest once for two elements with the same src', async () => {
    // A URL no other test file fetched: a hit in Chromium's memory cache would not reach the request log.
    const src = `${VECHTA}?probe=${crypto.randomUUID()}`;
    await startRequestLog();
    const page = await fixture<HTMLElement>(html`<div>
      <test-atlas-probe src=${src}></test-atlas-probe>
      <test-atlas-probe src=${src}></test-atlas-probe>
    </div>`);
    const probes = [...page.querySelectorAll<AtlasProbe>('test-atlas-probe')];
    await waitUntil(() => probes.every((probe) => probe.shadowRoot?.textContent?.includes('vechta')), 'both probes show the atlas');
    const manifestFetches = (await readRequestLog()).filter((entry) => entry.url.endsWith(src));
    expect(manifestFetches).to.have.length(1);
  });

  it('fires keck-load, and keck-error with a readable message shown in the element', async () => {
    const loaded = await fixture<AtlasProbe>(html`<test-atlas-probe></test-atlas-probe>`);
    const loadEvent = new Promise<Event>((resolve) => loaded.addEventListener('keck-load', resolve, { once: true }));
    loaded.src = VECHTA;
    const load = (await loadEvent) as CustomEvent & { atlasId: string };
    expect(load.atlasId).to.equal('vechta');

    const broken = await fixture<AtlasProbe>(html`<test-atlas-probe></test-atlas-probe>`);
    const errorEvent = new Promise<Event>((resolve) => broken.addEventListener('keck-error', resolve, { once: true }));
    broken.src = '/test/fixtures/contract/malformed/atlas.json';
    const error = (await errorEvent) as Event & { message: string };
    expect(error.message).to.match(/malformed\/atlas\.json: Zeile 4, Spalte 3: erwartet wohlgeformtes JSON, gefunden fehlerhaftes JSON/);
    await broken.updateComplete;
    const alert = broken.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('Die Daten können nicht angezeigt werden.');
    expect(alert.textContent).to.contain('Zeile 4, Spalte 3');
  });

  it('names the file and status for HTTP errors', async () => {
    const error = await contractError(AtlasStore.for('/test/fixtures/contract/missing.json').load());
    expect(error.issues[0].file).to.match(/\/test\/fixtures\/contract\/missing\.json$/);
    expect(error.issues[0].found).to.equal('HTTP 404 Not Found');
  });

  it('loads value files named in the manifest', async () => {
    const atlas = await AtlasStore.for('/docs/examples/atlas.json').load();
    expect(atlas.value('population', 'ortsteil', 2023, '101')).to.equal(4050);
    expect(atlas.value('u6-share', 'ortsteil', 2023, '102')).to.deep.equal({ suppressed: true });
    expect(atlas.years('ortsteil')).to.deep.equal([2023, 2024]);
  });

  it('reads the whole geometry file once and shares it', async () => {
    const store = AtlasStore.for(VECHTA);
    await startRequestLog();
    const [first, second] = await Promise.all([store.geometry('gemeinde'), store.geometry('gemeinde')]);
    expect(first).to.equal(second);
    expect(first.map((feature) => feature.properties.key)).to.have.members([
      '03460001', '03460002', '03460003', '03460004', '03460005', '03460006', '03460007', '03460008', '03460009', '03460010',
    ]);
    expect(first.find((feature) => feature.properties.key === '03460009')!.properties.name).to.equal('Vechta');
    const fgbFetches = (await readRequestLog()).filter((entry) => entry.url.endsWith('/gemeinden.fgb'));
    expect(fgbFetches).to.have.length(1);
  });

  it('reads an indexed FlatGeobuf by bounding box with HTTP Range requests (206)', async () => {
    // Its own URL for the file, so no earlier whole-file read can answer from the HTTP cache.
    const store = AtlasStore.for('/test/fixtures/contract/range/atlas.json');
    await store.load();
    await startRequestLog();
    // A box around the town of Vechta (8.29 E, 52.73 N) holds only a few of the ten Gemeinden.
    const inside = await store.geometry('gemeinde', { bbox: [8.25, 52.7, 8.32, 52.75] });
    expect(inside.length).to.be.greaterThan(0).and.lessThan(10);
    expect(inside.map((feature) => feature.properties.key)).to.include('03460009');
    const rangeRequests = (await readRequestLog()).filter((entry) => entry.url.includes('/gemeinden.fgb?uncached-range-test'));
    expect(rangeRequests.length).to.be.greaterThan(0);
    for (const request of rangeRequests) {
      expect(request.range, 'every read is a Range request').to.match(/^bytes=\d+-\d+$/);
      expect(request.status).to.equal(206);
    }
  });

  it('reports geometry keys that are not areas of the level, and areas without a shape', async () => {
    const error = await contractError(AtlasStore.for('/test/fixtures/contract/key-mismatch/atlas.json').geometry('gemeinde'));
    expect(error.file).to.match(/\/demo\/atlas\/vechta\/gemeinden\.fgb$/);
    const messages = error.issues.map((issue) => `${issue.path}: ${issue.expected} / ${issue.found}`);
    expect(messages.some((m) => /properties\.ags: the key of an area of level "gemeinde" \/ the string "03460010"/.test(m)), messages.join('\n')).to.be.true;
    expect(messages.some((m) => /a shape for every area of level "gemeinde" \/ no shape for "09999999"/.test(m))).to.be.true;
  });

  it('reports a broken FlatGeobuf file by name', async () => {
    const error = await contractError(AtlasStore.for('/test/fixtures/contract/broken-fgb/atlas.json').geometry('gemeinde'));
    expect(error.file).to.match(/broken-fgb\/broken\.fgb$/);
    expect(error.issues[0].expected).to.equal('a FlatGeobuf file');
    expect(error.issues[0].found).to.equal('a header that declares 415 911 333 bytes in a file of 308 bytes');
  });

  it('aborts the shared request only when every caller has aborted', async () => {
    const store = AtlasStore.for(VECHTA);
    const first = new AbortController();
    const second = new AbortController();
    const a = store.load(first.signal);
    const b = store.load(second.signal);
    first.abort();
    await a.then(
      () => expect.fail('the aborted caller must reject'),
      (reason) => expect(reason).to.be.instanceOf(DOMException),
    );
    const atlas = await b;
    expect(atlas.id).to.equal('vechta');

    AtlasStore.clear();
    const lone = new AbortController();
    const pending = AtlasStore.for(VECHTA).load(lone.signal);
    lone.abort();
    await pending.catch(() => undefined);
    expect((await AtlasStore.for(VECHTA).load()).id, 'a later load starts afresh').to.equal('vechta');
  });

  it('loads, validates and reads geometry under script-src \'self\' with no violation and no foreign request', async () => {
    await startRequestLog();
    const run = await runUnderStrictCsp('load-validate');
    expect(run.error).to.equal(undefined);
    expect(run.violations).to.deep.equal([]);
    expect(run.result).to.deep.include({ id: 'vechta', areas: 10 });
    expect(foreignRequests(await readRequestLog())).to.deep.equal([]);
  });
});
