// Regression tests for the leaks of issue 13 that the suppression engine and the disclosure
// audit close (4: counts as displayed; 5: shares beside hidden or recomputable counts; 7:
// relations the contract could not express), through protectValues and the real CLI.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importProtect } from '../harness/bundle-protect.mjs';
import { writeAtlasSources } from '../harness/privacy-files.mjs';
import { attack } from '../harness/privacy-tables.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = path.join(root, 'packages/cli/bin/keck-atlas.mjs');
let protectValues;
let work;
const quiet = { progress() {}, warn() {} };
const hidden = (value) => typeof value === 'object' && value !== null && value.suppressed === true;

before(async () => {
  execFileSync(process.execPath, [path.join(root, 'packages/cli/scripts/build.mjs')], { stdio: 'inherit' });
  ({ protectValues } = await importProtect());
  work = mkdtempSync(path.join(tmpdir(), 'keck-privacy-leaks-'));
});
after(() => rmSync(work, { recursive: true, force: true }));

const count = (id, fields = {}) => ({ id, title: id, unit: '', kind: 'count', decimals: 0, definition: 'd', source: 's', years: [2021], topic: 't', published: true, ...fields });
const share = (id, numerator, denominator, fields = {}) => count(id, { kind: 'share', unit: '%', decimals: 1, numerator, denominator, ...fields });
const QUARTERS = ['q0', 'q1', 'q2', 'q3', 'q4'];

/**
 * City X → district D0 → five quarters: `columns` gives each indicator's quarter values per
 * year (counts add up to the district, the city and the reference; shares are computed).
 */
function nestedInput(indicators, columns, { privacy = {}, withheld = [] } = {}) {
  const levels = [
    { id: 'city', title: 'City', areas: [{ key: 'X', name: 'X' }] },
    { id: 'district', title: 'District', parent: 'city', areas: [{ key: 'D0', name: 'D0', parent: 'X' }] },
    { id: 'quarter', title: 'Quarter', parent: 'district', areas: QUARTERS.map((key) => ({ key, name: key, parent: 'D0' })) },
  ];
  const blocks = [];
  const years = [...new Set(Object.values(columns).flatMap((byYear) => Object.keys(byYear)))].map(Number);
  const total = (values) => values.reduce((a, b) => a + b, 0);
  for (const year of years) {
    const valuesOf = (id) => {
      const indicator = indicators.find((i) => i.id === id);
      if (indicator.numerator) {
        const [n, d] = [valuesOf(indicator.numerator), valuesOf(indicator.denominator)];
        return n.map((value, k) => (d[k] > 0 ? Math.round((1000 * value) / d[k]) / 10 : null));
      }
      return columns[id][year];
    };
    for (const indicator of indicators) {
      if (!indicator.numerator && !columns[indicator.id]?.[year]) continue;
      const quarters = valuesOf(indicator.id);
      const sums = indicator.numerator ? undefined : total(quarters);
      const whole = indicator.numerator ? (() => {
        const [n, d] = [total(valuesOf(indicator.numerator)), total(valuesOf(indicator.denominator))];
        return d > 0 ? Math.round((1000 * n) / d) / 10 : null;
      })() : sums;
      blocks.push({ indicator: indicator.id, level: 'quarter', year, values: Object.fromEntries(QUARTERS.map((key, k) => [key, quarters[k]])), reference: whole });
      blocks.push({ indicator: indicator.id, level: 'district', year, values: { D0: whole }, reference: whole });
      blocks.push({ indicator: indicator.id, level: 'city', year, values: { X: whole }, reference: whole });
    }
  }
  for (const indicator of indicators) {
    indicator.years = [...new Set(blocks.filter((b) => b.indicator === indicator.id).map((b) => b.year))];
    indicator.published = !withheld.includes(indicator.id);
  }
  return { indicators, levels, blocks, privacy, withheld: new Set(withheld) };
}

const shown = (input, blocks) => blocks.filter((block) => !input.withheld.has(block.indicator));
const cell = (blocks, indicator, level, key, year = 2021) => {
  const block = blocks.find((b) => b.indicator === indicator && b.level === level && b.year === year);
  return key === 'reference' ? block?.reference : block?.values[key];
};
const narrowest = (intervals) => Math.min(...intervals.map((i) => i.high - i.low));

/** Runs `keck-atlas build` on the input written as office files; returns the exit code, stderr and atlas.json. */
function build(name, input) {
  const dir = path.join(work, name);
  mkdirSync(dir, { recursive: true });
  const config = writeAtlasSources(dir, input);
  const out = path.join(dir, 'out');
  const result = spawnSync(process.execPath, [cli, 'build', config, '--out', out], { encoding: 'utf8' });
  const atlas = result.status === 0 ? JSON.parse(readFileSync(path.join(out, 'atlas.json'), 'utf8')) : undefined;
  return { code: result.status, stderr: result.stderr, atlas };
}

describe('leak 4: counts are judged as displayed', () => {
  it('keck-atlas build hides 3.4 and 3.0000000000000004 (shown as "3")', () => {
    const input = nestedInput([count('kids', { additive: false })], { kids: { 2021: [3.4, 0.1 * 30, 40, 50, 60] } });
    const { code, stderr, atlas } = build('displayed', input);
    assert.equal(code, 0, stderr);
    const block = atlas.values.find((b) => b.indicator === 'kids' && b.level === 'quarter');
    assert.ok(hidden(block.values.q0), `3.4 published as ${JSON.stringify(block.values.q0)}`);
    assert.ok(hidden(block.values.q1), `3.0000000000000004 published as ${JSON.stringify(block.values.q1)}`);
    assert.equal(block.values.q2, 40);
  });
});

describe('leak 5: shares beside hidden or recomputable counts', () => {
  it('hides a share whose displayed value and denominator give a small count (0,64 % of 314 is 2)', async () => {
    const input = nestedInput([count('kids'), count('poor-share', { kind: 'share', unit: '%', decimals: 2, denominator: 'kids' })], { kids: { 2021: [314, 314, 400, 500, 600] } });
    input.blocks.push({ indicator: 'poor-share', level: 'quarter', year: 2021, values: { q0: 0.64, q1: 12.1, q2: 10, q3: 10, q4: 10 } });
    const { blocks } = await protectValues(input, quiet);
    assert.ok(hidden(cell(blocks, 'poor-share', 'quarter', 'q0')));
    assert.equal(cell(blocks, 'poor-share', 'quarter', 'q1'), 12.1);
  });

  it('hides a 100 % share over a group, and its numerator (group disclosure)', async () => {
    const input = nestedInput([count('kids'), count('poor'), share('poor-share', 'poor', 'kids')], { kids: { 2021: [40, 50, 60, 70, 80] }, poor: { 2021: [40, 10, 12, 14, 16] } });
    const { blocks } = await protectValues(input, quiet);
    assert.ok(hidden(cell(blocks, 'poor-share', 'quarter', 'q0')));
    assert.ok(hidden(cell(blocks, 'poor', 'quarter', 'q0')), 'the numerator would show the share again');
    assert.ok(QUARTERS.some((key) => typeof cell(blocks, 'poor-share', 'quarter', key) === 'number'), 'the other shares stay');
  });

  it('keck-atlas build with minDenominator hides what would recompute the hidden share', () => {
    const input = nestedInput([count('kids'), count('poor'), share('poor-share', 'poor', 'kids')], { kids: { 2021: [15, 50, 60, 70, 80] }, poor: { 2021: [8, 10, 12, 14, 16] } }, { privacy: { minDenominator: 20 } });
    const { code, stderr, atlas } = build('min-denominator', input);
    assert.equal(code, 0, stderr);
    const value = (indicator) => atlas.values.find((b) => b.indicator === indicator && b.level === 'quarter').values.q0;
    assert.ok(hidden(value('poor-share')));
    assert.ok(hidden(value('poor')) || hidden(value('kids')), `poor ${JSON.stringify(value('poor'))} / kids ${JSON.stringify(value('kids'))} give the share back`);
  });
});

describe('leak 7: relations the contract could not express', () => {
  it('three counts adding up to a published total (not declared) leave no hidden one to recompute', async () => {
    const indicators = [count('kids'), count('u6'), count('u10'), count('u15')];
    const input = nestedInput(indicators, {
      kids: { 2021: [32, 45, 60, 75, 90] },
      u6: { 2021: [2, 15, 20, 25, 30] },
      u10: { 2021: [15, 15, 20, 25, 30] },
      u15: { 2021: [15, 15, 20, 25, 30] },
    });
    const { blocks } = await protectValues(input, quiet);
    const intervals = await attack(input, shown(input, blocks), [{ whole: 'kids', parts: ['u6', 'u10', 'u15'] }]);
    assert.ok(intervals.length > 0);
    assert.ok(narrowest(intervals) >= 4, JSON.stringify(intervals.filter((i) => i.high - i.low < 4)));
  });

  it('a part that is 0 in every cell (not declared) is not given away by the whole and the other part', async () => {
    // kids = boys + girls with no boy anywhere: the data also shows kids = girls, which must not hide the sum.
    const indicators = [count('kids'), count('boys'), count('girls'), count('poor')];
    const input = nestedInput(indicators, {
      kids: { 2021: [12, 15, 20, 25, 30] },
      boys: { 2021: [0, 0, 0, 0, 0] },
      girls: { 2021: [12, 15, 20, 25, 30] },
      poor: { 2021: [0, 0, 0, 0, 0] },
    });
    const { blocks } = await protectValues(input, quiet);
    const intervals = await attack(input, shown(input, blocks), [{ whole: 'kids', parts: ['boys', 'girls'] }]);
    assert.ok(intervals.some((i) => i.name.startsWith('boys|')));
    assert.ok(narrowest(intervals) >= 4, JSON.stringify(intervals.filter((i) => i.high - i.low < 4)));
  });

  it('a published change between years gives no hidden count away', async () => {
    const indicators = [count('kids', { years: [2021, 2022] }), count('kids-change', { changeOf: 'kids', years: [2022] })];
    const input = nestedInput(indicators, {
      kids: { 2021: [2, 40, 50, 60, 70], 2022: [30, 50, 44, 70, 70] },
      'kids-change': { 2022: [28, 10, -6, 10, 0] },
    });
    // The change's reference is the change of the reference.
    const { blocks } = await protectValues(input, quiet);
    const intervals = await attack(input, shown(input, blocks), []);
    assert.ok(narrowest(intervals) >= 4, JSON.stringify(intervals.filter((i) => i.high - i.low < 4)));
  });

  it('a change between years that is not declared is found in the data and protected', async () => {
    const log = { progress() {}, warn: (message) => warnings.push(message) };
    const warnings = [];
    const indicators = [count('kids', { years: [2021, 2022] }), count('kids-change', { years: [2022] })];
    const input = nestedInput(indicators, {
      kids: { 2021: [2, 40, 50, 60, 70], 2022: [30, 50, 44, 70, 70] },
      'kids-change': { 2022: [28, 10, -6, 10, 0] },
    });
    const { blocks } = await protectValues(input, log);
    assert.ok(warnings.some((w) => w.includes('"kids-change" is the change of "kids"')), warnings.join('\n'));
    const attacker = { ...input, indicators: input.indicators.map((i) => (i.id === 'kids-change' ? { ...i, changeOf: 'kids' } : i)) };
    assert.ok(narrowest(await attack(attacker, shown(input, blocks), [])) >= 4);
  });

  it('keck-atlas build protects an unpublished count that equals total − published part', async () => {
    const indicators = [count('kids'), count('boys'), count('girls')];
    const input = nestedInput(indicators, { kids: { 2021: [32, 45, 60, 75, 90] }, boys: { 2021: [30, 25, 30, 40, 45] }, girls: { 2021: [2, 20, 30, 35, 45] } }, { withheld: ['girls'] });
    const { code, stderr, atlas } = build('withheld', input);
    assert.equal(code, 0, stderr);
    assert.ok(!atlas.indicators.some((i) => i.id === 'girls'), 'girls is not published');
    const intervals = (await attack(input, atlas.values)).filter((i) => i.name.startsWith('girls'));
    assert.ok(intervals.length > 0);
    assert.ok(narrowest(intervals) >= 4, JSON.stringify(intervals.filter((i) => i.high - i.low < 4)));
  });
});
