import type { Indicator, PrivacySettings, Value } from '../contract/types.js';
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
  if (!warned.has(indicator.id)) {
    warned.add(indicator.id);
    console.warn(
      `keck-atlas: indicator "${indicator.id}" holds counts at or below the privacy threshold; they are shown as suppressed. Suppress them when preparing the data.`,
    );
  }
  return { suppressed: true };
}
