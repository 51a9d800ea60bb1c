// Delivery: the npm package's contents, the README quick start with only the built files
// in an empty folder, and every demo page under the strict CSP (no violation, no foreign
// request, no axe violation). Needs `npm run build` (and build-storybook for the link check)
// first; `npm test` does the build.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';
import { startDemoServer } from '../../scripts/demo-server.mjs';
import { integrityOf, RELEASE_FOLDER } from '../../scripts/release-zip.mjs';
import { startStaticServer } from '../../scripts/static-server.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const ELEMENTS_READY = () => {
  const elements = [...document.querySelectorAll('keck-map, keck-table, keck-chart, keck-area-report')];
  return elements.length > 0 && elements.every((element) => element.data && (element.data.status === 'ready' || element.data.status === 'error'));
};

let browser;
before(async () => {
  assert.ok(existsSync('dist/cdn/keck-atlas.js'), 'run `npm run build` first');
  browser = await chromium.launch({
    executablePath: findChromium(),
    args: CHROMIUM_ARGS,
  });
});
after(() => browser?.close());

/** Opens a page that records CSP violations, and every request with its origin. */
async function openRecorded(url) {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url, { waitUntil: 'load' });
  return { context, page, requests, errors };
}

/**
 * Polls `predicate` in the page or frame with `evaluate`: Playwright's waitForFunction may
 * evaluate its predicate in a way the pages' strict CSP (no unsafe-eval) forbids.
 */
async function waitInPage(target, predicate, timeout = 30000) {
  const end = Date.now() + timeout;
  while (!(await target.evaluate(predicate))) {
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${predicate.toString().slice(0, 80)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function elementsReady(page) {
  await waitInPage(page, ELEMENTS_READY);
  await page.waitForLoadState('networkidle');
}

async function elementErrors(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('keck-map, keck-table, keck-chart, keck-area-report')]
      .filter((element) => element.data?.status === 'error')
      .map((element) => `${element.localName}: ${element.data.errorMessage}`),
  );
}

const foreign = (requests, origin) => requests.filter((url) => !/^(data|blob):/.test(url) && new URL(url).origin !== origin);

describe('npm package', () => {
  test('packs the built library, types, manifest, schema, licence and notices, and no tests, source maps, CLI or release archive', () => {
    const result = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    const files = JSON.parse(result.stdout)[0].files.map((file) => file.path);
    const maplibre = JSON.parse(readFileSync('node_modules/maplibre-gl/package.json', 'utf8')).version;
    for (const required of ['dist/cdn/keck-atlas.js', `dist/cdn/chunks/maplibre-gl-worker-${maplibre}.mjs`, 'dist/index.js', 'dist/types/index.d.ts', 'dist/table/define.js', 'dist/map/define.js', 'dist/chart/define.js', 'dist/area-report/define.js', 'dist/poi-layer/define.js', 'dist/cdn/embed.html', 'custom-elements.json', 'src/contract/atlas.schema.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'dist/cdn/THIRD-PARTY-NOTICES.txt']) {
      assert.ok(files.includes(required), `the package holds ${required}`);
    }
    for (const file of files) {
      assert.ok(!/\.test\.|\.stories\.|^test\/|^dist\/storybook\/|^dist\/release\/|^packages\/|\.map$/.test(file), `the package leaves out ${file}`);
    }
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    for (const [subpath, target] of Object.entries(pkg.exports)) {
      const file = typeof target === 'string' ? target : target.default;
      assert.ok(files.includes(file.replace(/^\.\//, '')), `exports["${subpath}"] points to a packed file (${file})`);
    }
  });
});

describe('README quick start', () => {
  let folder;
  let server;
  before(async () => {
    const readme = readFileSync('README.md', 'utf8');
    const shown = /<!-- quick-start -->\s*```html\n([\s\S]*?)```/.exec(readme)?.[1];
    assert.ok(shown, 'the README has a quick-start block');
    // The editor fills in the hash of the version's keck-atlas.js (the release archive's README.txt has the line).
    assert.match(shown, /integrity="sha384-…"/);
    const snippet = shown.replace('sha384-…', integrityOf(readFileSync('dist/cdn/keck-atlas.js')));
    folder = mkdtempSync(path.join(tmpdir(), 'keck-quick-start-'));
    // Only the CDN folder: keck-atlas.js and its chunks, as a web editor copies it, under the versioned name.
    cpSync('dist/cdn', path.join(folder, RELEASE_FOLDER), { recursive: true, filter: (source) => !source.endsWith('.map') });
    cpSync('demo/atlas/vechta', path.join(folder, 'atlas'), { recursive: true });
    writeFileSync(path.join(folder, 'index.html'), `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Quick start</title></head><body>${snippet}</body></html>`);
    server = await startStaticServer({ mounts: { '/': folder } });
  });
  after(async () => {
    await server?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  test('shows a working table and map from the built files alone', async () => {
    const { context, page, requests, errors } = await openRecorded(`${server.url}/`);
    try {
      await elementsReady(page);
      assert.deepEqual(await elementErrors(page), []);
      const tableText = await page.evaluate(() => document.querySelector('keck-table').shadowRoot.textContent);
      assert.match(tableText, /Bakum/);
      assert.match(tableText, /17,53\u00a0%/);
      await waitInPage(page, () => {
        const canvas = document.querySelector('keck-map').shadowRoot.querySelector('canvas');
        return canvas && canvas.width > 0;
      });
      assert.deepEqual(foreign(requests, server.url), []);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});

describe('demo pages under the strict CSP', () => {
  const pages = ['/', '/luechow-dannenberg.html', '/deutschland.html', '/report.html', '/bookmarks.html', '/theme.html', '/csp.html', '/embed.html'];
  /** What each page must show once its elements are ready (text inside the elements' shadow roots). */
  const shows = {
    '/': /Neuenkirchen-Vörden/,
    '/luechow-dannenberg.html': /48\.670/,
    '/report.html': /Lohne \(Oldenburg\) im Vergleich mit Landkreis Vechta/,
    '/bookmarks.html': /In Bakum, Neuenkirchen-Vörden und Steinfeld/,
  };
  let server;
  before(async () => {
    server = await startDemoServer();
  });
  after(() => server?.close());

  for (const pagePath of pages) {
    test(`${pagePath}: no CSP violation, no foreign request, no element error, no axe violation`, async () => {
      const { context, page, requests, errors } = await openRecorded(`${server.url}${pagePath}`);
      try {
        if (pagePath === '/embed.html') {
          await waitInPage(page, () => [...document.querySelectorAll('iframe')].every((frame) => frame.getBoundingClientRect().height > 100));
          for (const frame of page.frames().slice(1)) await waitInPage(frame, ELEMENTS_READY);
        } else {
          await elementsReady(page);
          assert.deepEqual(await elementErrors(page), []);
        }
        if (shows[pagePath]) {
          const text = await page.evaluate(() =>
            [...document.querySelectorAll('keck-map, keck-table, keck-chart, keck-area-report')].map((element) => element.shadowRoot?.textContent ?? '').join(' '),
          );
          assert.match(text, shows[pagePath]);
        }
        const violations = [];
        for (const frame of page.frames()) violations.push(...(await frame.evaluate(() => window.__violations ?? [])));
        assert.deepEqual(violations, [], 'CSP violations');
        assert.deepEqual(foreign(requests, server.url), [], 'requests to other origins');
        assert.deepEqual(errors, [], 'uncaught page errors');
        await page.evaluate(AXE_SOURCE);
        const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
        const found = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        assert.deepEqual(found, [], 'axe violations');
      } finally {
        await context.close();
      }
    });
  }
});
