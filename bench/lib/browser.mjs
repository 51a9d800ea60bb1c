// Shared pieces for the browser benchmarks: Chromium through playwright-core, a static
// server with Range support over the repo root, and a record of what a page downloads.
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';
import { startStaticServer } from '../../scripts/static-server.mjs';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

const BENCH_ARGS = [...CHROMIUM_ARGS, '--enable-precise-memory-info'];

/** Runs `fn(browser)` with a headless Chromium and closes it afterwards. */
export async function withBrowser(fn, { args = [] } = {}) {
  const executablePath = findChromium({ install: true });
  if (!executablePath) throw new Error('Chromium is needed for this benchmark');
  const browser = await chromium.launch({ executablePath, args: [...BENCH_ARGS, ...args] });
  try {
    return await fn(browser);
  } finally {
    await browser.close();
  }
}

/**
 * Serves the repository root (so `/dist/…`, `/demo/…`, `/bench/…` are reachable) plus any
 * extra mounts, e.g. `{ '/shared/': '/work/shared/data' }`.
 */
export function serveRepo(extraMounts = {}) {
  return startStaticServer({ mounts: { '/': repoRoot, ...extraMounts } });
}

/**
 * Opens `url` in a fresh page and records every response: url, resource type, bytes on the
 * wire (body length) and gzip -9 bytes of the body. `until(page)` decides when the page is done
 * (default: network idle). Returns `{ responses, page, context }`; close the context when done.
 */
export async function pageDownloads(browser, url, { until, keepOpen = false } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const responses = [];
  const pending = [];
  page.on('response', (response) => {
    pending.push(
      response
        .body()
        .then((body) => {
          responses.push({
            url: response.url(),
            type: response.request().resourceType(),
            status: response.status(),
            bytes: body.length,
            gzipBytes: gzipSync(body, { level: 9 }).length,
            body,
          });
        })
        .catch(() => undefined),
    );
  });
  await page.goto(url, { waitUntil: until ? 'load' : 'networkidle' });
  if (until) await until(page);
  await Promise.all(pending);
  if (!keepOpen) await context.close();
  return { responses, page, context };
}

/** Sums gzip bytes of JavaScript responses (scripts, module scripts, workers). */
export function javascriptGzipBytes(responses) {
  return responses.filter((r) => /\.m?js(\?|$)/.test(new URL(r.url).pathname)).reduce((sum, r) => sum + r.gzipBytes, 0);
}

/** Formats bytes as KiB with one decimal. */
export const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
