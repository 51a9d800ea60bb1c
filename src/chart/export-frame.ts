import { svgSize } from '../export/image.js';
import { charactersIn, wrapText } from '../base/wrap-text.js';
import type { ChartTheme } from './theme.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
const PAD = 16;

export interface FrameText {
  title: string;
  /** `Quelle: …` */
  source: string;
  description: string;
}

/**
 * A standalone copy of the chart's SVG for image exports: the title above, the source below
 * (both as SVG text, wrapped to the chart's width: the file is as wide as the chart), a
 * background, and `<title>`/`<desc>` for readers of the file.
 */
export function framedSvg(chart: SVGSVGElement, text: FrameText, theme: ChartTheme): SVGSVGElement {
  const { width, height } = svgSize(chart);
  const titleSize = Math.round(theme.fontSize * 1.1);
  const footSize = Math.round(theme.fontSize * 0.75);
  const titleLines = wrapText(text.title, charactersIn(width, titleSize, true));
  const sourceLines = wrapText(text.source, charactersIn(width, footSize));
  const top = PAD + titleLines.length * Math.round(titleSize * 1.25) + 6;
  const frameWidth = Math.ceil(width + 2 * PAD);
  const frameHeight = Math.ceil(top + height + 10 + sourceLines.length * Math.round(footSize * 1.3) + PAD);

  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('xmlns', SVG_NS);
  svg.setAttribute('width', String(frameWidth));
  svg.setAttribute('height', String(frameHeight));
  svg.setAttribute('viewBox', `0 0 ${frameWidth} ${frameHeight}`);
  svg.append(node('title', {}, text.title), node('desc', {}, text.description));
  const background = theme.background === 'transparent' || theme.background.startsWith('rgba(0, 0, 0, 0') ? '#ffffff' : theme.background;
  svg.append(node('rect', { x: 0, y: 0, width: frameWidth, height: frameHeight, fill: background }));
  titleLines.forEach((line, i) =>
    svg.append(node('text', { x: PAD, y: PAD + titleSize + i * Math.round(titleSize * 1.25), 'font-family': theme.font, 'font-size': titleSize, 'font-weight': 'bold', fill: theme.text }, line)),
  );

  const copy = chart.cloneNode(true) as SVGSVGElement;
  for (const attribute of ['class', 'role', 'aria-labelledby', 'aria-describedby', 'style']) copy.removeAttribute(attribute);
  copy.querySelectorAll(':scope > title, :scope > desc').forEach((element) => element.remove());
  copy.setAttribute('x', String(PAD));
  copy.setAttribute('y', String(top));
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  svg.append(copy);
  sourceLines.forEach((line, i) =>
    svg.append(node('text', { x: PAD, y: top + height + 10 + footSize + i * Math.round(footSize * 1.3), 'font-family': theme.font, 'font-size': footSize, fill: theme.text }, line)),
  );
  return svg;
}

function node(name: string, attributes: Record<string, string | number>, content?: string): SVGElement {
  const element = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  if (content !== undefined) element.textContent = content;
  return element;
}
