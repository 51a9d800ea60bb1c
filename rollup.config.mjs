import { existsSync, readdirSync, readFileSync } from 'node:fs';
import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';

// Two builds. The package build (dist/): one entry per element (`<name>/index` for the
// class, `<name>/define` to register it), the side-effect-free index and the contract, for
// bundler users. The CDN build (dist/cdn/): `keck-atlas.js`, which registers every element,
// and the iframe fallback, with only their own chunks: the folder a web editor copies.
const elementDirs = readdirSync('src', { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(`src/${entry.name}/define.ts`))
  .map((entry) => entry.name);

const packageInput = {
  index: 'src/index.ts',
  'contract/index': 'src/contract/index.ts',
  ...Object.fromEntries(elementDirs.flatMap((name) => [[`${name}/index`, `src/${name}/index.ts`], [`${name}/define`, `src/${name}/define.ts`]])),
};

/** Copies static files (the iframe page) into dist under fixed names. */
const copyStatic = (files) => ({
  name: 'keck-copy-static',
  generateBundle() {
    for (const [fileName, source] of Object.entries(files)) this.emitFile({ type: 'asset', fileName, source: readFileSync(source) });
  },
});

const cdnInput = {
  'keck-atlas': 'src/keck-atlas.ts',
  embed: 'src/embed/embed.ts',
  'embed-host': 'src/embed/embed-host.ts',
};

const build = (input, dir, staticFiles) => ({
  input,
  output: {
    dir,
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    assetFileNames: 'assets/[name]-[hash][extname]',
    sourcemap: true,
  },
  preserveEntrySignatures: 'strict',
  plugins: [
    nodeResolve({ browser: true, exportConditions: ['browser', 'production'] }),
    commonjs({ strictRequires: false }),
    json(),
    esbuild({ target: 'es2022', minify: true, tsconfig: 'tsconfig.json' }),
    copyStatic({
      // maplibre starts its worker from `./maplibre-gl-worker.mjs` next to its own chunk (a same-origin module worker).
      'chunks/maplibre-gl-worker.mjs': 'node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs',
      ...staticFiles,
    }),
  ],
  onwarn(warning, warn) {
    const inDependency = /node_modules/.test(`${warning.id ?? ''}${warning.ids?.join() ?? ''}`);
    if (inDependency && (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED')) return;
    warn(warning);
  },
});

export default [
  build(packageInput, 'dist', {}),
  build(cdnInput, 'dist/cdn', { 'embed.html': 'src/embed/embed.html', 'embed.css': 'src/embed/embed.css' }),
];
