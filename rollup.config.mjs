import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { importMetaAssets } from '@web/rollup-plugin-import-meta-assets';
import license from 'rollup-plugin-license';
import esbuild from 'rollup-plugin-esbuild';
import spdxLicences from 'spdx-license-list/full.js';

// Two builds. The package build (dist/): one entry per element (`<name>/index` for the
// class, `<name>/define` to register it), the side-effect-free index and the contract, for
// bundler users: our own code only, every dependency left as an import for the consumer's
// bundler. The CDN build (dist/cdn/): `keck-atlas.js`, which registers every element, one
// script per element, and the iframe fallback, with every dependency bundled: the folder a
// web editor copies.
// Source maps only when asked: `KECK_SOURCEMAP=1 npm run build`.
const sourcemap = Boolean(process.env.KECK_SOURCEMAP);
const { dependencies, version } = JSON.parse(readFileSync('package.json', 'utf8'));
const isDependency = (id) => Object.keys(dependencies).some((name) => id === name || id.startsWith(`${name}/`));

const elementDirs = readdirSync('src', { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(`src/${entry.name}/define.ts`))
  .map((entry) => entry.name);

const packageInput = {
  index: 'src/index.ts',
  'contract/index': 'src/contract/index.ts',
  ...Object.fromEntries(elementDirs.flatMap((name) => [[`${name}/index`, `src/${name}/index.ts`], [`${name}/define`, `src/${name}/define.ts`]])),
};

/** Empties dist/ (but the separately built Storybook) so that no chunk of an earlier build is packed. */
const cleanDist = () => ({
  name: 'keck-clean-dist',
  buildStart() {
    if (!existsSync('dist')) return;
    for (const entry of readdirSync('dist')) if (entry !== 'storybook') rmSync(`dist/${entry}`, { recursive: true, force: true });
  },
});

/** Copies static files (the iframe page) into dist under fixed names. */
const copyStatic = (files) => ({
  name: 'keck-copy-static',
  generateBundle() {
    for (const [fileName, source] of Object.entries(files)) this.emitFile({ type: 'asset', fileName, source: readFileSync(source) });
  },
});

/**
 * jsPDF imports html2canvas, DOMPurify and canvg for `html()` and `addSvgAsImage()`, which
 * keck-atlas never calls (svg2pdf draws the vectors): in the CDN build they become a module
 * that says so, instead of ~380 KiB of chunks nothing loads.
 */
const UNUSED_BY_JSPDF = ['html2canvas', 'dompurify', 'canvg'];
const unusedJspdfOptions = () => ({
  name: 'keck-unused-jspdf-options',
  resolveId: (id) => (UNUSED_BY_JSPDF.includes(id) ? `\0unused:${id}` : null),
  load: (id) => (id.startsWith('\0unused:') ? `export default () => { throw new Error('${id.slice(8)} is not part of keck-atlas'); };` : null),
});

/**
 * maplibre's worker (see src/map/load-maplibre.ts), once in the package: the CDN build copies
 * it to `chunks/maplibre-gl-worker-<version>.mjs` (the name changes with the content), and the
 * package build points its `new URL(…, import.meta.url)` at that same file in dist/cdn.
 */
const WORKER_SOURCE = '../../node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs';
const WORKER_FILE = `chunks/maplibre-gl-worker-${JSON.parse(readFileSync('node_modules/maplibre-gl/package.json', 'utf8')).version}.mjs`;
const WORKER_PLACEHOLDER = '__keck_maplibre_worker__';
const maplibreWorker = ({ emit, location }) => ({
  name: 'keck-maplibre-worker',
  transform(code, id) {
    if (!id.endsWith('src/map/load-maplibre.ts')) return null;
    if (!code.includes(WORKER_SOURCE)) this.error(`load-maplibre.ts no longer names ${WORKER_SOURCE}`);
    return { code: code.replace(WORKER_SOURCE, WORKER_PLACEHOLDER), map: null };
  },
  generateBundle() {
    if (emit) this.emitFile({ type: 'asset', fileName: WORKER_FILE, source: readFileSync(WORKER_SOURCE.replace('../../', '')) });
  },
  renderChunk(code, chunk) {
    if (!code.includes(WORKER_PLACEHOLDER)) return null;
    const relative = path.posix.relative(path.posix.dirname(chunk.fileName), location);
    return { code: code.replace(WORKER_PLACEHOLDER, relative.startsWith('.') ? relative : `./${relative}`), map: null };
  },
});

/**
 * dist/cdn/THIRD-PARTY-NOTICES.txt: every package whose code the CDN build bundles (rollup-plugin-license
 * walks the bundle's modules to their package.json), with its licence and the licence and
 * notice files it ships. A package without a licence file gets the standard text of its SPDX
 * licence (spdx-license-list), marked as such.
 */
const thirdPartyNotices = () =>
  license({
    thirdParty: {
      multipleVersions: true,
      output: {
        file: 'dist/cdn/THIRD-PARTY-NOTICES.txt',
        template: (packages) =>
          [
            `keck-atlas ${version}: third-party software in this folder\n`,
            `The scripts in this folder contain the following ${packages.length} packages (or parts of them), each under its own licence.`,
            'keck-atlas itself is under the MIT licence (LICENSE in its repository and npm package).\n',
            ...[...packages].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version)).map(noticeOf),
          ].join('\n') + '\n',
      },
    },
  });

function noticeOf(dependency) {
  const standard = dependency.licenseText ? undefined : standardLicenceText(dependency.license);
  if (!dependency.licenseText && !standard) throw new Error(`${dependency.name}: no licence file and no standard text for "${dependency.license}"`);
  const author = dependency.author && [dependency.author.name, dependency.author.email && `<${dependency.author.email}>`].filter(Boolean).join(' ');
  const text = dependency.licenseText ?? `(The package ships no licence file; the standard text of ${dependency.license} follows${author ? `; author: ${author}` : ''}.)\n\n${standard}`;
  const heading = `${'='.repeat(78)}\nPackage: ${dependency.name} ${dependency.version}\nLicence: ${dependency.license}${dependency.homepage ? `\nHomepage: ${dependency.homepage}` : ''}`;
  return [heading, text.trim(), dependency.noticeText?.trim()].filter(Boolean).join('\n\n') + '\n';
}

function standardLicenceText(expression) {
  const ids = String(expression).replace(/[()]/g, ' ').split(/\s+(?:OR|AND)\s+|\s+/).filter((id) => spdxLicences[id]);
  return ids.length ? ids.map((id) => spdxLicences[id].licenseText.trim()).join('\n\n') : undefined;
}

// keck-atlas.js registers every element; `<name>.js` (e.g. table.js) only its own, for a page
// that shows one kind and should not load the others.
const cdnInput = {
  'keck-atlas': 'src/keck-atlas.ts',
  ...Object.fromEntries(elementDirs.map((name) => [name, `src/${name}/define.ts`])),
  embed: 'src/embed/embed.ts',
  'embed-host': 'src/embed/embed-host.ts',
};

/**
 * Chunks are named after rollup's first module, which says little for `define` files and
 * merged chunks: those take the name of the src/ folder most of their modules come from.
 */
const chunkFileName = (chunk) => {
  if (!/^(define|index|_unused_.*)$/.test(chunk.name)) return 'chunks/[name]-[hash].js';
  const folders = chunk.moduleIds.map((id) => /\/src\/([^/]+)\//.exec(id)?.[1]).filter(Boolean);
  const counts = new Map(folders.map((folder) => [folder, folders.filter((f) => f === folder).length]));
  const name = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'shared';
  return `chunks/${name}-[hash].js`;
};

const build = ({ input, dir, bundleDependencies, assetFileNames, worker, staticFiles = {}, clean = false }) => ({
  input,
  external: bundleDependencies ? [] : isDependency,
  output: {
    dir,
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: chunkFileName,
    assetFileNames,
    sourcemap,
    // Tiny shared chunks (a few hundred bytes each) merge into their neighbours: fewer requests.
    experimentalMinChunkSize: 4096,
  },
  preserveEntrySignatures: 'strict',
  plugins: [
    ...(clean ? [cleanDist()] : []),
    ...(bundleDependencies ? [unusedJspdfOptions()] : []),
    maplibreWorker(worker),
    nodeResolve({ browser: true, exportConditions: ['browser', 'production'] }),
    commonjs({ strictRequires: false }),
    json(),
    esbuild({ target: 'es2022', minify: true, tsconfig: 'tsconfig.json' }),
    // Other files named by `new URL('…', import.meta.url)` (flatgeobuf's zstd decoder) are copied and the path rewritten.
    importMetaAssets({ exclude: 'src/map/load-maplibre.ts' }),
    copyStatic(staticFiles),
    ...(bundleDependencies ? [thirdPartyNotices()] : []),
  ],
  onwarn(warning, warn) {
    const inDependency = /node_modules/.test(`${warning.id ?? ''}${warning.ids?.join() ?? ''}`);
    if (inDependency && (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED')) return;
    warn(warning);
  },
});

export default [
  build({ input: packageInput, dir: 'dist', bundleDependencies: false, assetFileNames: 'assets/[name]-[hash][extname]', worker: { emit: false, location: `cdn/${WORKER_FILE}` }, clean: true }),
  build({
    input: cdnInput,
    dir: 'dist/cdn',
    bundleDependencies: true,
    assetFileNames: 'chunks/[name]-[hash][extname]',
    worker: { emit: true, location: WORKER_FILE },
    staticFiles: { 'embed.html': 'src/embed/embed.html', 'embed.css': 'src/embed/embed.css' },
  }),
];
