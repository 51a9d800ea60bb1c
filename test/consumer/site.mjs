// A site as a web editor sets it up for the CDN-folder tests: a page, the Vechta demo atlas
// under /atlas/ and the library's folders, served under a Content-Security-Policy, opened in
// Chromium with what a visitor sees recorded (map-page.mjs).
import { mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { documentedCsp } from '../../scripts/release-zip.mjs';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { openMapPage } from './map-page.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The policy docs/embedding.md shows in the block after `<!-- csp:NAME -->`, as one header value. */
export function documentedPolicy(name) {
  return documentedCsp(name)
    .replace(/^Content-Security-Policy:\s*/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A page whose head holds `script` (the editor's `<script>` line) and whose body a `<keck-map>`. */
export const mapPage = (script) =>
  `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>keck-atlas from a folder</title><link rel="icon" href="data:,">${script}</head>` +
  `<body><keck-map src="/atlas/atlas.json"></keck-map></body></html>`;

/**
 * Serves `html` as the site's index page in a new folder under `workFolder`, beside the atlas
 * and `mounts` (e.g. { '/keck-atlas/': 'dist/cdn' }), under `policy`; opens it and returns what
 * openMapPage saw.
 */
export async function openSite(browser, workFolder, { policy, html, mounts = {}, timeout }) {
  const pageFolder = mkdtempSync(path.join(workFolder, 'site-'));
  writeFileSync(path.join(pageFolder, 'index.html'), html);
  const site = await startStaticServer({
    mounts: { '/': pageFolder, '/atlas/': path.join(ROOT, 'demo/atlas/vechta'), ...mounts },
    headers: () => ({ 'Content-Security-Policy': policy }),
  });
  try {
    const result = await openMapPage(browser, `${site.url}/`, { timeout });
    await result.context.close();
    return result;
  } finally {
    await site.close();
  }
}
