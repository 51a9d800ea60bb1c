// Screenshots of every demo page at phone and desktop width, and the layout audit of each
// (test/harness/layout-audit.js): `node scripts/screenshots.mjs [--widths 375,1280] [--pages index,report]`.
// Writes screenshots/<page>-<width>[-fixed].png (kept out of git) and prints every layout problem.
// `--readme` also writes the README's two pictures (docs/screenshots/front-<width>.png);
// `--tiles` also writes the page in 1,200 px parts; `--fixed` also takes each page with a fixed height (20rem) on every element's host.
// Needs a built library (`npm run build`).
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';
import { startDemoServer } from './demo-server.mjs';
import { DEMO_PAGES, openSettled, FIXED_HEIGHT_CSS } from '../test/harness/demo-pages.mjs';

const { values } = parseArgs({
  options: {
    widths: { type: 'string', default: '375,1280' },
    pages: { type: 'string' },
    fixed: { type: 'boolean', default: false },
    out: { type: 'string', default: 'screenshots' },
    tiles: { type: 'boolean', default: false },
    readme: { type: 'boolean', default: false },
  },
});
const widths = values.widths.split(',').map(Number);
const pages = values.pages ? DEMO_PAGES.filter((page) => values.pages.split(',').includes(page.replace(/\.html$/, '') || 'index')) : DEMO_PAGES;
mkdirSync(values.out, { recursive: true });
if (values.readme) mkdirSync('docs/screenshots', { recursive: true });

const server = await startDemoServer();
const browser = await chromium.launch({ executablePath: findChromium({ install: true }), args: CHROMIUM_ARGS });
let problemCount = 0;
try {
  for (const file of pages) {
    for (const width of widths) {
      for (const fixed of values.fixed ? [false, true] : [false]) {
        const context = await browser.newContext({ viewport: { width, height: 900 } });
        const page = await context.newPage();
        const { problems } = await openSettled(page, `${server.url}/${file}`, { css: fixed ? FIXED_HEIGHT_CSS : '' });
        const name = `${file.replace(/\.html$/, '') || 'index'}-${width}${fixed ? '-fixed' : ''}`;
        await page.screenshot({ path: `${values.out}/${name}.png`, fullPage: true });
        // --readme: the first screen of the front page, as the README shows it (docs/screenshots/).
        if (values.readme && !file && !fixed) {
          await page.evaluate('window.scrollTo(0, 0)');
          await page.screenshot({ path: `docs/screenshots/front-${width}.png`, clip: { x: 0, y: 0, width, height: width < 600 ? 1400 : 1300 } });
        }
        // --tiles: also the page in parts of 1,200 px, readable at phone width.
        if (values.tiles) {
          const height = await page.evaluate('document.documentElement.scrollHeight');
          for (let top = 0, i = 1; top < height; top += 1200, i++) {
            await page.screenshot({ path: `${values.out}/${name}.part${i}.png`, fullPage: true, clip: { x: 0, y: top, width, height: Math.min(1200, height - top) } });
          }
        }
        console.log(`${name}: ${problems.length ? `${problems.length} layout problems` : 'layout clean'}`);
        for (const p of problems) console.log(`  ${p.kind}: ${p.element} ${p.what} — ${p.detail}`);
        problemCount += problems.length;
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`${problemCount} layout problems; screenshots in ${values.out}/`);
