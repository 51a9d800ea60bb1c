// `keck-atlas validate` on damaged and hostile atlases, run as a real process: it must end
// (exit 1) with a message naming the file and the place, never hang or crash.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import fc from 'fast-check';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = path.join(root, 'packages/cli/bin/keck-atlas.mjs');
const guard = path.join(root, 'test/fixtures/guard');
const vechta = path.join(root, 'demo/atlas/vechta');
/** Far longer than any validation takes; a run killed at this limit hung. */
const HANG_LIMIT_MS = 60_000;
let work;

before(() => {
  execFileSync(process.execPath, [path.join(root, 'packages/cli/scripts/build.mjs')], { stdio: 'inherit' });
  work = mkdtempSync(path.join(tmpdir(), 'keck-validate-guards-'));
});
after(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the Vechta demo atlas in its own folder, changed by `change(dir, manifest)`. */
function atlasCopy(name, change) {
  const dir = path.join(work, name);
  cpSync(vechta, dir, { recursive: true });
  const file = path.join(dir, 'atlas.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  change(dir, manifest);
  writeFileSync(file, JSON.stringify(manifest));
  return file;
}

function validate(file) {
  const result = spawnSync(process.execPath, [cli, 'validate', file], { encoding: 'utf8', timeout: HANG_LIMIT_MS });
  assert.notEqual(result.signal, 'SIGTERM', `keck-atlas validate ${file} did not end within ${HANG_LIMIT_MS / 1000} s`);
  return { code: result.status, stderr: result.stderr, stdout: result.stdout };
}

function assertFails(file, ...patterns) {
  const { code, stderr, stdout } = validate(file);
  assert.equal(code, 1, `exit code 1 expected, got ${code}:\n${stdout}${stderr}`);
  for (const pattern of patterns) assert.match(stderr, pattern);
  assert.doesNotMatch(stderr, /Cannot read properties|TypeError|RangeError|\n\s+at /);
}

const damagedGeometry = (fixture) => (dir) => cpSync(path.join(guard, fixture), path.join(dir, 'gemeinden.fgb'));
const damagedPois = (fixture) => (dir) => cpSync(path.join(guard, fixture), path.join(dir, 'poi-kitas.fgb'));

describe('keck-atlas validate on damaged FlatGeobuf files', () => {
  it('a header with an index over 0 features (flatgeobuf loops forever on it)', () => {
    assertFails(atlasCopy('zero-count', damagedGeometry('zero-count.fgb')), /gemeinden\.fgb: \$: expected a FlatGeobuf file, found a header that declares a spatial index over 0 features/);
  });

  it('a header that declares 4 294 967 295 features in 1 024 bytes', () => {
    assertFails(atlasCopy('huge-count', damagedGeometry('huge-count.fgb')), /gemeinden\.fgb: \$: expected a FlatGeobuf file, found a header that declares 4 294 967 295 features in a file of 1 024 bytes/);
  });

  it('a file cut off in the middle of its features', () => {
    assertFails(atlasCopy('truncated', damagedGeometry('truncated.fgb')), /gemeinden\.fgb: \$: expected a FlatGeobuf file, found a file that ends inside feature 6 .*cut off/);
  });

  it('geometry in metres (EPSG:25832) names the likely cause', () => {
    assertFails(atlasCopy('projected', damagedGeometry('projected.fgb')), /gemeinden\.fgb: \$: expected a FlatGeobuf file, found coordinates such as 433115\.65, 5809525\.32, which are no longitude\/latitude in degrees: probably projected coordinates in metres \(the header names EPSG:25832\)/);
  });

  it('a 0-byte POI file, and a POI file with an index over 0 points', () => {
    assertFails(atlasCopy('empty-pois', damagedPois('empty.fgb')), /poi-kitas\.fgb: \$: expected a FlatGeobuf file, found a file of only 0 bytes/);
    assertFails(atlasCopy('zero-count-pois', damagedPois('zero-count-pois.fgb')), /poi-kitas\.fgb: \$: expected a FlatGeobuf file, found a header that declares a spatial index over 0 features/);
  });

  it('random damage to a file ends every time, with a readable FlatGeobuf problem or a valid read', async () => {
    const bundle = path.join(work, 'reader.mjs');
    await build({ entryPoints: [path.join(root, 'src/data/flatgeobuf-reader.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'esm', logLevel: 'warning' });
    const original = new Uint8Array(readFileSync(path.join(vechta, 'gemeinden.fgb')));
    // Damage in the header and index (bytes 8–1 200) and anywhere in the features.
    const offset = fc.oneof(fc.integer({ min: 8, max: 1200 }), fc.integer({ min: 8, max: original.length - 1 }));
    const cases = fc.sample(fc.array(fc.tuple(offset, fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }), 400);
    const damaged = cases.map((changes) => {
      const bytes = original.slice();
      for (const [offset, value] of changes) bytes[offset] = value;
      return Buffer.from(bytes).toString('base64');
    });
    const inputs = path.join(work, 'damaged.json');
    writeFileSync(inputs, JSON.stringify(damaged));
    const script = path.join(work, 'parse-all.mjs');
    writeFileSync(
      script,
      `console.debug = () => {};
import { readFileSync } from 'node:fs';
import { parseFlatGeobuf } from ${JSON.stringify(pathToFileURL(bundle).href)};
const outcomes = {};
for (const text of JSON.parse(readFileSync(${JSON.stringify(inputs)}, 'utf8'))) {
  let outcome = 'read';
  try { await parseFlatGeobuf(new Uint8Array(Buffer.from(text, 'base64')), () => {}); } catch (error) { outcome = /Cannot read|undefined|null|NaN/.test(error.message) ? 'unreadable message: ' + error.message : error.name; }
  outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
}
console.log(JSON.stringify(outcomes));`,
    );
    const result = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: HANG_LIMIT_MS });
    assert.notEqual(result.signal, 'SIGTERM', 'parsing 400 damaged files did not end');
    assert.equal(result.status, 0, result.stderr);
    const outcomes = JSON.parse(result.stdout.trim().split('\n').at(-1));
    assert.deepEqual(Object.keys(outcomes).filter((name) => name !== 'read' && name !== 'FlatGeobufProblem'), [], JSON.stringify(outcomes));
    assert.ok(outcomes.FlatGeobufProblem > 0, JSON.stringify(outcomes));
  });
});

describe('keck-atlas validate on what the elements refuse', () => {
  it('hostile POI properties: each bad feature named, the rest accepted', () => {
    const file = atlasCopy('hostile-pois', (dir, manifest) => {
      cpSync(path.join(guard, 'hostile-pois.geojson'), path.join(dir, 'hostile.geojson'));
      manifest.poiSources[0] = { ...manifest.poiSources[0], url: 'hostile.geojson', format: 'geojson' };
    });
    assertFails(
      file,
      /hostile\.geojson: feature 0\.properties\.name: expected a text \(the name\), found an object with toString, valueOf/,
      /hostile\.geojson: feature 1\.properties\.name: expected a text \(the name\), found an array of 2/,
      /hostile\.geojson: feature 4\.geometry\.coordinates: expected longitude and latitude in degrees \(WGS84\), found 434512\.2, 5847120\.1/,
      /hostile\.geojson: feature 7\.properties\.category: expected a text \(the category\), found an object with id/,
    );
    const { stderr } = validate(file);
    assert.doesNotMatch(stderr, /feature [2389]\./, 'numbers as names, HTML and javascript: URLs are text, not errors');
  });

  it('a bookmark about an unpublished or unknown indicator, with file and JSON path', () => {
    const file = atlasCopy('bookmarks', (dir, manifest) => {
      manifest.indicators[1].published = false;
      manifest.bookmarks = [
        { id: 'secret', title: 'Geheim', text: 'Über einen unveröffentlichten Indikator.', indicator: manifest.indicators[1].id },
        { id: 'typo', title: 'Tippfehler', text: 'Über einen unbekannten.', indicators: ['u15-share', 'u15-shrae'] },
      ];
    });
    assertFails(
      file,
      /bookmarks\/atlas\.json: \$\.bookmarks\[0\]\.indicator: expected a published indicator .*found the unpublished indicator "non-german-u15-share"/,
      /bookmarks\/atlas\.json: \$\.bookmarks\[1\]\.indicators\[1\]: expected the id of an indicator in \$\.indicators, found the unknown indicator "u15-shrae"/,
    );
  });

  it('URLs that leave the manifest\'s folder for another origin', () => {
    const file = atlasCopy('foreign', (dir, manifest) => {
      manifest.levels[1].geometry.url = 'https://evil.example/gemeinden.fgb';
      manifest.poiSources[0].url = '//evil.example/pois.fgb';
    });
    assertFails(
      file,
      /\$\.levels\[1\]\.geometry\.url: expected a URL relative to the manifest .*found the string "https:\/\/evil\.example\/gemeinden\.fgb"/,
      /\$\.poiSources\[0\]\.url: expected a URL relative to the manifest .*found the string "\/\/evil\.example\/pois\.fgb"/,
    );
  });
});
