// Random nested tables for the privacy tests (city → districts → quarters, several years) with
// linked indicators, and an attacker that reads only what is published and solves for every
// hidden small count with GLPK (glpk.js; a different solver from the audit's HiGHS).
import fc from 'fast-check';
import GLPK from 'glpk.js/node';

export const YEARS = [2021, 2022, 2023];
const COUNTS = ['kids', 'boys', 'girls', 'poor'];

const smallOrLarge = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 60 }));
const quarter = fc.record({ boys: smallOrLarge, girls: smallOrLarge, poorShare: fc.integer({ min: 0, max: 100 }).map((percent) => percent / 100), drift: fc.array(fc.integer({ min: -4, max: 4 }), { minLength: 2, maxLength: 2 }) });

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

let glpkRuntime;
const cellName = (indicator, level, year, key) => `${indicator}|${level}|${year}|${key}`;

/** Whether a count is small as a reader would see it (rounded at 0 decimals). */
export function isSmall(value, { threshold = 3, suppressZero = true } = {}) {
  const shown = Math.round(value);
  return (suppressZero ? shown >= 0 : shown > 0) && shown <= Math.max(3, threshold);
}

/**
 * The attacker: knows the levels, every indicator's metadata (even of unpublished ones: a
 * stronger attacker than a reader) and the relations `parts` adds (relations between counts
 * it can guess from their titles), and only the published values. Returns, for every small
 * count of the original data, the interval [low, high] of whole numbers that everything
 * published allows.
 */
export async function attack({ indicators, levels, blocks: original, privacy }, publishedBlocks, parts = [{ whole: 'kids', parts: ['boys', 'girls'] }]) {
  const published = new Map();
  for (const block of publishedBlocks) {
    for (const [key, value] of [...Object.entries(block.values), ['reference', block.reference]]) published.set(cellName(block.indicator, block.level, block.year, key), value);
  }
  const years = [...new Set(original.map((b) => b.year))].sort();
  const has = (id, year) => original.some((b) => b.indicator === id && b.year === year);
  const keysOf = (level) => [...level.areas.map((area) => area.key), 'reference'];
  const variables = new Map();
  const constraints = {};
  let rows = 0;
  const addRow = (terms, bound) => {
    let constant = 0;
    const row = `r${rows++}`;
    const used = [];
    for (const [name, coefficient] of terms) {
      const value = published.get(name);
      if (typeof value === 'number') {
        constant += coefficient * value;
        continue;
      }
      if (!variables.has(name)) variables.set(name, {});
      const v = variables.get(name);
      v[row] = (v[row] ?? 0) + coefficient;
      used.push(name);
    }
    for (const name of used) if (variables.get(name)[row] === 0) delete variables.get(name)[row];
    if (!used.some((name) => variables.get(name)[row] !== undefined)) return;
    constraints[row] = Object.fromEntries(Object.entries(bound).map(([kind, limit]) => [kind, limit - constant]));
  };
  const counts = indicators.filter((i) => i.kind === 'count');
  const changes = indicators.filter((i) => i.changeOf);
  const allParts = [...parts, ...indicators.filter((i) => i.parts?.length).map((i) => ({ whole: i.id, parts: i.parts }))];
  for (const year of years) {
    for (const { id, additive } of counts) {
      if (!has(id, year) || additive === false) continue;
      for (const level of levels) {
        addRow([[cellName(id, level.id, year, 'reference'), 1], ...level.areas.map((area) => [cellName(id, level.id, year, area.key), -1])], { equal: 0 });
        addRow([[cellName(id, level.id, year, 'reference'), 1], [cellName(id, levels[0].id, year, 'reference'), -1]], { equal: 0 });
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
        for (const relation of allParts) if (has(relation.whole, year)) addRow([[cell(relation.whole), 1], ...relation.parts.map((part) => [cell(part), -1])], { equal: 0 });
        for (const share of indicators.filter((i) => i.numerator && i.denominator && has(i.id, year))) {
          if (share.kind === 'share') addRow([[cell(share.numerator), 1], [cell(share.denominator), -1]], { max: 0 });
          const rate = published.get(cell(share.id));
          if (typeof rate !== 'number' || share.unit !== '%') continue;
          const decimals = Math.max(share.decimals, (String(rate).split('.')[1] ?? '').length);
          const half = 0.5 * 10 ** -decimals;
          addRow([[cell(share.numerator), 100], [cell(share.denominator), -(rate - half)]], { min: 0 });
          addRow([[cell(share.numerator), 100], [cell(share.denominator), -(rate + half)]], { max: 0 });
        }
        const y = years.indexOf(year);
        for (const change of changes) if (y > 0 && has(change.id, year)) addRow([[cell(change.id), 1], [cell(change.changeOf), -1], [cell(change.changeOf, years[y - 1]), 1]], { equal: 0 });
      }
    }
  }
  const changeIds = new Set(changes.map((i) => i.id));
  const glpk = await (glpkRuntime ??= GLPK());
  const subjectTo = Object.entries(constraints).map(([row, bound]) => {
    const vars = [...variables].filter(([, coefficients]) => coefficients[row] !== undefined).map(([name, coefficients]) => ({ name, coef: coefficients[row] }));
    const bnds =
      bound.equal !== undefined
        ? { type: glpk.GLP_FX, lb: bound.equal, ub: bound.equal }
        : bound.min !== undefined
          ? { type: glpk.GLP_LO, lb: bound.min, ub: 0 }
          : { type: glpk.GLP_UP, lb: 0, ub: bound.max };
    return { name: row, vars, bnds };
  });
  const names = [...variables.keys()];
  const bounds = names.filter((name) => changeIds.has(name.split('|')[0])).map((name) => ({ name, type: glpk.GLP_FR, lb: 0, ub: 0 }));
  /** Whole-number optimum of one cell: the LP relaxation tells whether it is bounded, the MIP gives the bound. */
  const optimum = async (name, direction) => {
    const lp = { name: 'attack', objective: { direction, name: 'target', vars: [{ name, coef: 1 }] }, subjectTo, bounds };
    const relaxed = await glpk.solve(lp, { msglev: glpk.GLP_MSG_OFF, presol: false });
    if (relaxed.result.status === glpk.GLP_UNBND) return direction === glpk.GLP_MAX ? Infinity : -Infinity;
    if (relaxed.result.status !== glpk.GLP_OPT) throw new Error(`the attacker's model has status ${relaxed.result.status}: ${name}`);
    const whole = await glpk.solve({ ...lp, generals: names }, { msglev: glpk.GLP_MSG_OFF });
    if (whole.result.status !== glpk.GLP_OPT) throw new Error(`the attacker's integer model has status ${whole.result.status}: ${name}`);
    return Math.round(whole.result.z);
  };
  const intervals = [];
  for (const block of original) {
    if (!counts.some((i) => i.id === block.indicator) || changeIds.has(block.indicator)) continue;
    for (const [key, value] of [...Object.entries(block.values), ['reference', block.reference]]) {
      if (typeof value !== 'number' || !isSmall(value, privacy)) continue;
      const name = cellName(block.indicator, block.level, block.year, key);
      const shown = published.get(name);
      if (typeof shown === 'number') intervals.push({ name, low: shown, high: shown });
      else if (!variables.has(name)) intervals.push({ name, low: 0, high: Infinity });
      else intervals.push({ name, low: await optimum(name, glpk.GLP_MIN), high: await optimum(name, glpk.GLP_MAX) });
    }
  }
  return intervals;
}
