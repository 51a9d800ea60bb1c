import type { Polygon, FeatureCollection } from 'geojson';
import type { StyledView } from '../core/view.js';
import type { AreaFeature, BBox } from '../data/geometry.js';
import type { ColumnProperties } from './columns.js';
import { svgProjection } from './geo.js';
import { charactersIn, wrapText } from '../base/wrap-text.js';
import { escapeXml, hatchSvgPattern } from './hatch.js';

export interface MapSvgInput {
  view: StyledView;
  features: readonly AreaFeature[];
  parentFeatures: readonly AreaFeature[];
  bounds: BBox;
  columns: FeatureCollection<Polygon, ColumnProperties>;
  /** Legend entries of the columns: label and colour. */
  columnLegend: { label: string; colour: string }[];
  /** Drawn above the map; left out when the PDF sets it as text itself. */
  title?: string;
  /** Lines below the map: "Quelle: …" and the attribution notices. */
  footer: string[];
  /** Texts of the legend heading and the suppressed/missing lines. */
  legendTitle: string;
  /** The points of interest shown on the map (their categories' colours), drawn above the areas. */
  points?: { coordinates: [number, number]; colour: string; name: string }[];
  /** Legend entries of the POI categories shown. */
  pointLegend?: { label: string; colour: string }[];
  locale: string;
}

const WIDTH = 900;
const MAP_WIDTH = 600;
const MAP_HEIGHT = 560;
const TITLE_SPACE = 56;
const HATCH_ID = 'keck-suppressed';

/**
 * The map as a standalone vector SVG: one `<path>` per area (class colour, or the hatch for
 * suppressed areas), the parent level's boundaries, the columns, title, legend and source as
 * SVG text. Same Web-Mercator projection as the map. Every text is escaped.
 */
export function mapSvg(input: MapSvgInput): string {
  const { view } = input;
  const titleRows = input.title ? wrapText(input.title, charactersIn(WIDTH - 24, 18, true)).length : 0;
  const TOP = input.title ? TITLE_SPACE + (titleRows - 1) * 24 : 8;
  const { path, point } = svgProjection(input.bounds, MAP_WIDTH, MAP_HEIGHT, 12);
  const byKey = view.byKey;
  const areaPaths = input.features
    .map((feature) => {
      const area = byKey.get(feature.properties.key);
      const fill = area?.hatch ? `url(#${HATCH_ID})` : escapeXml(area?.colour ?? view.scheme.missing);
      return `<path d="${path(feature.geometry)}" fill="${fill}" stroke="#ffffff" stroke-width="0.8" data-key="${escapeXml(feature.properties.key)}" data-state="${area?.state ?? 'missing'}"><title>${escapeXml(`${feature.properties.name}: ${area?.text ?? ''}`)}</title></path>`;
    })
    .join('');
  const parentPaths = input.parentFeatures.map((feature) => `<path d="${path(feature.geometry)}" fill="none" stroke="#333333" stroke-width="1.6"/>`).join('');
  const columnPaths = input.columns.features
    .map((feature) => {
      const fill = feature.properties.state === 'suppressed' ? `url(#${HATCH_ID})` : escapeXml(input.columnLegend[feature.properties.series]?.colour ?? '#000');
      return `<path d="${path(feature.geometry)}" fill="${fill}" stroke="#333333" stroke-width="0.5"/>`;
    })
    .join('');

  const pointMarks = (input.points ?? [])
    .map((poi) => {
      const [x, y] = point(...poi.coordinates);
      return `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="6" fill="${escapeXml(poi.colour)}" stroke="#ffffff" stroke-width="1.5"><title>${escapeXml(poi.name)}</title></circle>`;
    })
    .join('');

  // Every text of the legend and the footer is wrapped to its column: nothing is cut at the edge.
  const legend = view.legend;
  const lines: string[] = [];
  let y = TOP + 10;
  const legendX = MAP_WIDTH + 30;
  const write = (x: number, value: string, { bold = false, size = 14, width = WIDTH - 12 - x, into = lines } = {}) => {
    for (const line of wrapText(value, charactersIn(width, size, bold))) {
      into.push(`<text x="${x}" y="${y}"${bold ? ' font-weight="bold"' : ''}${size !== 14 ? ` font-size="${size}"` : ''}>${escapeXml(line)}</text>`);
      y += Math.round(size * 1.3);
    }
  };
  write(legendX, input.legendTitle, { bold: true });
  y += 6;
  const swatch = (fill: string) => `<rect x="${legendX}" y="${y - 12}" width="18" height="14" fill="${fill}" stroke="#666666" stroke-width="0.5"/>`;
  const entry = (fill: string, label: string) => {
    lines.push(fill.startsWith('<') ? fill : swatch(fill));
    write(legendX + 26, label);
    y += 2;
  };
  for (const item of legend.classes) entry(escapeXml(item.colour), `${item.label} (${item.count})`);
  if (legend.suppressed.count) entry(`url(#${HATCH_ID})`, `${legend.suppressed.label}: ${legend.suppressed.description} (${legend.suppressed.count})`);
  if (legend.missing.count) entry(escapeXml(legend.missing.colour), `${legend.missing.label}: ${legend.missing.description} (${legend.missing.count})`);
  if (input.columnLegend.length) {
    y += 10;
    for (const item of input.columnLegend) entry(`<rect x="${legendX + 5}" y="${y - 14}" width="8" height="16" fill="${escapeXml(item.colour)}"/>`, item.label);
  }
  if (input.pointLegend?.length) {
    y += 10;
    for (const item of input.pointLegend) entry(`<circle cx="${legendX + 9}" cy="${y - 5}" r="6" fill="${escapeXml(item.colour)}" stroke="#ffffff" stroke-width="1.5"/>`, item.label);
  }
  const legendBottom = y;
  y = TOP + MAP_HEIGHT + 24;
  const footerLines: string[] = [];
  for (const line of input.footer) write(12, line, { size: 12, width: WIDTH - 24, into: footerLines });
  const footer = footerLines.join('');
  const height = Math.max(legendBottom, y) + 8;
  const titleLines = input.title ? wrapText(input.title, charactersIn(WIDTH - 24, 18, true)) : [];
  const titleSvg = titleLines.map((line, i) => `<text x="12" y="${30 + i * 24}" font-size="18" font-weight="bold">${escapeXml(line)}</text>`).join('');

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="Helvetica, Arial, sans-serif" font-size="14" lang="${escapeXml(input.locale)}">` +
    `<defs>${hatchSvgPattern(legend.suppressed.hatch, HATCH_ID)}</defs>` +
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>` +
    titleSvg +
    `<g transform="translate(0 ${TOP})"><g class="areas">${areaPaths}</g><g class="parents">${parentPaths}</g><g class="columns">${columnPaths}</g><g class="points">${pointMarks}</g></g>` +
    `<g class="legend">${lines.join('')}</g>` +
    `<g class="source">${footer}</g>` +
    `</svg>`
  );
}
