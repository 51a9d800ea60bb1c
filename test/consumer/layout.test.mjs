// Layout where editors meet it: every demo page and every Storybook story at 320, 768 and
// 1280 px, with the elements' natural height and with a fixed height on each host. Nothing an
// element draws lies outside its box, every control is clickable at its centre, and no two text
// labels of a chart or map SVG overprint (test/harness/layout-audit.js). Needs the built
// library and Storybook (`npm test` builds both).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startDemoServer } from '../../scripts/demo-server.mjs';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { DEMO_PAGES, FIXED_HEIGHT_CSS, openSettled } from '../harness/demo-pages.mjs';
import { launchChromium } from './map-page.mjs';

const WIDTHS = [320, 768, 1280];
const STORYBOOK = path.resolve(import.meta.dirname, '../../dist/storybook');
const index = existsSync(path.join(STORYBOOK, 'index.json')) ? JSON.parse(readFileSync(path.join(STORYBOOK, 'index.json'), 'utf8')) : { entries: {} };
// The loading story never settles by design; the others are checked.
const stories = Object.values(index.entries).filter((entry) => entry.type === 'story' && !/--loading$/.test(entry.id));

let browser;
let demo;
let storybook;
before(async () => {
  browser = await launchChromium();
  demo = await startDemoServer();
  storybook = await startStaticServer({ mounts: { '/': STORYBOOK } });
});
after(async () => {
  await browser?.close();
  await demo?.close();
  await storybook?.close();
});

/** Opens the page at each width, natural and fixed height, and collects the audit's problems. */
async function auditAtEveryWidth(url) {
  const found = [];
  for (const width of WIDTHS) {
    for (const fixed of [false, true]) {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      try {
        const page = await context.newPage();
        const { problems } = await openSettled(page, url, { css: fixed ? FIXED_HEIGHT_CSS : '' });
        found.push(...problems.map((p) => `${width}px${fixed ? ', fixed height' : ''}: ${p.kind} ${p.element} ${p.what} (${p.detail})`));
      } finally {
        await context.close();
      }
    }
  }
  return found;
}

describe('layout of the demo pages', () => {
  for (const file of DEMO_PAGES) {
    test(`/${file}`, async () => {
      const problems = await auditAtEveryWidth(`${demo.url}/${file}`);
      assert.deepEqual(problems, [], problems.join('\n'));
    });
  }
});

describe('the iframe fallback (embed.html with embed-host.js)', () => {
  for (const width of WIDTHS) {
    test(`at ${width} px each iframe is as tall as the element it shows, attribution and buttons in view`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      try {
        const page = await context.newPage();
        await openSettled(page, `${demo.url}/embed.html`);
        const frames = page.frames().filter((frame) => frame !== page.mainFrame());
        assert.equal(frames.length, 2);
        for (const frame of frames) {
          const inner = await frame.evaluate(() => {
            const element = document.querySelector('keck-map, keck-table');
            const attribution = element.shadowRoot.querySelector('[part~="attribution"], [part~="notes"]');
            const buttons = [...element.shadowRoot.querySelectorAll('[part~="exports"] button')];
            return {
              documentHeight: Math.ceil(document.documentElement.getBoundingClientRect().height),
              elementBottom: element.getBoundingClientRect().bottom,
              elementScrolls: element.scrollHeight > element.clientHeight + 1,
              attributionBottom: attribution?.getBoundingClientRect().bottom ?? 0,
              attributionText: attribution?.textContent ?? '',
              buttonsBottom: Math.max(...buttons.map((b) => b.getBoundingClientRect().bottom)),
            };
          });
          const frameHeight = await (await frame.frameElement()).evaluate((iframe) => iframe.clientHeight);
          const where = `${width}px, ${new URL(frame.url()).search}`;
          assert.ok(Math.abs(frameHeight - inner.documentHeight) <= 2, `${where}: the iframe is ${frameHeight} px tall, its content ${inner.documentHeight} px`);
          assert.equal(inner.elementScrolls, false, `${where}: the element scrolls inside the iframe`);
          assert.ok(inner.elementBottom <= frameHeight + 1, `${where}: the element ends at ${inner.elementBottom}, below the iframe's ${frameHeight}`);
          assert.ok(inner.attributionBottom > 0 && inner.attributionBottom <= frameHeight, `${where}: the attribution is cut off`);
          assert.ok(inner.buttonsBottom <= frameHeight, `${where}: the download buttons are cut off`);
          if (/view=map/.test(frame.url())) assert.match(inner.attributionText, /GeoBasis-DE/, `${where}: the required attribution`);
        }
      } finally {
        await context.close();
      }
    });
  }
});

describe('layout of the Storybook stories', () => {
  test('the built Storybook lists stories', () => assert.ok(stories.length >= 10, 'run `npm run build-storybook` first'));
  for (const story of stories) {
    test(`${story.title} / ${story.name}`, async () => {
      const problems = await auditAtEveryWidth(`${storybook.url}/iframe.html?id=${story.id}&viewMode=story`);
      assert.deepEqual(problems, [], problems.join('\n'));
    });
  }
});
