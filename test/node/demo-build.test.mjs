// `npm run demo` rebuilds only when a source is newer than the build (scripts/build-freshness.mjs).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { BUILDS, isCurrent } from '../../scripts/build-freshness.mjs';

test('a build is current only when every output exists and is newer than every input', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'keck-freshness-'));
  try {
    const at = (file, seconds) => {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), file);
      utimesSync(path.join(root, file), seconds, seconds);
    };
    const build = { inputs: ['src', 'config.mjs'], outputs: ['dist/a.js', 'dist/b.js'] };
    at('src/deep/x.ts', 1000);
    at('config.mjs', 1000);
    assert.equal(isCurrent(build, root), false, 'no outputs yet');
    at('dist/a.js', 2000);
    assert.equal(isCurrent(build, root), false, 'one output missing');
    at('dist/b.js', 2000);
    assert.equal(isCurrent(build, root), true);
    at('src/deep/x.ts', 3000);
    assert.equal(isCurrent(build, root), false, 'a source in a subfolder changed');
    at('dist/a.js', 4000);
    at('dist/b.js', 4000);
    at('src/contract/generated/validators.js', 5000);
    assert.equal(isCurrent(build, root), true, 'files the build generates inside src/ do not count');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('after `npm test` built the library and Storybook, the demo would not rebuild them', () => {
  assert.equal(isCurrent(BUILDS.build), true, 'npm run build');
  assert.equal(isCurrent(BUILDS['build-storybook']), true, 'npm run build-storybook');
});
