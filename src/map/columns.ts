import type { Feature, FeatureCollection, Polygon } from 'geojson';
import type { StyledView } from '../core/view.js';
import type { BBox } from '../data/geometry.js';
import { mercator, unproject } from './geo.js';

export interface ColumnProperties {
  key: string;
  indicator: string;
  /** Position of the indicator in `bars`, for its colour. */
  series: number;
  state: 'number' | 'suppressed';
}

/**
 * Above this many areas the columns are not drawn. A full column is 8 % of the map's extent
 * tall; n areas lie about extent/√n apart, so from √n > 12.5 (≈ 156 areas) a column reaches
 * into the next area's and they overprint (measured on the Lüchow-Dannenberg, Vechta and
 * national demo levels: 27 and 10 areas read well, 11,299 are a solid field).
 */
export const COLUMN_AREA_LIMIT = 150;

/**
 * Small columns ("Säulen") of further indicators on each area, as polygons standing on the
 * area's label point: height proportional to the value (the largest value of each indicator
 * gets the full height), side by side per indicator. A suppressed value gets no column but a
 * small hatched square (k. A.); a missing one gets nothing.
 */
export function columnFeatures(
  views: readonly StyledView[],
  points: ReadonlyMap<string, [number, number]>,
  bounds: BBox,
): FeatureCollection<Polygon, ColumnProperties> {
  const [x0, y0] = mercator(bounds[0], bounds[3]);
  const [x1, y1] = mercator(bounds[2], bounds[1]);
  const span = Math.max(x1 - x0, y1 - y0);
  const width = span * 0.014;
  const gap = width * 0.3;
  const fullHeight = span * 0.08;
  const features: Feature<Polygon, ColumnProperties>[] = [];
  views.forEach((view, series) => {
    const max = Math.max(0, ...view.areas.map((area) => (area.state === 'number' ? Math.abs(area.value ?? 0) : 0)));
    for (const area of view.areas) {
      const point = points.get(area.key);
      if (!point || area.state === 'missing') continue;
      const [px, py] = mercator(point[0], point[1]);
      const left = px - (views.length * width + (views.length - 1) * gap) / 2 + series * (width + gap);
      const height = area.state === 'suppressed' ? width : max > 0 ? (Math.max(0, area.value ?? 0) / max) * fullHeight : 0;
      if (height <= 0) continue;
      features.push({
        type: 'Feature',
        geometry: { type: 'Polygon', coordinates: [rectangle(left, py - height, left + width, py)] },
        properties: { key: area.key, indicator: view.indicator.id, series, state: area.state === 'suppressed' ? 'suppressed' : 'number' },
      });
    }
  });
  return { type: 'FeatureCollection', features };
}

function rectangle(left: number, top: number, right: number, bottom: number): [number, number][] {
  const corners: [number, number][] = [
    [left, bottom],
    [right, bottom],
    [right, top],
    [left, top],
    [left, bottom],
  ];
  return corners.map(([x, y]) => unproject(x, y));
}

