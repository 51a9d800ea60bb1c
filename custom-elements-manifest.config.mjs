/**
 * The analyzer also guesses events from `dispatchEvent(new SomeEvent(arg))` and takes the
 * first argument for the name; our events are typed classes documented with `@fires`, so
 * only names with the `keck-` prefix (or native ones we list) are kept.
 */
const documentedEventsOnly = {
  name: 'keck-documented-events-only',
  packageLinkPhase({ customElementsManifest }) {
    for (const module of customElementsManifest.modules) {
      for (const declaration of module.declarations ?? []) {
        if (declaration.events) declaration.events = declaration.events.filter((event) => event.name?.startsWith('keck-'));
      }
    }
  },
};

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/contract/generated/**'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  plugins: [documentedEventsOnly],
};
