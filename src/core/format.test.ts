import { expect } from '@open-wc/testing';
import { formatNumber, formatRange, formatValue, spokenRange, spokenValue } from './format.js';

const percent = { unit: '%', decimals: 2 };
const persons = { unit: 'Personen', decimals: 0 };
const plain = { unit: '', decimals: 0 };
const codePoints = (text: string) => [...text].map((c) => c.codePointAt(0)!.toString(16));

describe('format', () => {
  it('writes German shares with a comma and a no-break space before %', () => {
    expect(codePoints(formatValue(11.88, percent, 'de'))).to.deep.equal(codePoints('11,88\u00a0%'));
    expect(formatValue(11.88, percent, 'de')).to.equal('11,88\u00a0%');
  });

  it('writes English shares with a point and no space before %', () => {
    expect(formatValue(11.88, percent, 'en')).to.equal('11.88%');
    expect(formatValue(2.5, { unit: '‰', decimals: 1 }, 'en')).to.equal('2.5‰');
    expect(formatValue(2.5, { unit: '‰', decimals: 1 }, 'de')).to.equal('2,5\u00a0‰');
  });

  it('groups thousands, also in 4-digit German numbers', () => {
    expect(formatValue(1096, plain, 'de')).to.equal('1.096');
    expect(formatValue(1096, plain, 'en')).to.equal('1,096');
    expect(formatValue(1234567.891, { unit: '', decimals: 2 }, 'de')).to.equal('1.234.567,89');
    expect(formatValue(1096, persons, 'de')).to.equal('1.096\u00a0Personen');
  });

  it('keeps the indicator decimals, rounds, and writes no negative zero', () => {
    expect(formatNumber(5, 2, 'de')).to.equal('5,00');
    expect(formatNumber(16.155, 1, 'de')).to.equal('16,2');
    expect(formatNumber(-0.001, 2, 'de')).to.equal('0,00');
    expect(formatNumber(-3.5, 1, 'de')).to.equal('-3,5');
  });

  it('shows "k. A." for suppressed and "–" for missing in both locales', () => {
    for (const locale of ['de', 'en'] as const) {
      expect(formatValue({ suppressed: true }, percent, locale)).to.equal('k. A.');
      expect(formatValue(null, percent, locale)).to.equal('\u2013');
      expect(formatValue(undefined, percent, locale)).to.equal('\u2013');
    }
  });

  it('speaks values for screen readers', () => {
    expect(spokenValue(11.88, percent, 'de')).to.equal('11,88 Prozent');
    expect(spokenValue(11.88, percent, 'en')).to.equal('11.88 percent');
    expect(spokenValue(1096, persons, 'de')).to.equal('1.096 Personen');
    expect(spokenValue({ suppressed: true }, percent, 'de')).to.equal('keine Angabe (Datenschutz)');
    expect(spokenValue({ suppressed: true }, percent, 'en')).to.equal('not shown (privacy)');
    expect(spokenValue(null, percent, 'de')).to.equal('keine Daten');
    expect(spokenValue(null, percent, 'en')).to.equal('no data');
  });

  it('writes legend ranges with the unit once', () => {
    expect(formatRange(10, 12.5, percent, 'de')).to.equal('10,00 \u2013 12,50\u00a0%');
    expect(formatRange(10, 12.5, percent, 'en')).to.equal('10.00 \u2013 12.50%');
    expect(formatRange(3, 3, plain, 'de')).to.equal('3');
    expect(spokenRange(10, 12.5, percent, 'de')).to.equal('10,00 bis 12,50 Prozent');
    expect(spokenRange(10, 12.5, percent, 'en')).to.equal('10.00 to 12.50 percent');
  });
});
