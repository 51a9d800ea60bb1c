// Whether a build's outputs are newer than every file it is made from, by modification time:
// `npm run demo` skips `npm run build` and `npm run build-storybook` when they are.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** What the library build (`npm run build`) and Storybook are made from, and what they make. */
export const BUILDS = {
  build: {
    inputs: [
      'src',
      'rollup.config.mjs',
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'tsconfig.build.json',
      'custom-elements-manifest.config.mjs',
      'scripts/compile-schema.mjs',
      'packages/cli/src',
      'packages/cli/package.json',
      'packages/cli/tsconfig.json',
      'packages/cli/scripts/build.mjs',
      'scripts/theming-doc.mjs',
    ],
    outputs: ['dist/cdn/keck-atlas.js', 'dist/index.js', 'dist/types/index.d.ts', 'packages/cli/dist/keck-atlas.mjs', 'custom-elements.json'],
  },
  'build-storybook': {
    inputs: ['src', 'stories', '.storybook', 'demo/atlas', 'docs/examples', 'package.json', 'package-lock.json'],
    outputs: ['dist/storybook/index.html', 'dist/storybook/iframe.html'],
  },
};

/** Generated inside src/ by the build itself (from the schema, which is an input). */
const GENERATED = [path.join('src', 'contract', 'generated')];

function newestInput(entry, root) {
  const full = path.join(root, entry);
  if (!existsSync(full) || GENERATED.some((generated) => entry.startsWith(generated))) return 0;
  const info = statSync(full);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(0, ...readdirSync(full).map((name) => newestInput(path.join(entry, name), root)));
}

/** True when every output exists and is newer than the newest input. */
export function isCurrent({ inputs, outputs }, root = process.cwd()) {
  if (!outputs.every((output) => existsSync(path.join(root, output)))) return false;
  const oldestOutput = Math.min(...outputs.map((output) => statSync(path.join(root, output)).mtimeMs));
  return Math.max(...inputs.map((input) => newestInput(input, root))) < oldestOutput;
}
