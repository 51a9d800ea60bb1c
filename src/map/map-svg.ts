import type { Polygon, FeatureCollection } from 'geojson';
import type { StyledView } from '../core/view.js';
import type { AreaFeature, BBox } from '../data/geometry.js';
import type { ColumnProperties } from './columns.js';
import { svgProjection } from './geo.js';
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
  const TOP = input.title ? TITLE_SPACE : 8;
  const { path } = svgProjection(input.bounds, MAP_WIDTH, MAP_HEIGHT, 12);
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

  const legend = view.legend;
  const lines: string[] = [];
  let y = TOP + 10;
  const text = (x: number, value: string, attributes = '') => `<text x="${x}" y="${y}"${attributes}>${escapeXml(value)}</text>`;
  const legendX = MAP_WIDTH + 30;
  lines.push(text(legendX, input.legendTitle, ' font-weight="bold"'));
  y += 22;
  const swatch = (fill: string) => `<rect x="${legendX}" y="${y - 12}" width="18" height="14" fill="${fill}" stroke="#666666" stroke-width="0.5"/>`;
  for (const entry of legend.classes) {
    lines.push(swatch(escapeXml(entry.colour)), text(legendX + 26, `${entry.label} (${entry.count})`));
    y += 20;
  }
  if (legend.suppressed.count) {
    lines.push(swatch(`url(#${HATCH_ID})`), text(legendX + 26, `${legend.suppressed.label}: ${legend.suppressed.description} (${legend.suppressed.count})`));
    y += 20;
  }
  if (legend.missing.count) {
    lines.push(swatch(escapeXml(legend.missing.colour)), text(legendX + 26, `${legend.missing.label}: ${legend.missing.description} (${legend.missing.count})`));
    y += 20;
  }
  if (input.columnLegend.length) {
    y += 10;
    for (const entry of input.columnLegend) {
      lines.push(`<rect x="${legendX + 5}" y="${y - 14}" width="8" height="16" fill="${escapeXml(entry.colour)}"/>`, text(legendX + 26, entry.label));
      y += 20;
    }
  }
  const footerY = TOP + MAP_HEIGHT + 24;
  const footer = input.footer.map((line, i) => `<text x="12" y="${footerY + i * 18}" font-size="12">${escapeXml(line)}</text>`).join('');
  const height = Math.max(y, footerY + (input.footer.length - 1) * 18) + 12;

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="Helvetica, Arial, sans-serif" font-size="14" lang="${escapeXml(input.locale)}">` +
    `<defs>${hatchSvgPattern(legend.suppressed.hatch, HATCH_ID)}</defs>` +
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>` +
    (input.title ? `<text x="12" y="30" font-size="18" font-weight="bold">${escapeXml(input.title)}</text>` : '') +
    `<g transform="translate(0 ${TOP})"><g class="areas">${areaPaths}</g><g class="parents">${parentPaths}</g><g class="columns">${columnPaths}</g></g>` +
    `<g class="legend">${lines.join('')}</g>` +
    `<g class="source">${footer}</g>` +
    `</svg>`
  );
}
