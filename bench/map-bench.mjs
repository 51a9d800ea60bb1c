// Time from navigation to complete first draw and peak renderer memory for all 11,299 Gemeinden,
// in one run: <keck-map> on a prepared atlas (indexed, simplified FlatGeobuf), plain maplibre-gl
// and Leaflet 1.9 (canvas renderer) loading GeoJSON — the full 42 MB file and the same simplified
// geometry the <keck-map> page gets. Each page runs in a fresh browser; memory is the peak resident
// size (VmHWM) of the page's renderer process (its workers included) and of the GPU process.
// Needs `npm run build` first (`npm run bench -- map` does it).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot, serveRepo, withBrowser } from './lib/browser.mjs';

const SHARED = '/work/shared/data';
const FULL_GEOJSON = path.join(SHARED, 'boundaries/gemeinden_de_vg250_2016.geojson');
const OUT = path.join(repoRoot, 'bench/out/map-bench');
const RUNS = Number(process.env.MAP_BENCH_RUNS ?? 2);
const TIMEOUT = 300_000;

if (!existsSync(path.join(repoRoot, 'dist/cdn/map.js'))) {
  console.error('dist/cdn/map.js is missing: run `npm run build` first (or `npm run bench -- map`).');
  process.exit(1);
}
mkdirSync(OUT, { recursive: true });

/** The national atlas: `keck-atlas build` output (bench/out/national), the demo copy, else one prepared here with ogr2ogr. */
function nationalAtlas() {
  for (const candidate of ['bench/out/national/atlas.json', 'demo/atlas/deutschland/atlas.json']) {
    if (existsSync(path.join(repoRoot, candidate))) return candidate;
  }
  const dir = path.join(OUT, 'prepared');
  mkdirSync(dir, { recursive: true });
  execFileSync('ogr2ogr', ['-f', 'FlatGeobuf', path.join(dir, 'gemeinden.fgb'), FULL_GEOJSON, '-simplify', '0.001', '-select', 'ags,name', '-lco', 'SPATIAL_INDEX=YES']);
  const source = JSON.parse(readFileSync(FULL_GEOJSON, 'utf8'));
  const areas = source.features.map((f) => ({ key: String(f.properties.ags), name: String(f.properties.name) }));
  const values = Object.fromEntries(areas.map((area, i) => [area.key, (i * 37) % 101]));
  const manifest = {
    contract: '1.0',
    id: 'bench-national',
    title: 'Alle Gemeinden (Benchmark)',
    build: 'public',
    attribution: [{ text: '© GeoBasis-DE / BKG 2017 (Daten verändert)', url: 'https://www.bkg.bund.de' }],
    reference: { name: 'Deutschland' },
    defaults: { level: 'gemeinde', indicator: 'index', year: 2016 },
    topics: [{ id: 'bench', title: 'Benchmark' }],
    levels: [{ id: 'gemeinde', title: 'Gemeinden', geometry: { url: 'gemeinden.fgb', keyField: 'ags', nameField: 'name', indexed: true }, areas }],
    indicators: [{ id: 'index', title: 'Index (fiktiv)', unit: '', kind: 'other', decimals: 0, definition: 'fiktiv', source: 'fiktiv', years: [2016], topic: 'bench', published: true }],
    values: [{ indicator: 'index', level: 'gemeinde', year: 2016, values }],
  };
  writeFileSync(path.join(dir, 'atlas.json'), JSON.stringify(manifest));
  return path.relative(repoRoot, path.join(dir, 'atlas.json'));
}

/** The atlas's geometry as GeoJSON, for the peers on identical simplified shapes. */
function simplifiedGeojson(atlasPath) {
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, atlasPath), 'utf8'));
  const fgb = path.join(repoRoot, path.dirname(atlasPath), manifest.levels.find((l) => l.geometry).geometry.url);
  const target = path.join(OUT, 'simplified.geojson');
  if (!existsSync(target) || statSync(target).mtimeMs < statSync(fgb).mtimeMs) {
    execFileSync('ogr2ogr', ['-f', 'GeoJSON', '-overwrite', target, fgb]);
  }
  return { url: `/${path.relative(repoRoot, target)}`, fgbBytes: statSync(fgb).size, bytes: statSync(target).size };
}

function procStatus(pid) {
  try {
    return readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return '';
  }
}

const vmHwmKiB = (pid) => Number(/VmHWM:\s+(\d+)/.exec(procStatus(pid))?.[1] ?? NaN);
const parentOf = (pid) => Number(/PPid:\s+(\d+)/.exec(procStatus(pid))?.[1] ?? 0);

/** Renderer processes descending from `browserPid` (they fork from the zygote, not from the browser). */
function rendererPids(browserPid) {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => {
      let cmdline = '';
      try {
        cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      } catch {
        return false;
      }
      if (!cmdline.includes('--type=renderer')) return false;
      for (let p = parentOf(pid); p > 1; p = parentOf(p)) if (p === browserPid) return true;
      return false;
    });
}

async function measure(server, pagePath) {
  return withBrowser(async (browser) => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    const page = await context.newPage();
    const cdp = await browser.newBrowserCDPSession();
    await page.goto(`${server.url}${pagePath}`, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.benchDrawn !== undefined || window.benchError !== undefined, null, { timeout: TIMEOUT, polling: 50 });
    const { drawn, error } = await page.evaluate(() => ({ drawn: window.benchDrawn, error: window.benchError }));
    if (error) throw new Error(`${pagePath}: ${error}`);
    const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
    const gpu = processInfo.find((p) => p.type === 'GPU');
    const browserPid = parentOf(processInfo.find((p) => p.type === 'browser')?.id ?? gpu?.id);
    const browserProcess = processInfo.find((p) => p.type === 'browser')?.id ?? browserPid;
    const renderer = Math.max(0, ...rendererPids(browserProcess).map(vmHwmKiB).filter(Number.isFinite));
    await context.close();
    return { ms: drawn, rendererMiB: renderer / 1024, gpuMiB: (gpu ? vmHwmKiB(gpu.id) : NaN) / 1024 };
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const atlas = nationalAtlas();
const simplified = simplifiedGeojson(atlas);
const full = '/shared/boundaries/gemeinden_de_vg250_2016.geojson';
const pages = [
  ['keck-map (prepared atlas)', `/bench/pages/map-keck.html?atlas=/${atlas}`],
  ['maplibre-gl, full GeoJSON', `/bench/pages/map-maplibre.html?data=${full}`],
  ['Leaflet canvas, full GeoJSON', `/bench/pages/map-leaflet.html?data=${full}`],
  ['maplibre-gl, simplified GeoJSON', `/bench/pages/map-maplibre.html?data=${simplified.url}`],
  ['Leaflet canvas, simplified GeoJSON', `/bench/pages/map-leaflet.html?data=${simplified.url}`],
];

// `node bench/map-bench.mjs keck` runs only the pages whose name contains "keck".
const only = process.argv.slice(2);
const selected = pages.filter(([name]) => only.length === 0 || only.some((word) => name.includes(word)));

console.log(`atlas: ${atlas}; full GeoJSON ${(statSync(FULL_GEOJSON).size / 2 ** 20).toFixed(1)} MiB; simplified FlatGeobuf ${(simplified.fgbBytes / 2 ** 20).toFixed(1)} MiB, as GeoJSON ${(simplified.bytes / 2 ** 20).toFixed(1)} MiB; ${RUNS} run(s) each, median`);
const server = await serveRepo({ '/shared/': SHARED });
const results = {};
try {
  for (const [name, url] of selected) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measure(server, url));
    results[name] = { ms: median(runs.map((r) => r.ms)), rendererMiB: median(runs.map((r) => r.rendererMiB)), gpuMiB: median(runs.map((r) => r.gpuMiB)) };
    const r = results[name];
    console.log(`${name.padEnd(36)} first draw ${r.ms.toFixed(0).padStart(6)} ms   peak renderer ${r.rendererMiB.toFixed(0).padStart(5)} MiB   peak GPU process ${r.gpuMiB.toFixed(0).padStart(5)} MiB`);
  }
} finally {
  await server.close();
}

if (selected.length < pages.length) process.exit(0);
const keck = results['keck-map (prepared atlas)'];
const fasterFull = Math.min(results['maplibre-gl, full GeoJSON'].ms, results['Leaflet canvas, full GeoJSON'].ms);
const fasterSimplified = Math.min(results['maplibre-gl, simplified GeoJSON'].ms, results['Leaflet canvas, simplified GeoJSON'].ms);
const ratio = (a, b) => (a / b).toFixed(2);
console.log('\nratios (goal in brackets):');
console.log(`  time vs faster peer on the full file:            ${ratio(keck.ms, fasterFull)}×  (≤ 0.5×)`);
console.log(`  time vs faster peer on identical simplified data: ${ratio(keck.ms, fasterSimplified)}×  (≤ 1.0×)`);
console.log(`  renderer memory vs plain maplibre-gl, full file:  ${ratio(keck.rendererMiB, results['maplibre-gl, full GeoJSON'].rendererMiB)}×  (< 0.6×)`);
console.log(`  renderer memory vs plain maplibre-gl, simplified: ${ratio(keck.rendererMiB, results['maplibre-gl, simplified GeoJSON'].rendererMiB)}×`);
