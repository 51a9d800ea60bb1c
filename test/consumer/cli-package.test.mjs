// The CLI package as an office installs it: packages/cli packed (after `npm run build-cli`),
// the tarball installed from the npm registry into an empty folder, away from this
// repository's node_modules, and `keck-atlas build` and `validate` run through npm's bin link
// on the demo sources. Proves that the package declares everything it needs and that the
// shared contract/core code is in its bundle.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'packages/cli');
const cliPackage = JSON.parse(readFileSync(path.join(CLI, 'package.json'), 'utf8'));

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(result.status, 0, `${command} ${args.join(' ')} failed in ${cwd}:\n${result.stdout}\n${result.stderr}`);
  return result;
}

let folder;
let office;
let files;
before(() => {
  assert.ok(existsSync(path.join(CLI, 'dist/keck-atlas.mjs')), 'run `npm run build-cli` first');
  folder = mkdtempSync(path.join(tmpdir(), 'keck-cli-package-'));
  const [info] = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', folder], CLI).stdout);
  files = info.files.map((file) => file.path).sort();
  office = path.join(folder, 'office');
  run('mkdir', ['-p', office], folder);
  writeFileSync(path.join(office, 'package.json'), JSON.stringify({ name: 'office', private: true }));
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', path.join(folder, info.filename)], office);
});
after(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe(`${cliPackage.name}, packed and installed on its own`, () => {
  test('holds the command, its bundle, the licence and the readme, nothing else', () => {
    assert.deepEqual(files, ['LICENSE', 'README.md', 'bin/keck-atlas.mjs', 'dist/keck-atlas.mjs', 'package.json']);
  });

  test('npx keck-atlas build suppresses and audits (HiGHS), validate checks the result', () => {
    // Damme's 2 children under 3 must be hidden, and the audit must prove the hiding with HiGHS.
    const config = path.join(folder, 'kinder.config.json');
    writeFileSync(
      config,
      JSON.stringify({
        atlas: {
          id: 'kinder',
          title: 'Test',
          attribution: [{ text: '© GeoBasis-DE / BKG 2017 (Daten verändert)' }],
          reference: { name: 'Landkreis Vechta', key: '03460' },
          defaults: { level: 'gemeinde', indicator: 'u3', year: 2013 },
          topics: [{ id: 'demography', title: 'Bevölkerung' }],
        },
        levels: [
          {
            id: 'kreis',
            title: 'Landkreis',
            boundaries: path.join(ROOT, 'demo/sources/kreis_vechta.geojson'),
            keyField: 'ags',
            nameField: 'name',
          },
          {
            id: 'gemeinde',
            title: 'Gemeinden',
            parent: 'kreis',
            boundaries: path.join(ROOT, 'demo/sources/vechta_gemeinden.geojson'),
            keyField: 'ags',
            nameField: 'name',
            parentField: 'kreis',
          },
        ],
        indicators: path.join(ROOT, 'test/fixtures/cli/publish/publish.indicators.csv'),
        tables: [{ file: path.join(ROOT, 'test/fixtures/cli/publish/counts_2013.csv'), level: 'gemeinde', year: 2013 }],
      }),
    );
    const out = path.join(folder, 'atlas');
    const report = path.join(folder, 'report.csv');
    const build = run('npx', ['--no-install', 'keck-atlas', 'build', config, '--out', out, '--report', report, '--quiet'], office);
    assert.match(build.stdout, /atlas written to/);
    const audited = /disclosure audit: (\d+) hidden sensitive values.*?(\d+) LPs/.exec(build.stdout);
    assert.ok(audited && Number(audited[1]) > 0 && Number(audited[2]) > 0, `the audit ran HiGHS:\n${build.stdout}`);
    const manifest = JSON.parse(readFileSync(path.join(out, 'atlas.json'), 'utf8'));
    const u3 = manifest.values.find((block) => block.indicator === 'u3' && block.level === 'gemeinde');
    assert.equal(u3.values['03460002']?.suppressed, true, 'Damme’s 2 children are not published');
    assert.ok(existsSync(report), 'the disclosure report is written');
    const validate = run('npx', ['--no-install', 'keck-atlas', 'validate', path.join(out, 'atlas.json')], office);
    assert.match(validate.stdout, /valid/);
  });

  test('its dependencies are the CLI’s own: no element library comes with it', () => {
    const tree = JSON.parse(run('npm', ['ls', '--omit=dev', '--all', '--json'], office).stdout);
    const names = new Set();
    const collect = (node) => {
      for (const [name, child] of Object.entries(node.dependencies ?? {})) {
        names.add(name);
        collect(child);
      }
    };
    collect(tree);
    for (const name of Object.keys(cliPackage.dependencies)) assert.ok(names.has(name), `${name} is installed`);
    for (const name of ['lit', 'maplibre-gl', 'vega', 'jspdf', 'keck-atlas'])
      assert.ok(!names.has(name), `${name} is not installed with the CLI`);
  });
});
