import { fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { ExportFormat, KeckExportEvent } from '../export/download.js';
import './define.js';
import type { KeckTable } from './keck-table.js';

export const VECHTA = '/demo/atlas/vechta/atlas.json';
export const FICTIONAL = '/test/fixtures/table/atlas.json';
export const SMALL_COUNTS = '/test/fixtures/table/small-counts.json';

/** Renders a table and waits until it shows its rows (or a status once the atlas is ready). */
export async function renderTable(template: TemplateResult): Promise<KeckTable> {
  const element = await fixture<KeckTable>(template);
  const table = element.localName === 'keck-table' ? element : element.querySelector('keck-table')!;
  await waitUntil(() => table.shadowRoot?.querySelector('table, .status:not([role="status"])'), 'the table renders', { timeout: 10000 });
  await table.updateComplete;
  return table;
}

export const part = <T extends Element = HTMLElement>(table: KeckTable, selector: string) => table.shadowRoot!.querySelector<T>(selector)!;
export const parts = <T extends Element = HTMLElement>(table: KeckTable, selector: string) => [...table.shadowRoot!.querySelectorAll<T>(selector)];

/** The visible text of a cell: the shown mark, not the screen-reader text beside it. */
export function cellText(cell: Element): string {
  const shown = cell.querySelector('[aria-hidden="true"]:not(.swatch)');
  return (shown ?? cell).textContent!.trim();
}

export const areaRows = (table: KeckTable) => parts<HTMLTableRowElement>(table, 'tbody.areas tr');
export const rowNames = (table: KeckTable) => areaRows(table).map((row) => row.querySelector('th')!.textContent!.trim());

/** Clicks an export button and captures the file from the cancelled `keck-export` event (no real download). */
export function captureExport(table: KeckTable, format: ExportFormat): Promise<KeckExportEvent> {
  return new Promise((resolve) => {
    table.addEventListener(
      'keck-export',
      (event) => {
        event.preventDefault();
        resolve(event);
      },
      { once: true },
    );
    part(table, `.exports button.${format}`).click();
  });
}

export { html };
