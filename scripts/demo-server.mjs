// The demo site's server: demo/ at /, the built library at /dist/, docs at /docs/ and the
// built Storybook at /storybook/. Every page but Storybook gets the strict CSP header.
import { startStaticServer } from './static-server.mjs';
import { STRICT_CSP } from './strict-csp.mjs';

export function startDemoServer({ port = 0 } = {}) {
  return startStaticServer({
    port,
    mounts: { '/': 'demo', '/dist/': 'dist', '/docs/': 'docs', '/storybook/': 'dist/storybook' },
    headers: (urlPath) => (urlPath.startsWith('/storybook/') ? {} : { 'Content-Security-Policy': STRICT_CSP }),
  });
}
