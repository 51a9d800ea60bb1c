// flatgeobuf's public API (its `geojson` and `generic` modules, the types of its root) has no
// indexed writer, no header reader on bytes and no range reader with a client of our own, so
// the FlatGeobuf writer (packages/cli) and the guarded reader (src/data) use some of its
// internal modules. This test holds what that needs: flatgeobuf pinned to the one version
// installed in every package that declares it, flatbuffers (whose tables those internals
// read and build) pinned to flatgeobuf's own, and every internal module and name we import
// present in that version. Reading and writing through them is tested by the CLI tests
// (GDAL reads the written files; damaged files give messages).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';

const root = path.resolve(import.meta.dirname, '../..');
const readJson = (file) => JSON.parse(readFileSync(path.join(root, file), 'utf8'));
const installed = readJson('node_modules/flatgeobuf/package.json');
/** The modules of flatgeobuf's documented API (the package root pulls in OpenLayers, so its namespaces are imported by file). */
const PUBLIC = new Set(['flatgeobuf', 'flatgeobuf/lib/mjs/geojson.js', 'flatgeobuf/lib/mjs/generic.js']);

/** Every `import … from 'flatgeobuf…'` in the shipped sources of both packages, with the value names it imports. */
function flatgeobufImports() {
  const imports = [];
  for (const folder of ['src', 'packages/cli/src']) {
    for (const file of readdirSync(path.join(root, folder), { recursive: true })) {
      if (!file.endsWith('.ts') || /\.(test|stories)\.ts$/.test(file)) continue;
      const text = readFileSync(path.join(root, folder, file), 'utf8');
      for (const [, typeOnly, names, specifier] of text.matchAll(
        /import\s+(type\s+)?(?:\{([^}]*)\}|\*\s+as\s+\w+)\s+from\s+'(flatgeobuf[^']*)'/g,
      )) {
        const values = typeOnly
          ? []
          : (names ?? '')
              .split(',')
              .map((name) => name.trim())
              .filter((name) => name && !name.startsWith('type '));
        imports.push({ file: `${folder}/${file}`, specifier, values: values.map((name) => name.split(/\s+as\s+/)[0]) });
      }
    }
  }
  return imports;
}

describe('flatgeobuf internals', () => {
  const imports = flatgeobufImports();
  const internal = imports.filter(({ specifier }) => !PUBLIC.has(specifier));

  test('the sources import flatgeobuf (the scan finds what it checks)', () => {
    assert.ok(
      imports.some(({ file }) => file.startsWith('packages/cli/src/')),
      'the CLI imports flatgeobuf',
    );
    assert.ok(
      imports.some(({ file }) => file.startsWith('src/data/')),
      'the shared reader imports flatgeobuf',
    );
  });

  test('flatgeobuf is pinned to the installed version wherever it is declared, flatbuffers to flatgeobuf’s own', () => {
    for (const manifest of ['package.json', 'packages/cli/package.json']) {
      const { dependencies } = readJson(manifest);
      assert.equal(dependencies.flatgeobuf, installed.version, `${manifest}: flatgeobuf pinned exactly`);
      assert.equal(
        dependencies.flatbuffers,
        installed.dependencies.flatbuffers,
        `${manifest}: flatbuffers pinned to the version flatgeobuf ${installed.version} uses`,
      );
    }
    assert.equal(
      readJson('node_modules/flatbuffers/package.json').version,
      installed.dependencies.flatbuffers,
      'one flatbuffers for flatgeobuf and us',
    );
  });

  test('every internal module and name imported exists in the pinned flatgeobuf', async () => {
    assert.ok(internal.length > 0);
    for (const { file, specifier, values } of internal) {
      const target = path.join(root, 'node_modules', specifier);
      const module = await import(pathToFileURL(target).href).catch((error) =>
        assert.fail(`${file}: ${specifier} does not load: ${error.message}`),
      );
      for (const name of values) assert.ok(name in module, `${file}: ${specifier} has no export ${name}`);
    }
  });

  test('the public modules we import export what we use', async () => {
    for (const { file, specifier, values } of imports.filter(({ specifier }) => PUBLIC.has(specifier) && specifier !== 'flatgeobuf')) {
      const module = await import(pathToFileURL(path.join(root, 'node_modules', specifier)).href);
      for (const name of values) assert.ok(name in module, `${file}: ${specifier} has no export ${name}`);
    }
  });
});
