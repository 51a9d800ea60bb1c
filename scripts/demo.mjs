// `npm run demo`: builds the library and serves the demo site on localhost, offline.
import { spawnSync } from 'node:child_process';
import { startStaticServer } from './static-server.mjs';
import { STRICT_CSP } from './strict-csp.mjs';

const port = Number(process.env.PORT ?? 8080);
if (!process.argv.includes('--no-build')) {
  for (const script of ['build', 'build-storybook']) {
    const status = spawnSync('npm', ['run', script], { stdio: 'inherit' }).status;
    if (status !== 0) process.exit(status ?? 1);
  }
}
// Every demo page is served with the strict policy; Storybook (a development tool) is not.
const server = await startStaticServer({
  port,
  mounts: { '/': 'demo', '/dist/': 'dist', '/docs/': 'docs', '/storybook/': 'dist/storybook' },
  headers: (urlPath) => (urlPath.startsWith('/storybook/') ? {} : { 'Content-Security-Policy': STRICT_CSP }),
});
console.log(`keck-atlas demo: ${server.url}/  (Ctrl+C to stop)`);
