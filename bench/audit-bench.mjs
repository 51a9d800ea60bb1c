// Build times with and without the disclosure audit: the demo sources (those that need no
// shared files) and a generated national count atlas (the 11,299 Gemeinde keys of
// demo/sources/deutschland/gemeinden_flaeche_2016.csv under their Kreise by AGS prefix, on
// square stand-in boundaries, with counts that have random small cells, parts, a share and
// two years). The build runs in-process twice per source: once as shipped, once with the
// protection step replaced by the suppression rules alone; it prints both times, the audit
// summary and the solver's share.
// Usage: node bench/audit-bench.mjs [--years 2] [--seed 1]
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const YEARS = option('--years', 2);
let seed = option('--seed', 1);
const outRoot = path.join(root, 'bench/out');
const scratch = path.join(outRoot, 'audit');
rmSync(scratch, { recursive: true, force: true });
mkdirSync(scratch, { recursive: true });
// bench/out holds large generated files: keep it out of git without touching .gitignore.
writeFileSync(path.join(outRoot, '.gitignore'), '*\n');

/** Bundles buildAtlas with the protection step as shipped (`audit`) or as the rules alone (`rules`). */
async function bundle(variant) {
  const protect = path.join(root, 'packages/cli/src/protect.ts');
  const suppression = path.join(root, 'src/core/suppression.ts');
  const shim =
    variant === 'audit'
      ? `import { protectValues as shipped } from ${JSON.stringify(protect)};
         export { formatAuditSummary } from ${JSON.stringify(protect)};
         export const audits = [];
         export async function protectValues(input, log) { const result = await shipped(input, log); audits.push(result.audit); return result; }`
      : `import { suppress } from ${JSON.stringify(suppression)};
         export const audits = [];
         export const formatAuditSummary = () => [];
         export async function protectValues(input) { return { ...suppress(input), audit: undefined }; }`;
  const outfile = path.join(scratch, `build-${variant}.mjs`);
  await build({
    stdin: { contents: `export { buildAtlas } from './build.js'; export * from './protect.js';`, resolveDir: path.join(root, 'packages/cli/src'), loader: 'ts' },
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
    plugins: [
      {
        name: 'protection-step',
        setup(b) {
          b.onResolve({ filter: /^\.\/protect\.js$/ }, () => ({ path: 'protect', namespace: 'shim' }));
          b.onLoad({ filter: /.*/, namespace: 'shim' }, () => ({ contents: shim, loader: 'ts', resolveDir: path.join(root, 'packages/cli/src') }));
        },
      },
    ],
  });
  return import(pathToFileURL(outfile).href);
}

const random = () => {
  seed = (seed * 1664525 + 1013904223) % 4294967296;
  return seed / 4294967296;
};
const german = (value) => String(value).replace('.', ',');

/** The national count atlas: boundaries, tables per level and year, metadata, config. */
function writeNational() {
  const dir = path.join(scratch, 'national');
  mkdirSync(dir, { recursive: true });
  const rows = readFileSync(path.join(root, 'demo/sources/deutschland/gemeinden_flaeche_2016.csv'), 'utf8').trim().split('\n').slice(1);
  const gemeinden = rows.map((line) => line.split(';')).filter(([key]) => key).map(([key, name]) => ({ key, name, parent: key.slice(0, 5) }));
  const kreise = [...new Set(gemeinden.map((g) => g.parent))].map((key) => ({ key, name: `Kreis ${key}` }));
  const square = (i, size, columns) => {
    const [x, y] = [6 + (i % columns) * size, 47 + Math.floor(i / columns) * size];
    return { type: 'Polygon', coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]] };
  };
  const geojson = (areas, size, columns) => JSON.stringify({ type: 'FeatureCollection', features: areas.map((area, i) => ({ type: 'Feature', properties: { ags: area.key, name: area.name }, geometry: square(i, size, columns) })) });
  writeFileSync(path.join(dir, 'gemeinden.geojson'), geojson(gemeinden, 0.08, 110));
  writeFileSync(path.join(dir, 'kreise.geojson'), geojson(kreise, 0.4, 22));
  // Children per Gemeinde: many small places, as in the real list; boys + girls = kids; poor and u3 with small cells.
  const base = gemeinden.map(() => Math.round(Math.exp(2 + random() * 6)));
  const years = Array.from({ length: YEARS }, (_, y) => 2020 + y);
  const tables = [];
  const ids = ['kids', 'boys', 'girls', 'poor', 'u3', 'poor-share'];
  for (const [y, year] of years.entries()) {
    const values = gemeinden.map((_, g) => {
      const kids = Math.max(0, base[g] + Math.round((random() - 0.5) * 0.1 * base[g]) + y);
      const boys = Math.round(kids * (0.45 + random() * 0.1));
      const poor = Math.round(kids * random() * 0.25);
      return { kids, boys, girls: kids - boys, poor, u3: Math.round(kids * random() * 0.2) };
    });
    const sum = (list) => Object.fromEntries(ids.slice(0, 5).map((id) => [id, list.reduce((t, v) => t + v[id], 0)]));
    const share = (v) => (v.kids > 0 ? Math.round((1000 * v.poor) / v.kids) / 10 : '');
    const line = (key, name, v) => [key, name, ...ids.slice(0, 5).map((id) => v[id]), german(share(v))].join(';');
    const total = sum(values);
    const header = ['Schlüssel', 'Gebiet', ...ids].join(';');
    const gemeindeFile = path.join(dir, `gemeinden-${year}.csv`);
    writeFileSync(gemeindeFile, [header, line('', 'Deutschland', total), ...gemeinden.map((g, i) => line(g.key, g.name, values[i]))].join('\n') + '\n');
    const byKreis = new Map(kreise.map((k) => [k.key, []]));
    gemeinden.forEach((g, i) => byKreis.get(g.parent).push(values[i]));
    const kreisFile = path.join(dir, `kreise-${year}.csv`);
    writeFileSync(kreisFile, [header, line('', 'Deutschland', total), ...kreise.map((k) => line(k.key, k.name, sum(byKreis.get(k.key))))].join('\n') + '\n');
    tables.push({ file: gemeindeFile, level: 'gemeinde', year }, { file: kreisFile, level: 'kreis', year });
  }
  const metadata = ['column;id;title;unit;decimals;kind;topic;definition;source;published;numerator;denominator'];
  for (const id of ids.slice(0, 5)) metadata.push([id, id, id, 'Personen', 0, 'count', 't', 'd', 's', id === 'u3' ? 'nein' : 'ja', '', ''].join(';'));
  metadata.push(['poor-share', 'poor-share', 'poor-share', '%', 1, 'share', 't', 'd', 's', 'ja', 'poor', 'kids'].join(';'));
  writeFileSync(path.join(dir, 'indicators.csv'), metadata.join('\n') + '\n');
  const config = {
    atlas: { id: 'national-counts', title: 'National counts', attribution: [{ text: 'generated' }], reference: { name: 'Deutschland' }, defaults: { level: 'gemeinde' }, topics: [{ id: 't', title: 'T' }] },
    levels: [
      { id: 'kreis', title: 'Kreise', boundaries: path.join(dir, 'kreise.geojson'), keyField: 'ags', nameField: 'name' },
      { id: 'gemeinde', title: 'Gemeinden', parent: 'kreis', boundaries: path.join(dir, 'gemeinden.geojson'), keyField: 'ags', nameField: 'name' },
    ],
    indicators: path.join(dir, 'indicators.csv'),
    tables,
  };
  const file = path.join(dir, 'national.config.json');
  writeFileSync(file, JSON.stringify(config));
  return { file, label: `generated national counts (${gemeinden.length} Gemeinden in ${kreise.length} Kreise, ${YEARS} years, 5 counts + 1 share, u3 unpublished)` };
}

const silent = { progress() {}, warn() {} };
async function time(buildAtlas, config, out) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await buildAtlas(config, { out }, silent);
  const used = process.cpuUsage(cpu);
  return { wall: (performance.now() - start) / 1000, cpu: (used.user + used.system) / 1e6 };
}

const withAudit = await bundle('audit');
const rulesOnly = await bundle('rules');
const sources = readdirSync(path.join(root, 'demo/sources'))
  .filter((file) => file.endsWith('.config.json'))
  .map((file) => ({ file: path.join(root, 'demo/sources', file), label: `demo/sources/${file}` }));
sources.push(writeNational());

console.log('keck-atlas disclosure audit benchmark: full in-process builds, without and with the audit');
for (const source of sources) {
  const out = path.join(scratch, 'out', path.basename(source.file, '.config.json'));
  const without = await time(rulesOnly.buildAtlas, source.file, `${out}-rules`);
  withAudit.audits.length = 0;
  const audited = await time(withAudit.buildAtlas, source.file, `${out}-audit`);
  const audit = withAudit.audits[0];
  console.log(`\n${source.label}`);
  console.log(`  build without audit ${without.wall.toFixed(2)} s wall, ${without.cpu.toFixed(2)} s CPU`);
  console.log(`  build with audit    ${audited.wall.toFixed(2)} s wall, ${audited.cpu.toFixed(2)} s CPU`);
  for (const line of withAudit.formatAuditSummary(audit)) console.log(`  ${line}`);
}
