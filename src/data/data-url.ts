import { ContractError, describeValue } from '../contract/issues.js';

/** How the elements fetch an atlas's files: which other origins the host page allows, and the timeout. */
export interface LoadSettings {
  /** Origins (`https://tiles.example`) besides the manifest's own that its URLs may name. */
  allowedOrigins: readonly string[];
  /** Seconds a request may go without an answer or new bytes. */
  timeout: number;
}

/** `https://www.city.de` for any URL on it; `file://` for files (whose URL origin is opaque). */
export function originOf(url: URL): string {
  return `${url.protocol}//${url.host}`;
}

/** An origin as written by a host page (`https://a.example`, `https://a.example/`), or undefined when it is none. */
export function parseOrigin(text: string): string | undefined {
  try {
    const url = new URL(text);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) return undefined;
    return originOf(url);
  } catch {
    return undefined;
  }
}

/**
 * Resolves a URL from a manifest against the manifest's URL and checks that it stays on the
 * manifest's origin or one the host page allows.
 * @param path the place in the manifest, for the message (`$.levels[0].geometry.url`).
 * @throws ContractError naming the manifest, the path and the origin expected.
 */
export function dataUrl(raw: string, manifestUrl: string, path: string, allowedOrigins: readonly string[] = []): string {
  const base = new URL(manifestUrl);
  const home = originOf(base);
  const fail = (found: string): never => {
    const others = allowedOrigins.filter((origin) => origin !== home);
    const expected = `a URL on ${home}${others.length ? ` or an allowed origin (${others.join(', ')})` : ''}`;
    throw new ContractError(manifestUrl, [{ file: manifestUrl, path, expected, found }]);
  };
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return fail(describeValue(raw));
  }
  const origin = originOf(url);
  if (origin !== home && !allowedOrigins.includes(origin)) fail(url.href);
  return url.href;
}
