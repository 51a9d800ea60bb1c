import '../../../src/area-report/define.js';
import type { KeckAreaReport } from '../../../src/area-report/keck-area-report.js';

/** Renders an area report of the Vechta demo atlas and builds its PDF under the strict CSP. */
export async function run(stage: HTMLElement) {
  const el = document.createElement('keck-area-report') as KeckAreaReport;
  el.setAttribute('src', '/demo/atlas/vechta/atlas.json');
  el.setAttribute('areas', '03460006');
  stage.append(el);
  await new Promise((resolve) => el.addEventListener('keck-load', resolve, { once: true }));
  await el.updateComplete;
  const pdf = await el.createPdf();
  return { rows: el.shadowRoot!.querySelectorAll('tbody tr').length, pdfBytes: pdf.size };
}
