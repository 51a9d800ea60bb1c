// Prints the JavaScript (gzip -9) each kind of page downloads, against the budgets in the
// README, and which heavy libraries each page pulled in.
import { javascriptGzipBytes, kib, pageDownloads, serveRepo, withBrowser } from './lib/browser.mjs';

// Budgets (also in the README): the heavy library a page needs plus at most ~50 KiB of ours;
// the table page carries no heavy library at all.
export const BUDGETS_KIB = { table: 15, chart: 340, map: 500, all: 820 };
// Recognised by their chunk names (rollup names a chunk after its first module), or for the
// vega bundle (named after vega-embed's entry) by its content.
const HEAVY = {
  maplibre: (r) => /maplibre-gl/.test(r.url),
  vega: (r) => r.bytes > 100 * 1024 && /vega-lite/.test(r.body.toString()),
  xlsx: (r) => /write-excel-file|\/browser-[\w-]+\.js$/.test(r.url) && /xl\/worksheets/.test(r.body.toString()),
  pdf: (r) => /jspdf|svg2pdf/i.test(r.url),
};

const server = await serveRepo();
const rows = [];
try {
  await withBrowser(async (browser) => {
    for (const page of Object.keys(BUDGETS_KIB)) {
      const { responses } = await pageDownloads(browser, `${server.url}/bench/pages/size-${page}.html`, {
        until: (p) => p.waitForLoadState('networkidle'),
      });
      const js = responses.filter((r) => /\.m?js$/.test(new URL(r.url).pathname));
      const heavy = Object.entries(HEAVY)
        .filter(([, isHeavy]) => js.some(isHeavy))
        .map(([name]) => name);
      const bytes = javascriptGzipBytes(responses);
      rows.push({ page, files: js.length, gzip: kib(bytes), budget: `${BUDGETS_KIB[page]} KiB`, within: bytes <= BUDGETS_KIB[page] * 1024 ? 'yes' : 'NO', heavy: heavy.join(', ') || '–' });
    }
  });
} finally {
  await server.close();
}
console.table(rows);
console.log('JavaScript a page downloads before any export click, gzip -9, CDN build (dist/cdn/), demo atlas of Vechta.');
