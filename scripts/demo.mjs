// `npm run demo`: builds the library and serves the demo site on localhost, offline.
import { spawnSync } from 'node:child_process';
import { startStaticServer } from './static-server.mjs';

const port = Number(process.env.PORT ?? 8080);
if (!process.argv.includes('--no-build')) {
  const status = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' }).status;
  if (status !== 0) process.exit(status ?? 1);
}
const STRICT_CSP = "default-src 'self'; script-src 'self'; worker-src 'self' blob:; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'";
const server = await startStaticServer({
  port,
  mounts: { '/': 'demo', '/dist/': 'dist', '/docs/': 'docs' },
  headers: (urlPath) => (urlPath.startsWith('/csp') ? { 'Content-Security-Policy': STRICT_CSP } : {}),
});
console.log(`keck-atlas demo: ${server.url}/  (Ctrl+C to stop)`);
