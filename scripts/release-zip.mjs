// `npm run release-zip`: the archive a web editor downloads, dist/release/keck-atlas-<version>.zip:
//   keck-atlas-<version>/   the CDN folder (dist/cdn) under a versioned name
//   LIESMICH.txt, README.txt  how to put it on a site (German, English), with the versioned
//                           path, the entry script's integrity hash and the CSP lines of
//                           docs/embedding.md
//   SRI.txt                 the sha384 integrity of every entry script
//   CHANGELOG.md, LICENSE
// Builds the library first unless the build is current (`--no-build`: never).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { BUILDS, isCurrent } from './build-freshness.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CDN = path.join(ROOT, 'dist/cdn');
const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
export const RELEASE_FOLDER = `keck-atlas-${version}`;
export const RELEASE_ZIP = path.join(ROOT, 'dist/release', `${RELEASE_FOLDER}.zip`);

/** `sha384-<base64>`: the value of an `integrity` attribute for these bytes. */
export const integrityOf = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/** The policy docs/embedding.md shows after `<!-- csp:NAME -->`, as it stands there. */
export function documentedCsp(name) {
  const block = new RegExp(`<!-- csp:${name} -->\\s*\`\`\`\\n([\\s\\S]*?)\`\`\``).exec(
    readFileSync(path.join(ROOT, 'docs/embedding.md'), 'utf8'),
  )?.[1];
  if (!block) throw new Error(`docs/embedding.md: no CSP block marked <!-- csp:${name} -->`);
  return block.trimEnd();
}

/** Files of a folder, relative, sorted, with `/` separators. */
function filesIn(folder) {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path
        .relative(folder, path.join(entry.parentPath ?? entry.path, entry.name))
        .split(path.sep)
        .join('/'),
    )
    .sort();
}

/** LIESMICH.txt / README.txt from scripts/release/ with version, folder, hashes and CSP lines filled in. */
function render(template, integrity) {
  return readFileSync(path.join(ROOT, 'scripts/release', template), 'utf8').replace(
    /\{\{(\w+)(?: ([\w.-]+))?\}\}/g,
    (placeholder, key, argument) => {
      if (key === 'version') return version;
      if (key === 'folder') return RELEASE_FOLDER;
      if (key === 'integrity' && integrity.has(argument)) return integrity.get(argument);
      if (key === 'csp') return documentedCsp(argument).replace(/^/gm, '   ');
      throw new Error(`scripts/release/${template}: unknown placeholder ${placeholder}`);
    },
  );
}

export function makeReleaseZip() {
  if (!existsSync(path.join(CDN, 'keck-atlas.js'))) throw new Error('dist/cdn/keck-atlas.js is missing: run `npm run build` first');
  const files = filesIn(CDN);
  // Entry scripts are the folder's top-level scripts (keck-atlas.js, table.js, …, embed-host.js); chunks/ are loaded by them.
  const entries = files.filter((file) => /^[^/]+\.js$/.test(file));
  const integrity = new Map(entries.map((file) => [file, integrityOf(readFileSync(path.join(CDN, file)))]));
  const mtime = statSync(path.join(CDN, 'keck-atlas.js')).mtime;
  const text = (value) => new TextEncoder().encode(value);
  const archive = {
    'LIESMICH.txt': text(render('LIESMICH.txt', integrity)),
    'README.txt': text(render('README.txt', integrity)),
    'SRI.txt': text(`${[...integrity].map(([file, hash]) => `${hash}  ${RELEASE_FOLDER}/${file}`).join('\n')}\n`),
    'CHANGELOG.md': readFileSync(path.join(ROOT, 'CHANGELOG.md')),
    LICENSE: readFileSync(path.join(ROOT, 'LICENSE')),
  };
  for (const file of files) archive[`${RELEASE_FOLDER}/${file}`] = readFileSync(path.join(CDN, file));
  const zip = zipSync(archive, { level: 9, mtime });
  mkdirSync(path.dirname(RELEASE_ZIP), { recursive: true });
  writeFileSync(RELEASE_ZIP, zip);
  return { zip: RELEASE_ZIP, bytes: zip.length, files: Object.keys(archive).length, integrity };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!process.argv.includes('--no-build') && !isCurrent(BUILDS.build, ROOT)) {
    const status = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' }).status;
    if (status !== 0) process.exit(status ?? 1);
  }
  const { zip, bytes, files, integrity } = makeReleaseZip();
  console.log(`${path.relative(ROOT, zip)}: ${(bytes / 1024 / 1024).toFixed(2)} MiB, ${files} files`);
  for (const [file, hash] of integrity) console.log(`  ${RELEASE_FOLDER}/${file}  integrity="${hash}"`);
}
