// Bundles the command-line tool (src/cli.ts) into dist/keck-atlas.mjs. The code it shares with
// the web package (../../src/contract, core, data, poi-layer) is bundled in, so the CLI always
// runs the contract and suppression of the commit it was built from; npm packages stay imports
// (each one a dependency in this package.json).
import { build } from 'esbuild';
import { copyFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const validators = new URL('../../../src/contract/generated/validators.js', import.meta.url);
if (!existsSync(validators))
  execFileSync(process.execPath, [new URL('../../../scripts/compile-schema.mjs', import.meta.url).pathname], { stdio: 'inherit' });
await build({
  entryPoints: [new URL('../src/cli.ts', import.meta.url).pathname],
  outfile: new URL('../dist/keck-atlas.mjs', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  tsconfig: new URL('../tsconfig.json', import.meta.url).pathname,
  sourcemap: Boolean(process.env.KECK_SOURCEMAP),
  logLevel: 'warning',
});
// The licence is the repository's (one file, ../../LICENSE); npm packs only what lies in the package folder.
copyFileSync(new URL('../../../LICENSE', import.meta.url), new URL('../LICENSE', import.meta.url));
