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

/** The text of each line of the PDF, as pdf.js reads it back. */
async function pdfLines(pdf) {
  const document = await pdfjs.getDocument({ data: new Uint8Array(pdf), disableFontFace: true, useSystemFonts: false }).promise;
  const lines = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    let line = '';
    for (const item of content.items) {
      line += item.str;
      if (item.hasEOL) {
        lines.push(line);
        line = '';
      } else line += ' ';
    }
    if (line.trim()) lines.push(line);
  }
  await document.destroy();
  return lines;
}

for (const paper of ['A4', 'A5']) test(`the printed report breaks no word in the middle and no column runs into the next (three Gemeinden of the Vechta demo on ${paper})`, { timeout: 120000 }, async () => {
  const bundle = await mkdtemp(path.join(tmpdir(), 'keck-report-words-'));
  await build({ entryPoints: { define: path.join(root, 'src/area-report/define.ts') }, bundle: true, format: 'esm', outdir: bundle, logLevel: 'silent', tsconfig: path.join(root, 'tsconfig.json') });
  const server = await startStaticServer({ mounts: { '/': root, '/__bundle/': bundle } });
  const browser = await chromium.launch({ executablePath: findChromium({ install: true }), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/test/fixtures/report/print-vechta.html`);
    await page.waitForFunction(() => document.querySelector('keck-area-report')?.shadowRoot?.querySelectorAll('tbody tr').length >= 5);
    await page.emulateMedia({ media: 'print' });
    // The page box at 96 dpi without the margins, so that the layout checked is the printed one.
    await page.setViewportSize({ width: paper === 'A4' ? 680 : 469, height: 1000 });
    const words = new Set(
      (await page.evaluate(() => document.querySelector('keck-area-report').shadowRoot.querySelector('article').innerText))
        .split(/\s+/)
        .map((word) => word.replace(/^[„“"(\[]+|[“”",.;:)\]]+$/g, ''))
        .filter(Boolean),
    );
    const overlapping = await page.evaluate(() => {
      const shadow = document.querySelector('keck-area-report').shadowRoot;
      const found = [];
      for (const row of shadow.querySelectorAll('tr')) {
        const cells = [...row.children];
        cells.forEach((cell, i) => {
          const next = cells[i + 1];
          if (next && cell.scrollWidth > cell.clientWidth + 1) found.push(`${cell.textContent.trim().slice(0, 30)} (${cell.scrollWidth} > ${cell.clientWidth})`);
        });
      }
      return found;
    });
    assert.deepEqual(overlapping, [], 'cells whose text runs into the next column');
    const pdf = await page.pdf({ format: paper, margin: paper === 'A4' ? { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' } : { top: '12mm', bottom: '12mm', left: '12mm', right: '12mm' } });
    const broken = [];
    for (const line of await pdfLines(pdf)) {
      for (const token of line.split(/\s+/).map((word) => word.replace(/^[„“"(\[]+|[“”",.;:)\]]+$/g, '')).filter(Boolean)) {
        // Footnote and list numbers stand alone; a word may end a line at its own hyphen
        // ("Neuenkirchen-" / "Vörden") or at one the browser adds at a syllable; any other piece is a broken word.
        const atHyphen = [...words].some((word) => (token.endsWith('-') && word.startsWith(token)) || word.includes(`-${token}`));
        const hyphenated = token.endsWith('-') && [...words].some((word) => word.startsWith(token.slice(0, -1)));
        if (!words.has(token) && !/^\d+$/.test(token) && !atHyphen && !hyphenated) broken.push(`${token} (in "${line}")`);
      }
    }
    assert.deepEqual(broken, [], `pieces of words in the printed report:\n${broken.join('\n')}`);
  } finally {
    await browser.close();
    await server.close();
    await rm(bundle, { recursive: true, force: true });
  }
});
