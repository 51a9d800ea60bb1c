// The contract as third parties build on it: `keck-atlas validate` follows the version rule
// (newer minor: unknown properties ignored with one note; another major: one clear message),
// the TypeScript types are what the schema gives, every schema property is described, and the
// schema's $id names the file of this package version.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = path.join(root, 'packages/cli/bin/keck-atlas.mjs');
const vechta = path.join(root, 'demo/atlas/vechta');
const schemaFile = path.join(root, 'src/contract/atlas.schema.json');
const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
const readerVersion = /export const CONTRACT_VERSION = '(\d+)\.(\d+)'/.exec(readFileSync(path.join(root, 'src/contract/types.ts'), 'utf8'));
const newerMinor = `${readerVersion[1]}.${Number(readerVersion[2]) + 1}`;
let work;

before(() => {
  execFileSync(process.execPath, [path.join(root, 'packages/cli/scripts/build.mjs')], { stdio: 'inherit' });
  work = mkdtempSync(path.join(tmpdir(), 'keck-contract-versions-'));
});
after(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the Vechta demo atlas, its manifest changed by `change`. */
function atlasCopy(name, change) {
  const dir = path.join(work, name);
  cpSync(vechta, dir, { recursive: true });
  const file = path.join(dir, 'atlas.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  change(manifest);
  writeFileSync(file, JSON.stringify(manifest));
  return file;
}

const validate = (file) => spawnSync(process.execPath, [cli, 'validate', file], { encoding: 'utf8' });

describe('keck-atlas validate and contract versions', () => {
  it(`reads a ${newerMinor} atlas, naming the properties it ignored in one note`, () => {
    const file = atlasCopy('newer-minor', (m) => ((m.contract = newerMinor), (m.indicators[0].colour = 'red'), (m.levels[1].areas[0].population = 1200)));
    const result = validate(file);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /: valid \(/);
    assert.equal(
      result.stderr,
      `keck-atlas: ${file} uses contract ${newerMinor}, newer than this library's ${readerVersion[1]}.${readerVersion[2]}: 2 properties it does not know ignored ($.levels[1].areas[0].population, $.indicators[0].colour); update keck-atlas to use them.\n`,
    );
  });

  it('refuses a typo in an atlas of its own minor version', () => {
    const file = atlasCopy('typo', (m) => ((m.contract = `${readerVersion[1]}.${readerVersion[2]}`), (m.indicators[0].shortTitel = 'Kinder')));
    const result = validate(file);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /\$\.indicators\[0\]\.shortTitel: expected no unknown property \(check the spelling\), found the unknown property "shortTitel"/);
  });

  it('refuses a 2.0 atlas with one clear message', () => {
    const file = atlasCopy('major', (m) => ((m.contract = '2.0'), (m.layers = m.levels), delete m.levels));
    const result = validate(file);
    assert.equal(result.status, 1);
    assert.equal(result.stderr, `keck-atlas: error:\n${file}: $.contract: expected contract 1.x, found contract 2.0: this atlas uses contract 2.0; this library reads 1.x — update keck-atlas\n`);
  });
});

describe('the schema third parties build on', () => {
  it('generates exactly the committed TypeScript types', () => {
    const result = spawnSync(process.execPath, [path.join(root, 'scripts/generate-contract-types.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
  });

  it('tells when the schema changed and the types did not follow', () => {
    const changed = structuredClone(schema);
    changed.$defs.indicator.properties.colour = { description: 'A colour.', type: 'string' };
    const file = path.join(work, 'changed.schema.json');
    writeFileSync(file, JSON.stringify(changed));
    const result = spawnSync(process.execPath, [path.join(root, 'scripts/generate-contract-types.mjs'), '--check', '--schema', file], { encoding: 'utf8' });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /schema-types\.ts differs from what .*changed\.schema\.json gives: run `node scripts\/generate-contract-types\.mjs`/);
  });

  it('describes every property and definition', () => {
    const undescribed = [];
    const visit = (node, where) => {
      if (Array.isArray(node)) return node.forEach((item, i) => visit(item, `${where}/${i}`));
      if (node === null || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        if (key === 'properties' || key === '$defs') {
          for (const [name, child] of Object.entries(value)) {
            if (typeof child.description !== 'string' || child.description.length < 5) undescribed.push(`${where}/${key}/${name}`);
            visit(child, `${where}/${key}/${name}`);
          }
        } else visit(value, `${where}/${key}`);
      }
    };
    visit(schema, '#');
    assert.deepEqual(undescribed, []);
    assert.ok(schema.description);
  });

  it('has a versioned $id: the file at its path in this version of the package', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    const id = new URL(schema.$id);
    assert.equal(`${id.origin}${id.pathname.replace(/(?<=\/npm\/).*$/, '')}`, 'https://cdn.jsdelivr.net/npm/');
    const [, name, version, file] = /^\/npm\/(.+?)@([^/]+)\/(.+)$/.exec(id.pathname);
    assert.deepEqual([name, version], [pkg.name, pkg.version], 'the $id names this package and version');
    assert.equal(path.join(root, file), schemaFile, 'the $id names the schema file itself');
    const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' }));
    assert.ok(packed[0].files.some((entry) => entry.path === file), `the package ships ${file}`);
    assert.match(schema.title, new RegExp(`contract ${readerVersion[1]}\\.${readerVersion[2]}$`), 'the title names the contract version the library reads');
  });
});
