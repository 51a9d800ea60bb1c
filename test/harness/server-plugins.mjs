// Dev-server pieces for the browser tests: real HTTP Range support, a strict-CSP
// header for the CSP pages, and server commands that log every request a page makes.
import { open, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { STRICT_CSP } from '../../scripts/strict-csp.mjs';

const RANGE_PATTERN = /^bytes=(\d*)-(\d*)$/;

/**
 * Answers `Range` requests for files under `roots` with 206 and `Content-Range`,
 * as static web servers do (@web/dev-server alone always answers 200).
 */
export function rangeMiddleware(rootDir, roots = ['/test/fixtures/', '/demo/']) {
  return async (ctx, next) => {
    const range = ctx.get('range');
    const urlPath = decodeURIComponent(ctx.path);
    if (!roots.some((root) => urlPath.startsWith(root))) return next();
    const filePath = path.join(rootDir, urlPath);
    if (!filePath.startsWith(rootDir)) return next();
    let info;
    try {
      info = await stat(filePath);
    } catch {
      return next();
    }
    if (!info.isFile()) return next();
    ctx.set('Accept-Ranges', 'bytes');
    if (!range) return next();
    const match = RANGE_PATTERN.exec(range);
    if (!match) {
      ctx.status = 416;
      ctx.set('Content-Range', `bytes */${info.size}`);
      return;
    }
    let start = match[1] === '' ? info.size - Number(match[2]) : Number(match[1]);
    let end = match[1] === '' || match[2] === '' ? info.size - 1 : Math.min(Number(match[2]), info.size - 1);
    if (start < 0) start = 0;
    if (start > end || start >= info.size) {
      ctx.status = 416;
      ctx.set('Content-Range', `bytes */${info.size}`);
      return;
    }
    const length = end - start + 1;
    const handle = await open(filePath, 'r');
    try {
      const buffer = Buffer.alloc(length);
      await handle.read(buffer, 0, length, start);
      ctx.status = 206;
      ctx.set('Content-Range', `bytes ${start}-${end}/${info.size}`);
      ctx.set('Content-Type', 'application/octet-stream');
      ctx.body = buffer;
    } finally {
      await handle.close();
    }
  };
}


/** Serves every page under /test/csp/ with a strict Content-Security-Policy header. */
export function cspMiddleware() {
  return async (ctx, next) => {
    await next();
    if (ctx.path.startsWith('/test/csp/') && ctx.path.endsWith('.html')) {
      ctx.set('Content-Security-Policy', STRICT_CSP);
    }
  };
}

/**
 * Server commands `request-log-start` and `request-log-read`: record every request the
 * test page (and its frames and workers) makes, as Chromium sees it.
 */
export function requestLogPlugin() {
  const logs = new Map();
  return {
    name: 'keck-request-log',
    async executeCommand({ command, session }) {
      if (command !== 'request-log-start' && command !== 'request-log-read') return undefined;
      const page = session.browser.getPage(session.id);
      if (command === 'request-log-start') {
        const entries = [];
        const onRequest = (request) => {
          const entry = { url: request.url(), method: request.method(), range: request.headers()['range'] ?? null };
          entries.push(entry);
          pending.push(
            request.response().then(
              (response) => (entry.status = response?.status()),
              () => undefined,
            ),
          );
        };
        const pending = [];
        const previous = logs.get(session.id);
        if (previous) previous.detach();
        page.on('request', onRequest);
        logs.set(session.id, { entries, pending, detach: () => page.off('request', onRequest) });
        return true;
      }
      const log = logs.get(session.id);
      if (!log) return [];
      const settleLimit = new Promise((resolve) => setTimeout(resolve, 2000));
      await Promise.race([Promise.all(log.pending), settleLimit]);
      return log.entries;
    },
  };
}

const MISBEHAVING = /^\/__keck\/(hang|stall|cors|other-origin|fail\/(\d+)\/[^/]+)(\/.*)$/;
const failures = new Map();

/**
 * A server that misbehaves on request, for timeout and retry tests:
 * - `/__keck/hang/<path>`: never answers;
 * - `/__keck/stall/<path>`: sends the headers and the first 64 bytes of `<path>`, then nothing more;
 * - `/__keck/fail/<n>/<token>/<path>`: answers 503 to the first n requests (counted per token), then serves `<path>`;
 * - `/__keck/cors/<path>`: serves `<path>` to any origin (Access-Control-Allow-Origin: *);
 * - `/__keck/other-origin/<path>`: serves the text file `<path>` with `{{OTHER_ORIGIN}}` replaced by this
 *   server under its other name (http://127.0.0.1:port for a request to localhost, and back).
 */
export function misbehavingServerMiddleware(rootDir) {
  return async (ctx, next) => {
    const match = MISBEHAVING.exec(ctx.path);
    if (!match) return next();
    const [, mode, failCount, rest] = match;
    const closed = new Promise((resolve) => ctx.req.once('close', resolve));
    if (mode === 'hang') {
      await closed;
      ctx.respond = false;
      return;
    }
    if (mode === 'stall') {
      const filePath = path.join(rootDir, decodeURIComponent(rest));
      if (!filePath.startsWith(rootDir)) return next();
      const handle = await open(filePath, 'r');
      const head = Buffer.alloc(64);
      const { bytesRead } = await handle.read(head, 0, 64, 0);
      const { size } = await handle.stat();
      await handle.close();
      ctx.respond = false;
      ctx.res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(size) });
      ctx.res.write(head.subarray(0, bytesRead));
      await closed;
      ctx.res.destroy();
      return;
    }
    if (mode === 'cors') {
      ctx.url = rest;
      await next();
      ctx.set('Access-Control-Allow-Origin', '*');
      return;
    }
    if (mode === 'other-origin') {
      const filePath = path.join(rootDir, decodeURIComponent(rest));
      if (!filePath.startsWith(rootDir)) return next();
      const [hostname, port] = ctx.host.split(':');
      const other = `${ctx.protocol}://${hostname === 'localhost' ? '127.0.0.1' : 'localhost'}:${port}`;
      ctx.type = path.extname(filePath);
      ctx.body = (await readFile(filePath, 'utf8')).replaceAll('{{OTHER_ORIGIN}}', other);
      return;
    }
    const seen = failures.get(mode) ?? 0;
    failures.set(mode, seen + 1);
    if (seen < Number(failCount)) {
      ctx.status = 503;
      ctx.body = 'Service Unavailable (test)';
      return;
    }
    ctx.url = rest + (ctx.querystring ? `?${ctx.querystring}` : '');
    return next();
  };
}
