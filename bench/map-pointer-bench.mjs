// The map's cost per pointer move (main-thread task time per mousemove over the areas, from
// Chromium's Performance metrics) and the time of one PNG and one SVG export, for this checkout's
// build against a baseline build of an earlier commit, in one run, on the national atlas
// (demo/atlas/deutschland, 11,299 Gemeinden) and on Vechta (10 Gemeinden).
// KECK_BENCH_BASELINE=<commit> picks the baseline (default: a913e31, main before the view
// controller of issue 14); it is checked out and built in the temporary folder keck-bench-baseline-<commit>.
// Needs `npm run build` first (`npm run bench -- map-pointer` does it).
import { execFileSync } from 'node:child_process';
import { existsSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot, serveRepo, withBrowser } from './lib/browser.mjs';

const BASELINE = process.env.KECK_BENCH_BASELINE ?? 'a913e31';
const MOVES = Number(process.env.POINTER_MOVES ?? 150);
const ATLASES = ['/demo/atlas/deutschland/atlas.json', '/demo/atlas/vechta/atlas.json'];

function baselineBuild() {
  const dir = path.join(tmpdir(), `keck-bench-baseline-${BASELINE}`);
  if (!existsSync(path.join(dir, 'dist/cdn/map.js'))) {
    if (!existsSync(dir)) execFileSync('git', ['worktree', 'add', '--detach', dir, BASELINE], { cwd: repoRoot, stdio: 'inherit' });
    if (!existsSync(path.join(dir, 'node_modules'))) symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'));
    execFileSync('node', ['scripts/compile-schema.mjs'], { cwd: dir, stdio: 'inherit' });
    execFileSync('npx', ['rollup', '-c', '--silent'], { cwd: dir, stdio: 'inherit' });
  }
  return dir;
}

async function measure(browser, server, lib, atlas) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/bench/pages/map-pointer.html?lib=${encodeURIComponent(lib)}&atlas=${encodeURIComponent(atlas)}`);
  await page.waitForFunction(() => window.benchReady || window.benchError, null, { timeout: 300_000 });
  const error = await page.evaluate(() => window.benchError);
  if (error) throw new Error(`${lib} ${atlas}: ${error}`);
  const box = await page.evaluate(() => window.benchMapBox);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const taskSeconds = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;
  // A first pass warms maplibre's feature index and the element's paths; the second is measured.
  const path = (i) => ({ x: box.x + 20 + ((i * 37) % (box.width - 40)), y: box.y + 20 + ((i * 53) % (box.height - 40)) });
  for (let i = 0; i < 20; i++) await page.mouse.move(path(i).x, path(i).y);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const before = await taskSeconds();
  for (let i = 0; i < MOVES; i++) await page.mouse.move(path(i).x, path(i).y);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const perMove = ((await taskSeconds()) - before) * 1000 / MOVES;
  const png = await page.evaluate(() => window.benchExport('png'));
  const svg = await page.evaluate(() => window.benchExport('svg'));
  await context.close();
  return { perMove, png: png.ms, svg: svg.ms };
}

const server = await serveRepo({ '/baseline/': baselineBuild() });
const baseline = '/baseline/dist/cdn/map.js';
try {
  await withBrowser(async (browser) => {
    console.log(`map pointer-move and export cost, ${MOVES} moves, baseline ${BASELINE}`);
    console.log('atlas'.padEnd(40), 'build'.padEnd(10), 'ms/move'.padStart(9), 'PNG ms'.padStart(9), 'SVG ms'.padStart(9));
    for (const atlas of ATLASES) {
      const results = {};
      for (const [name, lib] of [['baseline', baseline], ['current', '/dist/cdn/map.js']]) {
        results[name] = await measure(browser, server, lib, atlas);
        const r = results[name];
        console.log(atlas.padEnd(40), name.padEnd(10), r.perMove.toFixed(2).padStart(9), r.png.toFixed(0).padStart(9), r.svg.toFixed(0).padStart(9));
      }
      const ratio = (key) => (results.current[key] / results.baseline[key]).toFixed(2);
      console.log(''.padEnd(40), 'current/baseline'.padEnd(10), ratio('perMove').padStart(3), ratio('png').padStart(9), ratio('svg').padStart(9));
    }
  });
} finally {
  await server.close();
}
