import type { MultiPolygon, Polygon, Position } from 'geojson';
import polylabel from 'polylabel';
import { uiLocale } from '../contract/localize.js';
import type { AreaFeature, BBox } from '../data/geometry.js';

/** The bounding box of a set of areas. */
export function boundsOf(features: readonly AreaFeature[]): BBox {
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const feature of features) {
    for (const polygon of polygonsOf(feature.geometry)) {
      for (const [x, y] of polygon[0]) {
        if (x < box[0]) box[0] = x;
        if (y < box[1]) box[1] = y;
        if (x > box[2]) box[2] = x;
        if (y > box[3]) box[3] = y;
      }
    }
  }
  return box;
}

export function polygonsOf(geometry: Polygon | MultiPolygon): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/**
 * A point well inside each area (the pole of inaccessibility of its largest part), for
 * columns, keyboard focus and details. Computed in Web-Mercator space so it is central on the map.
 */
export function labelPoints(features: readonly AreaFeature[]): Map<string, [number, number]> {
  const points = new Map<string, [number, number]>();
  for (const feature of features) {
    let best: [number, number] | undefined;
    let bestDistance = -1;
    for (const polygon of polygonsOf(feature.geometry)) {
      const projected = polygon.map((ring) => ring.map(([x, y]) => mercator(x, y)));
      let [minX, maxX] = [Infinity, -Infinity];
      for (const [x] of projected[0]) [minX, maxX] = [Math.min(minX, x), Math.max(maxX, x)];
      // A hundredth of the part's width is exact enough for a label point and keeps thousands of areas fast.
      const pole = polylabel(projected, Math.max(1e-9, (maxX - minX) / 100));
      if (pole.distance > bestDistance) {
        bestDistance = pole.distance;
        best = unproject(pole[0], pole[1]);
      }
    }
    if (best) points.set(feature.properties.key, best);
  }
  return points;
}

/** Web Mercator as the map uses it, in units of the world width (0…1, y down). */
export function mercator(lng: number, lat: number): [number, number] {
  const sin = Math.sin((lat * Math.PI) / 180);
  return [(lng + 180) / 360, 0.5 - (0.25 * Math.log((1 + sin) / (1 - sin))) / Math.PI];
}

/** The inverse of `mercator`. */
export function unproject(x: number, y: number): [number, number] {
  const lat = (360 / Math.PI) * Math.atan(Math.exp((0.5 - y) * 2 * Math.PI)) - 90;
  return [x * 360 - 180, lat];
}

/** Projects areas into a `width`×`height` box (keeping the aspect), for SVG output. */
export function svgProjection(bounds: BBox, width: number, height: number, padding = 0) {
  const [x0, y0] = mercator(bounds[0], bounds[3]);
  const [x1, y1] = mercator(bounds[2], bounds[1]);
  const scale = Math.min((width - 2 * padding) / (x1 - x0), (height - 2 * padding) / (y1 - y0));
  const offsetX = (width - (x1 - x0) * scale) / 2;
  const offsetY = (height - (y1 - y0) * scale) / 2;
  const point = (lng: number, lat: number): [number, number] => {
    const [x, y] = mercator(lng, lat);
    return [offsetX + (x - x0) * scale, offsetY + (y - y0) * scale];
  };
  const path = (geometry: Polygon | MultiPolygon): string =>
    polygonsOf(geometry)
      .flatMap((polygon) => polygon.map((ring) => `M${ring.map(([lng, lat]) => point(lng, lat).map(round).join(',')).join('L')}Z`))
      .join('');
  return { point, path };
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Area keys in keyboard order: alphabetical by name in the locale, then by key. */
export function keyboardOrder(features: readonly AreaFeature[], locale: string): string[] {
  const collator = new Intl.Collator(uiLocale(locale));
  return [...features]
    .sort((a, b) => collator.compare(a.properties.name, b.properties.name) || (a.properties.key < b.properties.key ? -1 : 1))
    .map((feature) => feature.properties.key);
}
