// Random nested tables for the privacy tests (city → districts → quarters, several years) with
// linked indicators, and an attacker that reads only what is published and solves for every
// hidden small count with javascript-lp-solver (a different solver from the audit's HiGHS).
import fc from 'fast-check';
import solver from 'javascript-lp-solver';

export const YEARS = [2021, 2022, 2023];
const COUNTS = ['kids', 'boys', 'girls', 'poor'];

const smallOrLarge = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 60 }));
const quarter = fc.record({ boys: smallOrLarge, girls: smallOrLarge, poorShare: fc.double({ min: 0, max: 1, noNaN: true }), drift: fc.array(fc.integer({ min: -4, max: 4 }), { minLength: 2, maxLength: 2 }) });

/** A random table: the quarters of each district, the years, privacy settings, what is declared and what is withheld. */
export const tableArbitrary = fc.record({
  districts: fc.array(fc.array(quarter, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
  years: fc.integer({ min: 1, max: 3 }),
  threshold: fc.integer({ min: 3, max: 9 }),
  suppressZero: fc.boolean(),
  extraWidth: fc.constantFrom(0, 0, 2),
  minDenominator: fc.constantFrom(0, 0, 20),
  declareParts: fc.boolean(),
  withheld: fc.subarray(['boys', 'girls', 'poor']),
});

const count = (id, fields = {}) => ({ id, title: id, unit: '', kind: 'count', decimals: 0, definition: 'd', source: 's', years: [], topic: 't', published: true, ...fields });

/** The indicators, levels and blocks of a table, as `protectValues` takes them. */
export function tableInput(table) {
  const years = YEARS.slice(0, table.years);
  const indicators = [
    count('kids', table.declareParts ? { parts: ['boys', 'girls'] } : {}),
    count('boys'),
    count('girls'),
    count('poor'),
    { ...count('poor-share'), kind: 'share', unit: '%', decimals: 1, numerator: 'poor', denominator: 'kids' },
    ...(years.length > 1 ? [{ ...count('kids-change'), changeOf: 'kids' }] : []),
  ].map((indicator) => ({ ...indicator, published: !table.withheld.includes(indicator.id) }));
  const levels = [
    { id: 'city', title: 'City', areas: [{ key: 'X', name: 'X' }] },
    { id: 'district', title: 'District', parent: 'city', areas: table.districts.map((_, d) => ({ key: `D${d}`, name: `D${d}`, parent: 'X' })) },
    {
      id: 'quarter',
      title: 'Quarter',
      parent: 'district',
      areas: table.districts.flatMap((quarters, d) => quarters.map((_, q) => ({ key: `D${d}-${q}`, name: `D${d}-${q}`, parent: `D${d}` }))),
    },
  ];
  const blocks = [];
  const countsByYear = years.map((_, y) => {
    const leaves = new Map();
    table.districts.forEach((quarters, d) =>
      quarters.forEach((leaf, q) => {
        const boys = Math.max(0, leaf.boys + (y > 0 ? leaf.drift[y - 1] : 0));
        const girls = Math.max(0, leaf.girls - (y > 0 ? leaf.drift[y - 1] : 0) * 2);
        const kids = boys + girls;
        leaves.set(`D${d}-${q}`, { kids, boys, girls, poor: Math.round(kids * leaf.poorShare) });
      }),
    );
    const sum = (rows) => Object.fromEntries(COUNTS.map((id) => [id, rows.reduce((total, row) => total + row[id], 0)]));
    const districts = new Map(table.districts.map((quarters, d) => [`D${d}`, sum(quarters.map((_, q) => leaves.get(`D${d}-${q}`)))]));
    return { quarter: leaves, district: districts, city: new Map([['X', sum([...districts.values()])]]) };
  });
  years.forEach((year, y) => {
    for (const level of levels) {
      const rows = countsByYear[y][level.id];
      const total = countsByYear[y].city.get('X');
      const blockOf = (id, valueOf) => ({
        indicator: id,
        level: level.id,
        year,
        values: Object.fromEntries([...rows].map(([key, row]) => [key, valueOf(row, key)])),
        reference: valueOf(total, 'reference'),
      });
      for (const id of COUNTS) blocks.push(blockOf(id, (row) => row[id]));
      blocks.push(blockOf('poor-share', (row) => (row.kids > 0 ? Math.round((1000 * row.poor) / row.kids) / 10 : null)));
      if (y > 0) {
        const before = countsByYear[y - 1][level.id];
        blocks.push(blockOf('kids-change', (row, key) => row.kids - (key === 'reference' ? countsByYear[y - 1].city.get('X') : before.get(key)).kids));
      }
    }
  });
  for (const indicator of indicators) indicator.years = [...new Set(blocks.filter((b) => b.indicator === indicator.id).map((b) => b.year))];
  const privacy = { threshold: table.threshold, suppressZero: table.suppressZero, minDenominator: table.minDenominator, protectionWidth: table.threshold + 1 + table.extraWidth };
  return { indicators, levels, blocks, privacy, withheld: new Set(table.withheld) };
}

const cellName = (indicator, level, year, key) => `${indicator}|${level}|${year}|${key}`;

/** Whether a count is small as a reader would see it (rounded at 0 decimals). */
export function isSmall(value, privacy) {
  const shown = Math.round(value);
  return (privacy.suppressZero ? shown >= 0 : shown > 0) && shown <= privacy.threshold;
}

/**
 * The attacker: knows the levels, every indicator's metadata (even of unpublished ones: a
 * stronger attacker than a reader), and only the published values. Returns, for every small
 * count of the original data, the interval [low, high] of whole numbers that everything
 * published allows.
 */
export function attack({ indicators, levels, blocks: original, privacy }, publishedBlocks) {
  const published = new Map();
  for (const block of publishedBlocks) {
    for (const [key, value] of [...Object.entries(block.values), ['reference', block.reference]]) published.set(cellName(block.indicator, block.level, block.year, key), value);
  }
  const years = [...new Set(original.map((b) => b.year))].sort();
  const keysOf = (level) => [...level.areas.map((area) => area.key), 'reference'];
  const variables = new Map();
  const constraints = {};
  let rows = 0;
  const term = (name) => {
    const value = published.get(name);
    if (typeof value === 'number') return { constant: value };
    if (!variables.has(name)) variables.set(name, {});
    return { variable: name };
  };
  const addRow = (terms, bound) => {
    let constant = 0;
    const row = `r${rows++}`;
    const used = [];
    for (const [name, coefficient] of terms) {
      const t = term(name);
      if (t.variable) {
        const v = variables.get(t.variable);
        v[row] = (v[row] ?? 0) + coefficient;
        used.push(t.variable);
      } else constant += coefficient * t.constant;
    }
    for (const name of used) if (variables.get(name)[row] === 0) delete variables.get(name)[row];
    if (!used.some((name) => variables.get(name)[row] !== undefined)) return;
    constraints[row] = Object.fromEntries(Object.entries(bound).map(([kind, limit]) => [kind, limit - constant]));
  };
  const countIds = indicators.filter((i) => i.kind === 'count').map((i) => i.id);
  for (const year of years) {
    for (const id of countIds) {
      if (!original.some((b) => b.indicator === id && b.year === year)) continue;
      for (const level of levels) {
        addRow([[cellName(id, level.id, year, 'reference'), 1], ...level.areas.map((area) => [cellName(id, level.id, year, area.key), -1])], { equal: 0 });
        addRow([[cellName(id, level.id, year, 'reference'), 1], [cellName(id, 'city', year, 'reference'), -1]], { equal: 0 });
        const parent = levels.find((l) => l.id === level.parent);
        for (const area of parent?.areas ?? []) {
          const children = level.areas.filter((child) => child.parent === area.key);
          addRow([[cellName(id, parent.id, year, area.key), 1], ...children.map((child) => [cellName(id, level.id, year, child.key), -1])], { equal: 0 });
        }
      }
    }
    for (const level of levels) {
      for (const key of keysOf(level)) {
        const cell = (id, y = year) => cellName(id, level.id, y, key);
        addRow([[cell('kids'), 1], [cell('boys'), -1], [cell('girls'), -1]], { equal: 0 });
        addRow([[cell('poor'), 1], [cell('kids'), -1]], { max: 0 });
        const rate = published.get(cell('poor-share'));
        if (typeof rate === 'number') {
          const decimals = Math.max(1, (String(rate).split('.')[1] ?? '').length);
          const half = 0.5 * 10 ** -decimals;
          addRow([[cell('poor'), 100], [cell('kids'), -(rate - half)]], { min: 0 });
          addRow([[cell('poor'), 100], [cell('kids'), -(rate + half)]], { max: 0 });
        }
        const y = years.indexOf(year);
        if (y > 0 && indicators.some((i) => i.id === 'kids-change')) addRow([[cell('kids-change'), 1], [cell('kids'), -1], [cell('kids', years[y - 1]), 1]], { equal: 0 });
      }
    }
  }
  // A change between years may be negative: written as the difference of two non-negative
  // unknowns (javascript-lp-solver 1.0.3 mis-solves some models with "unrestricted" ones).
  const columns = [...variables].flatMap(([name, coefficients]) =>
    name.startsWith('kids-change') ? [[`${name}+`, coefficients], [`${name}-`, Object.fromEntries(Object.entries(coefficients).map(([row, c]) => [row, -c]))]] : [[name, coefficients]],
  );
  const ints = Object.fromEntries(columns.map(([name]) => [name, 1]));
  const optimum = (name, opType) => {
    const model = { optimize: 'target', opType, constraints, variables: Object.fromEntries(columns.map(([v, coefficients]) => [v, v === name ? { ...coefficients, target: 1 } : coefficients])), ints };
    const result = solver.Solve(model);
    if (!result.feasible) throw new Error(`the attacker's model is infeasible: ${name}`);
    return result.bounded === false ? (opType === 'max' ? Infinity : -Infinity) : result.result;
  };
  const intervals = [];
  for (const block of original) {
    if (!countIds.includes(block.indicator) || block.indicator === 'kids-change') continue;
    for (const [key, value] of [...Object.entries(block.values), ['reference', block.reference]]) {
      if (typeof value !== 'number' || !isSmall(value, privacy)) continue;
      const name = cellName(block.indicator, block.level, block.year, key);
      const shown = published.get(name);
      if (typeof shown === 'number') {
        intervals.push({ name, low: shown, high: shown });
        continue;
      }
      if (!variables.has(name)) {
        intervals.push({ name, low: 0, high: Infinity });
        continue;
      }
      intervals.push({ name, low: optimum(name, 'min'), high: optimum(name, 'max') });
    }
  }
  return intervals;
}
