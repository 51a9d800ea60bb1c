import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import readXlsxFile from 'read-excel-file/browser';
import { strFromU8, unzipSync } from 'fflate';
import { foreignRequests, readRequestLog, runUnderStrictCsp, startRequestLog } from '../../test/harness/browser.js';
import { AtlasGroup } from '../base/group.js';
import { csvDialect } from '../export/csv.js';
import type { KeckTable } from './keck-table.js';
import { FICTIONAL, SMALL_COUNTS, VECHTA, areaRows, captureExport, cellText, part, parts, renderTable, rowNames } from './test-helpers.js';

const NBSP = '\u00a0';

async function sourceTable(): Promise<string[][]> {
  const text = await (await fetch('/demo/sources/vechta_gemeinden_2013.csv')).text();
  return text
    .replace(/^\ufeff/, '')
    .split(/\r?\n/)
    .filter(Boolean)
    .map((line) => line.split(';'));
}

function csvRows(text: string, separator: string): string[][] {
  return text
    .replace(/^\ufeff/, '')
    .split('\r\n')
    .filter(Boolean)
    .map((line) => line.split(separator));
}

function sameSwatches(cells: Element[]): boolean {
  return new Set(cells.map((cell) => cell.querySelector('.swatch')!.getAttribute('style'))).size === 1;
}

async function blobBytes(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

/**
 * Every text a user or assistive technology can get from an element: text and attributes (ARIA, title, data)
 * of it and its descendants. Inline styles are left out: the swatch's hatch has digits of its own, and
 * `sameSwatches` checks that it is the same for every suppressed cell.
 */
function exposedText(element: Element): string {
  const attributes = [element, ...element.querySelectorAll('*')].flatMap((node) =>
    [...node.attributes].filter((attribute) => attribute.name !== 'style').map((attribute) => attribute.value),
  );
  return [element.textContent ?? '', ...attributes].join(' ');
}

describe('<keck-table> on the Vechta demo atlas', () => {
  it('shows every cell as in the source table, with the reference row apart', async () => {
    const [header, reference, ...areas] = await sourceTable();
    const table = await renderTable(html`<keck-table src=${VECHTA}></keck-table>`);
    const atlas = (await import('../data/store.js')).AtlasStore.for(VECHTA);
    // The real 2013 table (the demo's invented 2019–2023 indicators have no column in it).
    const indicators = (await atlas.load()).renderableIndicators('gemeinde').filter((indicator) => indicator.years.includes(2013));
    // Column order in the element: the atlas's indicator order; the source names them by full title.
    const sourceColumn = indicators.map((indicator) => header.indexOf((indicator.title as { de: string }).de));
    expect(sourceColumn).to.not.include(-1);
    const headers = parts(table, 'thead th').map((th) => th.textContent!.replace(/\s+/g, ' ').trim());
    expect(headers[0]).to.match(/^Gebiet/);
    expect(headers.slice(1)).to.deep.equal(['Anteil unter 15-Jährige (%) ↕', 'Anteil Nicht-Deutsche unter 15 (%) ↕']);

    const referenceRow = part(table, 'tbody.reference tr');
    expect(referenceRow.querySelector('th')!.textContent!.trim()).to.equal('Landkreis Vechta (Durchschnitt)');
    expect([...referenceRow.querySelectorAll('td')].map(cellText)).to.deep.equal(sourceColumn.map((column) => `${reference[column]}${NBSP}%`));
    expect(reference.map((value) => value.trim())).to.include.members(['16,15', '5,84']);

    const rows = areaRows(table);
    expect(rows).to.have.length(areas.length);
    for (const source of areas) {
      // The source table dropped the keys' leading zero.
      const row = rows.find((candidate) => candidate.dataset.key === source[0].padStart(8, '0'));
      expect(row, source[1]).to.exist;
      expect([...row!.querySelectorAll('td')].map(cellText), source[1]).to.deep.equal(sourceColumn.map((column) => `${source[column]}${NBSP}%`));
    }
    expect(cellText(rows[0].querySelector('td')!)).to.equal(`17,53${NBSP}%`);
  });

  it('passes axe, also with keys and swatches', async () => {
    const table = await renderTable(html`<keck-table src=${VECHTA} show-keys swatches></keck-table>`);
    expect(parts(table, '.swatch')).to.have.length(20);
    await expect(table).to.be.accessible();
  });

  it('sorts by a column with aria-sort on that column only; the reference row stays first', async () => {
    const table = await renderTable(html`<keck-table src=${VECHTA}></keck-table>`);
    const u15 = parts(table, 'thead th')[1];
    u15.querySelector('button')!.click();
    await table.updateComplete;
    expect(parts(table, 'thead th[aria-sort]')).to.deep.equal([u15]);
    expect(u15.getAttribute('aria-sort')).to.equal('ascending');
    expect(rowNames(table)[0]).to.equal('Vechta');
    expect(rowNames(table).at(-1)).to.equal('Bakum');
    expect(part(table, '[role="status"]').textContent).to.contain('Sortiert nach Anteil unter 15-Jährige, aufsteigend');
    u15.querySelector('button')!.click();
    await table.updateComplete;
    expect(u15.getAttribute('aria-sort')).to.equal('descending');
    expect(rowNames(table)[0]).to.equal('Bakum');
    expect(part(table, 'tbody.reference th').textContent!.trim()).to.equal('Landkreis Vechta (Durchschnitt)');
    parts(table, 'thead th')[0].querySelector('button')!.click();
    await table.updateComplete;
    expect(parts(table, 'thead th[aria-sort]').map((th) => th.textContent!.trim())).to.have.length(1);
    expect(rowNames(table)).to.deep.equal([...rowNames(table)].sort((a, b) => a.localeCompare(b, 'de')));
  });

  it('is operable by keyboard alone: sorts and selects', async () => {
    const page = await renderTable(html`<div><button id="before">before</button><keck-table src=${VECHTA}></keck-table></div>`);
    const table = page as KeckTable;
    document.getElementById('before')!.focus();
    await sendKeys({ press: 'Tab' }); // the scroll region
    expect(table.shadowRoot!.activeElement).to.equal(part(table, '.scroll'));
    await sendKeys({ press: 'Tab' }); // "Gebiet"
    await sendKeys({ press: 'Tab' }); // the first indicator
    await sendKeys({ press: 'Enter' });
    await table.updateComplete;
    expect(parts(table, 'thead th')[1].getAttribute('aria-sort')).to.equal('ascending');
    await sendKeys({ press: 'Space' });
    await table.updateComplete;
    expect(parts(table, 'thead th')[1].getAttribute('aria-sort')).to.equal('descending');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' }); // the first row's name: Bakum (highest share)
    expect(table.shadowRoot!.activeElement!.textContent!.trim()).to.equal('Bakum');
    const selection = oneEvent(table, 'keck-area-select');
    await sendKeys({ press: 'Enter' });
    const event = await selection;
    expect(event.detail).to.deep.equal({ level: 'gemeinde', key: '03460001' });
    await table.updateComplete;
    expect(areaRows(table)[0].classList.contains('selected')).to.be.true;
    await sendKeys({ press: 'Tab' });
    const second = oneEvent(table, 'keck-area-select');
    await sendKeys({ press: 'Space' });
    expect((await second).detail.key).to.equal(areaRows(table)[1].dataset.key);
  });

  it('publishes a selection to its group and highlights rows selected elsewhere in the group', async () => {
    const page = await renderTable(html`<div>
      <keck-table src=${VECHTA} group="table-test"></keck-table>
      <keck-table src=${VECHTA} group="table-test"></keck-table>
    </div>`);
    const [first, second] = [...page.parentElement!.querySelectorAll('keck-table')] as KeckTable[];
    await waitUntil(() => second.shadowRoot?.querySelector('table'));
    const dinklage = areaRows(first).find((row) => row.dataset.key === '03460003')!;
    dinklage.querySelector('td')!.click();
    expect(AtlasGroup.named('table-test').view.areas).to.deep.equal(['03460003']);
    await second.updateComplete;
    expect(areaRows(second).filter((row) => row.classList.contains('selected')).map((row) => row.dataset.key)).to.deep.equal(['03460003']);
    expect(areaRows(second).find((row) => row.dataset.key === '03460003')!.querySelector('button')!.getAttribute('aria-current')).to.equal('true');
  });

  it('restricts rows to `areas`, columns to `indicators`, and shows keys', async () => {
    const table = await renderTable(
      html`<keck-table src=${VECHTA} indicators="non-german-u15-share" areas="03460009,03460001" show-keys></keck-table>`,
    );
    expect(rowNames(table)).to.deep.equal(['Bakum', 'Vechta']);
    expect(parts(table, 'thead th')).to.have.length(3);
    expect(areaRows(table).map((row) => [...row.querySelectorAll('td')].map(cellText))).to.deep.equal([
      ['03460001', `4,82${NBSP}%`],
      ['03460009', `6,98${NBSP}%`],
    ]);
    expect(part(table, 'caption').textContent).to.contain('Anteil Nicht-Deutsche unter 15 Jahren');
  });

  it('stays within 320 px: the table scrolls in its own box with a sticky header and first column', async () => {
    const page = await renderTable(html`<div style="width: 320px"><keck-table src=${VECHTA} show-keys></keck-table></div>`);
    const table = page as KeckTable;
    const scroll = part(table, '.scroll');
    expect(table.getBoundingClientRect().width).to.be.at.most(320);
    expect(scroll.scrollWidth).to.be.greaterThan(scroll.clientWidth);
    expect(getComputedStyle(part(table, 'thead th')).position).to.equal('sticky');
    expect(getComputedStyle(part(table, 'tbody.areas th')).position).to.equal('sticky');
    scroll.scrollLeft = 200;
    const nameLeft = part(table, 'tbody.areas th').getBoundingClientRect().left;
    expect(nameLeft).to.be.closeTo(scroll.getBoundingClientRect().left + 1, 2);
  });

  it('exports CSV with BOM, `;` and decimal comma in German, `,` and point in English', async () => {
    const table = await renderTable(html`<keck-table src=${VECHTA}></keck-table>`);
    const event = await captureExport(table, 'csv');
    expect(event.fileName).to.equal('sozialatlas-landkreis-vechta_gemeinden_2013.csv');
    const bytes = await blobBytes(event.blob);
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const rows = csvRows(await event.blob.text(), csvDialect('de').separator);
    expect(rows[0]).to.deep.equal([
      'Schlüssel',
      'Gebiet',
      'Anteil unter 15-Jähriger an der Gesamtbevölkerung (%)',
      'Anteil Nicht-Deutsche unter 15 Jahren an allen unter 15-Jährigen (%)',
    ]);
    // The demo's reference has no key of its own (the Landkreis is an area of the level "kreis").
    expect(rows[1]).to.deep.equal(['', 'Landkreis Vechta (Durchschnitt)', '16,15', '5,84']);
    expect(rows[2]).to.deep.equal(['03460001', 'Bakum', '17,53', '4,82']);
    const [, , ...sourceAreas] = await sourceTable();
    expect(rows.slice(2).map((row) => [row[0], ...row.slice(2)])).to.deep.equal(sourceAreas.map((row) => [row[0].padStart(8, '0'), ...row.slice(2)]));

    table.locale = 'en';
    await table.updateComplete;
    const english = await captureExport(table, 'csv');
    expect(english.fileName).to.equal('sozialatlas-landkreis-vechta_municipalities_2013.csv');
    const englishRows = csvRows(await english.blob.text(), ',');
    expect(englishRows[0][1]).to.equal('Area');
    expect(englishRows[1]).to.deep.equal(['', 'Vechta district (average)', '16.15', '5.84']);
    expect(englishRows[2]).to.deep.equal(['03460001', 'Bakum', '17.53', '4.82']);
  });

  it('exports XLSX with numeric cells, number formats with units, and a metadata sheet', async () => {
    const table = await renderTable(html`<keck-table src=${VECHTA}></keck-table>`);
    const event = await captureExport(table, 'xlsx');
    expect(event.fileName).to.equal('sozialatlas-landkreis-vechta_gemeinden_2013.xlsx');
    const [data, metadata] = await readXlsxFile(event.blob);
    expect(data.sheet).to.equal('Daten');
    expect(data.data[1]).to.deep.equal([null, 'Landkreis Vechta (Durchschnitt)', 16.15, 5.84]);
    expect(data.data[2]).to.deep.equal(['03460001', 'Bakum', 17.53, 4.82]);
    const [, , ...sourceAreas] = await sourceTable();
    expect(data.data.slice(2).map((row) => row.slice(2))).to.deep.equal(sourceAreas.map((row) => row.slice(2).map((text) => Number(text.replace(',', '.')))));
    expect(metadata.sheet).to.equal('Metadaten');
    const metadataText = metadata.data.flat().join('\n');
    expect(metadataText).to.contain('Einwohnerinnen und Einwohner unter 15 Jahren je 100 Einwohner insgesamt');
    expect(metadataText).to.contain('KECK-Abschlussbericht, Kommunalporträt Landkreis Vechta');
    expect(metadataText).to.contain('© GeoBasis-DE / BKG 2017 (Daten verändert)');
    expect(metadataText).to.contain('k. A. = keine Angabe');
    const styles = strFromU8(unzipSync(await blobBytes(event.blob))['xl/styles.xml']);
    expect(styles).to.contain('formatCode="#,##0.00&quot; %&quot;"');
  });

  it('names a single-indicator export after the indicator, in the order shown', async () => {
    const table = await renderTable(html`<keck-table src=${VECHTA} indicators="u15-share"></keck-table>`);
    parts(table, 'thead th')[1].querySelector('button')!.click();
    await table.updateComplete;
    const event = await captureExport(table, 'xlsx');
    expect(event.fileName).to.equal('sozialatlas-landkreis-vechta_anteil-unter-15-jaehrige_2013.xlsx');
    const [data] = await readXlsxFile(event.blob);
    expect(data.data.slice(2).map((row) => row[1])).to.deep.equal(rowNames(table));
  });

  it('speaks English with the English reference label and number format', async () => {
    const table = await renderTable(html`<keck-table src=${VECHTA} locale="en"></keck-table>`);
    expect(part(table, 'tbody.reference th').textContent!.trim()).to.equal('Vechta district (average)');
    expect(cellText(areaRows(table)[0].querySelector('td')!)).to.equal('17.53%');
    expect(part(table, 'caption').textContent).to.equal('Municipalities 2013');
    expect(part(table, '.exports button.csv').getAttribute('aria-label')).to.equal('Download the table as a CSV file');
  });

  it('reports an unknown indicator and a year without values readably, naming what the atlas has', async () => {
    const broken = await renderTable(html`<keck-table src=${VECHTA} indicators="u15-share,nope"></keck-table>`);
    expect(part(broken, '[role="alert"]').textContent).to.contain('nope');
    const noYear = await renderTable(html`<keck-table src=${VECHTA} year="1999"></keck-table>`);
    expect(part(noYear, '[role="alert"]').textContent).to.contain('Für das Jahr 1999 hat dieser Atlas keine Werte (Attribut „year“). Vorhanden: 2013, 2019, 2020, 2021, 2022, 2023.');
  });
});

describe('<keck-table> with suppressed and missing values (fictional atlas)', () => {
  it('shows "k. A." and "–" with footnotes, never the hidden number, and no unpublished indicator', async () => {
    const table = await renderTable(html`<keck-table src=${FICTIONAL} swatches></keck-table>`);
    expect(parts(table, 'thead th')).to.have.length(3);
    expect(exposedText(table.shadowRoot!.querySelector('table')!)).to.not.contain('Interne Zählung');
    const hafen = areaRows(table).find((row) => row.dataset.key === '02')!;
    expect([...hafen.querySelectorAll('td')].map(cellText)).to.deep.equal(['k. A.', 'k. A.']);
    expect(hafen.querySelector('td .visually-hidden')!.textContent).to.equal('keine Angabe (Datenschutz)');
    const zollhaus = areaRows(table).find((row) => row.dataset.key === '05')!;
    expect([...zollhaus.querySelectorAll('td')].map(cellText)).to.deep.equal([`301${NBSP}Kinder`, '–']);
    expect(zollhaus.querySelectorAll('td')[1].querySelector('.visually-hidden')!.textContent).to.equal('keine Daten');
    for (const cell of parts(table, 'td.suppressed')) expect(exposedText(cell)).to.not.match(/\d/);
    expect(sameSwatches(parts(table, 'td.suppressed'))).to.be.true;
    expect(part(table, '.suppressed-note').textContent).to.contain('Datenschutz');
    expect(part(table, '.missing-note').textContent).to.contain('keine Daten');
    expect(cellText(part(table, 'tbody.reference td'))).to.equal(`1.096${NBSP}Kinder`);
    await expect(table).to.be.accessible();
  });

  it('sorts suppressed, then missing values last in both directions', async () => {
    const table = await renderTable(html`<keck-table src=${FICTIONAL}></keck-table>`);
    const share = parts(table, 'thead th button')[2];
    share.click();
    await table.updateComplete;
    expect(rowNames(table)).to.deep.equal(['Mühlenberg', 'Altstadt', 'Öhringer Feld', 'Hafen', 'Zollhaus']);
    share.click();
    await table.updateComplete;
    expect(rowNames(table)).to.deep.equal(['Öhringer Feld', 'Altstadt', 'Mühlenberg', 'Hafen', 'Zollhaus']);
  });

  it('exports "k. A." for suppressed and "–" for missing cells in CSV and XLSX', async () => {
    const table = await renderTable(html`<keck-table src=${FICTIONAL}></keck-table>`);
    const csv = csvRows(await (await captureExport(table, 'csv')).blob.text(), ';');
    expect(csv.slice(1)).to.deep.equal([
      ['ks', 'Kleinstadt insgesamt', '1096', '5,9'],
      ['01', 'Altstadt', '412', '6,1'],
      ['02', 'Hafen', 'k. A.', 'k. A.'],
      ['03', 'Mühlenberg', '318', '4,8'],
      ['04', 'Öhringer Feld', 'k. A.', '7,3'],
      ['05', 'Zollhaus', '301', '–'],
    ]);
    const [data, metadata] = await readXlsxFile((await captureExport(table, 'xlsx')).blob);
    expect(data.data.slice(1)).to.deep.equal([
      ['ks', 'Kleinstadt insgesamt', 1096, 5.9],
      ['01', 'Altstadt', 412, 6.1],
      ['02', 'Hafen', 'k. A.', 'k. A.'],
      ['03', 'Mühlenberg', 318, 4.8],
      ['04', 'Öhringer Feld', 'k. A.', 7.25],
      ['05', 'Zollhaus', 301, '–'],
    ]);
    expect(metadata.data.flat().join('\n')).to.contain('Daten: erfunden für Tests (fiktiv)');
  });
});

describe('<keck-table> with raw small counts (fictional atlas)', () => {
  const hiddenKeys = ['null', 'eins', 'zwei', 'drei'];

  it('never shows counts 0–3 in the DOM, ARIA texts or either export', async () => {
    const table = await renderTable(html`<keck-table src=${SMALL_COUNTS} show-keys swatches></keck-table>`);
    const rows = areaRows(table);
    for (const key of hiddenKeys) {
      const row = rows.find((candidate) => candidate.dataset.key === key)!;
      expect(cellText(row.querySelectorAll('td')[1])).to.equal('k. A.');
      expect(exposedText(row), key).to.not.match(/\d/);
    }
    expect(sameSwatches(parts(table, 'td.suppressed'))).to.be.true;
    expect(cellText(rows.find((row) => row.dataset.key === 'viel')!.querySelectorAll('td')[1])).to.equal(`52${NBSP}Fälle`);
    parts(table, 'thead th button')[2].click();
    await table.updateComplete;
    expect(rowNames(table)).to.deep.equal(['Vielstadt', 'Nullhausen', 'Einsiedel', 'Zweibrücken', 'Dreieich']);
    expect(exposedText(part(table, '[role="status"]'))).to.not.match(/\d/);

    const csv = csvRows(await (await captureExport(table, 'csv')).blob.text(), ';');
    for (const key of hiddenKeys) expect(csv.find((row) => row[0] === key)).to.deep.equal([key, csv.find((row) => row[0] === key)![1], 'k. A.']);
    const [data] = await readXlsxFile((await captureExport(table, 'xlsx')).blob);
    for (const key of hiddenKeys) {
      const row = data.data.find((candidate) => candidate[0] === key)!;
      expect(row[2]).to.equal('k. A.');
      expect(row.join(' ')).to.not.match(/\d/);
    }
  });
});

describe('<keck-table> under a strict Content-Security-Policy', () => {
  it('renders with swatches, sorts, selects and exports CSV and XLSX without a violation or a foreign request', async () => {
    await startRequestLog();
    const run = await runUnderStrictCsp('table-export');
    expect(run.error).to.equal(undefined);
    expect(run.violations).to.deep.equal([]);
    const result = run.result as { rows: number; swatchColour: string; csvBytes: number; xlsxBytes: number };
    expect(result.rows).to.equal(5);
    expect(result.swatchColour).to.not.equal('rgba(0, 0, 0, 0)');
    expect(result.csvBytes).to.be.greaterThan(100);
    expect(result.xlsxBytes).to.be.greaterThan(1000);
    expect(foreignRequests(await readRequestLog())).to.deep.equal([]);
  });
});
