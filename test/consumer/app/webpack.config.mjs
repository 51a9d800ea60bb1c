// webpack's defaults plus an output folder; no loader or copy step for keck-atlas.
import path from 'node:path';

export default {
  mode: 'production',
  context: import.meta.dirname,
  entry: './main.js',
  output: { path: path.join(import.meta.dirname, 'dist-webpack'), clean: true },
  performance: { hints: false },
};
