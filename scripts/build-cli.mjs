// Bundles the command-line tool (src/cli) into dist/cli/keck-atlas.mjs; dependencies stay external.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

if (!existsSync(new URL('../src/contract/generated/validators.js', import.meta.url))) {
  execFileSync(process.execPath, [new URL('./compile-schema.mjs', import.meta.url).pathname], { stdio: 'inherit' });
}
await build({
  entryPoints: [new URL('../src/cli/cli.ts', import.meta.url).pathname],
  outfile: new URL('../dist/cli/keck-atlas.mjs', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: Boolean(process.env.KECK_SOURCEMAP),
  logLevel: 'warning',
});
