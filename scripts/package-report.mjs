// `npm run package-report [-- --install]`: what the npm package holds and weighs. Packs the
// built package (run `npm run build` first) and prints the tarball size, file count, the
// largest files, files with identical content (duplicate chunks), script files nothing loads
// (unreachable chunks), the dependencies the npm build leaves to the consumer's bundler, and
// with --install what `npm install <tarball>` puts into an empty folder's node_modules,
// with and without the dependencies only the CLI needs.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Runtime dependencies only the command-line tool (dist/cli) imports. */
export const CLI_ONLY = [
  'shapefile',
  'proj4',
  'topojson-client',
  'topojson-server',
  'topojson-simplify',
  'papaparse',
  'iconv-lite',
  'read-excel-file',
  'fflate',
];

const SCRIPT = /\.(m?js|wasm)$/;
const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
  return result.stdout;
}

/** Packs into `folder`; returns npm's pack report and the tarball's path. */
export function pack(folder) {
  const [info] = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', folder], ROOT));
  return { info, tarball: path.join(folder, info.filename) };
}

/** Groups of packed files with the same content. */
export function duplicates(files) {
  const byHash = new Map();
  for (const file of files) {
    const hash = createHash('sha256')
      .update(readFileSync(path.join(ROOT, file)))
      .digest('hex');
    byHash.set(hash, [...(byHash.get(hash) ?? []), file]);
  }
  return [...byHash.values()].filter((group) => group.length > 1);
}

/** Relative references of a built script or page: static and dynamic imports, `new URL(…, import.meta.url)`, `src=`. */
function references(file) {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const patterns = [
    /(?:\bfrom|\bimport)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g,
    /new URL\(\s*["']([^"']+)["']\s*,\s*import\.meta\.url\)/g,
    /\bsrc=["']([^"':]+)["']/g,
  ];
  const found = patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[1]));
  return found.map((reference) => path.posix.normalize(path.posix.join(path.posix.dirname(file), reference)));
}

/** Script files of the package that no entry (exports, bin, the CDN folder's scripts and pages) reaches. */
export function unreachable(files) {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const targets = Object.values(pkg.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)));
  // The CDN folder's entries are its top-level scripts and pages (keck-atlas.js, table.js, embed.html, …).
  const cdnEntries = files.filter((file) => /^dist\/cdn\/[^/]+\.(js|html)$/.test(file));
  const entries = [...targets, ...Object.values(pkg.bin), ...cdnEntries]
    .map((file) => file.replace(/^\.\//, ''))
    .filter((file) => files.includes(file));
  const packed = new Set(files);
  const reached = new Set(entries);
  const queue = [...entries];
  while (queue.length) {
    const file = queue.pop();
    if (!/\.(m?js|html)$/.test(file)) continue;
    for (const next of references(file)) {
      if (packed.has(next) && !reached.has(next)) {
        reached.add(next);
        queue.push(next);
      }
    }
  }
  // bin/keck-atlas.mjs starts the CLI through a computed path.
  return files.filter((file) => SCRIPT.test(file) && !reached.has(file) && !file.startsWith('dist/cli/'));
}

/** Bare specifiers the npm build (dist/ without dist/cdn and dist/cli) imports: left to the consumer's bundler. */
export function bareImports(files) {
  const names = new Set();
  for (const file of files.filter((f) => /^dist\/(?!cdn\/|cli\/).*\.js$/.test(f))) {
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    for (const match of text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["']([^"'./][^"']*)["']/g))
      names.add(match[1].startsWith('@') ? match[1].split('/').slice(0, 2).join('/') : match[1].split('/')[0]);
  }
  return [...names].sort();
}

function directorySize(folder) {
  let bytes = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) bytes += statSync(path.join(entry.parentPath ?? entry.path, entry.name)).size;
  }
  return bytes;
}

/**
 * Installs the tarball into an empty folder as a web developer would; returns the size of
 * node_modules, and the size of the packages still needed without the CLI-only dependencies
 * (walking the installed tree from keck-atlas's other dependencies, with Node's lookup).
 */
export function installedSize(tarball) {
  const folder = mkdtempSync(path.join(tmpdir(), 'keck-install-'));
  try {
    writeFileSync(path.join(folder, 'package.json'), JSON.stringify({ name: 'web-consumer', private: true }));
    run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', tarball], folder);
    const lock = JSON.parse(readFileSync(path.join(folder, 'node_modules/.package-lock.json'), 'utf8')).packages;
    const resolve = (from, name) => {
      for (let base = from; ; base = base.includes('/node_modules/') ? base.slice(0, base.lastIndexOf('/node_modules/')) : '') {
        const candidate = `${base ? `${base}/` : ''}node_modules/${name}`;
        if (lock[candidate]) return candidate;
        if (!base) return undefined;
      }
    };
    const own = lock['node_modules/keck-atlas'];
    const webDependencies = Object.keys(own.dependencies).filter((name) => !CLI_ONLY.includes(name));
    /** Installed packages reached from keck-atlas's web dependencies (with or without optional ones). */
    const reached = (optional) => {
      const needed = new Set(['node_modules/keck-atlas']);
      const visit = (location) => {
        if (!location || needed.has(location)) return;
        needed.add(location);
        const entry = lock[location];
        for (const name of Object.keys({ ...entry.dependencies, ...(optional ? entry.optionalDependencies : {}) }))
          visit(resolve(location, name));
      };
      for (const name of webDependencies) visit(resolve('node_modules/keck-atlas', name));
      return needed;
    };
    const sizeOf = (location) => {
      const nested = Object.keys(lock).filter((other) => other.startsWith(`${location}/node_modules/`));
      return (
        directorySize(path.join(folder, location)) -
        nested.reduce(
          (sum, other) =>
            sum +
            (other.split('/node_modules/').length === location.split('/node_modules/').length + 1
              ? directorySize(path.join(folder, other))
              : 0),
          0,
        )
      );
    };
    const all = directorySize(path.join(folder, 'node_modules'));
    const web = reached(true);
    const minimal = reached(false);
    const total = (locations) => [...locations].reduce((sum, location) => sum + sizeOf(location), 0);
    return {
      all,
      packages: Object.keys(lock).length,
      withoutCli: total(web),
      packagesWithoutCli: web.size,
      withoutOptional: total(minimal),
      packagesWithoutOptional: minimal.size,
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

export function report({ install = false } = {}) {
  const folder = mkdtempSync(path.join(tmpdir(), 'keck-pack-'));
  try {
    const { info, tarball } = pack(folder);
    const files = info.files.map((file) => file.path);
    const result = {
      tarball: info.size,
      unpacked: info.unpackedSize,
      fileCount: info.entryCount,
      largest: [...info.files].sort((a, b) => b.size - a.size).slice(0, 8),
      duplicates: duplicates(files),
      unreachable: unreachable(files),
      sourceMaps: files.filter((file) => file.endsWith('.map')),
      bareImports: bareImports(files),
    };
    if (install) result.installed = installedSize(tarball);
    return result;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = report({ install: process.argv.includes('--install') });
  console.log(`tarball            ${mib(result.tarball)} (${result.fileCount} files, ${mib(result.unpacked)} unpacked)`);
  console.log('largest files');
  for (const file of result.largest) console.log(`  ${kib(file.size).padStart(10)}  ${file.path}`);
  console.log(`duplicate chunks   ${result.duplicates.length}${result.duplicates.map((group) => `\n  ${group.join(' = ')}`).join('')}`);
  console.log(`unreachable chunks ${result.unreachable.length}${result.unreachable.map((file) => `\n  ${file}`).join('')}`);
  console.log(`source maps        ${result.sourceMaps.length}`);
  console.log(`left to the bundler ${result.bareImports.join(', ')}`);
  if (result.installed) {
    const { all, packages, withoutCli, packagesWithoutCli, withoutOptional, packagesWithoutOptional } = result.installed;
    console.log(`installed (npm install <tarball> into an empty folder) ${mib(all)} in ${packages} packages`);
    console.log(`  without the CLI-only dependencies (${CLI_ONLY.join(', ')}): ${mib(withoutCli)} in ${packagesWithoutCli} packages`);
    console.log(
      `  and without the optional dependencies of dependencies (npm install --omit=optional: jsPDF's html2canvas/canvg/core-js/DOMPurify, flatgeobuf's ol): ${mib(withoutOptional)} in ${packagesWithoutOptional} packages`,
    );
  } else {
    console.log('installed size: add --install (installs the tarball into an empty folder from the npm registry)');
  }
}
