// `npm run package-report [-- --install]`: what the npm packages hold and weigh. Packs the
// built web package (run `npm run build` first) and prints the tarball size, file count, the
// largest files, files with identical content (duplicate chunks), script files nothing loads
// (unreachable chunks), the dependencies the npm build leaves to the consumer's bundler, and
// with --install what `npm install <tarball>` puts into an empty folder's node_modules (and
// that none of the CLI's own dependencies is among it). Then the same sizes for the CLI
// package (packages/cli, `@keck-atlas/cli`).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CLI_FOLDER = path.join(ROOT, 'packages/cli');
const webPackage = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const cliPackage = JSON.parse(readFileSync(path.join(CLI_FOLDER, 'package.json'), 'utf8'));
/** Runtime dependencies of the CLI package that the web package does not have: Node-only tools. */
export const CLI_ONLY = Object.keys(cliPackage.dependencies).filter((name) => !webPackage.dependencies[name]);

const SCRIPT = /\.(m?js|wasm)$/;
const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
  return result.stdout;
}

/** Packs the package in `from` (the web package by default) into `folder`; returns npm's pack report and the tarball's path. */
export function pack(folder, from = ROOT) {
  const [info] = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', folder], from));
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
  const entries = [...targets, ...cdnEntries].map((file) => file.replace(/^\.\//, '')).filter((file) => files.includes(file));
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
  return files.filter((file) => SCRIPT.test(file) && !reached.has(file));
}

/** Bare specifiers the npm build (dist/ without dist/cdn) imports: left to the consumer's bundler. */
export function bareImports(files) {
  const names = new Set();
  for (const file of files.filter((f) => /^dist\/(?!cdn\/).*\.js$/.test(f))) {
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

/** From `npm ls --all --json`: every installed package's name → the names of the packages that depend on it ('' for the root). */
export function dependentsOf(tree) {
  const dependents = new Map();
  const visit = (node, parent) => {
    for (const [name, child] of Object.entries(node.dependencies ?? {})) {
      if (!dependents.has(name)) dependents.set(name, new Set());
      dependents.get(name).add(parent);
      visit(child, name);
    }
  };
  visit(tree, '');
  return dependents;
}

/**
 * Installs the tarball into an empty folder as a user would; returns the size of node_modules,
 * the CLI's own dependencies found there (`npm ls --omit=dev` in that folder) with the packages that need them,
 * and the size of what is still needed without the optional dependencies of dependencies
 * (walking the installed tree from the package's dependencies, with Node's lookup).
 */
export function installedSize(tarball, name) {
  const folder = mkdtempSync(path.join(tmpdir(), 'keck-install-'));
  try {
    writeFileSync(path.join(folder, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
    run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', tarball], folder);
    const lock = JSON.parse(readFileSync(path.join(folder, 'node_modules/.package-lock.json'), 'utf8')).packages;
    const resolve = (from, dependency) => {
      for (let base = from; ; base = base.includes('/node_modules/') ? base.slice(0, base.lastIndexOf('/node_modules/')) : '') {
        const candidate = `${base ? `${base}/` : ''}node_modules/${dependency}`;
        if (lock[candidate]) return candidate;
        if (!base) return undefined;
      }
    };
    const own = `node_modules/${name}`;
    /** Installed packages reached from the package's dependencies, without optional ones. */
    const needed = new Set([own]);
    const visit = (location) => {
      if (!location || needed.has(location)) return;
      needed.add(location);
      for (const dependency of Object.keys(lock[location].dependencies ?? {})) visit(resolve(location, dependency));
    };
    for (const dependency of Object.keys(lock[own].dependencies ?? {})) visit(resolve(own, dependency));
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
    const dependents = dependentsOf(JSON.parse(run('npm', ['ls', '--omit=dev', '--all', '--json'], folder)));
    return {
      all: directorySize(path.join(folder, 'node_modules')),
      packages: Object.keys(lock).length,
      cliDependencies: new Map(
        CLI_ONLY.filter((dependency) => dependents.has(dependency)).map((dependency) => [dependency, [...dependents.get(dependency)]]),
      ),
      withoutOptional: [...needed].reduce((sum, location) => sum + sizeOf(location), 0),
      packagesWithoutOptional: needed.size,
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
    const cli = pack(folder, CLI_FOLDER);
    const result = {
      tarball: info.size,
      unpacked: info.unpackedSize,
      fileCount: info.entryCount,
      files,
      largest: [...info.files].sort((a, b) => b.size - a.size).slice(0, 8),
      duplicates: duplicates(files),
      unreachable: unreachable(files),
      sourceMaps: files.filter((file) => file.endsWith('.map')),
      bareImports: bareImports(files),
      cli: {
        tarball: cli.info.size,
        unpacked: cli.info.unpackedSize,
        fileCount: cli.info.entryCount,
        files: cli.info.files.map((file) => file.path),
      },
    };
    if (install) {
      result.installed = installedSize(tarball, webPackage.name);
      result.cli.installed = installedSize(cli.tarball, cliPackage.name);
    }
    return result;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = report({ install: process.argv.includes('--install') });
  console.log(`${webPackage.name} (the web package)`);
  console.log(`tarball            ${mib(result.tarball)} (${result.fileCount} files, ${mib(result.unpacked)} unpacked)`);
  console.log('largest files');
  for (const file of result.largest) console.log(`  ${kib(file.size).padStart(10)}  ${file.path}`);
  console.log(`duplicate chunks   ${result.duplicates.length}${result.duplicates.map((group) => `\n  ${group.join(' = ')}`).join('')}`);
  console.log(`unreachable chunks ${result.unreachable.length}${result.unreachable.map((file) => `\n  ${file}`).join('')}`);
  console.log(`source maps        ${result.sourceMaps.length}`);
  console.log(`left to the bundler ${result.bareImports.join(', ')}`);
  const installed = (sizes) =>
    `installed (npm install <tarball> into an empty folder) ${mib(sizes.all)} in ${sizes.packages} packages; without the optional dependencies of dependencies (npm install --omit=optional) ${mib(sizes.withoutOptional)} in ${sizes.packagesWithoutOptional} packages`;
  if (result.installed) {
    console.log(installed(result.installed));
    const found = [...result.installed.cliDependencies].map(([dependency, by]) => `${dependency} (needed by ${by.join(', ')})`);
    console.log(`  of the CLI's own dependencies (${CLI_ONLY.join(', ')}) installed with it: ${found.join(', ') || 'none'}`);
  } else {
    console.log('installed size: add --install (installs the tarballs into empty folders from the npm registry)');
  }
  console.log(`\n${cliPackage.name} (the command-line tool, packages/cli)`);
  console.log(
    `tarball            ${mib(result.cli.tarball)} (${result.cli.fileCount} files: ${result.cli.files.join(', ')}; ${mib(result.cli.unpacked)} unpacked)`,
  );
  if (result.cli.installed) console.log(installed(result.cli.installed));
}
