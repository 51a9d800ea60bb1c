import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { Indicator, PrivacySettings, ValueBlock } from '../contract/types.js';
import { Atlas, ValueCode } from '../data/atlas.js';
import { guardedBlock } from './guard.js';
import { effectivePrivacy, revealsSmallCount } from './privacy.js';

const KEYS = Array.from({ length: 40 }, (_, i) => `k${i}`);

function indicator(id: string, fields: Partial<Indicator>): Indicator {
  return { id, title: id, unit: '', kind: 'count', decimals: 0, definition: '', source: '', years: [2024], topic: 't', published: true, ...fields };
}

function atlasOf(indicators: Indicator[], blocks: ValueBlock[], privacy?: PrivacySettings): Atlas {
  return new Atlas(
    {
      contract: '1.1', id: 'guard', title: 'Guard', build: 'public', attribution: [], reference: { name: 'Stadt' }, defaults: { level: 'area' }, privacy,
      topics: [{ id: 't', title: 'T' }], levels: [{ id: 'area', title: 'Area', areas: KEYS.map((key) => ({ key, name: key })) }], indicators, values: [],
    },
    'https://example.org/atlas.json',
    blocks,
  );
}

const quiet = <T>(run: () => T): T => {
  const warn = console.warn;
  console.warn = () => {};
  try {
    return run();
  } finally {
    console.warn = warn;
  }
};

describe('guardedBlock', () => {
  it('hides counts as displayed: 3.4 and 3.0000000000000004 are the "3" a reader would see', () => {
    const count = indicator('c', { unit: 'Personen' });
    const atlas = atlasOf([count], [{ indicator: 'c', level: 'area', year: 2024, reference: 3.4, values: { k0: 3.4, k1: 3.0000000000000004, k2: 3.6, k3: -0.2, k4: 40 } }]);
    const { columns, reference } = quiet(() => guardedBlock(atlas, count, 'area', 2024));
    expect([...columns.states.slice(0, 5)]).to.deep.equal([ValueCode.suppressed, ValueCode.suppressed, ValueCode.number, ValueCode.suppressed, ValueCode.number]);
    expect(reference).to.deep.equal({ suppressed: true });
  });

  it('hides a share over a small denominator, whose counts are published (minDenominator), and leaves the rest', () => {
    const indicators = [indicator('pop', {}), indicator('n', {}), indicator('s', { kind: 'share', unit: '%', decimals: 1, numerator: 'n', denominator: 'pop' })];
    const atlas = atlasOf(
      indicators,
      [
        { indicator: 'pop', level: 'area', year: 2024, values: { k0: 30, k1: 200 } },
        { indicator: 'n', level: 'area', year: 2024, values: { k0: 12, k1: 80 } },
        { indicator: 's', level: 'area', year: 2024, values: { k0: 40, k1: 40 } },
      ],
      { minDenominator: 50 },
    );
    const { columns } = quiet(() => guardedBlock(atlas, indicators[2], 'area', 2024));
    expect([...columns.states.slice(0, 2)]).to.deep.equal([ValueCode.suppressed, ValueCode.number]);
    expect(guardedBlock(atlas, indicators[2], 'area', 2024), 'memoized per block').to.equal(guardedBlock(atlas, indicators[2], 'area', 2024));
  });

  it('hides exactly the shares that give a small count (or a small rest) away with their denominator, at any decimals', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2000 }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: KEYS.length, maxLength: KEYS.length }),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom('%', '‰', 'je 1.000'),
        fc.integer({ min: 3, max: 9 }),
        fc.boolean(),
        (cells, decimals, unit, threshold, suppressZero) => {
          const share = indicator('s', { kind: 'rate', unit, decimals, denominator: 'pop' });
          const base = unit === '%' ? 100 : 1000;
          const values = (f: (cell: [number, number]) => number) => Object.fromEntries(cells.map((cell, i) => [KEYS[i], f(cell)]));
          const privacy = { threshold, suppressZero, minDenominator: 0 };
          const atlas = atlasOf(
            [indicator('pop', {}), share],
            [
              { indicator: 'pop', level: 'area', year: 2024, values: values(([pop]) => pop + threshold + 1) },
              { indicator: 's', level: 'area', year: 2024, values: values(([pop, p]) => Math.round(p * pop) / (pop + threshold + 1) * base) },
            ],
            privacy,
          );
          const { states } = quiet(() => guardedBlock(atlas, share, 'area', 2024)).columns;
          cells.forEach(([pop, p], i) => {
            const denominator = pop + threshold + 1;
            const value = (Math.round(p * pop) / denominator) * base;
            expect(states[i] === ValueCode.suppressed, `${value} of ${denominator}`).to.equal(revealsSmallCount(value, denominator, share, effectivePrivacy(privacy)));
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});
