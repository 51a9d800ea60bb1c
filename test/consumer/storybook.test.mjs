// The built Storybook (dist/storybook, `npm run build-storybook`, a Vite build of the stories):
// every story with a <keck-map> must draw its areas (canvas pixels), fire keck-load and no
// keck-error, with no failed request or console error. `npm test` builds Storybook first.
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
const mapStories = Object.values(index.entries).filter((entry) => entry.type === 'story' && /keck-map|with-map/.test(entry.id));

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
  for (const story of mapStories) {
    test(`${story.title} / ${story.name}: the map draws`, async () => {
      const seen = await openMapPage(browser, `${server.url}/iframe.html?id=${story.id}&viewMode=story`);
      await seen.context.close();
      assertMapDraws(seen, { csp: false });
    });
  }
});
