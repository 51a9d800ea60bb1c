import { expect } from '@open-wc/testing';
import { tableToCsv, type ExportTable } from './csv.js';
import { numberFormat } from './xlsx.js';

const table = (locale: 'de' | 'en'): ExportTable => ({
  locale,
  keyHeader: 'Key',
  nameHeader: 'Name',
  columns: [
    { header: 'Share; of "all" (%)', unit: '%', decimals: 1 },
    { header: 'People', unit: 'Personen', decimals: 0 },
  ],
  reference: { key: '', name: 'Total', cells: [{ state: 'number', value: 12.25, text: '' }, { state: 'number', value: 10960, text: '' }] },
  rows: [
    { key: '01', name: '=HYPERLINK("x")', cells: [{ state: 'suppressed', value: null, text: 'k. A.' }, { state: 'number', value: -4, text: '' }] },
    { key: '02', name: 'A, B', cells: [{ state: 'missing', value: null, text: '–' }, { state: 'number', value: 0.4, text: '' }] },
  ],
});

describe('tableToCsv', () => {
  it('writes German CSV: BOM, semicolons, decimal comma, no grouping, quoted and defused text', () => {
    expect(tableToCsv(table('de'))).to.equal(
      '\ufeffKey;Name;"Share; of ""all"" (%)";People\r\n' +
        ';Total;12,3;10960\r\n' +
        '01;"\'=HYPERLINK(""x"")";k. A.;-4\r\n' +
        '02;A, B;–;0\r\n',
    );
  });

  it('writes English CSV with commas and decimal points', () => {
    expect(tableToCsv(table('en')).split('\r\n')[1]).to.equal(',Total,12.3,10960');
    expect(tableToCsv(table('en')).split('\r\n')[3]).to.equal('02,"A, B",–,0');
  });
});

describe('numberFormat', () => {
  it('shows decimals and the unit as a literal, so % does not scale', () => {
    expect(numberFormat({ unit: '%', decimals: 2 }, 'de')).to.equal('#,##0.00" %"');
    expect(numberFormat({ unit: '%', decimals: 1 }, 'en')).to.equal('#,##0.0"%"');
    expect(numberFormat({ unit: 'Personen', decimals: 0 }, 'de')).to.equal('#,##0" Personen"');
    expect(numberFormat({ unit: '', decimals: 3 }, 'de')).to.equal('#,##0.000');
    expect(numberFormat({ unit: 'Zoll"', decimals: 0 }, 'de')).to.equal('#,##0" Zoll"');
  });
});
