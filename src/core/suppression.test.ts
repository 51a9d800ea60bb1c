import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { isSuppressed, type Indicator, type Level, type Value, type ValueBlock } from '../contract/types.js';
import { isSmallCount } from './privacy.js';
import { effectivePrivacy, suppress, type SuppressionInput } from './suppression.js';

function indicator(id: string, fields: Partial<Indicator> = {}): Indicator {
  return { id, title: id, unit: '', kind: 'count', decimals: 0, definition: '', source: '', years: [2020], topic: 't', published: true, ...fields };
}

const share = (id: string, numerator: string, denominator: string) =>
  indicator(id, { kind: 'share', unit: '%', decimals: 1, numerator, denominator });

function block(indicatorId: string, level: string, values: Record<string, Value>, reference?: Value): ValueBlock {
  return { indicator: indicatorId, level, year: 2020, values, ...(reference === undefined ? {} : { reference }) };
}

const flatLevel = (keys: string[]): Level => ({ id: 'area', title: 'Area', areas: keys.map((key) => ({ key, name: key })) });

const cellOf = (blocks: ValueBlock[], indicatorId: string, level: string, key: string): Value | undefined => {
  const found = blocks.find((b) => b.indicator === indicatorId && b.level === level);
  return key === 'reference' ? found?.reference : found?.values[key];
};

describe('effectivePrivacy', () => {
  it('fills in the defaults', () => {
    expect(effectivePrivacy()).to.deep.equal({ threshold: 3, suppressZero: true, minDenominator: 0, minPopulation: 50, protectionWidth: 4 });
  });
  it('raises laxer values to the rules and keeps stricter ones', () => {
    expect(effectivePrivacy({ threshold: 1, minPopulation: 10 })).to.include({ threshold: 3, minPopulation: 50 });
    expect(effectivePrivacy({ threshold: 5, suppressZero: false, minDenominator: 20, minPopulation: 100 })).to.deep.equal({
      threshold: 5,
      suppressZero: false,
      minDenominator: 20,
      minPopulation: 100,
      protectionWidth: 6,
    });
    expect(effectivePrivacy({ threshold: 9, protectionWidth: 20 })).to.include({ threshold: 9, protectionWidth: 20 });
  });
});

describe('suppress', () => {
  it('hides counts from 0 to the threshold, and only counts', () => {
    const { blocks, report } = suppress({
      indicators: [indicator('n'), indicator('mean', { kind: 'mean' })],
      levels: [flatLevel(['a', 'b', 'c', 'd', 'e'])],
      blocks: [block('n', 'area', { a: 0, b: 3, c: 4, d: 50, e: 60 }), block('mean', 'area', { a: 1, b: 2, c: 3, d: 0, e: 1 })],
    });
    expect(blocks[0].values).to.deep.equal({ a: { suppressed: true }, b: { suppressed: true }, c: 4, d: 50, e: 60 });
    expect(blocks[1].values).to.deep.equal({ a: 1, b: 2, c: 3, d: 0, e: 1 });
    expect(report.filter((r) => r.rule === 'primary').map((r) => r.area)).to.deep.equal(['a', 'b']);
  });

  it('keeps zeros when suppressZero is false', () => {
    const { blocks } = suppress({
      indicators: [indicator('n', { additive: false })],
      levels: [flatLevel(['a', 'b'])],
      blocks: [block('n', 'area', { a: 0, b: 1 })],
      privacy: { suppressZero: false },
    });
    expect(blocks[0].values).to.deep.equal({ a: 0, b: { suppressed: true } });
  });

  it('adds the smallest non-zero complement when one area of a total is hidden', () => {
    const { blocks, report } = suppress({
      indicators: [indicator('n')],
      levels: [flatLevel(['a', 'b', 'c', 'd', 'e'])],
      blocks: [block('n', 'area', { a: 2, b: 0, c: 40, d: 9, e: 100 }, 151)],
      privacy: { suppressZero: false },
    });
    expect(blocks[0].values).to.deep.equal({ a: { suppressed: true }, b: 0, c: 40, d: { suppressed: true }, e: 100 });
    expect(blocks[0].reference).to.equal(151);
    expect(report.find((r) => r.area === 'd')).to.include({ rule: 'secondary', indicator: 'n', level: 'area', year: 2020 });
  });

  it('does not count two tiny hidden values as protecting each other', () => {
    const { blocks } = suppress({
      indicators: [indicator('n')],
      levels: [flatLevel(['a', 'b', 'c', 'd'])],
      blocks: [block('n', 'area', { a: 0, b: 1, c: 30, d: 20 }, 51)],
    });
    expect(blocks[0].values).to.deep.equal({ a: { suppressed: true }, b: { suppressed: true }, c: 30, d: { suppressed: true } });
  });

  it('protects a hidden child with a sibling under the same parent', () => {
    const levels: Level[] = [
      { id: 'city', title: 'City', areas: [{ key: 'X', name: 'X' }] },
      { id: 'district', title: 'District', parent: 'city', areas: ['P', 'Q'].map((key) => ({ key, name: key, parent: 'X' })) },
      {
        id: 'quarter',
        title: 'Quarter',
        parent: 'district',
        areas: [
          { key: 'p1', name: 'p1', parent: 'P' },
          { key: 'p2', name: 'p2', parent: 'P' },
          { key: 'q1', name: 'q1', parent: 'Q' },
        ],
      },
    ];
    const { blocks } = suppress({
      indicators: [indicator('n')],
      levels,
      blocks: [
        block('n', 'city', { X: 62 }, 62),
        block('n', 'district', { P: 12, Q: 50 }, 62),
        block('n', 'quarter', { p1: 2, p2: 10, q1: 50 }, 62),
      ],
    });
    // p1 is small; P = p1 + p2 would reveal it, so its sibling p2 goes, not q1 in the other district.
    expect(cellOf(blocks, 'n', 'quarter', 'p2')).to.deep.equal({ suppressed: true });
    expect(cellOf(blocks, 'n', 'quarter', 'q1')).to.equal(50);
    expect(cellOf(blocks, 'n', 'district', 'P')).to.equal(12);
  });

  it('hides rates derived from hidden counts, and rates with a small denominator', () => {
    const { blocks, report } = suppress({
      indicators: [indicator('poor', { additive: false }), indicator('kids', { additive: false }), share('poor-share', 'poor', 'kids')],
      levels: [flatLevel(['a', 'b', 'c'])],
      blocks: [
        block('poor', 'area', { a: 2, b: 10, c: 20 }),
        block('kids', 'area', { a: 100, b: 15, c: 200 }),
        block('poor-share', 'area', { a: 2, b: 66.7, c: 10 }),
      ],
      privacy: { minDenominator: 20 },
    });
    expect(blocks[2].values).to.deep.equal({ a: { suppressed: true }, b: { suppressed: true }, c: 10 });
    expect(report.filter((r) => r.indicator === 'poor-share').map((r) => [r.area, r.rule])).to.deep.equal([
      ['a', 'derived'],
      ['b', 'denominator'],
    ]);
  });

  it('hides complementary shares together (numerators adding up, or 100 %)', () => {
    const { blocks } = suppress({
      indicators: [
        indicator('boys', { additive: false }),
        indicator('girls', { additive: false }),
        indicator('kids', { additive: false }),
        share('boys-share', 'boys', 'kids'),
        share('girls-share', 'girls', 'kids'),
        indicator('with', { kind: 'share', unit: '%', decimals: 1 }),
        indicator('without', { kind: 'share', unit: '%', decimals: 1 }),
      ],
      levels: [flatLevel(['a', 'b'])],
      blocks: [
        block('boys', 'area', { a: 2, b: 30 }),
        block('girls', 'area', { a: 60, b: 30 }),
        block('kids', 'area', { a: 62, b: 60 }),
        block('boys-share', 'area', { a: 3.2, b: 50 }),
        block('girls-share', 'area', { a: 96.8, b: 50 }),
        block('with', 'area', { a: { suppressed: true }, b: 40 }),
        block('without', 'area', { a: 12.3, b: 60 }),
      ],
    });
    // girls = kids - boys: the numerators form an additive group, so girls goes too, then both shares.
    expect(cellOf(blocks, 'girls', 'area', 'a')).to.deep.equal({ suppressed: true });
    expect(cellOf(blocks, 'girls-share', 'area', 'a')).to.deep.equal({ suppressed: true });
    expect(cellOf(blocks, 'boys-share', 'area', 'a')).to.deep.equal({ suppressed: true });
    expect(cellOf(blocks, 'girls-share', 'area', 'b')).to.equal(50);
    // A share hidden in the source whose partner does not add up to 100 % keeps the partner.
    expect(cellOf(blocks, 'without', 'area', 'a')).to.equal(12.3);
  });

  it('hides a share whose partner adds up to 100 %', () => {
    const { blocks, report } = suppress({
      indicators: [
        indicator('single', { additive: false }),
        indicator('households', { additive: false }),
        share('single-share', 'single', 'households'),
        indicator('couple-share', { kind: 'share', unit: '%', decimals: 1 }),
      ],
      levels: [flatLevel(['a', 'b'])],
      blocks: [
        block('single', 'area', { a: 3, b: 30 }),
        block('households', 'area', { a: 40, b: 60 }),
        block('single-share', 'area', { a: 7.5, b: 50 }),
        block('couple-share', 'area', { a: 92.5, b: 50 }),
      ],
    });
    expect(cellOf(blocks, 'couple-share', 'area', 'a')).to.deep.equal({ suppressed: true });
    expect(cellOf(blocks, 'couple-share', 'area', 'b')).to.equal(50);
    expect(report.map((r) => [r.indicator, r.rule])).to.deep.equal([
      ['single', 'primary'],
      ['single-share', 'derived'],
      ['couple-share', 'complementary'],
    ]);
  });

  it('judges counts as displayed: 3.4 and 3.0000000000000004 are "3"', () => {
    const { blocks } = suppress({
      indicators: [indicator('n', { additive: false }), indicator('m', { additive: false, decimals: 1 })],
      levels: [flatLevel(['a', 'b', 'c', 'd'])],
      blocks: [block('n', 'area', { a: 3.4, b: 0.1 * 30, c: 3.5, d: 40 }), block('m', 'area', { a: 3.04, b: 3.06, c: 40, d: 40 })],
    });
    expect(blocks[0].values).to.deep.equal({ a: { suppressed: true }, b: { suppressed: true }, c: 3.5, d: 40 });
    expect(blocks[1].values).to.deep.equal({ a: { suppressed: true }, b: 3.06, c: 40, d: 40 });
  });

  it('applies a threshold of 9', () => {
    const { blocks } = suppress({
      indicators: [indicator('n', { additive: false })],
      levels: [flatLevel(['a', 'b', 'c'])],
      blocks: [block('n', 'area', { a: 9, b: 10, c: 5 })],
      privacy: { threshold: 9 },
    });
    expect(blocks[0].values).to.deep.equal({ a: { suppressed: true }, b: 10, c: { suppressed: true } });
  });

  it('hides the small counts of withheld indicators, which hide their share beside a published total', () => {
    const { blocks, report } = suppress({
      indicators: [indicator('kids', { parts: ['boys', 'girls'] }), indicator('boys'), indicator('girls')],
      levels: [flatLevel(['a', 'b', 'c'])],
      blocks: [
        block('kids', 'area', { a: 30, b: 40, c: 50 }, 120),
        block('boys', 'area', { a: 2, b: 20, c: 25 }, 47),
        block('girls', 'area', { a: 28, b: 20, c: 25 }, 73),
      ],
      withheld: new Set(['boys']),
    });
    // boys a is small: hidden although boys is not published; girls a = kids a − boys a would give it, so girls a goes.
    expect(cellOf(blocks, 'boys', 'area', 'a')).to.deep.equal({ suppressed: true });
    expect(report.find((r) => r.indicator === 'boys' && r.area === 'a')?.reason).to.include('unpublished');
    expect(cellOf(blocks, 'kids', 'area', 'a')).to.equal(30);
    expect(cellOf(blocks, 'girls', 'area', 'a')).to.deep.equal({ suppressed: true });
  });

  it('protects parts found in the data as if declared', () => {
    const { blocks } = suppress({
      indicators: [indicator('kids', { additive: false }), indicator('boys', { additive: false }), indicator('girls', { additive: false })],
      levels: [flatLevel(['a', 'b', 'c', 'd'])],
      blocks: [
        block('kids', 'area', { a: 30, b: 40, c: 50, d: 60 }),
        block('boys', 'area', { a: 2, b: 20, c: 25, d: 30 }),
        block('girls', 'area', { a: 28, b: 20, c: 25, d: 30 }),
      ],
    });
    expect(cellOf(blocks, 'girls', 'area', 'a')).to.deep.equal({ suppressed: true });
  });

  it('hides a change between years where a count it comes from is hidden', () => {
    const years = (id: string, values: [Record<string, Value>, Record<string, Value>]) =>
      values.map((v, k) => ({ ...block(id, 'area', v), year: 2020 + k }));
    const { blocks } = suppress({
      indicators: [indicator('kids', { additive: false, years: [2020, 2021] }), indicator('kids-change', { additive: false, changeOf: 'kids', years: [2021] })],
      levels: [flatLevel(['a', 'b'])],
      blocks: [...years('kids', [{ a: 2, b: 40 }, { a: 10, b: 41 }]), { ...block('kids-change', 'area', { a: 8, b: 1 }), year: 2021 }],
    });
    const change = blocks.find((b) => b.indicator === 'kids-change')!;
    // b's change of 1 is no count: it stays; a's change would give the hidden 2 of 2020.
    expect(change.values).to.deep.equal({ a: { suppressed: true }, b: 1 });
  });

  it('hides a share that shows all but a few of its denominator (group disclosure), with its numerator', () => {
    const { blocks } = suppress({
      indicators: [indicator('poor', { additive: false }), indicator('kids', { additive: false }), share('poor-share', 'poor', 'kids')],
      levels: [flatLevel(['a', 'b'])],
      blocks: [block('poor', 'area', { a: 38, b: 10 }), block('kids', 'area', { a: 40, b: 100 }), block('poor-share', 'area', { a: 95, b: 10 })],
    });
    expect(cellOf(blocks, 'poor-share', 'area', 'a')).to.deep.equal({ suppressed: true });
    expect(cellOf(blocks, 'poor', 'area', 'a')).to.deep.equal({ suppressed: true });
    expect(cellOf(blocks, 'poor-share', 'area', 'b')).to.equal(10);
  });

  it('hides a share the displayed value of which gives away a small count, with no count behind it', () => {
    const { blocks } = suppress({
      indicators: [indicator('kids', { additive: false }), indicator('poor-share', { kind: 'share', unit: '%', decimals: 1, denominator: 'kids' })],
      levels: [flatLevel(['a', 'b'])],
      blocks: [block('kids', 'area', { a: 314, b: 314 }), block('poor-share', 'area', { a: 0.64, b: 12.1 })],
    });
    expect(cellOf(blocks, 'poor-share', 'area', 'a')).to.deep.equal({ suppressed: true });
    expect(cellOf(blocks, 'poor-share', 'area', 'b')).to.equal(12.1);
  });

  it('hides the numerator of a share on a denominator below minDenominator, so that the share cannot be recomputed', () => {
    const { blocks, report } = suppress({
      indicators: [indicator('poor', { additive: false }), indicator('kids', { additive: false }), share('poor-share', 'poor', 'kids')],
      levels: [flatLevel(['a', 'b'])],
      blocks: [block('poor', 'area', { a: 8, b: 10 }), block('kids', 'area', { a: 15, b: 100 }), block('poor-share', 'area', { a: 53.3, b: 10 })],
      privacy: { minDenominator: 20 },
    });
    expect(cellOf(blocks, 'poor-share', 'area', 'a')).to.deep.equal({ suppressed: true });
    expect(cellOf(blocks, 'poor', 'area', 'a')).to.deep.equal({ suppressed: true });
    expect(report.filter((r) => r.area === 'a').map((r) => r.rule)).to.deep.equal(['denominator', 'denominator']);
  });

  it('never mutates its input', () => {
    const input: SuppressionInput = {
      indicators: [indicator('n')],
      levels: [flatLevel(['a', 'b', 'c'])],
      blocks: [block('n', 'area', { a: 1, b: 40, c: 50 }, 91)],
    };
    const before = structuredClone(input);
    suppress(input);
    expect(input).to.deep.equal(before);
  });
});

// ---- Property-based: random nested tables; the attacker's side is tested through the audit in test/node ----

interface Leaf {
  a: number;
  b: number;
  extra: number;
}

const smallOrLarge = fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 60 }));
const tableArbitrary = fc.record({
  districts: fc.array(
    fc.array(fc.record({ a: smallOrLarge, b: smallOrLarge, extra: fc.oneof(fc.constant(0), smallOrLarge) }), { minLength: 1, maxLength: 4 }),
    { minLength: 1, maxLength: 4 },
  ),
  threshold: fc.integer({ min: 0, max: 6 }),
  suppressZero: fc.boolean(),
  minDenominator: fc.constantFrom(0, 0, 15),
});

interface Table {
  districts: Leaf[][];
  threshold: number;
  suppressZero: boolean;
  minDenominator: number;
}

const COUNTS = ['a', 'b', 'pop'] as const;
const SHARES = [
  ['a-share', 'a'],
  ['b-share', 'b'],
] as const;

function buildInput(table: Table): SuppressionInput {
  const levels: Level[] = [
    { id: 'city', title: 'City', areas: [{ key: 'X', name: 'X' }] },
    { id: 'district', title: 'District', parent: 'city', areas: table.districts.map((_, d) => ({ key: `D${d}`, name: `D${d}`, parent: 'X' })) },
    {
      id: 'quarter',
      title: 'Quarter',
      parent: 'district',
      areas: table.districts.flatMap((quarters, d) => quarters.map((_, q) => ({ key: `D${d}-${q}`, name: `D${d}-${q}`, parent: `D${d}` }))),
    },
  ];
  const leafCounts = (leaf: Leaf) => ({ a: leaf.a, b: leaf.b, pop: leaf.a + leaf.b + leaf.extra });
  const sum = (rows: Record<string, number>[]) => ({ a: 0, b: 0, pop: 0, ...rows.reduce((acc, row) => ({ a: acc.a + row.a, b: acc.b + row.b, pop: acc.pop + row.pop }), { a: 0, b: 0, pop: 0 }) });
  const quarterRows = new Map<string, Record<string, number>>();
  const districtRows = new Map<string, Record<string, number>>();
  table.districts.forEach((quarters, d) => {
    const rows = quarters.map(leafCounts);
    rows.forEach((row, q) => quarterRows.set(`D${d}-${q}`, row));
    districtRows.set(`D${d}`, sum(rows));
  });
  const cityRows = new Map([['X', sum([...districtRows.values()])]]);
  const total = cityRows.get('X')!;
  const rate = (row: Record<string, number>, numerator: string) => (row.pop > 0 ? Math.round((1000 * row[numerator]) / row.pop) / 10 : null);
  const blocks: ValueBlock[] = [];
  for (const [level, rows] of [
    ['city', cityRows],
    ['district', districtRows],
    ['quarter', quarterRows],
  ] as const) {
    for (const count of COUNTS) blocks.push(block(count, level, Object.fromEntries([...rows].map(([key, row]) => [key, row[count]])), total[count]));
    for (const [id, numerator] of SHARES) {
      blocks.push(block(id, level, Object.fromEntries([...rows].map(([key, row]) => [key, rate(row, numerator)])), rate(total, numerator)));
    }
  }
  return {
    indicators: [...COUNTS.map((id) => indicator(id)), ...SHARES.map(([id, numerator]) => share(id, numerator, 'pop'))],
    levels,
    blocks,
    privacy: { threshold: table.threshold, suppressZero: table.suppressZero, minDenominator: table.minDenominator },
  };
}

/** Equations an attacker knows: coefficients per cell id (`indicator|level|key`), hidden or published. */
function attackerEquations(input: SuppressionInput, output: ValueBlock[]): Map<string, number>[] {
  const id = (indicatorId: string, level: string, key: string) => `${indicatorId}|${level}|${key}`;
  const original = (indicatorId: string, level: string, key: string) => cellOf(input.blocks, indicatorId, level, key);
  const published = (indicatorId: string, level: string, key: string) => cellOf(output, indicatorId, level, key);
  const equations: Map<string, number>[] = [];
  const add = (terms: [string, number][]) => equations.push(new Map(terms));
  const [city, district, quarter] = input.levels;
  for (const count of COUNTS) {
    for (const level of input.levels) {
      add([[id(count, level.id, 'reference'), 1], ...level.areas.map((area): [string, number] => [id(count, level.id, area.key), -1])]);
    }
    add([[id(count, 'city', 'reference'), 1], [id(count, 'district', 'reference'), -1]]);
    add([[id(count, 'district', 'reference'), 1], [id(count, 'quarter', 'reference'), -1]]);
    for (const [parentLevel, childLevel] of [
      [city, district],
      [district, quarter],
    ]) {
      for (const parent of parentLevel.areas) {
        const children = childLevel.areas.filter((area) => area.parent === parent.key);
        add([[id(count, parentLevel.id, parent.key), 1], ...children.map((area): [string, number] => [id(count, childLevel.id, area.key), -1])]);
      }
    }
  }
  for (const level of input.levels) {
    for (const key of [...level.areas.map((area) => area.key), 'reference']) {
      const [a, b, pop] = COUNTS.map((count) => original(count, level.id, key) as number);
      if (a + b === pop) add([[id('a', level.id, key), 1], [id('b', level.id, key), 1], [id('pop', level.id, key), -1]]);
      for (const [shareId, numerator] of SHARES) {
        const rate = published(shareId, level.id, key);
        if (typeof rate === 'number') add([[id(numerator, level.id, key), 1], [id('pop', level.id, key), -rate / 100]]);
      }
    }
  }
  return equations;
}

function hiddenCounts(blocks: ValueBlock[]): Set<string> {
  const hidden = new Set<string>();
  for (const output of blocks) {
    if (!COUNTS.includes(output.indicator as (typeof COUNTS)[number])) continue;
    for (const key of [...Object.keys(output.values), 'reference']) {
      if (isSuppressed(key === 'reference' ? output.reference : output.values[key])) hidden.add(`${output.indicator}|${output.level}|${key}`);
    }
  }
  return hidden;
}

describe('suppress (property-based)', () => {
  it('keeps the rules on random nested tables (the disclosure audit proves the rest: test/node/privacy-audit.test.mjs)', () => {
    fc.assert(
      fc.property(tableArbitrary, (table) => {
        const input = buildInput(table);
        const before = structuredClone(input);
        const { blocks, report } = suppress(input);
        expect(input, 'input unchanged').to.deep.equal(before);
        const privacy = effectivePrivacy(input.privacy);
        const hidden = hiddenCounts(blocks);

        // Primary suppression is never undone.
        for (const original of input.blocks.filter((b) => b.indicator !== 'a-share' && b.indicator !== 'b-share')) {
          for (const [key, value] of [...Object.entries(original.values), ['reference', original.reference] as const]) {
            if (typeof value === 'number' && isSmallCount(value, privacy)) expect(hidden.has(`${original.indicator}|${original.level}|${key}`), `${original.indicator} ${key}`).to.equal(true);
          }
        }

        // Every additive group has 0 or at least 2 hidden cells, unless nothing but zeros is left to hide beside it.
        const originalOf = (cell: string) => cellOf(input.blocks, ...(cell.split('|') as [string, string, string]));
        for (const equation of attackerEquations(input, blocks)) {
          const cells = [...equation.keys()];
          const hiddenCount = cells.filter((cell) => hidden.has(cell)).length;
          const onlyZerosLeft = cells.every((cell) => hidden.has(cell) || originalOf(cell) === 0);
          if (cells.every((cell) => !cell.includes('share')) && !onlyZerosLeft) expect(hiddenCount, cells.join(' ')).to.not.equal(1);
        }

        // No zero is chosen as a complement (a one-member group, such as a count equal to another, hides both cells whatever they hold).
        const chosen = (r: (typeof report)[number]) => (r.rule === 'secondary' || r.rule === 'complementary') && !r.reason.startsWith('the only other cell');
        for (const record of report.filter((r) => chosen(r) && COUNTS.includes(r.indicator as 'a'))) {
          expect(cellOf(input.blocks, record.indicator, record.level, record.area), JSON.stringify(record)).to.not.equal(0);
        }

        // No published rate sits on a hidden numerator or denominator.
        for (const output of blocks.filter((b) => b.indicator.endsWith('-share'))) {
          const numerator = output.indicator[0];
          for (const key of [...Object.keys(output.values), 'reference']) {
            const value = key === 'reference' ? output.reference : output.values[key];
            if (typeof value !== 'number') continue;
            expect(hidden.has(`${numerator}|${output.level}|${key}`) || hidden.has(`pop|${output.level}|${key}`), `${output.indicator} ${output.level} ${key}`).to.equal(false);
          }
        }

        // The report lists every hidden cell exactly once.
        const reported = report.map((r) => `${r.indicator}|${r.level}|${r.area}`);
        expect(new Set(reported).size).to.equal(reported.length);
        for (const cell of hidden) expect(reported).to.include(cell);
      }),
      { numRuns: 300 },
    );
  });
});
