import { expect, fixture, html } from '@open-wc/testing';
import { runUnderStrictCsp } from '../../test/harness/browser.js';
import { pdfFills, pdfItems, pdfPagesText } from '../../test/fixtures/report/pdf-text.js';
import './define.js';
import type { KeckAreaReport } from './keck-area-report.js';

const VECHTA = '/demo/atlas/vechta/atlas.json';
const FIXTURE = '/test/fixtures/report/atlas.json';

/** Renders the report and waits until its atlas has loaded (or failed) and it has rendered. */
async function report(template: ReturnType<typeof html>): Promise<KeckAreaReport> {
  const el = await fixture<KeckAreaReport>(template);
  const status = () => (el as unknown as { data: { status: string } }).data.status;
  while (status() === 'loading' || status() === 'idle') await new Promise((resolve) => setTimeout(resolve, 10));
  await el.updateComplete;
  await el.updateComplete;
  return el;
}

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/[ \t\n\r]+/g, ' ').trim();
const cell = (el: KeckAreaReport, indicator: string, key: string) =>
  el.shadowRoot!.querySelector(`tr[data-indicator="${indicator}"] td[data-key="${key}"]`);

/** The source table as published (German decimals), keyed by area key with the leading zero. */
async function sourceTable() {
  const parse = async (url: string) =>
    (await (await fetch(url)).text())
      .trim()
      .split('\n')
      .map((line) => line.split(';'));
  const [header, ...rows] = await parse('/demo/sources/vechta_gemeinden_2013.csv');
  const indicatorRows = await parse('/demo/sources/vechta.indicators.csv');
  const idOfColumn = new Map(indicatorRows.slice(1).map((row) => [row[0], row[1]]));
  const columns = header.slice(2).map((column) => idOfColumn.get(column)!);
  const values = new Map<string, Map<string, string>>(); // key ('' = reference) → indicator → "16,77"
  for (const row of rows) values.set(row[0] ? row[0].padStart(8, '0') : '', new Map(columns.map((id, i) => [id, row[i + 2]])));
  return { columns, values };
}

/** The documented rule, computed here from the source strings: about the same within max(0.005, 1 % of the reference). */
function expectedComparison(value: string, reference: string): string {
  const a = Number(value.replace(',', '.'));
  const r = Number(reference.replace(',', '.'));
  const difference = Math.round((a - r) * 100) / 100;
  if (Math.abs(difference) <= Math.max(0.005, 0.01 * Math.abs(r))) return 'etwa gleich';
  return `${Math.abs(difference).toFixed(2).replace('.', ',')}\u00a0Prozentpunkte ${difference > 0 ? 'höher' : 'niedriger'}`;
}

describe('keck-area-report', () => {
  it('shows every value and comparison of three Vechta Gemeinden as in the source table', async () => {
    const keys = ['03460006', '03460007', '03460009'];
    const el = await report(html`<keck-area-report src=${VECHTA} areas=${keys.join(',')} locale="de"></keck-area-report>`);
    const { columns, values } = await sourceTable();
    expect(columns).to.have.length(2);
    const headers = [...el.shadowRoot!.querySelectorAll('thead th')].map(text);
    expect(headers.slice(1, 4)).to.deep.equal(['Lohne (Oldenburg)', 'Neuenkirchen-Vörden', 'Vechta']);
    expect(headers[4]).to.equal('Referenz: Landkreis Vechta (Durchschnitt)');
    let checked = 0;
    for (const indicator of columns) {
      const reference = values.get('')!.get(indicator)!;
      const row = el.shadowRoot!.querySelector(`tr[data-indicator="${indicator}"]`)!;
      expect(text(row.querySelector('td.reference .value'))).to.equal(`${reference}\u00a0%`);
      expect(text(row.querySelector('th .unit-year'))).to.equal('in %, 2013');
      for (const key of keys) {
        const source = values.get(key)!.get(indicator)!;
        const td = cell(el, indicator, key)!;
        expect(text(td.querySelector('.value')), `${indicator} ${key}`).to.equal(`${source}\u00a0%`);
        expect(text(td.querySelector('.comparison-text')), `${indicator} ${key}`).to.equal(expectedComparison(source, reference));
        expect(td.querySelector('svg.bar'), 'a bar beside the words').to.exist;
        checked++;
      }
    }
    expect(checked).to.equal(6);
    // Lohne's non-German share, 7,65 vs 5,84: clearly higher.
    expect(text(cell(el, 'non-german-u15-share', '03460006')?.querySelector('.comparison-text'))).to.equal('1,81\u00a0Prozentpunkte höher');
    const footnotes = text(el.shadowRoot!.querySelector('.footnotes'));
    expect(footnotes).to.contain('Einwohnerinnen und Einwohner unter 15 Jahren je 100 Einwohner insgesamt');
    expect(footnotes).to.contain('Quelle: KECK-Abschlussbericht');
    expect(text(el.shadowRoot!.querySelector('.attribution'))).to.contain('© GeoBasis-DE / BKG 2017');
  });

  it('is accessible', async () => {
    const el = await report(html`<keck-area-report src=${VECHTA} areas="03460006" locale="de"></keck-area-report>`);
    await expect(el).to.be.accessible();
  });

  it('refuses a fourth area with a message instead of cutting silently', async () => {
    const el = await report(html`<keck-area-report src=${VECHTA} areas="03460001,03460002,03460003,03460004"></keck-area-report>`);
    const status = el.shadowRoot!.querySelector('[part="status"]');
    expect(status?.getAttribute('role')).to.equal('alert');
    expect(text(status)).to.contain('höchstens drei Gebiete; angegeben sind 4');
    expect(el.shadowRoot!.querySelector('table')).to.be.null;
  });

  it('names unknown area keys', async () => {
    const el = await report(html`<keck-area-report src=${VECHTA} areas="3460006"></keck-area-report>`);
    expect(text(el.shadowRoot!.querySelector('[part="status"]'))).to.contain('3460006');
  });

  it('shows a suppressed or small count as "k. A." with no number anywhere, and no unpublished indicator', async () => {
    const el = await report(html`<keck-area-report src=${FIXTURE} areas="002,003,004" locale="de"></keck-area-report>`);
    // 002 holds a count of 2 (refused by the render guard), 003 one marked suppressed.
    for (const [indicator, key] of [
      ['u6-count', '002'],
      ['u6-count', '003'],
      ['sgb2-rate', '002'],
    ]) {
      const td = cell(el, indicator, key)!;
      expect(text(td.querySelector('.value')), `${indicator} ${key}`).to.equal('k. A.');
      expect(text(td), `${indicator} ${key}`).to.not.match(/\d/);
      expect(td.querySelector('.comparison, svg'), 'no difference that would give the value away').to.be.null;
    }
    expect(text(cell(el, 'u6-share', '004')?.querySelector('.value'))).to.equal('–');
    // A count's reference is the total: said once below the tables, the reference marked "Summe", no note in every cell.
    expect(text(cell(el, 'u6-count', '004'))).to.not.contain('Vergleich');
    expect(text(el.shadowRoot!.querySelector('tr[data-indicator="u6-count"] td.reference'))).to.contain('Summe');
    expect(el.shadowRoot!.textContent!.match(/die Summe aller Gebiete/g)).to.have.length(1);
    expect(text(cell(el, 'sgb2-rate', '003')?.querySelector('.value'))).to.equal('9,9\u00a0%');
    const all = el.shadowRoot!.textContent!;
    expect(all).to.not.contain('Interner Indikator');
    expect(all).to.not.contain('77,7');
    expect([...el.shadowRoot!.querySelectorAll('h3')].map(text)).to.include.members(['Kinder', 'Unterstützung']);

    const blob = await el.createPdf();
    const pdf = (await pdfPagesText(blob)).join('\n');
    expect(pdf).to.not.contain('77,7');
    expect(pdf).to.not.contain('Interner Indikator');
    // In the PDF's table, the column of each area: its hidden cells say "k. A." and nothing else.
    const items = await pdfItems(blob);
    const columnOf = (name: string) => items.find((item) => item.str === name)!.x;
    const inColumn = (name: string) => items.filter((item) => Math.abs(item.x - columnOf(name)) < 1 && item.str !== name).map((item) => item.str);
    expect(inColumn('Nordviertel')).to.include('k. A.');
    expect(inColumn('Südhang')).to.include('k. A.');
    expect(inColumn('Östliche Aue')).to.include('–');
  });

  it('exports a PDF whose text holds title, area names, values, source and attribution', async () => {
    const el = await report(html`<keck-area-report src=${VECHTA} areas="03460006,03460007,03460009" locale="de"></keck-area-report>`);
    const blob = await el.createPdf();
    expect(blob.type).to.equal('application/pdf');
    const pdf = (await pdfPagesText(blob)).join('\n');
    expect(pdf).to.contain('Sozialraumanalyse');
    expect(pdf).to.contain('Lohne (Oldenburg), Neuenkirchen-Vörden und Vechta im Vergleich mit Landkreis Vechta');
    // A table as on screen: each value under its area's header, the comparison below it, the reference in its own column.
    const items = await pdfItems(blob);
    const headerRow = items.find((item) => item.str === 'Indikator')!;
    const column = (header: string) => items.find((item) => item.page === headerRow.page && Math.abs(item.y - headerRow.y) < 1 && (header.startsWith(item.str) || item.str.startsWith(header)))!.x;
    const under = (header: string) => items.filter((item) => Math.abs(item.x - column(header)) < 1).map((item) => item.str).join(' ');
    expect(under('Lohne (Oldenburg)')).to.contain('16,77 % 0,62 Prozentpunkte höher');
    expect(under('Neuenkirchen-')).to.contain('6,37 % 0,53 Prozentpunkte höher');
    expect(under('Vechta')).to.contain('15,03 % 1,12 Prozentpunkte niedriger');
    expect(under('Referenz:')).to.contain('16,15 %');
    // Words are broken only between words or at their hyphen.
    expect(items.map((item) => item.str)).to.include.members(['Neuenkirchen-', 'Vörden']);
    // The comparison bars are vector rectangles (track, difference, axis per compared cell).
    expect(await pdfFills(blob)).to.be.at.least(3 * 6);
    expect(pdf).to.contain('Quelle: KECK-Abschlussbericht');
    expect(pdf).to.contain('Datenlizenz Deutschland –');
    expect(pdf).to.contain('Anteil Nicht-Deutsche unter 15 Jahren');
  });

  it('opens a bookmark: its areas, indicators and interpretation text', async () => {
    const el = await report(html`<keck-area-report src=${FIXTURE} bookmark="north-support" locale="de"></keck-area-report>`);
    expect(text(el.shadowRoot!.querySelector('[part="bookmark"]'))).to.contain('Im Nordviertel ist der Wert aus Datenschutzgründen nicht ausgewiesen.');
    expect([...el.shadowRoot!.querySelectorAll('tbody tr')].map((row) => row.getAttribute('data-indicator'))).to.deep.equal(['u6-share', 'sgb2-rate']);
    expect([...el.shadowRoot!.querySelectorAll('thead th')].map(text).slice(1, 3)).to.deep.equal(['Nordviertel', 'Östliche Aue']);
  });

  it('names an unknown bookmark in a readable error', async () => {
    const el = await report(html`<keck-area-report src=${FIXTURE} bookmark="nope"></keck-area-report>`);
    const status = el.shadowRoot!.querySelector('[part="status"]');
    expect(status?.getAttribute('role')).to.equal('alert');
    expect(text(status)).to.contain('Die gespeicherte Ansicht „nope“ gibt es in diesem Atlas nicht (Attribut „bookmark“). Vorhanden: north-support.');
  });

  it('speaks English with locale="en"', async () => {
    const el = await report(html`<keck-area-report src=${VECHTA} areas="03460009" locale="en"></keck-area-report>`);
    expect(text(cell(el, 'u15-share', '03460009')?.querySelector('.comparison-text'))).to.equal('1.12\u00a0percentage points lower');
    expect(text(el.shadowRoot!.querySelector('h2'))).to.equal('Area report');
  });

  it('renders and exports its PDF under a strict Content-Security-Policy', async () => {
    const run = await runUnderStrictCsp('report', 30000);
    expect(run.error).to.be.undefined;
    expect(run.violations).to.deep.equal([]);
    // The demo atlas's five published indicators (two real for 2013, three invented for 2019–2023).
    expect(run.result).to.deep.include({ rows: 5 });
    expect((run.result as { pdfBytes: number }).pdfBytes).to.be.greaterThan(1000);
  });
});
