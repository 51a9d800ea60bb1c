// The printed area report: rendered to an A4 PDF by Chromium (print media), read back with
// pdf.js, then checked page by page: no table row cut across a page break, the table header
// repeated on every page with rows, the toolbar not printed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';
import { startStaticServer } from '../../scripts/static-server.mjs';

const root = path.resolve(import.meta.dirname, '../..');

async function pagesText(pdf) {
  const document = await pdfjs.getDocument({ data: new Uint8Array(pdf), disableFontFace: true, useSystemFonts: false }).promise;
  const pages = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => item.str + (item.hasEOL ? '\n' : ' ')).join('').replace(/\s+/g, ' '));
  }
  await document.destroy();
  return pages;
}

const count = (text, pattern) => (text.match(pattern) ?? []).length;

test('the printed report keeps rows whole and repeats the header on every A4 page', { timeout: 120000 }, async () => {
  const bundle = await mkdtemp(path.join(tmpdir(), 'keck-report-print-'));
  await build({ entryPoints: { define: path.join(root, 'src/area-report/define.ts') }, bundle: true, format: 'esm', outdir: bundle, logLevel: 'silent', tsconfig: path.join(root, 'tsconfig.json') });
  const server = await startStaticServer({ mounts: { '/': root, '/__bundle/': bundle } });
  const executablePath = findChromium({ install: true });
  assert.ok(executablePath, 'Chromium is needed');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/test/fixtures/report/print.html`);
    await page.waitForFunction(() => document.querySelector('keck-area-report')?.shadowRoot?.querySelectorAll('tbody tr').length === 48);
    await page.emulateMedia({ media: 'print' });
    const layout = await page.evaluate(() => {
      const shadow = document.querySelector('keck-area-report').shadowRoot;
      return {
        toolbar: getComputedStyle(shadow.querySelector('.exports')).display,
        rowBreak: getComputedStyle(shadow.querySelector('tbody tr')).breakInside,
        header: getComputedStyle(shadow.querySelector('thead')).display,
      };
    });
    assert.deepEqual(layout, { toolbar: 'none', rowBreak: 'avoid', header: 'table-header-group' });

    const pdf = await page.pdf({ format: 'A4', margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' } });
    const pages = await pagesText(pdf);
    assert.ok(pages.length > 1, `several pages expected, got ${pages.length}`);

    // Only the tables: cut the text where the footnotes begin.
    let tablesDone = false;
    let rows = 0;
    for (const [i, full] of pages.entries()) {
      if (tablesDone) break;
      const end = full.indexOf('Definitionen und Quellen');
      const text = end >= 0 ? full.slice(0, end) : full;
      tablesDone = end >= 0;
      const titles = count(text, /Fiktiver Indikator \d\d/g);
      const unitYears = count(text, /in %, 2023/g);
      const values = count(text, /\d+,\d %/g);
      const headers = count(text, /Referenz: Musterstadt \(gesamt\)/g);
      const where = `page ${i + 1} of ${pages.length}`;
      assert.equal(unitYears, titles, `${where}: a row's indicator cell is split across pages`);
      assert.equal(values, 4 * titles, `${where}: a row's values are split across pages`);
      if (titles > 0) assert.ok(headers >= 1, `${where}: the table header is not repeated`);
      rows += titles;
    }
    assert.equal(rows, 48, 'every row printed once');
    assert.ok(!pages.join('\n').includes('Als PDF herunterladen'), 'the toolbar is not printed');
    console.log(`report print: ${pages.length} A4 pages, 48 rows, 0 cut`);
  } finally {
    await browser.close();
    await server.close();
    await rm(bundle, { recursive: true, force: true });
  }
});
