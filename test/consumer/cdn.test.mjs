// The CDN folder (dist/cdn/) as a web editor uses it: copied to the page's own server, and
// served from another origin (a CDN of one's own), each under the Content-Security-Policy
// docs/embedding.md gives for that case. The map must draw (canvas pixels) with no failed
// request, console error or CSP violation; without `blob:` in the cross-origin policy it must
// say so and fire keck-error. Needs `npm run build` first; `npm test` does the build.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { STRICT_CSP } from '../../scripts/strict-csp.mjs';
import { assertMapDraws, launchChromium } from './map-page.mjs';
import { documentedPolicy, mapPage, openSite as openSiteIn } from './site.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');

let browser;
let library;
let folder;
before(async () => {
  assert.ok(existsSync(path.join(ROOT, 'dist/cdn/keck-atlas.js')), 'run `npm run build` first');
  browser = await launchChromium();
  folder = mkdtempSync(path.join(tmpdir(), 'keck-cdn-'));
  // The library's own host: module scripts and workers from another origin need CORS.
  library = await startStaticServer({
    mounts: { '/keck-atlas/': path.join(ROOT, 'dist/cdn') },
    headers: () => ({ 'Access-Control-Allow-Origin': '*' }),
  });
});
after(async () => {
  await browser?.close();
  await library?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** Opens a site (page, atlas and a copy of the CDN folder on one origin) that loads the library from `libraryUrl`. */
const openSite = (policy, libraryUrl) =>
  openSiteIn(browser, folder, {
    policy,
    html: mapPage(`<script type="module" src="${libraryUrl}/keck-atlas.js"></script>`),
    mounts: { '/keck-atlas/': path.join(ROOT, 'dist/cdn') },
  });

const crossOriginPolicy = () => documentedPolicy('cross-origin').replaceAll('https://cdn.example.org', library.url);

describe('the CDN folder', () => {
  test('same origin, under the documented strict CSP: the map draws', async () => {
    assert.equal(documentedPolicy('same-origin'), STRICT_CSP, 'the demo and the browser tests use the documented policy');
    assertMapDraws(await openSite(documentedPolicy('same-origin'), '/keck-atlas'));
  });

  test('another origin, under the documented cross-origin CSP: the map draws', async () => {
    assertMapDraws(await openSite(crossOriginPolicy(), `${library.url}/keck-atlas`));
  });

  // The policy docs/embedding.md gave before: the host in worker-src, but no blob:.
  test('another origin without blob: in worker-src: the map says why and fires keck-error', async () => {
    const policy = crossOriginPolicy().replace(/(worker-src[^;]*?) blob:/, '$1');
    assert.match(policy, new RegExp(`worker-src 'self' ${library.url};`));
    const { events, status } = await openSite(policy, `${library.url}/keck-atlas`);
    assert.deepEqual(
      events.map((event) => event.type),
      ['keck-error'],
    );
    assert.match(status.shown, /Worker/);
  });
});
