// The worked example of docs/data-contract.md ("Producing an atlas without the CLI"): its shell
// block is run as written (GDAL's ogr2ogr and the Python script on the repository's demo
// sources), and the atlas it makes must pass the library's validator and `keck-atlas validate`.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = path.join(root, 'packages/cli/bin/keck-atlas.mjs');
let work;
let contract;

// flatgeobuf logs every R-tree step on console.debug.
console.debug = () => {};

/** The shell block the docs mark as the worked example. */
function workedExample() {
  const doc = readFileSync(path.join(root, 'docs/data-contract.md'), 'utf8');
  const block = /<!-- worked-example:[^>]*-->\s*```sh\n([\s\S]*?)```/.exec(doc);
  assert.ok(block, 'docs/data-contract.md has a worked-example shell block');
  return block[1];
}

before(async () => {
  execFileSync(process.execPath, [path.join(root, 'packages/cli/scripts/build.mjs')], { stdio: 'inherit' });
  work = mkdtempSync(path.join(tmpdir(), 'keck-worked-example-'));
  // The block runs from the repository root; here from a folder that sees the same sources.
  for (const dir of ['demo', 'docs']) symlinkSync(path.join(root, dir), path.join(work, dir));
  const bundle = path.join(work, 'contract.mjs');
  await build({ entryPoints: [path.join(root, 'src/contract/index.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'esm', logLevel: 'warning' });
  contract = await import(pathToFileURL(bundle).href);
});
after(() => rmSync(work, { recursive: true, force: true }));

describe('worked example: an atlas without the CLI', () => {
  let manifest;
  const atlasFile = () => path.join(work, 'vechta-atlas/atlas.json');

  it('runs as the docs write it', () => {
    const result = spawnSync('bash', ['-euo', 'pipefail', '-c', workedExample()], { cwd: work, encoding: 'utf8' });
    assert.equal(result.status, 0, `the worked example failed:\n${result.stderr}`);
    manifest = JSON.parse(readFileSync(atlasFile(), 'utf8'));
  });

  it('makes a manifest the library accepts without a note', () => {
    const notes = [];
    contract.validateManifest(manifest, atlasFile(), { note: (message) => notes.push(message) });
    assert.deepEqual(notes, []);
    assert.equal(manifest.contract, contract.CONTRACT_VERSION);
    assert.equal(manifest.values[0].values['03460001'], 17.53, 'keys keep their leading zero, German decimals become numbers');
    assert.equal(manifest.values[0].reference, 16.15);
    assert.equal(contract.localize(manifest.title, 'tr'), 'Vechta İlçesi Sosyal Atlası');
  });

  it('passes keck-atlas validate with every shape, in longitude/latitude inside the bbox, with an index', async () => {
    const result = spawnSync(process.execPath, [cli, 'validate', atlasFile()], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /valid \(gemeinde 10 areas \/ 10 shapes; 2 indicators, 2 value blocks\)/);
    assert.equal(result.stderr, '');

    const bytes = new Uint8Array(readFileSync(path.join(work, 'vechta-atlas/gemeinden.fgb')));
    const [west, south, east, north] = manifest.levels[0].geometry.bbox;
    const inside = [];
    for await (const feature of deserialize(bytes, { minX: west, minY: south, maxX: east, maxY: north })) inside.push(feature.properties.ags);
    assert.deepEqual(inside.sort(), manifest.levels[0].areas.map((area) => area.key).sort(), 'a bounding-box read through the index finds every area');
  });
});
