// Bundles packages/cli/src/protect.ts (the CLI's protection step with the disclosure audit) for the Node
// tests; the HiGHS runtime stays where npm put it, so it finds its .wasm beside it.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

export async function importProtect() {
  const outfile = path.join(mkdtempSync(path.join(tmpdir(), 'keck-protect-')), 'protect.mjs');
  const highs = createRequire(path.join(root, 'package.json')).resolve('highs').replace(/highs\.js$/, 'highs.mjs');
  await build({
    entryPoints: [path.join(root, 'packages/cli/src/protect.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'warning',
    plugins: [{ name: 'highs', setup: (b) => b.onResolve({ filter: /^highs$/ }, () => ({ path: pathToFileURL(highs).href, external: true })) }],
  });
  return import(pathToFileURL(outfile).href);
}
