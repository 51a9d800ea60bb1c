import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { feature as toGeoJson } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, simplify, sphericalTriangleArea } from 'topojson-simplify';
import type { AreaGeometry } from './geometry-check.js';

const EARTH_RADIUS_METRES = 6_371_008.8;

/**
 * Simplifies the shapes of one level so that shared borders stay shared: the shapes are
 * turned into a topology (each border once), each border is simplified once (Visvalingam:
 * a vertex goes when the triangle with its neighbours covers less than tolerance² m²),
 * then the shapes are rebuilt from the borders. Rings that collapse are dropped; a shape
 * that would vanish keeps its original geometry and its index is returned in `kept`.
 */
export function simplifyTopologically<P>(
  features: Feature<AreaGeometry, P>[],
  toleranceMetres: number,
): { features: Feature<AreaGeometry, P>[]; kept: number[] } {
  if (toleranceMetres <= 0 || features.length === 0) return { features, kept: [] };
  const collection: FeatureCollection<AreaGeometry, P> = { type: 'FeatureCollection', features };
  const topo = presimplify(topology({ areas: collection }) as Parameters<typeof presimplify>[0], sphericalTriangleArea);
  const minWeight = (toleranceMetres / EARTH_RADIUS_METRES) ** 2;
  const simplified = simplify(topo, minWeight);
  const rebuilt = toGeoJson(simplified, simplified.objects.areas) as unknown as FeatureCollection<AreaGeometry | null>;
  const kept: number[] = [];
  const result = features.map((original, index) => {
    const geometry = withoutCollapsedRings(rebuilt.features[index].geometry);
    if (!geometry) {
      kept.push(index);
      return original;
    }
    return { ...original, geometry };
  });
  return { features: result, kept };
}

function withoutCollapsedRings(geometry: AreaGeometry | null): AreaGeometry | null {
  if (!geometry) return null;
  const polygons: Position[][][] = [];
  for (const polygon of geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) {
    if (polygon.length > 0 && isRing(polygon[0])) polygons.push(polygon.every(isRing) ? polygon : polygon.filter(isRing));
  }
  if (polygons.length === 0) return null;
  return polygons.length === 1 ? ({ type: 'Polygon', coordinates: polygons[0] } as Polygon) : ({ type: 'MultiPolygon', coordinates: polygons } as MultiPolygon);
}

/** At least three distinct positions, closed: anything less has no area. */
function isRing(ring: Position[]): boolean {
  if (ring.length < 4) return false;
  const [first, second] = [ring[0], ring.find((position) => !samePosition(position, ring[0]))];
  return second !== undefined && ring.some((position) => !samePosition(position, first) && !samePosition(position, second));
}

function samePosition(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}
