import { uiLocale } from '../contract/localize.js';
import { isSuppressed, type Indicator, type Locale, type Value } from '../contract/types.js';
import { messages } from './messages.js';

/** What formatting needs to know about an indicator. */
export type NumberStyle = Pick<Indicator, 'unit' | 'decimals'>;

const formatters = new Map<string, Intl.NumberFormat>();

/** One cached formatter per locale, number of decimals and grouping. */
function formatter(locale: Locale, decimals: number, grouping = true): Intl.NumberFormat {
  const key = `${locale}|${decimals}|${grouping}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(uiLocale(locale) === 'en' ? 'en-GB' : 'de-DE', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      // de-DE leaves 4-digit numbers ungrouped by default; statistics offices write 1.096.
      useGrouping: grouping ? 'always' : false,
      // No "-0,00" for small negative numbers rounded to zero.
      signDisplay: 'negative',
    });
    formatters.set(key, format);
  }
  return format;
}

function decimalsOf(style: NumberStyle): number {
  return Number.isInteger(style.decimals) && style.decimals >= 0 && style.decimals <= 20 ? style.decimals : 0;
}

/**
 * A number with the indicator's decimals and locale separators, without unit: `1.096`, `11,88`.
 * `grouping: false` gives the machine-readable form exports use: `1096`, `11,88`.
 */
export function formatNumber(value: number, decimals: number, locale: Locale, { grouping = true } = {}): string {
  return formatter(locale, decimalsOf({ unit: '', decimals }), grouping).format(value);
}

/** Appends the unit: `11,88 %` (de, no-break space), `11.88%` (en), `1.096 Personen`. */
function withUnit(number: string, unit: string, locale: Locale): string {
  const trimmed = unit.trim();
  if (!trimmed) return number;
  if ((trimmed === '%' || trimmed === '‰') && uiLocale(locale) === 'en') return `${number}${trimmed}`;
  return `${number}\u00a0${trimmed}`;
}

function spokenUnit(unit: string, locale: Locale): string {
  const trimmed = unit.trim();
  if (trimmed === '%') return messages(locale).percentSpoken;
  if (trimmed === '‰') return messages(locale).permilleSpoken;
  return trimmed;
}

/** A value as shown: number with unit, `k. A.` when suppressed, `–` when missing. */
export function formatValue(value: Value | undefined, style: NumberStyle, locale: Locale): string {
  if (isSuppressed(value)) return messages(locale).suppressed;
  if (typeof value !== 'number' || !Number.isFinite(value)) return messages(locale).missing;
  return withUnit(formatNumber(value, decimalsOf(style), locale), style.unit, locale);
}

/** A value as read by a screen reader: `11,88 Prozent`, `keine Angabe (Datenschutz)`, `keine Daten`. */
export function spokenValue(value: Value | undefined, style: NumberStyle, locale: Locale): string {
  if (isSuppressed(value)) return messages(locale).suppressedSpoken;
  if (typeof value !== 'number' || !Number.isFinite(value)) return messages(locale).missingSpoken;
  const unit = spokenUnit(style.unit, locale);
  const number = formatNumber(value, decimalsOf(style), locale);
  return unit ? `${number} ${unit}` : number;
}

/** A legend range with the unit once at the end: `10,00 – 12,50 %`; one value when both bounds agree. */
export function formatRange(lower: number, upper: number, style: NumberStyle, locale: Locale): string {
  const decimals = decimalsOf(style);
  const from = formatNumber(lower, decimals, locale);
  const to = formatNumber(upper, decimals, locale);
  return withUnit(from === to ? from : `${from} – ${to}`, style.unit, locale);
}

/** A legend range as read by a screen reader: `10,00 bis 12,50 Prozent`. */
export function spokenRange(lower: number, upper: number, style: NumberStyle, locale: Locale): string {
  const decimals = decimalsOf(style);
  const from = formatNumber(lower, decimals, locale);
  const to = formatNumber(upper, decimals, locale);
  const unit = spokenUnit(style.unit, locale);
  const range = from === to ? from : `${from} ${messages(locale).rangeSpoken} ${to}`;
  return unit ? `${range} ${unit}` : range;
}
