// The built Storybook (dist/storybook, `npm run build-storybook`, a Vite build of the stories):
// every story with a <keck-map> must draw its areas (canvas pixels), fire keck-load and no
// keck-error, with no failed request or console error; each element has a Docs page generated
// from custom-elements.json; the loading and error stories (tag `state`) show their message.
// `npm test` builds Storybook first.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { assertMapDraws, launchChromium, openMapPage } from './map-page.mjs';

const STORYBOOK = path.resolve(import.meta.dirname, '../../dist/storybook');
const index = existsSync(path.join(STORYBOOK, 'index.json'))
  ? JSON.parse(readFileSync(path.join(STORYBOOK, 'index.json'), 'utf8'))
  : { entries: {} };
// Every story that renders a map: the map's own and those of other elements that link one.
const stories = Object.values(index.entries).filter((entry) => entry.type === 'story');
const states = stories.filter((entry) => entry.tags?.includes('state'));
const mapStories = stories.filter((entry) => !states.includes(entry) && /keck-map|with-map/.test(entry.id));
const TAGS = ['keck-area-report', 'keck-chart', 'keck-map', 'keck-poi-layer', 'keck-table'];

let browser;
let server;
before(async () => {
  assert.ok(mapStories.length >= 5, 'run `npm run build-storybook` first (dist/storybook/index.json lists the map stories)');
  browser = await launchChromium();
  server = await startStaticServer({ mounts: { '/': STORYBOOK } });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

describe('the built Storybook', () => {
  test('lists the map stories', () => assert.ok(mapStories.length >= 5, `${mapStories.length} map stories`));
  test('has a Docs page for every element', () => {
    const docs = Object.values(index.entries).filter((entry) => entry.type === 'docs').map((entry) => entry.id);
    for (const tag of TAGS) assert.ok(docs.includes(`elements-${tag}--docs`), `a Docs page for <${tag}> (${docs.join(', ')})`);
  });

  for (const tag of TAGS) {
    test(`<${tag}>'s Docs page lists its attributes, events and custom properties from the manifest`, async () => {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto(`${server.url}/iframe.html?id=elements-${tag}--docs&viewMode=docs`);
        await page.waitForFunction(() => /--keck-/.test(document.querySelector('#storybook-docs')?.textContent ?? ''), null, { timeout: 60000 });
        const text = await page.evaluate(() => document.querySelector('#storybook-docs').textContent);
        for (const expected of ['src', tag === 'keck-poi-layer' ? 'categories' : 'group', tag === 'keck-poi-layer' ? 'keck-error' : 'keck-load', '--keck-accent']) {
          assert.ok(text.includes(expected), `the Docs page of <${tag}> names ${expected}`);
        }
      } finally {
        await context.close();
      }
    });
  }

  test('has loading and error stories for every element', () => {
    for (const tag of TAGS) assert.ok(states.some((entry) => entry.id.startsWith(`elements-${tag}--`)), `a state story for <${tag}>`);
    for (const tag of ['keck-area-report', 'keck-chart', 'keck-map', 'keck-table']) {
      for (const name of ['loading', 'error']) assert.ok(states.some((entry) => entry.id === `elements-${tag}--${name}`), `elements-${tag}--${name}`);
    }
  });

  for (const story of states) {
    test(`${story.title} / ${story.name}: shows its message`, async () => {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto(`${server.url}/iframe.html?id=${story.id}&viewMode=story`);
        const shown = await page.waitForFunction(
          () => {
            const all = (root) => [root, ...[...root.querySelectorAll('*')].flatMap((el) => (el.shadowRoot ? all(el.shadowRoot) : []))];
            const status = all(document).flatMap((root) => [...root.querySelectorAll('[part~="status"]')]).find((el) => el.textContent.trim() && !/geladen|Loading/.test(el.textContent) === !/loading/.test(location.search));
            return status && { role: status.getAttribute('role'), text: status.textContent.replace(/\s+/g, ' ').trim() };
          },
          null,
          { timeout: 60000 },
        );
        const { role, text } = await shown.jsonValue();
        assert.ok(text.length > 10, text);
        if (/--(error|unknown)/.test(story.id)) assert.equal(role, 'alert', text);
        if (/--error$/.test(story.id)) assert.match(text, /does-not-exist.*404/);
      } finally {
        await context.close();
      }
    });
  }

  for (const story of mapStories) {
    test(`${story.title} / ${story.name}: the map draws`, async () => {
      const seen = await openMapPage(browser, `${server.url}/iframe.html?id=${story.id}&viewMode=story`);
      await seen.context.close();
      assertMapDraws(seen, { csp: false });
    });
  }
});
