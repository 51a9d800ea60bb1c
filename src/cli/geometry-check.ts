import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';

/**
 * Why an area shape cannot be used, or `undefined` when it can: empty, not a polygon,
 * rings with fewer than 4 positions or not closed, positions that are no WGS84 lon/lat.
 */
export function polygonProblem(geometry: Geometry | null): string | undefined {
  if (!geometry) return 'empty geometry';
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') return `a ${geometry.type}, not a polygon`;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  if (polygons.length === 0 || polygons.every((polygon) => polygon.length === 0)) return 'empty geometry';
  for (const polygon of polygons) {
    for (const ring of polygon) {
      if (ring.length < 4) return `a ring with ${ring.length} positions (at least 4 needed)`;
      if (!ring.every(isLonLat)) return `positions outside longitude/latitude (e.g. ${JSON.stringify(ring.find((p) => !isLonLat(p)))}); is the coordinate system right?`;
      const [first, last] = [ring[0], ring[ring.length - 1]];
      if (first[0] !== last[0] || first[1] !== last[1]) return 'a ring that is not closed';
    }
  }
  return undefined;
}

function isLonLat(position: Position): boolean {
  const [x, y] = position;
  return Number.isFinite(x) && Number.isFinite(y) && Math.abs(x) <= 180 && Math.abs(y) <= 90;
}

export type AreaGeometry = Polygon | MultiPolygon;
