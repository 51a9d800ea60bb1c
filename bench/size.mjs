// Prints the JavaScript (gzip -9) each kind of page downloads, against the budgets in the
// README, and which heavy libraries each page pulled in.
import { javascriptGzipBytes, kib, pageDownloads, serveRepo, withBrowser } from './lib/browser.mjs';

export const BUDGETS_KIB = { table: 15, chart: 330, map: 450, all: 800 };
const HEAVY = { maplibre: /maplibre/i, vega: /vega/i, xlsx: /write-excel-file|excel/i, pdf: /jspdf|svg2pdf/i };

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
        .filter(([, pattern]) => js.some((r) => pattern.test(r.url) || pattern.test(r.body.subarray(0, 4000).toString())))
        .map(([name]) => name);
      const bytes = javascriptGzipBytes(responses);
      rows.push({ page, files: js.length, gzip: kib(bytes), budget: `${BUDGETS_KIB[page]} KiB`, within: bytes <= BUDGETS_KIB[page] * 1024 ? 'yes' : 'NO', heavy: heavy.join(', ') || '–' });
    }
  });
} finally {
  await server.close();
}
console.table(rows);
