import { parseOrigin, type LoadSettings } from '../data/data-url.js';

/** An element with the attributes that set how it loads (see `loadSettings`). */
export interface LoadSettingsSource extends HTMLElement {
  allowedOrigins?: string;
  timeout?: number;
}

/**
 * The load settings for an element: the origins besides the manifest's that the page allows
 * (the element's `allowed-origins` plus `<meta name="keck-atlas-allowed-origins">`), and the
 * timeout in seconds (the element's `timeout`, else `<meta name="keck-atlas-timeout">`).
 * Entries that are no origin, and a timeout that is no positive number, are ignored with a console warning.
 */
export function loadSettings(host: LoadSettingsSource): Partial<LoadSettings> {
  const meta = (name: string) => host.ownerDocument.querySelector<HTMLMetaElement>(`meta[name="keck-atlas-${name}"]`)?.content;
  const allowedOrigins: string[] = [];
  for (const entry of `${host.allowedOrigins ?? ''} ${meta('allowed-origins') ?? ''}`.split(/[\s,]+/).filter(Boolean)) {
    const origin = parseOrigin(entry);
    if (origin) allowedOrigins.push(origin);
    else console.warn(`keck-atlas: "${entry}" in allowed-origins is no origin (write it like https://data.example.org); it is ignored.`);
  }
  const given = host.timeout ?? meta('timeout');
  const timeout = Number(given);
  if (given !== undefined && !(timeout > 0)) console.warn(`keck-atlas: the timeout "${given}" is no number of seconds above 0; the default is used.`);
  return timeout > 0 ? { allowedOrigins, timeout } : { allowedOrigins };
}
