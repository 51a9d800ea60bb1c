// JavaScript (gzip -9) a page with only <keck-table> downloads before any export, against the
// 15 KiB goal; then what an XLSX export click adds (the lazily loaded writer). Confirms that
// neither maplibre nor vega is fetched. Measures the built library: run `npm run build` first.
import { existsSync } from 'node:fs';
import { javascriptGzipBytes, kib, pageDownloads, repoRoot, serveRepo, withBrowser } from './lib/browser.mjs';

const GOAL_KIB = 15;
const HEAVY = { maplibre: /maplibre/i, vega: /vega/i };

if (!existsSync(`${repoRoot}dist/cdn/table.js`)) {
  console.error('dist/cdn/table.js is missing: run `npm run build` first.');
  process.exit(1);
}

const isJavaScript = (response) => /\.m?js$/.test(new URL(response.url).pathname);
const heavyIn = (responses) =>
  Object.entries(HEAVY)
    .filter(([, pattern]) => responses.some((r) => pattern.test(r.url) || pattern.test(r.body.toString('latin1'))))
    .map(([name]) => name);

const server = await serveRepo();
try {
  await withBrowser(async (browser) => {
    const { responses, page, context } = await pageDownloads(browser, `${server.url}/bench/pages/table-export.html`, {
      until: async (p) => {
        await p.waitForFunction(() => document.querySelector('keck-table')?.shadowRoot?.querySelector('table'));
        await p.waitForLoadState('networkidle');
      },
      keepOpen: true,
    });
    const before = responses.filter(isJavaScript);
    const beforeBytes = javascriptGzipBytes(before);
    const countBefore = responses.length;

    await page.evaluate(() => {
      const table = document.querySelector('keck-table');
      table.addEventListener('keck-export', (event) => event.preventDefault(), { once: true });
      window.__exported = new Promise((resolve) => table.addEventListener('keck-export', (event) => resolve(event.blob.size), { once: true }));
      table.shadowRoot.querySelector('.export button.xlsx').click();
    });
    const xlsxBytes = await page.evaluate(() => window.__exported);
    await page.waitForLoadState('networkidle');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const after = responses.filter(isJavaScript);
    const added = responses.slice(countBefore).filter(isJavaScript);
    const afterBytes = javascriptGzipBytes(after);
    await context.close();

    console.log('<keck-table> page (Vechta demo), JavaScript gzip -9:');
    console.table([
      { moment: 'before any export', files: before.length, gzip: kib(beforeBytes), goal: `${GOAL_KIB} KiB`, within: beforeBytes <= GOAL_KIB * 1024 ? 'yes' : 'NO' },
      { moment: 'after XLSX export click', files: after.length, gzip: kib(afterBytes), goal: '–', within: '–' },
      { moment: 'added by the export', files: added.length, gzip: kib(afterBytes - beforeBytes), goal: '–', within: '–' },
    ]);
    for (const r of before) console.log(`  before  ${kib(r.gzipBytes).padStart(9)}  ${new URL(r.url).pathname}`);
    for (const r of added) console.log(`  export  ${kib(r.gzipBytes).padStart(9)}  ${new URL(r.url).pathname}`);
    console.log(`XLSX file written: ${xlsxBytes} bytes`);
    const heavy = heavyIn(responses);
    console.log(`maplibre or vega downloaded: ${heavy.length ? `YES (${heavy.join(', ')})` : 'no'}`);
    if (heavy.length) process.exitCode = 1;
  });
} finally {
  await server.close();
}
