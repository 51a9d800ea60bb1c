import { fixture, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import './define.js';
import type { KeckChart } from './keck-chart.js';

export const VECHTA = '/demo/atlas/vechta/atlas.json';
/** Fictional multi-year atlas with suppressed and missing values. */
export const FICTIONAL = '/test/fixtures/chart/atlas.json';

/** Renders a chart and waits until its SVG is drawn. */
export async function drawnChart(template: TemplateResult): Promise<KeckChart> {
  const chart = await fixture<KeckChart>(template);
  await waitUntil(() => chart.svg, 'the chart did not draw', { timeout: 20000 });
  await chart.rendered;
  return chart;
}

/** Redraws after a change and waits for the new SVG. */
export async function redrawn(chart: KeckChart): Promise<void> {
  await chart.updateComplete;
  await chart.rendered;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
  strokeWidth: number;
}

/** The bars (rect marks) of the chart's SVG, in drawing order, in plot coordinates. */
export function bars(svg: SVGSVGElement): Rect[] {
  return [...svg.querySelectorAll('g.mark-rect.role-mark path')].map((path) => {
    const [x, y] = translate(path);
    const match = /^M([-\d.e]+),([-\d.e]+)h([-\d.e]+)v([-\d.e]+)/.exec(path.getAttribute('d') ?? '');
    if (!match) throw new Error(`unexpected bar path ${path.getAttribute('d')}`);
    return {
      x: x + Number(match[1]),
      y: y + Number(match[2]),
      width: Number(match[3]),
      height: Number(match[4]),
      fill: path.getAttribute('fill') ?? '',
      strokeWidth: Number(path.getAttribute('stroke-width') ?? 0),
    };
  });
}

/** Positions of the rule marks (the reference line). */
export function rules(svg: SVGSVGElement): { x: number; y: number; x2: number; y2: number }[] {
  return [...svg.querySelectorAll('g.mark-rule.role-mark line')].map((line) => {
    const [x, y] = translate(line);
    return { x, y, x2: Number(line.getAttribute('x2') ?? 0), y2: Number(line.getAttribute('y2') ?? 0) };
  });
}

/** Texts of the text marks (value labels, reference label, "k. A."). */
export function markTexts(svg: SVGSVGElement): string[] {
  return [...svg.querySelectorAll('g.mark-text.role-mark text')].map((text) => text.textContent ?? '');
}

/** Texts of the mark labels a reader sees (a scatter plot draws only the labels that fit; the others have opacity 0). */
export function visibleMarkTexts(svg: SVGSVGElement): string[] {
  return [...svg.querySelectorAll<SVGTextElement>('g.mark-text.role-mark text')].filter((text) => text.getAttribute('opacity') !== '0').map((text) => text.textContent ?? '');
}

/** The lines of the chart's title: the reference key above the plot. */
export function titleLines(svg: SVGSVGElement): string[] {
  return [...svg.querySelectorAll('g.role-title-text text')].flatMap((text) => (text.querySelectorAll('tspan').length ? [...text.querySelectorAll('tspan')].map((t) => t.textContent ?? '') : [text.textContent ?? '']));
}

/** Texts of the axis labels. */
export function axisLabels(svg: SVGSVGElement): string[] {
  return [...svg.querySelectorAll('g.role-axis-label text')].map((text) => text.textContent ?? '');
}

function translate(element: Element): [number, number] {
  const match = /translate\(([-\d.e]+),\s*([-\d.e]+)\)/.exec(element.getAttribute('transform') ?? '');
  return match ? [Number(match[1]), Number(match[2])] : [0, 0];
}
