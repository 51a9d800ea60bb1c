// The release archive a web editor downloads (`npm run release-zip`): made from the built CDN
// folder, unzipped, checked for its layout and its integrity hashes, and used as the editor
// would: the versioned folder on the page's own server and on another origin, the `<script>`
// line copied from its README.txt, each under the policy docs/embedding.md gives. The map must
// draw; a changed entry script must be refused by the browser. Needs `npm run build` first.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { unzipSync } from 'fflate';
import { integrityOf, RELEASE_FOLDER, RELEASE_ZIP } from '../../scripts/release-zip.mjs';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { assertMapDraws, launchChromium } from './map-page.mjs';
import { documentedPolicy, mapPage, openSite } from './site.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const decode = (bytes) => new TextDecoder().decode(bytes);

let entries;
let folder;
let unpacked;
let browser;
let library;
before(async () => {
  assert.ok(existsSync(path.join(ROOT, 'dist/cdn/keck-atlas.js')), 'run `npm run build` first');
  const made = spawnSync(process.execPath, [path.join(ROOT, 'scripts/release-zip.mjs'), '--no-build'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(made.status, 0, made.stderr);
  entries = unzipSync(readFileSync(RELEASE_ZIP));
  folder = mkdtempSync(path.join(tmpdir(), 'keck-release-'));
  unpacked = path.join(folder, 'unzipped');
  for (const [name, bytes] of Object.entries(entries)) {
    mkdirSync(path.dirname(path.join(unpacked, name)), { recursive: true });
    writeFileSync(path.join(unpacked, name), bytes);
  }
  browser = await launchChromium();
  library = await startStaticServer({
    mounts: { [`/${RELEASE_FOLDER}/`]: path.join(unpacked, RELEASE_FOLDER) },
    headers: () => ({ 'Access-Control-Allow-Origin': '*' }),
  });
});
after(async () => {
  await browser?.close();
  await library?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** The editor's `<script>` line for keck-atlas.js as README.txt (or LIESMICH.txt) of the archive gives it. */
function scriptLine(text = 'README.txt') {
  const line = decode(entries[text]).match(/<script type="module" src="[^"]*\/keck-atlas\.js" integrity="[^"]*"><\/script>/)?.[0];
  assert.ok(line, `${text} shows the <script> line with integrity`);
  return line;
}

describe(`${path.basename(RELEASE_ZIP)}`, () => {
  test('holds the CDN folder under keck-atlas-<version>/, the instructions in German and English, the hashes, changelog and licence', () => {
    assert.equal(RELEASE_FOLDER, `keck-atlas-${version}`);
    const topLevel = [...new Set(Object.keys(entries).map((name) => name.split('/')[0]))].sort();
    assert.deepEqual(topLevel, ['CHANGELOG.md', 'LICENSE', 'LIESMICH.txt', 'README.txt', 'SRI.txt', RELEASE_FOLDER].sort());
    const cdnFiles = readdirSync(path.join(ROOT, 'dist/cdn'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) =>
        path
          .relative(path.join(ROOT, 'dist/cdn'), path.join(entry.parentPath ?? entry.path, entry.name))
          .split(path.sep)
          .join('/'),
      )
      .sort();
    const zipped = Object.keys(entries)
      .filter((name) => name.startsWith(`${RELEASE_FOLDER}/`))
      .map((name) => name.slice(RELEASE_FOLDER.length + 1))
      .sort();
    assert.deepEqual(zipped, cdnFiles, 'the versioned folder is the CDN folder');
    for (const file of cdnFiles)
      assert.ok(
        Buffer.from(entries[`${RELEASE_FOLDER}/${file}`]).equals(readFileSync(path.join(ROOT, 'dist/cdn', file))),
        `${file} as built`,
      );
    for (const file of [
      'keck-atlas.js',
      'embed.html',
      'THIRD-PARTY-NOTICES.txt',
      `chunks/maplibre-gl-worker-${JSON.parse(readFileSync(path.join(ROOT, 'node_modules/maplibre-gl/package.json'), 'utf8')).version}.mjs`,
    ])
      assert.ok(zipped.includes(file), file);
    assert.ok(Buffer.from(entries.LICENSE).equals(readFileSync(path.join(ROOT, 'LICENSE'))));
    assert.match(decode(entries['LIESMICH.txt']), /So kommt der Atlas auf Ihre Seite/);
    assert.match(decode(entries['README.txt']), /Putting the atlas on your site/);
    for (const text of ['LIESMICH.txt', 'README.txt'])
      assert.doesNotMatch(decode(entries[text]), /\{\{/, `${text}: every placeholder filled in`);
  });

  test('SRI.txt gives the sha384 of every entry script, and the instructions use the one of keck-atlas.js', () => {
    const lines = decode(entries['SRI.txt']).trim().split('\n');
    const listed = new Map(lines.map((line) => line.split(/\s+/)).map(([hash, file]) => [file, hash]));
    const entryScripts = Object.keys(entries).filter((name) => new RegExp(`^${RELEASE_FOLDER}/[^/]+\\.js$`).test(name));
    assert.deepEqual([...listed.keys()].sort(), entryScripts.sort());
    for (const [file, hash] of listed) {
      assert.match(hash, /^sha384-[A-Za-z0-9+/]{64}$/);
      assert.equal(hash, integrityOf(entries[file]), `${file}: the hash matches the file`);
    }
    for (const text of ['README.txt', 'LIESMICH.txt']) {
      assert.equal(
        scriptLine(text),
        `<script type="module" src="/${RELEASE_FOLDER}/keck-atlas.js" integrity="${listed.get(`${RELEASE_FOLDER}/keck-atlas.js`)}"></script>`,
      );
      for (const name of ['same-origin', 'cross-origin'])
        assert.ok(
          decode(entries[text]).replace(/\s+/g, ' ').includes(documentedPolicy(name)),
          `${text}: the ${name} CSP of docs/embedding.md`,
        );
    }
  });

  test('the README quick start and docs/embedding.md show the versioned path with an integrity attribute', () => {
    const versioned = `<script type="module" src="/keck-atlas-${version}/keck-atlas.js" integrity="sha384-`;
    const quickStart = /<!-- quick-start -->([\s\S]*?)<!-- \/quick-start -->/.exec(readFileSync(path.join(ROOT, 'README.md'), 'utf8'))?.[1];
    assert.ok(quickStart?.includes(versioned), 'README.md quick start');
    const embedding = readFileSync(path.join(ROOT, 'docs/embedding.md'), 'utf8');
    assert.ok(embedding.includes(versioned), 'docs/embedding.md');
    assert.ok(embedding.includes(`/keck-atlas-${version}/embed.html?`), 'docs/embedding.md: the iframe fallback on the versioned path');
  });

  test('the versioned folder on the page’s own server, with the README’s line, under the documented same-origin CSP: the map draws', async () => {
    assertMapDraws(
      await openSite(browser, folder, {
        policy: documentedPolicy('same-origin'),
        html: mapPage(scriptLine()),
        mounts: { [`/${RELEASE_FOLDER}/`]: path.join(unpacked, RELEASE_FOLDER) },
      }),
    );
  });

  test('the versioned folder on another origin, with the README’s line, under the documented cross-origin CSP: the map draws', async () => {
    const policy = documentedPolicy('cross-origin').replaceAll('https://cdn.example.org', library.url);
    const line = scriptLine().replace(`src="/${RELEASE_FOLDER}/`, `src="${library.url}/${RELEASE_FOLDER}/`);
    assertMapDraws(await openSite(browser, folder, { policy, html: mapPage(line) }));
  });

  test('a changed keck-atlas.js is refused by the browser: no element is defined', async () => {
    const changed = path.join(folder, 'changed');
    cpSync(path.join(unpacked, RELEASE_FOLDER), changed, { recursive: true });
    appendFileSync(path.join(changed, 'keck-atlas.js'), '\n// changed on the server\n');
    const site = await startStaticServer({
      mounts: { '/': path.join(folder, 'page'), [`/${RELEASE_FOLDER}/`]: changed, '/atlas/': path.join(ROOT, 'demo/atlas/vechta') },
    });
    mkdirSync(path.join(folder, 'page'), { recursive: true });
    writeFileSync(path.join(folder, 'page/index.html'), mapPage(scriptLine()));
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const errors = [];
      page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
      await page.goto(`${site.url}/`, { waitUntil: 'load' });
      await page.waitForTimeout(500);
      assert.equal(await page.evaluate(() => customElements.get('keck-map') === undefined), true, 'keck-atlas.js did not run');
      assert.ok(
        errors.some((text) => /integrity/i.test(text)),
        `the console names the integrity check: ${errors.join(' | ')}`,
      );
    } finally {
      await context.close();
      await site.close();
    }
  });
});
