import { expect, fixture, html } from '@open-wc/testing';
import '../../src/area-report/define.js';
import '../../src/chart/define.js';
import '../../src/map/define.js';
import '../../src/table/define.js';
import { AtlasGroup } from '../../src/base/group.js';
import type { KeckElement } from '../../src/base/keck-element.js';
import type { KeckAreaReport } from '../../src/area-report/keck-area-report.js';
import type { KeckMap } from '../../src/map/keck-map.js';

const VECHTA = '/demo/atlas/vechta/atlas.json';
const FIXTURE = '/test/fixtures/report/atlas.json';

async function loaded(...elements: KeckElement[]): Promise<void> {
  for (const el of elements) {
    const status = () => (el as unknown as { data: { status: string } }).data.status;
    while (status() === 'loading' || status() === 'idle') await new Promise((resolve) => setTimeout(resolve, 10));
    await el.updateComplete;
    await el.updateComplete;
  }
}

const selectedRows = (table: Element) =>
  [...table.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tr.selected')].map((row) => row.dataset.key);
const pressedInChart = (chart: Element) =>
  [...chart.shadowRoot!.querySelectorAll('th button[aria-pressed="true"]')].map((button) => button.textContent?.trim());
const reportAreas = (report: Element) => [...report.shadowRoot!.querySelectorAll('td[data-key]')].map((td) => td.getAttribute('data-key')).filter((k, i, all) => all.indexOf(k) === i);

describe('linked elements (group)', () => {
  it('carries one selection on the map to the table, the chart and the report of its group, and leaves others alone', async () => {
    const page = await fixture(html`<div>
      <keck-map src=${VECHTA} group="linking-a" style="display:block;width:500px;height:400px"></keck-map>
      <keck-table src=${VECHTA} group="linking-a"></keck-table>
      <keck-chart src=${VECHTA} group="linking-a" indicator="u15-share"></keck-chart>
      <keck-area-report src=${VECHTA} group="linking-a"></keck-area-report>
      <keck-chart src=${VECHTA} indicator="u15-share" class="outside"></keck-chart>
      <keck-table src=${VECHTA} class="outside"></keck-table>
      <keck-area-report src=${VECHTA} group="linking-other" class="outside"></keck-area-report>
    </div>`);
    const map = page.querySelector<KeckMap>('keck-map')!;
    const [table, outsideTable] = page.querySelectorAll<KeckElement>('keck-table');
    const [report, outsideReport] = page.querySelectorAll<KeckAreaReport>('keck-area-report');
    const [chart, outsideChart] = page.querySelectorAll<KeckElement>('keck-chart');
    await loaded(map, table, report, outsideTable, outsideReport, chart, outsideChart);
    await map.mapComplete();

    // Keyboard on the map: the areas in alphabetical order; the sixth is Lohne (Oldenburg).
    const surface = map.shadowRoot!.querySelector<HTMLElement>('[part="map"]')!;
    surface.focus();
    for (let i = 0; i < 6; i++) surface.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    surface.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await Promise.all([table, report, chart, outsideTable, outsideReport, outsideChart].map((el) => el.updateComplete));

    expect(AtlasGroup.named('linking-a').view.areas).to.deep.equal(['03460006']);
    expect(selectedRows(table)).to.deep.equal(['03460006']);
    expect(pressedInChart(chart)).to.deep.equal(['Lohne (Oldenburg)']);
    expect(reportAreas(report)).to.deep.equal(['03460006']);
    expect(report.shadowRoot!.querySelector('thead th:nth-child(2)')?.textContent?.trim()).to.equal('Lohne (Oldenburg)');

    expect(selectedRows(outsideTable)).to.deep.equal([]);
    expect(pressedInChart(outsideChart)).to.deep.equal([]);
    expect(reportAreas(outsideReport)).to.deep.equal([]);
    expect(outsideReport.shadowRoot!.querySelector('[part="status"]')?.textContent).to.contain('Bitte wählen Sie');

    // Selecting a row in the table adds to the report; the report keeps the three most recent.
    for (const key of ['03460001', '03460009', '03460002']) {
      table.shadowRoot!.querySelector<HTMLButtonElement>(`tr[data-key="${key}"] button.area`)!.click();
      await report.updateComplete;
    }
    expect(AtlasGroup.named('linking-a').view.areas.at(-1)).to.equal('03460002');
    expect(selectedRows(table)).to.include('03460002');
  });

  it('shares the year: changing it on one element changes it on every linked element, not on others', async () => {
    const page = await fixture(html`<div lang="de">
      <keck-table src=${FIXTURE} group="linking-year" indicators="u6-share"></keck-table>
      <keck-area-report src=${FIXTURE} group="linking-year" areas="001"></keck-area-report>
      <keck-area-report src=${FIXTURE} areas="001" class="outside"></keck-area-report>
    </div>`);
    const table = page.querySelector<KeckElement>('keck-table')!;
    const [report, outside] = page.querySelectorAll<KeckAreaReport>('keck-area-report');
    await loaded(table, report, outside);
    const yearOf = (el: KeckAreaReport) => el.shadowRoot!.querySelector('tr[data-indicator="u6-share"] .unit-year')?.textContent?.trim();
    expect(yearOf(report)).to.equal('in %, 2023');

    AtlasGroup.named('linking-year').update({ year: 2022 }); // what an element's own year control shares (ViewController.share)
    await table.updateComplete;
    await report.updateComplete;
    expect(AtlasGroup.named('linking-year').view.year).to.equal(2022);
    expect(report.activeYear).to.equal(2022);
    expect(yearOf(report)).to.equal('in %, 2022');
    expect(report.shadowRoot!.querySelector('tr[data-indicator="u6-share"] td[data-key="001"] .value')?.textContent).to.equal('5,1\u00a0%');
    expect(outside.activeYear).to.equal(2023);
    expect(yearOf(outside)).to.equal('in %, 2023');
  });

  it('shares a bookmark opened in the group with the other members', async () => {
    const page = await fixture(html`<div>
      <keck-table src=${FIXTURE} group="linking-bookmark" bookmark="north-support"></keck-table>
      <keck-area-report src=${FIXTURE} group="linking-bookmark"></keck-area-report>
    </div>`);
    const table = page.querySelector<KeckElement>('keck-table')!;
    const report = page.querySelector<KeckAreaReport>('keck-area-report')!;
    await loaded(table, report);
    await report.updateComplete;
    expect(reportAreas(report)).to.deep.equal(['002', '004']);
  });
});
