// dist/cdn/THIRD-PARTY-NOTICES.txt (written by the CDN build with rollup-plugin-license) names
// every package whose code the CDN folder contains, with the licence text that package ships.
// What the folder contains is found here independently: the CDN build is run again in memory
// (rollup.config.mjs without the notices plugin) and every module that renders code, and
// every file copied beside the scripts, is traced to its package in node_modules.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { rollup } from 'rollup';
import spdxLicences from 'spdx-license-list/full.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const NOTICES = path.join(ROOT, 'dist/cdn/THIRD-PARTY-NOTICES.txt');
const normalize = (text) =>
  text
    .replace(/\r\n/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .trim();

/** The package folder in node_modules a file belongs to (the innermost one), or undefined for our own files. */
function packageFolderOf(file) {
  const match = /^(.*\/node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(file.replace(/\\/g, '/'));
  return match?.[1];
}

/** The CDN build, in memory: the folders of the packages whose modules render code into its chunks, and of the files it copies. */
async function bundledPackageFolders() {
  const { default: configs } = await import(path.join(ROOT, 'rollup.config.mjs'));
  const cdn = configs.find((config) => config.output.dir === 'dist/cdn');
  const bundle = await rollup({ ...cdn, plugins: cdn.plugins.filter((plugin) => plugin.name !== 'license'), onwarn: () => {} });
  const { output } = await bundle.generate(cdn.output);
  await bundle.close();
  const folders = new Set();
  for (const file of output) {
    if (file.type === 'chunk') {
      for (const [id, module] of Object.entries(file.modules)) {
        const folder = module.renderedLength > 0 && packageFolderOf(id.replace(/^\0/, '').replace(/\?.*$/, ''));
        if (folder) folders.add(folder);
      }
    } else {
      for (const original of file.originalFileNames ?? []) {
        const folder = packageFolderOf(path.resolve(ROOT, original));
        if (folder) folders.add(folder);
      }
    }
  }
  return [...folders];
}

let notices;
let folders;
before(async () => {
  assert.ok(existsSync(NOTICES), 'run `npm run build` first: the CDN build writes dist/cdn/THIRD-PARTY-NOTICES.txt');
  notices = normalize(readFileSync(NOTICES, 'utf8'));
  folders = await bundledPackageFolders();
});

describe('dist/cdn/THIRD-PARTY-NOTICES.txt', () => {
  test('the CDN folder bundles the libraries the elements are made of', () => {
    const names = folders.map((folder) => JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')).name);
    for (const name of [
      'lit-html',
      'maplibre-gl',
      'vega-embed',
      'vega-lite',
      'vega-scenegraph',
      'flatgeobuf',
      'flatbuffers',
      'jspdf',
      'svg2pdf.js',
    ])
      assert.ok(names.includes(name), `${name} is bundled`);
  });

  test('names every bundled package with its version, licence and licence text', () => {
    for (const folder of folders) {
      const { name, version, license } = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8'));
      const heading = `Package: ${name} ${version}\nLicence: ${license}`;
      const start = notices.indexOf(heading);
      assert.ok(start >= 0, `${name} ${version} (${license}) is named`);
      const end = notices.indexOf('\nPackage: ', start + heading.length);
      const section = notices.slice(start, end < 0 ? undefined : end);
      const licenceFile = readdirSync(folder).find((file) => /^licen[cs]e/i.test(file));
      if (licenceFile) {
        assert.ok(
          section.includes(normalize(readFileSync(path.join(folder, licenceFile), 'utf8'))),
          `${name}: the text of its ${licenceFile}`,
        );
      } else {
        const ids = String(license)
          .replace(/[()]/g, ' ')
          .split(/\s+/)
          .filter((id) => spdxLicences[id]);
        assert.ok(ids.length > 0, `${name}: ships no licence file and "${license}" is no SPDX licence`);
        for (const id of ids) assert.ok(section.includes(normalize(spdxLicences[id].licenseText)), `${name}: the standard text of ${id}`);
        assert.match(section, /ships no licence file/);
      }
      const noticeFile = readdirSync(folder).find((file) => /^notice/i.test(file));
      if (noticeFile)
        assert.ok(section.includes(normalize(readFileSync(path.join(folder, noticeFile), 'utf8'))), `${name}: its ${noticeFile}`);
    }
  });

  test('names no package the folder does not contain', () => {
    const named = [...notices.matchAll(/^Package: (\S+) (\S+)$/gm)].map(([, name, version]) => `${name}@${version}`).sort();
    const bundled = folders
      .map((folder) => JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')))
      .map(({ name, version }) => `${name}@${version}`);
    assert.deepEqual(named, [...new Set(bundled)].sort());
  });
});
