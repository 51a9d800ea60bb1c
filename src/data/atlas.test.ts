import { expect } from '@open-wc/testing';
import { smallAtlas } from '../../test/harness/small-atlas.js';
import { type Atlas, ValueCode } from './atlas.js';

function atlas(): Atlas {
  // Keys deliberately not in the level's order.
  return smallAtlas({ id: 'share', title: 'Anteil', unit: '%', kind: 'share', decimals: 1, years: [2020, 2021] }, [
    { indicator: 'share', level: 'area', year: 2020, reference: 12.5, values: { d: 0, c: { suppressed: true }, a: 7.5 } },
  ]);
}

describe('Atlas.columns', () => {
  it("holds a block's values in the level's area order: numbers, suppressed and missing", () => {
    const { numbers, states } = atlas().columns('share', 'area', 2020);
    expect([...states]).to.deep.equal([ValueCode.number, ValueCode.missing, ValueCode.suppressed, ValueCode.number]);
    expect([...numbers]).to.deep.equal([7.5, NaN, NaN, 0]);
  });

  it('builds the columns of a block once', () => {
    const loaded = atlas();
    expect(loaded.columns('share', 'area', 2020)).to.equal(loaded.columns('share', 'area', 2020));
  });

  it('gives all areas missing for a year without values', () => {
    const { numbers, states } = atlas().columns('share', 'area', 2021);
    expect([...states]).to.deep.equal([ValueCode.missing, ValueCode.missing, ValueCode.missing, ValueCode.missing]);
    expect(numbers.every(Number.isNaN)).to.equal(true);
  });

  it('rejects an unknown level', () => {
    expect(() => atlas().columns('share', 'district', 2020)).to.throw('no level "district"');
  });
});
