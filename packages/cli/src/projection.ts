import proj4 from 'proj4';

/** Converts one projected position to WGS84 longitude/latitude. */
export type ToWgs84 = (position: number[]) => number[];

const gaussKrueger = (zone: number) =>
  `+proj=tmerc +lat_0=0 +lon_0=${zone * 3} +k=1 +x_0=${zone}500000 +y_0=0 +ellps=bessel +towgs84=598.1,73.7,418.2,0.202,0.045,-2.455,6.7 +units=m +no_defs`;
const utm = (zone: number) => `+proj=utm +zone=${zone} +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs`;

/**
 * The systems German offices use, with the datum shift a WKT in a `.prj` lacks
 * (DHDN/Gauss-Krüger is ~100 m off without it). Keys: EPSG codes.
 */
const KNOWN: Record<number, string | null> = {
  4326: null,
  4258: null,
  25832: utm(32),
  25833: utm(33),
  31466: gaussKrueger(2),
  31467: gaussKrueger(3),
  31468: gaussKrueger(4),
  31469: gaussKrueger(5),
  4647: '+proj=tmerc +lat_0=0 +lon_0=9 +k=0.9996 +x_0=32500000 +y_0=0 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
  5650: '+proj=tmerc +lat_0=0 +lon_0=15 +k=0.9996 +x_0=33500000 +y_0=0 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
  3857: '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs',
};

/** ESRI-style names (as GDAL and ArcGIS write `.prj` files) of the known systems. */
const ESRI_NAMES: [RegExp, number][] = [
  [/ETRS_?1989_UTM_Zone_32N/i, 25832],
  [/ETRS_?1989_UTM_Zone_33N/i, 25833],
  [/ETRS_?1989_UTM_Zone_N32|zone 32N \(zE-N\)/i, 4647],
  [/ETRS_?1989_UTM_Zone_N33|zone 33N \(zE-N\)/i, 5650],
  [/DHDN.*(Gauss|GK).*Zone_?2\b/i, 31466],
  [/DHDN.*(Gauss|GK).*Zone_?3\b/i, 31467],
  [/DHDN.*(Gauss|GK).*Zone_?4\b/i, 31468],
  [/DHDN.*(Gauss|GK).*Zone_?5\b/i, 31469],
  [/Web_Mercator|Pseudo-Mercator/i, 3857],
];

/** The EPSG code a `.prj` WKT names, by authority or by its ESRI name; `undefined` if neither. */
export function epsgOfWkt(wkt: string): number | undefined {
  const head = /^\s*(PROJCS|PROJCRS|GEOGCS|GEOGCRS)\[\s*"([^"]*)"/i.exec(wkt);
  const authority = /(?:AUTHORITY|ID)\[\s*"EPSG"\s*,\s*"?(\d+)"?\s*\]\s*\]\s*$/i.exec(wkt.trim());
  if (authority) return Number(authority[1]);
  if (!head) return undefined;
  const [, kind, name] = head;
  if (/^GEOG/i.test(kind)) return /WGS_?(19)?84/i.test(name) ? 4326 : /ETRS_?(19)?89/i.test(name) ? 4258 : undefined;
  return ESRI_NAMES.find(([pattern]) => pattern.test(name))?.[1];
}

/**
 * A converter to WGS84 for the system a `.prj` describes: the known German systems with
 * their datum shift, any other WKT as proj4 reads it. Throws when proj4 cannot read it.
 */
export function converterFromPrj(wkt: string): { epsg?: number; toWgs84: ToWgs84 | null } {
  const epsg = epsgOfWkt(wkt);
  if (epsg !== undefined && epsg in KNOWN) {
    const definition = KNOWN[epsg];
    return { epsg, toWgs84: definition === null ? null : converter(definition) };
  }
  return { epsg, toWgs84: converter(wkt) };
}

function converter(definition: string): ToWgs84 {
  const transform = proj4(definition, 'EPSG:4326');
  return (position) => transform.forward([position[0], position[1]]);
}
