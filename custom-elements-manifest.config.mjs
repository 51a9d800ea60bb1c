export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/cli/**', 'src/contract/generated/**'],
  outdir: '.',
  litelement: true,
  dependencies: false,
};
