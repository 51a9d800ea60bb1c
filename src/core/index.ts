/**
 * The semantics core: the one place where values, texts, classes and colours come from.
 * No DOM use: the command-line tool imports it in Node.
 */
export { suppress, effectivePrivacy, type SuppressionInput, type SuppressionRecord } from './suppression.js';
export { MIN_THRESHOLD, MIN_POPULATION, isSmallCount } from './privacy.js';
export { guardValue } from './guard.js';
export { messages, type Messages } from './messages.js';
export { formatNumber, formatValue, spokenValue, formatRange, spokenRange, type NumberStyle } from './format.js';
export {
  classify,
  classIndexOf,
  numbersOf,
  MIN_CLASSES,
  MAX_CLASSES,
  DEFAULT_CLASSES,
  type Classification,
  type ClassificationMethod,
  type ClassificationOptions,
} from './classify.js';
export {
  colourScheme,
  seriesColours,
  readSeriesOverrides,
  SERIES_COUNT,
  readColourOverrides,
  contrastRatio,
  contrastIssues,
  COLOUR_PROPERTIES,
  DEFAULT_SUPPRESSED,
  DEFAULT_MISSING,
  type ColourScheme,
  type ColourSchemeOptions,
  type ColourOverrides,
  type HatchPattern,
  type ContrastIssue,
} from './colours.js';
export { legendModel, type Legend, type LegendClass, type LegendSuppressed, type LegendMissing, type LegendInput } from './legend.js';
export { styledView, type StyledView, type StyledViewOptions, type StyledArea, type StyledReference, type ValueState } from './view.js';
