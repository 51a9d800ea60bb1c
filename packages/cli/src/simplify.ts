import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { feature as toGeoJson } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import type { AreaGeometry } from './geometry-check.js';

const EARTH_RADIUS_METRES = 6_371_008.8;
const RADIANS = Math.PI / 180;

/**
 * Simplifies the shapes of one level so that shared borders stay shared: the shapes are
 * turned into a topology (each border once), each border is simplified once (Visvalingam:
 * a vertex goes when the triangle with its neighbours covers less than tolerance² m² as drawn on a map),
 * then the shapes are rebuilt from the borders. Rings that collapse are dropped; a shape
 * that would vanish keeps its original geometry and its index is returned in `kept`.
 */
export function simplifyTopologically<P>(
  features: Feature<AreaGeometry, P>[],
  toleranceMetres: number,
): { features: Feature<AreaGeometry, P>[]; kept: number[] } {
  if (toleranceMetres <= 0 || features.length === 0) return { features, kept: [] };
  const collection: FeatureCollection<AreaGeometry, P> = { type: 'FeatureCollection', features };
  const topo = presimplify(topology({ areas: collection }) as Parameters<typeof presimplify>[0], localTriangleArea);
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

/**
 * The area of a triangle of lon/lat positions in steradians, with straight edges in the plane
 * of longitude × cos(latitude) and latitude (as web maps draw a border, and unlike
 * topojson-simplify's `sphericalTriangleArea`, whose edges are great circles). Both agree
 * for compact triangles; for long thin ones (kilometres long, metres wide) the great-circle
 * bulge dominates the spherical area, which is not what a map shows. About 5× cheaper too.
 */
function localTriangleArea([a, b, c]: number[][]): number {
  const twiceArea = Math.abs((a[0] - c[0]) * (b[1] - a[1]) - (a[0] - b[0]) * (c[1] - a[1]));
  return twiceArea * 0.5 * RADIANS * RADIANS * Math.cos(b[1] * RADIANS);
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
