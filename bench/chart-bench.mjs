// <keck-chart> benchmark: JS bytes (gzip) a chart-only page downloads and the time to the first
// drawn 400-area column chart, against plain vega-embed of an equivalent spec in the same run.
// Needs `npm run build` first. Usage: node bench/chart-bench.mjs [runs]
// The fictional atlas of the 400 Kreise goes to bench/out/chart/ (not in git).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { javascriptGzipBytes, kib, pageDownloads, repoRoot, serveRepo, withBrowser } from './lib/browser.mjs';

const runs = Number(process.argv[2] ?? 5);
const outDir = path.join(repoRoot, 'bench/out/chart');
mkdirSync(outDir, { recursive: true });
writeFileSync(path.join(repoRoot, 'bench/out/.gitignore'), '*\n');

/** A fictional atlas: the 400 Kreise with invented shares (seeded, so every run draws the same chart). */
function writeFictionalAtlas() {
  const kreise = JSON.parse(readFileSync('/work/shared/data/boundaries/kreise_de.geojson', 'utf8')).features.map((feature) => ({
    key: feature.properties.ars,
    name: feature.properties.name,
  }));
  let seed = 42;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const values = Object.fromEntries(kreise.map((area) => [area.key, Math.round((8 + random() * 14) * 100) / 100]));
  const atlas = {
    contract: '1.0',
    id: 'bench-kreise-fiktiv',
    title: 'Kreise (fiktive Werte, Benchmark)',
    build: 'public',
    attribution: [{ text: 'Fiktive Werte; Kreisnamen und -schlüssel: © GeoBasis-DE / BKG' }],
    reference: { name: 'Deutschland (fiktiv)' },
    defaults: { level: 'kreis', indicator: 'share' },
    topics: [{ id: 'bench', title: 'Benchmark' }],
    levels: [{ id: 'kreis', title: 'Kreise', areas: kreise }],
    indicators: [
      { id: 'share', title: 'Fiktiver Anteil', unit: '%', kind: 'share', decimals: 2, definition: 'Erfunden.', source: 'Fiktiv', years: [2024], topic: 'bench', published: true },
    ],
    values: [{ indicator: 'share', level: 'kreis', year: 2024, reference: 15.02, values }],
  };
  writeFileSync(path.join(outDir, 'atlas.json'), JSON.stringify(atlas));
  return kreise.length;
}

async function bundleBaseline() {
  await build({
    stdin: { contents: "export { default as embed } from 'vega-embed'; export { expressionInterpreter } from 'vega-interpreter';", resolveDir: repoRoot, loader: 'js' },
    bundle: true,
    format: 'esm',
    minify: true,
    platform: 'browser',
    conditions: ['browser', 'production'],
    outfile: path.join(outDir, 'vega-baseline.js'),
    logLevel: 'error',
  });
}

async function measure(browser, url) {
  const times = [];
  let bytes = 0;
  let marks = 0;
  for (let i = 0; i < runs; i++) {
    const { responses, page, context } = await pageDownloads(browser, url, {
      keepOpen: true,
      until: (p) => p.waitForFunction(() => window.chartDrawnAt !== undefined, null, { timeout: 60000 }),
    });
    times.push(await page.evaluate(() => window.chartDrawnAt));
    marks = await page.evaluate(() => window.chartMarks);
    bytes = javascriptGzipBytes(responses);
    await context.close();
  }
  times.sort((a, b) => a - b);
  return { bytes, marks, median: times[Math.floor(times.length / 2)], min: times[0], max: times.at(-1) };
}

const areas = writeFictionalAtlas();
await bundleBaseline();
const server = await serveRepo();
try {
  await withBrowser(async (browser) => {
    const element = await measure(browser, `${server.url}/bench/pages/chart.html`);
    const baseline = await measure(browser, `${server.url}/bench/pages/chart-baseline.html`);
    const row = (label, r) =>
      `${label.padEnd(34)} ${kib(r.bytes).padStart(10)} ${`${r.median.toFixed(0)} ms`.padStart(9)} ${`${r.min.toFixed(0)}–${r.max.toFixed(0)} ms`.padStart(13)} ${String(r.marks).padStart(6)}`;
    console.log(`Column chart of ${areas} fictional Kreise, ${runs} cold page loads each (median, range)`);
    console.log(`${'page'.padEnd(34)} ${'JS gzip'.padStart(10)} ${'drawn'.padStart(9)} ${'range'.padStart(13)} ${'bars'.padStart(6)}`);
    console.log(row('<keck-chart> (dist/cdn/chart.js)', element));
    console.log(row('baseline: plain vega-embed', baseline));
    console.log(`ratio: JS ${(element.bytes / baseline.bytes).toFixed(2)}x, time to first render ${(element.median / baseline.median).toFixed(2)}x`);
  });
} finally {
  await server.close();
}
