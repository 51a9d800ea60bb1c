// The consumer smoke test: the packed tarball installed from the npm registry into a fresh
// app (test/consumer/app), built with Vite and with webpack without any keck-atlas specific
// setting, served under the strict CSP and opened in Chromium. The map must draw its areas
// (canvas pixels in the legend's colours), with no failed request, console error or CSP
// violation. Needs `npm run build` first; `npm test` does the build.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { bareImports, dependentsOf } from '../../scripts/package-report.mjs';
import { STRICT_CSP } from '../../scripts/strict-csp.mjs';
import { assertMapDraws, launchChromium, openMapPage } from './map-page.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const own = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const cli = JSON.parse(readFileSync(path.join(ROOT, 'packages/cli/package.json'), 'utf8'));

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(result.status, 0, `${command} ${args.join(' ')} failed in ${cwd}:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** Packs the package as `npm publish` would and returns the tarball's path. */
export function packTarball(folder) {
  const [info] = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', folder], ROOT));
  return path.join(folder, info.filename);
}

let folder;
let app;
let browser;
before(async () => {
  assert.ok(existsSync(path.join(ROOT, 'dist/map/define.js')), 'run `npm run build` first');
  folder = mkdtempSync(path.join(tmpdir(), 'keck-consumer-'));
  const tarball = packTarball(folder);
  app = path.join(folder, 'app');
  cpSync(path.join(ROOT, 'test/consumer/app'), app, { recursive: true });
  cpSync(path.join(ROOT, 'demo/atlas/vechta'), path.join(app, 'public/atlas'), { recursive: true });
  const manifest = {
    name: 'keck-atlas-consumer',
    private: true,
    type: 'module',
    dependencies: { 'keck-atlas': `file:${tarball}` },
    devDependencies: { vite: own.devDependencies.vite, webpack: '^5.100.0' },
  };
  writeFileSync(path.join(app, 'package.json'), JSON.stringify(manifest, null, 2));
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], app);
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** Serves a built app under the strict CSP and checks what a visitor sees. */
async function assertBuiltAppDraws(distFolder) {
  const server = await startStaticServer({ mounts: { '/': distFolder }, headers: () => ({ 'Content-Security-Policy': STRICT_CSP }) });
  try {
    const seen = await openMapPage(browser, `${server.url}/`);
    await seen.context.close();
    assertMapDraws(seen);
  } finally {
    await server.close();
  }
}

/** Starts `vite` (the dev server) in the app; resolves with its URL and a stop function. */
async function startViteDev() {
  const child = spawn(path.join(app, 'node_modules/.bin/vite'), ['--host', '127.0.0.1', '--port', '0', '--strictPort'], {
    cwd: app,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`vite did not start:\n${output}`)), 60000);
    const read = (chunk) => {
      output += chunk;
      const found = /Local:\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(output.replace(/\x1b\[[0-9;]*m/g, ''));
      if (found) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => reject(new Error(`vite exited (${code}):\n${output}`)));
  });
  return { url, stop: () => child.kill() };
}

describe('the packed package in a fresh app', () => {
  test('installs none of the command-line tool’s dependencies for keck-atlas’s sake (npm ls --omit=dev)', () => {
    const dependents = dependentsOf(JSON.parse(run('npm', ['ls', '--omit=dev', '--all', '--json'], app)));
    assert.ok(dependents.get('keck-atlas')?.has('') && dependents.get('maplibre-gl')?.has('keck-atlas'), 'the tree is the app’s');
    // The CLI's dependencies the package's own build imports (the shared FlatGeobuf reader's) are the web package's too; any
    // other may be there because an element library needs it (vega-loader: topojson-client), never because of keck-atlas.
    const built = readdirSync(path.join(ROOT, 'dist'), { recursive: true })
      .map((file) => `dist/${String(file).split(path.sep).join('/')}`)
      .filter((file) => !/^dist\/(storybook|release)\//.test(file));
    const shared = bareImports(built);
    assert.ok(shared.includes('flatgeobuf'));
    const forKeckAtlas = Object.keys(cli.dependencies).filter((name) => !shared.includes(name) && dependents.get(name)?.has('keck-atlas'));
    assert.deepEqual(forKeckAtlas, []);
  });

  test('Node (SSR, a consuming app\u2019s tests) imports every script entry without throwing; the contract validates there', () => {
    // Every script entry but the CDN folder's page scripts (embed.js, embed-host.js); keck-atlas.js has a Node target.
    const nodeTarget = (target) => (typeof target === 'string' ? target : (target.node ?? target.default));
    const entries = Object.entries(own.exports)
      .filter(([subpath, target]) => !/\.(json|html|css)$/.test(subpath) && !nodeTarget(target).startsWith('./dist/cdn/'))
      .map(([subpath]) => subpath);
    assert.ok(entries.includes('./keck-atlas.js') && entries.includes('./map/define'));
    const script = [
      ...entries.map((subpath) => `await import(${JSON.stringify(`keck-atlas${subpath.slice(1)}`)});`),
      "const { validateManifest } = await import('keck-atlas/contract');",
      "const { readFileSync } = await import('node:fs');",
      "const atlas = validateManifest(JSON.parse(readFileSync('public/atlas/atlas.json', 'utf8')), 'atlas.json');",
      "console.log(JSON.stringify({ id: atlas.id, element: typeof (await import('keck-atlas')).KeckMap }));",
    ].join('\n');
    const output = run('node', ['--input-type=module', '-e', script], app);
    assert.deepEqual(JSON.parse(output.trim().split('\n').at(-1)), { id: JSON.parse(readFileSync(path.join(app, 'public/atlas/atlas.json'), 'utf8')).id, element: 'function' });
  });

  test('editors find the custom data in the installed package (VS Code html/css data, JetBrains web-types)', () => {
    const installed = path.join(app, 'node_modules/keck-atlas');
    const pkg = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8'));
    const webTypes = JSON.parse(readFileSync(path.join(installed, pkg['web-types']), 'utf8'));
    assert.equal(webTypes.contributions.html.elements.length, 5);
    for (const file of ['vscode.html-custom-data.json', 'vscode.css-custom-data.json', pkg.customElements]) assert.ok(existsSync(path.join(installed, file)), file);
  });

  test('Vite build: <keck-map> draws its areas', async () => {
    run(path.join(app, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], app);
    await assertBuiltAppDraws(path.join(app, 'dist'));
  });

  test('Vite dev server with the setting docs/embedding.md gives: <keck-map> draws its areas', async () => {
    const setting = /<!-- vite-dev -->\s*```js\n([\s\S]*?)```/.exec(readFileSync(path.join(ROOT, 'docs/embedding.md'), 'utf8'))?.[1];
    assert.ok(setting, 'docs/embedding.md shows the Vite dev setting');
    writeFileSync(path.join(app, 'vite.config.js'), setting);
    const server = await startViteDev();
    try {
      const seen = await openMapPage(browser, `${server.url}/`);
      await seen.context.close();
      assertMapDraws(seen, { csp: false });
    } finally {
      server.stop();
      rmSync(path.join(app, 'vite.config.js'));
    }
  });

  test('webpack build: <keck-map> draws its areas', async () => {
    run('node', ['build-webpack.mjs'], app);
    await assertBuiltAppDraws(path.join(app, 'dist-webpack'));
  });
});
