import { expect, fixture, waitUntil } from '@open-wc/testing';
import readXlsxFile from 'read-excel-file/browser';
import '../../src/area-report/define.js';
import type { KeckAreaReport } from '../../src/area-report/keck-area-report.js';
import { captureExport, cellText, html, part, parts, renderTable } from '../../src/table/test-helpers.js';

// A badly prepared public atlas: shares beside suppressed or small counts, over a denominator
// below minDenominator (50), and one whose numerator block is missing (only the denominator is there).
const DERIVED = '/test/fixtures/guard/derived.json';

/** Area key → indicator id → what the render guard must show. */
const EXPECTED = new Map<string, Map<string, string>>([
  ['a', new Map([['children', '314\u00a0Kinder'], ['cases', 'k. A.'], ['cases-share', 'k. A.'], ['visits-share', 'k. A.']])],
  ['b', new Map([['children', '1.200\u00a0Kinder'], ['cases', '60\u00a0Fälle'], ['cases-share', '5,00\u00a0%'], ['visits-share', '10,00\u00a0%']])],
  ['c', new Map([['children', '40\u00a0Kinder'], ['cases', '10\u00a0Fälle'], ['cases-share', 'k. A.'], ['visits-share', 'k. A.']])],
  ['d', new Map([['children', '500\u00a0Kinder'], ['cases', 'k. A.'], ['cases-share', 'k. A.'], ['visits-share', '20,00\u00a0%']])],
  ['e', new Map([['children', 'k. A.'], ['cases', 'k. A.'], ['cases-share', 'k. A.'], ['visits-share', 'k. A.']])],
]);
const COLUMNS = ['children', 'cases', 'cases-share', 'visits-share'];
/** Numbers of the file that must never reach a reader (the raw small counts and the shares that give them away). */
const NEVER_SHOWN = [/0[,.]64/, /3[,.]4/, /0[,.]68/, /25[,.]0/, /50[,.]0/, /100[,.]0/, /3[,.]69/, /0[,.]15/];

function exposed(element: Element): string {
  return [element.textContent ?? '', ...[element, ...element.querySelectorAll('*')].flatMap((node) => [...node.attributes].filter((a) => a.name !== 'style').map((a) => a.value))].join(' ');
}

describe('render guard through the elements (a badly prepared public atlas)', () => {
  let warn: typeof console.warn;
  beforeEach(() => {
    warn = console.warn;
    console.warn = () => {};
  });
  afterEach(() => (console.warn = warn));

  it('<keck-table>, its CSV and XLSX show no small count and no share that gives one away', async () => {
    const table = await renderTable(html`<keck-table src=${DERIVED} show-keys></keck-table>`);
    const headers = parts(table, 'thead th').map((th) => th.textContent!.replace(/\s+/g, ' ').trim());
    expect(headers.slice(2).map((h) => h.replace(/ \(erfunden.*$/, ''))).to.deep.equal(['Kinder', 'Fälle', 'Anteil Fälle', 'Anteil Besuche']);
    for (const row of parts<HTMLTableRowElement>(table, 'tbody.areas tr')) {
      const cells = [...row.querySelectorAll('td:not(.key)')].map(cellText);
      const expected = EXPECTED.get(row.dataset.key!)!;
      expect(cells, `area ${row.dataset.key}`).to.deep.equal(COLUMNS.map((id) => expected.get(id)));
      const hidden = COLUMNS.filter((id) => expected.get(id) === 'k. A.');
      for (const id of hidden) {
        const cell = row.querySelectorAll('td:not(.key)')[COLUMNS.indexOf(id)];
        expect(exposed(cell), `${row.dataset.key} ${id}`).to.not.match(/\d/);
      }
    }
    const reference = [...part(table, 'tbody.reference tr').querySelectorAll('td:not(.key)')].map(cellText);
    expect(reference, 'reference row: cases and both shares give a small count away').to.deep.equal(['2.056\u00a0Kinder', 'k. A.', 'k. A.', 'k. A.']);
    const allText = exposed(part(table, 'table'));
    for (const pattern of NEVER_SHOWN) expect(allText).to.not.match(pattern);

    const csv = (await (await captureExport(table, 'csv')).blob.text()).replace(/^\ufeff/, '').split('\r\n').filter(Boolean).map((line) => line.split(';'));
    const csvHeader = csv[0];
    const column = (id: string) => csvHeader.findIndex((h) => h.startsWith(({ children: 'Kinder', cases: 'Fälle', 'cases-share': 'Anteil Fälle', 'visits-share': 'Anteil Besuche' } as Record<string, string>)[id]));
    for (const [key, expected] of EXPECTED) {
      const row = csv.find((r) => r[0] === key)!;
      for (const id of COLUMNS) if (expected.get(id) === 'k. A.') expect(row[column(id)], `CSV ${key} ${id}`).to.equal('k. A.');
    }
    expect(csv.find((r) => r[0] === 'b')![column('cases-share')]).to.equal('5,00');
    for (const pattern of [/0,64/, /3,4/, /0,68/, /3,69/, /0,15/, /;3;/, /;2;/]) expect(csv.map((r) => r.join(';')).join('\n')).to.not.match(pattern);

    const [sheet] = await readXlsxFile((await captureExport(table, 'xlsx')).blob);
    const rowA = sheet.data.find((r) => r[0] === 'a')!;
    expect(rowA.slice(3)).to.deep.equal(['k. A.', 'k. A.', 'k. A.']);
  });

  it('<keck-area-report> shows the same marks for the areas and the reference', async () => {
    const report = await fixture<KeckAreaReport>(html`<keck-area-report src=${DERIVED} areas="a,d"></keck-area-report>`);
    await waitUntil(() => report.shadowRoot?.querySelector('table'), 'the report renders', { timeout: 10000 });
    await report.updateComplete;
    const text = [...report.shadowRoot!.querySelectorAll('table')].map((table) => table.textContent).join(' ');
    for (const pattern of NEVER_SHOWN) expect(text).to.not.match(pattern);
    expect(text).to.contain('20,00');
  });
});
