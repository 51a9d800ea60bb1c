/**
 * The one lazy loader of maplibre-gl: only pages with a map download it. maplibre starts its
 * worker as a same-origin module worker from `maplibre-gl-worker.mjs` next to its own module
 * (node_modules in development and tests; the build emits the file beside the map chunk), so it
 * runs under `worker-src 'self'` without a blob: or CSP build.
 */
export const loadMaplibre = () => import('maplibre-gl');

export type Maplibre = Awaited<ReturnType<typeof loadMaplibre>>;
