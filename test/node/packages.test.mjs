// The two packages of the repository: the web package (the root, `keck-atlas`) and the CLI
// (packages/cli, `@keck-atlas/cli`). Each declares exactly the npm packages its code imports
// (as esbuild sees them when bundling the entries: type-only imports do not count), the web
// package none of the CLI's, and the CLI takes the shared code from ../../src, not a copy.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, test } from 'node:test';
import { build } from 'esbuild';
import ts from 'typescript';

const root = path.resolve(import.meta.dirname, '../..');
const readJson = (file) => JSON.parse(readFileSync(path.join(root, file), 'utf8'));
/** A tsconfig (JSON with comments), as TypeScript reads it. */
const readTsconfig = (file) => ts.parseConfigFileTextToJson(file, readFileSync(path.join(root, file), 'utf8')).config;
const web = readJson('package.json');
const cli = readJson('packages/cli/package.json');

/** npm package names (not node: built-ins) the bundle of `entryPoints` imports, and the source files it takes in. */
async function importsOf(entryPoints, tsconfig) {
  const { metafile } = await build({
    entryPoints,
    bundle: true,
    write: false,
    outdir: 'out',
    format: 'esm',
    splitting: true,
    platform: 'neutral',
    packages: 'external',
    metafile: true,
    tsconfig,
    logLevel: 'silent',
    loader: { '.wasm': 'file' },
  });
  const packages = new Set();
  for (const input of Object.values(metafile.inputs)) {
    for (const { path: specifier, external } of input.imports) {
      if (!external || specifier.startsWith('node:') || builtinModules.includes(specifier) || /^[.<]/.test(specifier)) continue;
      packages.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]);
    }
  }
  return { packages: [...packages].sort(), sources: Object.keys(metafile.inputs) };
}

const webEntries = () =>
  [
    'src/index.ts',
    'src/keck-atlas.ts',
    'src/contract/index.ts',
    'src/embed/embed.ts',
    'src/embed/embed-host.ts',
    ...readdirSync(path.join(root, 'src'))
      .filter((name) => existsSync(path.join(root, 'src', name, 'define.ts')))
      .flatMap((name) => [`src/${name}/index.ts`, `src/${name}/define.ts`]),
  ].map((file) => path.join(root, file));

describe('the two packages', () => {
  test('the CLI declares every package its bundle imports, and only those', async () => {
    const { packages, sources } = await importsOf(
      [path.join(root, 'packages/cli/src/cli.ts')],
      path.join(root, 'packages/cli/tsconfig.json'),
    );
    assert.deepEqual(packages, Object.keys(cli.dependencies).sort());
    assert.ok(
      sources.includes('src/contract/validate.ts') && sources.includes('src/core/suppression.ts'),
      'the CLI bundles the shared contract and core',
    );
    assert.ok(!existsSync(path.join(root, 'src/cli')), 'no CLI sources left in the web package');
    assert.deepEqual(Object.keys(cli.bin), ['keck-atlas']);
  });

  test('the web package declares every package its entries import, and none that only the CLI needs', async () => {
    const { packages } = await importsOf(webEntries(), path.join(root, 'tsconfig.json'));
    // vega and vega-lite are vega-embed's peer dependencies (the chart's spec types come from vega-lite): declared to keep their versions ours.
    const peers = Object.keys(readJson('node_modules/vega-embed/package.json').peerDependencies);
    assert.deepEqual(
      packages,
      Object.keys(web.dependencies)
        .filter((name) => !peers.includes(name))
        .sort(),
    );
    const cliOnly = Object.keys(cli.dependencies).filter((name) => !packages.includes(name));
    assert.ok(cliOnly.length >= 10, 'the CLI has its own dependencies');
    for (const name of cliOnly) assert.equal(web.dependencies[name], undefined, `${name} (CLI only) is no dependency of the web package`);
    assert.equal(web.bin, undefined, 'the web package has no command');
    assert.deepEqual(web.workspaces, ['packages/cli']);
  });

  test('each package type-checks with its own typings: Node for the CLI, none for the web package’s shipped code', () => {
    const cliOptions = readTsconfig('packages/cli/tsconfig.json').compilerOptions;
    assert.deepEqual(cliOptions.types, ['node']);
    assert.ok(!cliOptions.lib.some((lib) => /^dom/i.test(lib)), 'no DOM for the CLI');
    assert.deepEqual(readTsconfig('tsconfig.build.json').compilerOptions.types, []);
    assert.ok(!readTsconfig('tsconfig.json').compilerOptions.types.includes('node'));
  });
});
