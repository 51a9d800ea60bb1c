import { expect } from '@open-wc/testing';
import { classify, classIndexOf } from './classify.js';

const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

function classSizes(values: number[], breaks: number[]): number[] {
  const sizes = new Array(breaks.length - 1).fill(0);
  for (const value of values) sizes[classIndexOf(value, breaks)]++;
  return sizes;
}

describe('classify', () => {
  it('quantile: classes of equal size', () => {
    const result = classify(ten, { method: 'quantile', classes: 5 });
    expect(result.classCount).to.equal(5);
    expect(result.breaks[0]).to.equal(1);
    expect(result.breaks[5]).to.equal(10);
    expect(classSizes(ten, result.breaks)).to.deep.equal([2, 2, 2, 2, 2]);
  });

  it('equal interval: limits evenly spaced between min and max', () => {
    const result = classify([0, 1, 2, 10, 20], { method: 'equal', classes: 4 });
    expect(result.breaks).to.deep.equal([0, 5, 10, 15, 20]);
    expect(classSizes([0, 1, 2, 10, 20], result.breaks)).to.deep.equal([3, 1, 0, 1]);
  });

  it('jenks: natural groups stay together', () => {
    const values = [1, 2, 3, 20, 21, 22, 50, 51, 52];
    const result = classify(values, { method: 'jenks', classes: 3 });
    expect(result.breaks).to.deep.equal([1, 3, 22, 52]);
    expect(classSizes(values, result.breaks)).to.deep.equal([3, 3, 3]);
  });

  it('manual: uses the given limits, sorted, with the data range outside', () => {
    const result = classify(ten, { method: 'manual', breaks: [7, 3] });
    expect(result.breaks).to.deep.equal([1, 3, 7, 10]);
    expect(classSizes(ten, result.breaks)).to.deep.equal([3, 4, 3]);
    expect(() => classify(ten, { method: 'manual', breaks: [] })).to.throw(RangeError);
    expect(() => classify(ten, { method: 'manual', breaks: [1, 2, 3, 4, 5, 6, 7] })).to.throw(RangeError);
    expect(() => classify(ten, { method: 'manual', breaks: [Number.NaN] })).to.throw(RangeError);
  });

  it('clamps the number of classes to 3–7', () => {
    const many = Array.from({ length: 100 }, (_, i) => i);
    expect(classify(many, { method: 'equal', classes: 1 }).classCount).to.equal(3);
    expect(classify(many, { method: 'equal', classes: 12 }).classCount).to.equal(7);
    expect(classify(many, { method: 'quantile' }).classCount).to.equal(5);
  });

  it('ignores suppressed and missing values', () => {
    const values = [1, { suppressed: true as const }, null, undefined, 5, 9];
    for (const method of ['quantile', 'equal', 'jenks'] as const) {
      const result = classify(values, { method, classes: 3 });
      expect(result.breaks[0], method).to.equal(1);
      expect(result.breaks[result.breaks.length - 1], method).to.equal(9);
    }
    expect(classIndexOf({ suppressed: true }, [1, 5, 9])).to.equal(-1);
    expect(classIndexOf(null, [1, 5, 9])).to.equal(-1);
  });

  it('returns no classes without numbers', () => {
    for (const method of ['quantile', 'equal', 'jenks', 'manual'] as const) {
      expect(classify([null, { suppressed: true }], { method, breaks: [1] })).to.deep.equal({ method, breaks: [], classCount: 0 });
    }
  });

  it('one value or all values equal: one class', () => {
    for (const method of ['quantile', 'equal', 'jenks'] as const) {
      expect(classify([4], { method }).breaks, method).to.deep.equal([4, 4]);
      expect(classify([4, 4, 4, 4], { method }).breaks, method).to.deep.equal([4, 4]);
      expect(classIndexOf(4, [4, 4])).to.equal(0);
    }
  });

  it('fewer distinct values than classes: one class per distinct value', () => {
    const values = [1, 1, 1, 2, 2, 9];
    for (const method of ['quantile', 'equal', 'jenks'] as const) {
      const result = classify(values, { method, classes: 5 });
      expect(result.breaks, method).to.deep.equal([1, 1, 2, 9]);
      expect(classSizes(values, result.breaks), method).to.deep.equal([3, 2, 1]);
    }
  });

  it('ties: no empty or duplicate classes', () => {
    const values = [1, 1, 1, 1, 1, 1, 1, 2, 3, 4, 5, 6];
    for (const method of ['quantile', 'equal', 'jenks'] as const) {
      const { breaks } = classify(values, { method, classes: 5 });
      for (let i = 1; i < breaks.length - 1; i++) expect(breaks[i + 1], method).to.be.greaterThan(breaks[i]);
      expect(classSizes(values, breaks).every((size) => size > 0), method).to.equal(true);
    }
  });

  it('is deterministic and independent of input order', () => {
    const values = [5, 3.2, 9, 1, 7.7, 2, 8, 4.4, 6, 10, 0.5];
    const shuffled = [...values].reverse();
    for (const method of ['quantile', 'equal', 'jenks'] as const) {
      expect(classify(values, { method, classes: 4 }), method).to.deep.equal(classify(shuffled, { method, classes: 4 }));
    }
  });

  it('puts every value in the class whose range holds it', () => {
    const breaks = [1, 3, 7, 10];
    expect([1, 3, 3.01, 7, 7.5, 10, 12, -5].map((v) => classIndexOf(v, breaks))).to.deep.equal([0, 0, 1, 1, 2, 2, 2, 0]);
  });
});
