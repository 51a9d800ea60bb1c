import type { Indicator, PrivacySettings, Value } from '../contract/types.js';
import { ValueCode, type ValueColumns } from '../data/atlas.js';
import { effectivePrivacy, isSmallCount } from './privacy.js';

const warned = new Set<string>();
const DEFAULT_PRIVACY = effectivePrivacy();
const effective = new WeakMap<PrivacySettings, Required<PrivacySettings>>();

let lastPrivacy: PrivacySettings | undefined;
let lastSettings = DEFAULT_PRIVACY;

/** The settings in force; the last ones are kept at hand, as a view guards thousands of values with the same. */
function privacyInForce(privacy: PrivacySettings | undefined): Required<PrivacySettings> {
  if (!privacy) return DEFAULT_PRIVACY;
  if (privacy === lastPrivacy) return lastSettings;
  let settings = effective.get(privacy);
  if (!settings) {
    settings = effectivePrivacy(privacy);
    effective.set(privacy, settings);
  }
  lastPrivacy = privacy;
  lastSettings = settings;
  return settings;
}

/**
 * The render guard: a raw count at or below the threshold is never shown, even when the
 * data reached the browser unsuppressed. Returns `{suppressed: true}` for such a count and
 * warns once per indicator in the console; every other value is returned as is.
 */
export function guardValue(value: Value, indicator: Indicator, privacy?: PrivacySettings): Value {
  if (indicator.kind !== 'count' || typeof value !== 'number') return value;
  if (!isSmallCount(value, privacyInForce(privacy))) return value;
  warnOnce(indicator);
  return { suppressed: true };
}

/**
 * `guardValue` for a block's columns: returns them as they are, or a copy in which the small
 * counts are suppressed.
 */
export function guardColumns(columns: ValueColumns, indicator: Indicator, privacy?: PrivacySettings): ValueColumns {
  if (indicator.kind !== 'count') return columns;
  const settings = privacyInForce(privacy);
  const { numbers, states } = columns;
  let guarded: Uint8Array | undefined;
  for (let i = 0; i < numbers.length; i++) {
    if (states[i] !== ValueCode.number || !isSmallCount(numbers[i], settings)) continue;
    guarded ??= states.slice();
    guarded[i] = ValueCode.suppressed;
  }
  if (!guarded) return columns;
  warnOnce(indicator);
  const shown = numbers.slice();
  for (let i = 0; i < shown.length; i++) if (guarded[i] === ValueCode.suppressed) shown[i] = NaN;
  return { numbers: shown, states: guarded };
}

function warnOnce(indicator: Indicator): void {
  if (warned.has(indicator.id)) return;
  warned.add(indicator.id);
  console.warn(
    `keck-atlas: indicator "${indicator.id}" holds counts at or below the privacy threshold; they are shown as suppressed. Suppress them when preparing the data.`,
  );
}
