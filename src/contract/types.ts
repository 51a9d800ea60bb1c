/**
 * The keck-atlas data contract, version 1.
 *
 * A manifest (`atlas.json`) describes one atlas: its levels with their areas and
 * geometry files, indicators with their metadata, values, POI sources, bookmarks.
 * The JSON Schema in `atlas.schema.json` is the normative form; these types match it.
 * See docs/data-contract.md.
 */

/** The contract version this library reads. */
export const CONTRACT_VERSION = '1.1';

/** Text given once for all locales, or per locale (`de` is required). */
export type LocalizedText = string | { de: string; en?: string };

export type Locale = 'de' | 'en';

/** One attribution notice that must be shown with the data (e.g. the BKG notice). */
export interface Attribution {
  /** The notice as it must appear, e.g. "© GeoBasis-DE / BKG 2017 (Daten verändert)". */
  text: string;
  /** Where the notice links to (http or https). */
  url?: string;
  /** Licence name, e.g. "Datenlizenz Deutschland – Namensnennung – Version 2.0". */
  licence?: string;
  /** Licence URL (http or https). */
  licenceUrl?: string;
}

/** Privacy settings of the atlas. Values can only be stricter than the defaults. */
export interface PrivacySettings {
  /** Counts from 0 (or 1) up to this number are suppressed. Default 3, never lower. */
  threshold?: number;
  /** Whether a count of 0 is suppressed too. Default true. */
  suppressZero?: boolean;
  /** A share/rate whose denominator is below this is suppressed. Default 0 (off). */
  minDenominator?: number;
  /**
   * The narrowest interval an attacker may derive for a hidden count from everything
   * published; the CLI's disclosure audit fails the build below it. Default and minimum:
   * threshold + 1.
   */
  protectionWidth?: number;
  /** A spatial unit should hold at least this many children of the observed group. Default 50. */
  minPopulation?: number;
}

/** One area of a level. Keys are strings and keep leading zeros ("05366004"). */
export interface Area {
  key: string;
  name: string;
  /** Key of the enclosing area in the parent level. */
  parent?: string;
}

/** Geometry of a level: a FlatGeobuf file, with the properties that carry key and name. */
export interface GeometrySource {
  /** URL of the FlatGeobuf file, relative to the manifest. */
  url: string;
  /** Feature property holding the area key. */
  keyField: string;
  /** Feature property holding the area name. */
  nameField?: string;
  /** Whether the file has a packed Hilbert R-tree index (bounding-box reads). */
  indexed?: boolean;
  /** [west, south, east, north] in WGS84. */
  bbox?: [number, number, number, number];
}

/** A spatial level, e.g. Gemeinde within Kreis, or Ortsteil within Stadtbezirk. */
export interface Level {
  id: string;
  title: LocalizedText;
  /** Id of the level whose areas contain this level's areas. */
  parent?: string;
  geometry?: GeometrySource;
  areas: Area[];
}

export type IndicatorKind = 'count' | 'share' | 'rate' | 'ratio' | 'mean' | 'other';

/** Whether higher values are better, worse or neither; chooses the colour palette. */
export type Polarity = 'higher-better' | 'higher-worse' | 'neutral';

export interface Topic {
  id: string;
  title: LocalizedText;
}

/** An indicator with its mandatory metadata. */
export interface Indicator {
  id: string;
  title: LocalizedText;
  /** Short label for axes and column headers. */
  shortTitle?: LocalizedText;
  /** Display unit: "%", "‰", "je 1.000", "€", "m²", "Personen"... Empty for none. */
  unit: string;
  kind: IndicatorKind;
  /** Decimal places shown. */
  decimals: number;
  definition: LocalizedText;
  source: LocalizedText;
  /** Years for which values exist. */
  years: number[];
  /** Topic id. */
  topic: string;
  polarity?: Polarity;
  /** Only published indicators are rendered from a public build. */
  published: boolean;
  /** For shares/rates: the count indicator above the fraction line. */
  numerator?: string;
  /** For shares/rates: the count indicator below the fraction line. */
  denominator?: string;
  /**
   * For shares/rates: the data has no counts behind the value (only the share itself), so
   * no suppression can be derived from them. The CLI requires it for a share/rate without
   * `numerator` and `denominator`.
   */
  withoutCounts?: boolean;
  /** For counts: count indicators whose values add up to this one in every area and the reference (boys + girls = children). */
  parts?: string[];
  /**
   * The indicator is the change of this count since the previous year with values:
   * value(year) = count(year) − count(previous year), per area and for the reference.
   */
  changeOf?: string;
  /** For counts: the areas of a level add up to the reference value. Default true for counts. */
  additive?: boolean;
  /** Level ids with values (default: all). */
  levels?: string[];
  /** Free notes shown with the definition. */
  note?: LocalizedText;
}

/** A suppressed value: not shown for privacy ("k. A."). */
export interface SuppressedValue {
  suppressed: true;
}

/** A value: a number, `null` for missing (no data) or `{ "suppressed": true }`. */
export type Value = number | null | SuppressedValue;

/** Values of one indicator on one level in one year. */
export interface ValueBlock {
  indicator: string;
  level: string;
  year: number;
  /** The value of the reference area (the whole municipality): a datum, not a mean. */
  reference?: Value;
  /** Area key → value. Absent keys count as missing. */
  values: Record<string, Value>;
}

/** A reference to a separate file that holds value blocks (`{ "values": [...] }`). */
export interface ValueFileRef {
  /** URL relative to the manifest. */
  src: string;
}

/** The content of a separate value file. */
export interface ValueFile {
  contract: string;
  values: ValueBlock[];
}

export interface PoiCategory {
  id: string;
  title: LocalizedText;
  /** Built-in symbol name (kita, school, playground, youth, family, health, other). */
  symbol?: string;
  /** CSS colour for the symbol. */
  colour?: string;
}

/** A source of points of interest: a FlatGeobuf or GeoJSON file of points. */
export interface PoiSource {
  id: string;
  title: LocalizedText;
  url: string;
  format?: 'flatgeobuf' | 'geojson';
  /** Feature property holding the category id. Default "category". */
  categoryField?: string;
  attribution?: Attribution[];
  /** Whether the data is fictional (demo data). */
  fictional?: boolean;
}

export type ElementKind = 'map' | 'table' | 'chart' | 'area-report';

/** A saved view with its interpretation text. */
export interface Bookmark {
  id: string;
  title: LocalizedText;
  /** The interpretation shown with the view. */
  text: LocalizedText;
  element?: ElementKind;
  level?: string;
  year?: number;
  indicator?: string;
  indicators?: string[];
  areas?: string[];
  chartType?: 'column' | 'bar' | 'scatter' | 'line';
}

/** The atlas manifest. */
export interface AtlasManifest {
  $schema?: string;
  /** Contract version, "1.1" (any 1.x is read). */
  contract: string;
  id: string;
  title: LocalizedText;
  description?: LocalizedText;
  publisher?: string;
  /** "public" renders only published indicators; "internal" renders all. */
  build: 'public' | 'internal';
  attribution: Attribution[];
  /** The reference area: the municipality or county as a whole. */
  reference: {
    name: LocalizedText;
    /** Label of the reference row, e.g. "Durchschnitt" or "Summe" (default: the name). */
    label?: LocalizedText;
    key?: string;
  };
  defaults: {
    level: string;
    indicator?: string;
    year?: number;
  };
  privacy?: PrivacySettings;
  topics: Topic[];
  levels: Level[];
  indicators: Indicator[];
  values: (ValueBlock | ValueFileRef)[];
  poiCategories?: PoiCategory[];
  poiSources?: PoiSource[];
  bookmarks?: Bookmark[];
}

export function isSuppressed(value: Value | undefined): value is SuppressedValue {
  return typeof value === 'object' && value !== null && value.suppressed === true;
}

export function isValueFileRef(entry: ValueBlock | ValueFileRef): entry is ValueFileRef {
  return 'src' in entry;
}
