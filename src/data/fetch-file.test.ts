import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../table/define.js';
import type { AtlasManifest } from '../contract/types.js';
import { ContractError } from '../contract/issues.js';
import type { KeckTable } from '../table/keck-table.js';
import { loadPois } from '../poi-layer/load-pois.js';
import { readRequestLog, startRequestLog } from '../../test/harness/browser.js';
import { Atlas } from './atlas.js';
import { readLevelGeometry } from './geometry.js';
import { AtlasStore } from './store.js';

const MANIFEST = '/test/fixtures/guard/derived.json';
const token = () => crypto.randomUUID();

async function failure(promise: Promise<unknown>): Promise<ContractError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(ContractError);
    return error as ContractError;
  }
  throw new Error('expected a ContractError');
}

async function requestsTo(path: string) {
  return (await readRequestLog()).filter((entry) => new URL(entry.url).pathname === path);
}

/** The Vechta atlas with its geometry and POI files at other URLs, fetched with a short timeout. */
async function vechtaWith(geometryUrl: string, timeout = 0.5): Promise<Atlas> {
  const manifest = (await (await fetch('/demo/atlas/vechta/atlas.json')).json()) as AtlasManifest;
  for (const level of manifest.levels) level.geometry!.url = geometryUrl;
  return new Atlas(manifest, new URL('/demo/atlas/vechta/atlas.json', location.href).href, [], { allowedOrigins: [], timeout });
}

describe('every fetch has a timeout and one retry', () => {
  beforeEach(() => {
    AtlasStore.clear();
    document.querySelectorAll('meta[name="keck-atlas-timeout"]').forEach((meta) => meta.remove());
  });

  it('a manifest that never answers: the element says so after the timeout, having tried twice', async () => {
    await startRequestLog();
    const path = `/__keck/hang${MANIFEST}`;
    const id = token();
    const table = await fixture<KeckTable>(html`<keck-table src=${`${path}?${id}`} timeout="0.5"></keck-table>`);
    await waitUntil(() => table.shadowRoot?.querySelector('[role="alert"]'), 'the table gives up', { timeout: 10000 });
    expect(table.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain(`${path}?${id}: $: erwartet eine Antwort des Servers, gefunden keine Antwort innerhalb von 0,5 s (2 Versuche)`);
    expect(await requestsTo(path)).to.have.length(2);
  });

  it('takes the timeout from the page (<meta name="keck-atlas-timeout">)', async () => {
    document.head.append(Object.assign(document.createElement('meta'), { name: 'keck-atlas-timeout', content: '0.4' }));
    const table = await fixture<KeckTable>(html`<keck-table src=${`/__keck/hang${MANIFEST}?meta`}></keck-table>`);
    await waitUntil(() => table.shadowRoot?.querySelector('[role="alert"]'), 'the table gives up', { timeout: 10000 });
    expect(table.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('keine Antwort innerhalb von 0,4 s (2 Versuche)');
  });

  it('retries once after a 503 and loads', async () => {
    await startRequestLog();
    const path = `/__keck/fail/1/${token()}${MANIFEST}`;
    const atlas = await AtlasStore.for(path).load();
    expect(atlas.id).to.equal('fiktiv-abgeleitet');
    expect((await requestsTo(path)).map((entry) => entry.status)).to.deep.equal([503, 200]);
  });

  it('reports 503 on both attempts, keeps no failure: a later load starts anew', async () => {
    await startRequestLog();
    const path = `/__keck/fail/2/${token()}${MANIFEST}`;
    const error = await failure(AtlasStore.for(path).load());
    expect(error.message).to.match(/: \$: expected HTTP 200, found HTTP 503 Service Unavailable \(2 attempts\)$/);
    expect((await AtlasStore.for(path).load()).id).to.equal('fiktiv-abgeleitet');
    const statuses = (await requestsTo(path)).map((entry) => entry.status);
    expect(statuses.slice(0, 2)).to.deep.equal([503, 503]);
    expect(statuses.at(-1)).to.equal(200);
  });

  it('does not retry a 404', async () => {
    await startRequestLog();
    const error = await failure(AtlasStore.for('/test/fixtures/guard/missing.json').load());
    expect(error.issues[0].found).to.equal('HTTP 404 Not Found');
    expect(await requestsTo('/test/fixtures/guard/missing.json')).to.have.length(1);
  });

  it('geometry whose bytes stop arriving, and a bounding-box (Range) read that is never answered', async () => {
    const stalled = await vechtaWith('/__keck/stall/demo/atlas/vechta/gemeinden.fgb');
    const whole = await failure(readLevelGeometry(stalled, stalled.level('gemeinde')!));
    expect(whole.message).to.match(/\/__keck\/stall\/demo\/atlas\/vechta\/gemeinden\.fgb: \$: expected an answer from the server, found no answer within 0\.5 s \(2 attempts\)$/);

    const hanging = await vechtaWith('/__keck/hang/demo/atlas/vechta/gemeinden.fgb?range');
    const box = await failure(readLevelGeometry(hanging, hanging.level('gemeinde')!, { bbox: [8.25, 52.7, 8.32, 52.75] }));
    expect(box.message).to.contain('found no answer within 0.5 s (2 attempts)');
  });

  it('a POI file that never answers', async () => {
    const error = await failure(loadPois(new URL('/__keck/hang/demo/atlas/vechta/poi-kitas.fgb', location.href).href, 'flatgeobuf', 'category', { timeout: 0.5 }));
    expect(error.message).to.match(/poi-kitas\.fgb: \$: expected an answer from the server, found no answer within 0\.5 s \(2 attempts\)$/);
  });
});
