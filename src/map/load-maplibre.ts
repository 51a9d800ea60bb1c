/**
 * The worker maplibre starts for its tiling, named by the one pattern every bundler and the
 * browser understand: a literal `new URL(…, import.meta.url)`. Our builds copy the file next
 * to the map code and rewrite the path; Vite, webpack and rspack emit it from there into the
 * consumer's build; the source path serves development and tests. (maplibre's own default
 * builds the file name at run time, which no bundler follows: the worker was never emitted.)
 * maplibre-gl is pinned to the exact version whose worker is copied.
 */
const WORKER_URL = new URL('../../node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs', import.meta.url).href;

/** The one lazy loader of maplibre-gl: only pages with a map download it. */
export async function loadMaplibre() {
  const maplibre = await import('maplibre-gl');
  // A page that set its own worker URL (e.g. an esbuild app that copies the file) keeps it.
  if (!maplibre.getWorkerUrl()) maplibre.setWorkerUrl(WORKER_URL);
  return maplibre;
}

export type Maplibre = Awaited<ReturnType<typeof loadMaplibre>>;
