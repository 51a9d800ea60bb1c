// The npm package's make-up (scripts/package-report.mjs): the package build leaves every
// dependency to the consumer's bundler, each file once, nothing unreachable, no source maps;
// maplibre's worker is the one of the exact maplibre-gl version the package pins.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { before, describe, test } from 'node:test';
import semver from 'semver';
import { report } from '../../scripts/package-report.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

/**
 * Installed runtime packages whose `engines.node` excludes our lowest Node and which
 * keck-atlas never loads (so npm's EBADENGINE warning on Node 20 is harmless), with why.
 */
const NEVER_LOADED = new Map([['@mapbox/jsonlint-lines-primitives', 'only maplibre-gl-style-spec’s gl-style-validate command uses it']]);

let contents;
before(() => {
  assert.ok(existsSync(path.join(ROOT, 'dist/map/define.js')), 'run `npm run build` first');
  contents = report();
});

describe('the npm package', () => {
  test('holds each file once, nothing unreachable and no source maps', () => {
    assert.deepEqual(contents.duplicates, [], 'files with the same content');
    assert.deepEqual(contents.unreachable, [], 'scripts no entry loads');
    assert.deepEqual(contents.sourceMaps, []);
  });

  test('leaves its dependencies to the consumer’s bundler, each one declared', () => {
    for (const name of ['lit', 'maplibre-gl', 'vega-embed', 'vega-interpreter', 'flatgeobuf', 'jspdf', 'svg2pdf.js', 'write-excel-file']) {
      assert.ok(contents.bareImports.includes(name), `the package build imports ${name}`);
    }
    for (const name of contents.bareImports) assert.ok(pkg.dependencies[name], `${name} is a declared dependency`);
  });

  test('engines.node is the lowest Node every runtime dependency that runs supports', () => {
    const lowest = semver.minVersion(pkg.engines.node);
    assert.ok(semver.satisfies(process.version, pkg.engines.node), `the tests run on a Node (${process.version}) engines allows`);
    const tree = JSON.parse(
      spawnSync('npm', ['ls', '--omit=dev', '--all', '--json', '--long'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
        .stdout,
    );
    const excluding = new Map();
    const visit = (node) => {
      for (const [name, child] of Object.entries(node.dependencies ?? {})) {
        const range = child.engines?.node;
        if (range && semver.validRange(range) && !semver.satisfies(lowest, range)) excluding.set(name, range);
        visit(child);
      }
    };
    visit(tree);
    for (const [name, range] of excluding)
      assert.ok(NEVER_LOADED.has(name), `${name} needs Node ${range}, more than engines.node ${pkg.engines.node}`);
    for (const name of NEVER_LOADED.keys())
      assert.ok(excluding.has(name), `${name} is still installed with a higher engines.node (else drop it from NEVER_LOADED)`);
  });

  test('ships the worker of the exact maplibre-gl version it pins', () => {
    const installed = JSON.parse(readFileSync(path.join(ROOT, 'node_modules/maplibre-gl/package.json'), 'utf8')).version;
    assert.equal(pkg.dependencies['maplibre-gl'], installed, 'maplibre-gl is pinned to one version');
    const shipped = readFileSync(path.join(ROOT, `dist/cdn/chunks/maplibre-gl-worker-${installed}.mjs`));
    assert.ok(shipped.equals(readFileSync(path.join(ROOT, 'node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs'))));
  });
});
