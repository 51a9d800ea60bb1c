/**
 * The keck-atlas data contract, version 1.
 *
 * A manifest (`atlas.json`) describes one atlas: its levels with their areas and
 * geometry files, indicators with their metadata, values, POI sources, bookmarks.
 * The JSON Schema in `atlas.schema.json` is the normative form; the types below are generated
 * from it (`schema-types.ts`, by scripts/generate-contract-types.mjs), so they cannot drift.
 * See docs/data-contract.md.
 */
import type { SuppressedValue, Value, ValueBlock, ValueFileRef } from './schema-types.js';

export type {
  AtlasManifest,
  Area,
  Attribution,
  Bookmark,
  ElementKind,
  GeometrySource,
  Indicator,
  IndicatorKind,
  Level,
  LocalizedText,
  PoiCategory,
  PoiSource,
  Polarity,
  PrivacySettings,
  SuppressedValue,
  Topic,
  Value,
  ValueBlock,
  ValueFile,
  ValueFileRef,
} from './schema-types.js';

/**
 * The contract version this library reads: manifests of any 1.x, those newer than this minor
 * with their unknown properties ignored (see docs/data-contract.md#versioning).
 */
export const CONTRACT_VERSION = '1.2';

/** The languages of the elements' own texts (buttons, messages, number formats). */
export type UiLocale = 'de' | 'en';

/**
 * A BCP 47 language tag the page asks for ("de", "en", "tr", "de-CH"). Texts in the data are
 * shown in it where given (see `localize`); the elements' own texts are German or English.
 */
export type Locale = UiLocale | (string & {});

export function isSuppressed(value: Value | undefined): value is SuppressedValue {
  return typeof value === 'object' && value !== null && value.suppressed === true;
}

export function isValueFileRef(entry: ValueBlock | ValueFileRef): entry is ValueFileRef {
  return 'src' in entry;
}
