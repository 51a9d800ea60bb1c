import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import findIntersections from 'sweepline-intersections';

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

/** West, south, east, north. */
export type Bbox = [number, number, number, number];

/** The bounding box of every position of the geometries; `undefined` when there is none. Plain loops: it runs over 1.9 M positions. */
export function positionsBbox(geometries: Iterable<Geometry | null>): Bbox | undefined {
  const box: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  const positions = (list: Position[]) => {
    for (let i = 0; i < list.length; i++) {
      const x = list[i][0];
      const y = list[i][1];
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      if (x < box[0]) box[0] = x;
      if (x > box[2]) box[2] = x;
      if (y < box[1]) box[1] = y;
      if (y > box[3]) box[3] = y;
    }
  };
  const geometry = (shape: Geometry | null): void => {
    if (!shape) return;
    switch (shape.type) {
      case 'Point':
        return positions([shape.coordinates]);
      case 'MultiPoint':
      case 'LineString':
        return positions(shape.coordinates);
      case 'MultiLineString':
      case 'Polygon':
        return shape.coordinates.forEach(positions);
      case 'MultiPolygon':
        return shape.coordinates.forEach((polygon) => polygon.forEach(positions));
      case 'GeometryCollection':
        return shape.geometries.forEach(geometry);
    }
  };
  for (const shape of geometries) if (Array.isArray((shape as { coordinates?: unknown } | null)?.coordinates) || shape?.type === 'GeometryCollection') geometry(shape);
  return box[0] <= box[2] ? box : undefined;
}

/** Where a file's coordinate system was stated: nowhere (GeoJSON means WGS84), a GeoJSON "crs" member, or a `.prj`. */
export interface CoordinateOrigin {
  stated: 'geojson' | 'geojson-crs' | 'prj' | 'table';
  epsg?: number;
  /** The positions as in the file and after reprojection to WGS84. */
  sourceBbox?: Bbox;
  bbox?: Bbox;
}

const GEOGRAPHIC = new Set([4326, 4258, 4019, 4314]);
/** Europe with some margin: where the atlas's areas lie. */
const EUROPE: Bbox = [-32, 27, 45, 72];

/**
 * What the positions of a whole file say about its coordinate system, as the start of a message
 * with the likely cause and the fix; `undefined` when nothing looks wrong. Metres where longitude/
 * latitude should be, a system other than the `.prj` says, and swapped axes are recognised.
 */
export function coordinateProblem(origin: CoordinateOrigin): string | undefined {
  const { bbox, sourceBbox } = origin;
  if (!bbox || !sourceBbox) return undefined;
  const stated = origin.epsg !== undefined ? `EPSG:${origin.epsg}` : undefined;
  const example = `e.g. [${round(sourceBbox[0])}, ${round(sourceBbox[1])}]`;
  if (!withinLonLat(bbox)) {
    const guess = projectedGuess(sourceBbox);
    const looks = `the positions (${example}) are no longitude/latitude: they look like metres, ${guess ? `e.g. ${guess.label}` : 'in a projected coordinate system'}`;
    if (origin.stated === 'geojson') {
      return `${looks}; GeoJSON is WGS84 longitude/latitude (RFC 7946): convert the file (ogr2ogr -t_srs EPSG:4326 out.geojson in.geojson) or add a "crs" member naming its system, e.g. "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::${guess?.epsg ?? 25832}"}}`;
    }
    if (origin.stated === 'table') return `${looks}; the longitude/latitude columns need WGS84 degrees: convert the coordinates (e.g. in QGIS), or set "lonColumn"/"latColumn" to columns in degrees`;
    if (origin.stated === 'geojson-crs') return `${looks}, but the "crs" member names ${stated ?? 'longitude/latitude'}; correct the "crs" member or convert the file to WGS84`;
    return `${looks}, but the .prj describes ${stated && GEOGRAPHIC.has(origin.epsg!) ? `longitude/latitude (${stated})` : (stated ?? 'another system')}; the .prj is wrong: use the one the GIS wrote with the Shapefile${guess ? ` (for ${guess.label})` : ''}, or export the Shapefile again`;
  }
  const statedProjected = (origin.stated === 'prj' || origin.stated === 'geojson-crs') && origin.epsg !== undefined && !GEOGRAPHIC.has(origin.epsg);
  if (statedProjected && withinLonLat(sourceBbox)) {
    const where = origin.stated === 'prj' ? 'the .prj' : 'the "crs" member';
    return `${where} names ${stated} (metres), but the positions (e.g. [${round(sourceBbox[0], 4)}, ${round(sourceBbox[1], 4)}]) look like longitude/latitude; ${where} is wrong: ${origin.stated === 'prj' ? 'use the .prj the GIS wrote with the Shapefile' : 'remove the "crs" member (GeoJSON is WGS84)'}`;
  }
  if (origin.stated === 'prj' && statedProjected) {
    const guess = projectedGuess(sourceBbox);
    if (guess && !guess.candidates.includes(origin.epsg!)) {
      return `the .prj names ${stated}, but the positions (${example}) look like ${guess.label}, and reprojected they lie at [${round(bbox[0], 2)}, ${round(bbox[1], 2)}]; the .prj is wrong: use the one the GIS wrote with the Shapefile, or export the Shapefile again`;
    }
  }
  if (!inside(bbox, EUROPE) && inside([bbox[1], bbox[0], bbox[3], bbox[2]], EUROPE)) {
    return `the positions look like latitude/longitude with the axes swapped ([${round(bbox[0], 4)}, ${round(bbox[1], 4)}] lies in Europe only as [${round(bbox[1], 4)}, ${round(bbox[0], 4)}]); longitude must come first: swap the axes (QGIS: "Swap X and Y coordinates") or export the file again`;
  }
  return undefined;
}

/** The projected systems German offices use whose ranges the positions fit, most specific first. */
export function projectedGuess([west, south, east, north]: Bbox): { label: string; epsg: number; candidates: number[] } | undefined {
  const northing = south >= 5.2e6 && north <= 6.2e6;
  if (northing && west >= 32.2e6 && east <= 32.95e6) return { label: 'ETRS89/UTM 32N with zone prefix (EPSG:4647)', epsg: 4647, candidates: [4647] };
  if (northing && west >= 33.2e6 && east <= 33.95e6) return { label: 'ETRS89/UTM 33N with zone prefix (EPSG:5650)', epsg: 5650, candidates: [5650] };
  const zone = Math.floor(west / 1e6);
  if (northing && zone >= 2 && zone <= 5 && Math.floor(east / 1e6) === zone && west - zone * 1e6 >= 2e5) {
    return { label: `DHDN/Gauß-Krüger zone ${zone} (EPSG:${31464 + zone})`, epsg: 31464 + zone, candidates: [31464 + zone] };
  }
  if (northing && west >= 1e5 && east <= 1e6) return { label: 'ETRS89/UTM 32N (EPSG:25832) or 33N (EPSG:25833)', epsg: 25832, candidates: [25832, 25833] };
  if (west >= -3.6e6 && east <= 5e6 && south >= 3.1e6 && north <= 11.8e6) return { label: 'Web Mercator (EPSG:3857)', epsg: 3857, candidates: [3857] };
  return undefined;
}

function withinLonLat([west, south, east, north]: Bbox): boolean {
  return west >= -180 && east <= 180 && south >= -90 && north <= 90;
}

function inside([west, south, east, north]: Bbox, [w, s, e, n]: Bbox): boolean {
  return west >= w && east <= e && south >= s && north <= n;
}

function round(value: number, decimals = 0): number {
  return Math.round(value * 10 ** decimals) / 10 ** decimals;
}

/**
 * The first place where an outline crosses itself or another ring of its polygon, or `undefined`.
 * Rings that only touch at a shared vertex are allowed (VG250 has them); the sweep line finds
 * crossings in O((n + k) log n) (sweepline-intersections).
 */
export function selfIntersection(geometry: Polygon | MultiPolygon): Position | undefined {
  for (const polygon of geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) {
    const crossings = findIntersections({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: polygon } }, false);
    if (crossings.length === 0) continue;
    const vertices = new Set(polygon.flatMap((ring) => ring.map(([x, y]) => `${x},${y}`)));
    const crossing = crossings.find(([x, y]) => !vertices.has(`${x},${y}`));
    if (crossing) return crossing;
  }
  return undefined;
}
