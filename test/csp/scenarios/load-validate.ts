import { AtlasStore } from '../../../src/data/store.js';

/** Loads, validates and reads geometry of the demo atlas under the strict CSP. */
export async function run() {
  const store = AtlasStore.for('/demo/atlas/vechta/atlas.json');
  const atlas = await store.load();
  const areas = await store.geometry('gemeinde');
  const inside = await store.geometry('gemeinde', { bbox: [8.0, 52.6, 8.2, 52.8] });
  return { id: atlas.id, areas: areas.length, inside: inside.length };
}
