import '../../../src/map/define.js';
import '../../../src/poi-layer/define.js';
import '../../../src/table/define.js';
import type { KeckPoiLayer } from '../../../src/poi-layer/keck-poi-layer.js';

const ATLAS = '/test/fixtures/guard/atlas.json';

function waitFor<T>(check: () => T | undefined | null | false, what: string | (() => string), ms = 15000): Promise<T> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const poll = () => {
      const value = check();
      if (value) resolve(value);
      else if (performance.now() - started > ms) reject(new Error(`${typeof what === 'string' ? what : what()} within ${ms} ms`));
      else setTimeout(poll, 50);
    };
    poll();
  });
}

/**
 * Maps of levels whose FlatGeobuf files are damaged, points from damaged POI files, and a
 * table beside them: reports what each element says, and whether the table still works.
 */
export async function run(stage: HTMLElement) {
  const geometry: Record<string, string> = {};
  for (const level of ['projected', 'huge-count', 'truncated', 'zero-count']) {
    const map = document.createElement('keck-map');
    map.setAttribute('src', ATLAS);
    map.setAttribute('level', level);
    stage.append(map);
    geometry[level] = await waitFor(() => map.shadowRoot?.querySelector('[role="alert"]')?.textContent?.replace(/\s+/g, ' ').trim(), `an alert for level ${level}`);
    map.remove();
  }

  const pois: Record<string, string> = {};
  const map = document.createElement('keck-map');
  map.setAttribute('src', ATLAS);
  stage.append(map);
  for (const source of ['empty', 'zero-count']) {
    const layer = document.createElement('keck-poi-layer') as KeckPoiLayer;
    layer.setAttribute('src', source);
    map.append(layer);
    pois[source] = await waitFor(() => {
      const text = layer.shadowRoot?.querySelector('[part~="status"]')?.textContent ?? '';
      return text && !/geladen/.test(text) ? text.replace(/\s+/g, ' ').trim() : undefined;
    }, () => `a message for POI source ${source} (the layer says "${layer.shadowRoot?.textContent?.trim()}", the map "${map.shadowRoot?.querySelector('[role="alert"]')?.textContent?.trim() ?? ''}")`);
    layer.remove();
  }

  const table = document.createElement('keck-table');
  table.setAttribute('src', ATLAS);
  stage.append(table);
  const rows = await waitFor(() => table.shadowRoot?.querySelectorAll('tbody.areas tr').length, 'the table beside them');
  return { geometry, pois, rows };
}
