import '../../../src/table/define.js';
import type { KeckExportEvent } from '../../../src/export/download.js';
import type { KeckTable } from '../../../src/table/keck-table.js';

/** Renders <keck-table> with swatches under the strict CSP, sorts, selects and exports CSV and XLSX. */
export async function run(stage: HTMLElement) {
  const table = document.createElement('keck-table') as KeckTable;
  table.setAttribute('src', '/test/fixtures/table/atlas.json');
  table.toggleAttribute('swatches', true);
  stage.append(table);
  const root = () => table.shadowRoot!;
  await table.settled();
  root().querySelectorAll<HTMLButtonElement>('thead button')[1].click();
  await table.updateComplete;
  root().querySelector<HTMLButtonElement>('tbody.areas button')!.click();
  const capture = (format: string) =>
    new Promise<KeckExportEvent>((resolve) => {
      table.addEventListener('keck-export', (event) => (event.preventDefault(), resolve(event)), { once: true });
      root().querySelector<HTMLButtonElement>(`.exports button.${format}`)!.click();
    });
  const csv = await capture('csv');
  const xlsx = await capture('xlsx');
  return {
    rows: root().querySelectorAll('tbody.areas tr').length,
    swatchColour: getComputedStyle(root().querySelector('.swatch')!).backgroundColor,
    csvBytes: csv.blob.size,
    xlsxBytes: xlsx.blob.size,
  };
}
