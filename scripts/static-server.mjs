// A small static file server with HTTP Range support (206), used by `npm run demo`,
// the benchmarks and the delivery tests. It serves mounts like { '/': 'demo', '/dist/': 'dist' }.
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json',
  '.fgb': 'application/octet-stream',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.md': 'text/markdown; charset=utf-8',
  '.map': 'application/json',
};

/**
 * @param {{ mounts: Record<string, string>, port?: number, host?: string, headers?: (urlPath: string) => Record<string, string> }} options
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startStaticServer({ mounts, port = 0, host = '127.0.0.1', headers = () => ({}) }) {
  const entries = Object.entries(mounts).sort((a, b) => b[0].length - a[0].length);
  const server = createServer(async (request, response) => {
    const urlPath = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    const mount = entries.find(([prefix]) => urlPath.startsWith(prefix));
    if (!mount) return send(response, 404, 'Not found');
    const root = path.resolve(mount[1]);
    let filePath = path.resolve(root, `.${urlPath.slice(mount[0].length - 1)}`);
    if (!filePath.startsWith(root)) return send(response, 403, 'Forbidden');
    let info = await stat(filePath).catch(() => null);
    if (info?.isDirectory()) {
      filePath = path.join(filePath, 'index.html');
      info = await stat(filePath).catch(() => null);
    }
    if (!info?.isFile()) return send(response, 404, 'Not found');
    const common = {
      'Content-Type': TYPES[path.extname(filePath)] ?? 'application/octet-stream',
      'Accept-Ranges': 'bytes',
      'Cache-Control': 'no-cache',
      ...headers(urlPath),
    };
    const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.range ?? '');
    if (request.headers.range && range) {
      const start = range[1] === '' ? Math.max(0, info.size - Number(range[2])) : Number(range[1]);
      const end = range[1] === '' || range[2] === '' ? info.size - 1 : Math.min(Number(range[2]), info.size - 1);
      if (start > end || start >= info.size) {
        response.writeHead(416, { 'Content-Range': `bytes */${info.size}` });
        return response.end();
      }
      response.writeHead(206, { ...common, 'Content-Range': `bytes ${start}-${end}/${info.size}`, 'Content-Length': end - start + 1 });
      return request.method === 'HEAD' ? response.end() : createReadStream(filePath, { start, end }).pipe(response);
    }
    response.writeHead(200, { ...common, 'Content-Length': info.size });
    return request.method === 'HEAD' ? response.end() : createReadStream(filePath).pipe(response);
  });
  await new Promise((resolve) => server.listen(port, host, resolve));
  const address = server.address();
  return {
    url: `http://${host}:${address.port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function send(response, status, text) {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(text);
}
