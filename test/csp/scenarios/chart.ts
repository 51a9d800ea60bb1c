import '../../../src/chart/define.js';
import type { KeckChart } from '../../../src/chart/keck-chart.js';

const CHARTS = [
  { type: 'column', src: '/demo/atlas/vechta/atlas.json', indicator: 'u15-share' },
  { type: 'bar', src: '/test/fixtures/chart/atlas.json', indicator: 'u6-share', year: '2023' },
  { type: 'scatter', src: '/test/fixtures/chart/atlas.json', indicators: 'u6-share,poverty-rate' },
  { type: 'line', src: '/test/fixtures/chart/atlas.json', indicator: 'u6-share', areas: '01,06' },
];

/** Draws every chart type and exports one chart to each format under the strict CSP. */
export async function run(stage: HTMLElement) {
  const charts = CHARTS.map((attributes) => {
    const chart = document.createElement('keck-chart') as KeckChart;
    for (const [name, value] of Object.entries(attributes)) chart.setAttribute(name, value);
    stage.append(chart);
    return chart;
  });
  const drawn = await Promise.all(charts.map((chart) => drawnSvg(chart)));
  // Keyboard highlight and selection change the drawn chart through vega signals: also under the CSP.
  const box = charts[0].shadowRoot!.querySelector<HTMLElement>('.chart')!;
  box.focus();
  for (const key of ['ArrowDown', 'ArrowDown', 'Enter']) box.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
  await charts[0].settled();
  const exported: Record<string, number> = {};
  for (const format of ['png', 'jpeg', 'svg', 'pdf'] as const) exported[format] = (await charts[0].exportBlob(format)).size;
  return { marks: drawn.map((svg) => svg.querySelectorAll('.role-mark > *').length), exported, selected: charts[0].selectedAreas.length };
}

/** The chart's SVG once its own completion signal says it is drawn (no wall-clock budget: the runner's timeout is the limit). */
async function drawnSvg(chart: KeckChart): Promise<SVGSVGElement> {
  await chart.settled();
  if (!chart.svg) throw new Error(`chart ${chart.type} did not draw: ${chart.shadowRoot?.textContent?.trim()}`);
  return chart.svg;
}
