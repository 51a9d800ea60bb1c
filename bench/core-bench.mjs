// Semantics core benchmark: suppression, classification and styling of 11,299 areas × 50
// indicators (synthetic, seeded), against a naive baseline in the same run.
// Usage: node bench/core-bench.mjs
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(path.join(tmpdir(), 'keck-core-bench-'));
const entry = path.join(dir, 'entry.ts');
writeFileSync(entry, `export * from ${JSON.stringify(path.join(root, 'src/core/index.ts'))};\nexport { Atlas } from ${JSON.stringify(path.join(root, 'src/data/atlas.ts'))};\n`);
const outfile = path.join(dir, 'core.mjs');
await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'error', absWorkingDir: root, nodePaths: [path.join(root, 'node_modules')] });
const core = await import(pathToFileURL(outfile).href);
rmSync(dir, { recursive: true, force: true });

const AREAS = 11299;
const DISTRICTS = 113;
const COUNTS = 25;
const YEAR = 2024;

// mulberry32: a small seeded generator, so every run measures the same data.
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(42);

const areas = Array.from({ length: AREAS }, (_, i) => ({ key: `B${String(i).padStart(5, '0')}`, name: `Block ${i}`, parent: `D${i % DISTRICTS}` }));
const levels = [
  { id: 'city', title: 'Stadt', areas: [{ key: 'X', name: 'Stadt' }] },
  { id: 'district', title: 'Bezirk', parent: 'city', areas: Array.from({ length: DISTRICTS }, (_, d) => ({ key: `D${d}`, name: `Bezirk ${d}`, parent: 'X' })) },
  { id: 'block', title: 'Block', parent: 'district', areas },
];
const indicator = (id, fields) => ({ id, title: id, unit: '', kind: 'count', decimals: 0, definition: '', source: '', years: [YEAR], topic: 't', published: true, ...fields });
const indicators = [
  indicator('c0', { unit: 'Personen' }),
  ...Array.from({ length: COUNTS - 1 }, (_, i) => indicator(`c${i + 1}`, { unit: 'Personen' })),
  ...Array.from({ length: COUNTS }, (_, i) =>
    indicator(`s${i}`, { kind: 'share', unit: '%', decimals: 2, numerator: i === 0 ? undefined : `c${i}`, denominator: 'c0', polarity: ['higher-worse', 'higher-better', 'neutral'][i % 3] }),
  ),
];

// Leaf counts: c0 the population, c1… parts of it; shares c_i / c0 (s0 without numerator).
const leaf = areas.map(() => {
  const population = Math.floor(10 + rand() * rand() * 600);
  return [population, ...Array.from({ length: COUNTS - 1 }, () => Math.floor(population * rand() * 0.4))];
});
const blocks = [];
const sumBy = (rows, keyOf) => {
  const sums = new Map();
  rows.forEach((row, i) => {
    const key = keyOf(i);
    const sum = sums.get(key) ?? new Array(COUNTS).fill(0);
    row.forEach((v, c) => (sum[c] += v));
    sums.set(key, sum);
  });
  return sums;
};
const blockRows = new Map(areas.map((area, i) => [area.key, leaf[i]]));
const districtRows = sumBy(leaf, (i) => areas[i].parent);
const total = sumBy(leaf, () => 'X').get('X');
const share = (row, c) => (row[0] > 0 ? Math.round((10000 * (c === 0 ? row[0] / 2 : row[c])) / row[0]) / 100 : null);
for (const [level, rows] of [['city', new Map([['X', total]])], ['district', districtRows], ['block', blockRows]]) {
  for (let c = 0; c < COUNTS; c++) {
    blocks.push({ indicator: `c${c}`, level, year: YEAR, reference: total[c], values: Object.fromEntries([...rows].map(([k, row]) => [k, row[c]])) });
    blocks.push({ indicator: `s${c}`, level, year: YEAR, reference: share(total, c), values: Object.fromEntries([...rows].map(([k, row]) => [k, share(row, c)])) });
  }
}

/** Median of `repeat` runs after one warm-up; `prepare` makes each run's input, untimed. */
const time = (run, repeat = 5, prepare = () => undefined) => {
  run(prepare());
  const samples = [];
  for (let i = 0; i < repeat; i++) {
    const input = prepare();
    const start = performance.now();
    run(input);
    samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b)[Math.floor(repeat / 2)];
};
const ms = (value) => `${value.toFixed(1).padStart(8)} ms`;

console.log(`keck-atlas core benchmark: ${AREAS.toLocaleString('en')} areas × ${indicators.length} indicators, ${blocks.length} value blocks (median of 5)`);

let suppressed;
const suppression = time(() => (suppressed = core.suppress({ indicators, levels, blocks })), 3);
const byRule = suppressed.report.reduce((acc, r) => ((acc[r.rule] = (acc[r.rule] ?? 0) + 1), acc), {});
console.log(`suppress (whole cube, 3 levels)          ${ms(suppression)}   hidden cells: ${JSON.stringify(byRule)}`);

const manifest = {
  contract: '1.0', id: 'bench', title: 'Bench', build: 'public', attribution: [], reference: { name: 'Stadt' },
  defaults: { level: 'block' }, topics: [{ id: 't', title: 'T' }], levels, indicators, values: [],
};
// Builds every view and reads each area's class and colour once, as the map does; a view
// that makes its areas lazily is charged for making them.
const styleAll = (classification, atlas = new core.Atlas(manifest, 'file:///bench/atlas.json', suppressed.blocks)) => {
  for (const { id } of indicators) {
    for (const area of core.styledView(atlas, { indicator: id, level: 'block', year: YEAR, locale: 'de', classification }).areas) {
      area.classIndex;
      area.colour;
    }
  }
};
const GOAL_MS = 50;
for (const method of ['quantile', 'equal', 'jenks']) {
  const elapsed = time(() => styleAll(method));
  const verdict = elapsed < GOAL_MS ? 'within' : 'OVER';
  console.log(`classify + style 50 × 11,299 (${method.padEnd(8)})   ${ms(elapsed)}   = ${(elapsed / indicators.length).toFixed(1)} ms per indicator (${verdict} the ${GOAL_MS} ms goal)`);
}

// The same on an atlas whose columns are built (as after the first view of each block):
// a new classification, class count, colours or locale costs only this.
const loadedAtlas = () => {
  const atlas = new core.Atlas(manifest, 'file:///bench/atlas.json', suppressed.blocks);
  for (const { id } of indicators) atlas.columns(id, 'block', YEAR);
  return atlas;
};
for (const method of ['quantile', 'equal', 'jenks']) {
  const elapsed = time((atlas) => styleAll(method, atlas), 5, loadedAtlas);
  const verdict = elapsed < GOAL_MS ? 'within' : 'OVER';
  console.log(`  … on a loaded atlas (${method.padEnd(8)})      ${ms(elapsed)}   = ${(elapsed / indicators.length).toFixed(1)} ms per indicator (${verdict} the ${GOAL_MS} ms goal)`);
}

const textsAll = time(() => {
  const atlas = new core.Atlas(manifest, 'file:///bench/atlas.json', suppressed.blocks);
  for (const { id } of indicators) for (const area of core.styledView(atlas, { indicator: id, level: 'block', year: YEAR, locale: 'de' }).areas) area.text;
}, 3);
console.log(`  … and read every area's text (565k)     ${ms(textsAll)}   (texts are formatted lazily, on first read)`);

const styleBlocks = suppressed.blocks.filter((b) => b.level === 'block');
const blockValues = styleBlocks.map((block) => areas.map((area) => block.values[area.key]));
const classifyOnly = time(() => {
  for (const values of blockValues) core.classify(values, { method: 'quantile' });
});
console.log(`classify only (quantile, 50 value arrays) ${ms(classifyOnly)}`);

const atlas = new core.Atlas(manifest, 'file:///bench/atlas.json', suppressed.blocks);
styleAll('quantile');
const options = indicators.map(({ id }) => ({ indicator: id, level: 'block', year: YEAR, locale: 'de' }));
for (const o of options) core.styledView(atlas, o);
console.log(`styledView memo hits (50 calls)          ${ms(time(() => options.forEach((o) => core.styledView(atlas, { ...o }))))}`);

// Baseline: what an element would do by hand: sort-based quantiles, a class search per
// value and a new Intl.NumberFormat per value. It is slow, so it runs on 5 of the 50
// indicators; the core reading every text of the same 5 runs beside it.
const sample = styleBlocks.slice(0, 5);
const naive = time(() => {
  for (const block of sample) {
    const values = areas.map((area) => block.values[area.key]);
    const numbers = values.filter((v) => typeof v === 'number').sort((a, b) => a - b);
    const breaks = [1, 2, 3, 4].map((i) => numbers[Math.ceil((numbers.length * i) / 5) - 1]);
    for (const v of values) {
      if (typeof v !== 'number') continue;
      breaks.findIndex((b) => v <= b);
      new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v);
    }
  }
}, 1);
const coreSample = time(() => {
  const fresh = new core.Atlas(manifest, 'file:///bench/atlas.json', suppressed.blocks);
  for (const block of sample) for (const area of core.styledView(fresh, { indicator: block.indicator, level: 'block', year: YEAR, locale: 'de' }).areas) area.text;
}, 1);
console.log(`baseline: naive quantile + per-value Intl, 5 indicators ${ms(naive)}   core with every text read: ${ms(coreSample)}`);
const naiveQuantile = time(() => {
  for (const values of blockValues) {
    const numbers = values.filter((v) => typeof v === 'number').sort((a, b) => a - b);
    [1, 2, 3, 4].map((i) => numbers[Math.ceil((numbers.length * i) / 5) - 1]);
  }
});
console.log(`baseline: naive sort-based quantile only ${ms(naiveQuantile)}`);
