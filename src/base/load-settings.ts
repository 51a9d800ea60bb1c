import { parseOrigin, type LoadSettings } from '../data/data-url.js';

const ORIGINS_META = 'keck-atlas-allowed-origins';
const TIMEOUT_META = 'keck-atlas-timeout';
const warned = new Set<string>();

/** What an element's host page says about loading: its `allowed-origins` and `timeout` attributes, else the page's meta elements. */
export interface LoadSettingsSource extends HTMLElement {
  allowedOrigins?: string;
  timeout?: number;
}

/**
 * The load settings for an element: the origins besides the manifest's that the page allows
 * (the element's `allowed-origins` plus `<meta name="keck-atlas-allowed-origins">`), and the
 * timeout in seconds (the element's `timeout`, else `<meta name="keck-atlas-timeout">`).
 * Entries that are no origin are ignored with a console warning.
 */
export function loadSettings(host: LoadSettingsSource): Partial<LoadSettings> {
  const meta = (name: string) => host.ownerDocument.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content;
  const origins = [host.allowedOrigins, meta(ORIGINS_META)]
    .flatMap((list) => (list ?? '').split(/[\s,]+/))
    .filter(Boolean)
    .flatMap((entry) => {
      const origin = parseOrigin(entry);
      if (!origin) warnOnce(`keck-atlas: "${entry}" in allowed-origins is no origin (write it like https://data.example.org); it is ignored.`);
      return origin ? [origin] : [];
    });
  const settings: Partial<LoadSettings> = { allowedOrigins: origins };
  const timeout = host.timeout ?? Number(meta(TIMEOUT_META) ?? NaN);
  if (Number.isFinite(timeout) && timeout > 0) settings.timeout = timeout;
  else if (host.timeout !== undefined || meta(TIMEOUT_META) !== undefined) warnOnce(`keck-atlas: the timeout must be a number of seconds above 0; the default is used.`);
  return settings;
}

function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(message);
}
