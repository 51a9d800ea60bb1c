import '../../../src/map/define.js';
import '../../../src/poi-layer/define.js';
import { LAYERS } from '../../../src/map/map-view.js';

/** A map with POIs under the strict CSP: maplibre, its same-origin worker, hatch and symbol images. */
export async function run(stage: HTMLElement) {
  stage.style.width = '600px';
  stage.innerHTML = '<keck-map src="/test/fixtures/map/atlas.json"><keck-poi-layer src="vechta-pois"></keck-poi-layer></keck-map>';
  const element = stage.querySelector('keck-map')!;
  const poiLayer = stage.querySelector('keck-poi-layer')!;
  await customElements.whenDefined('keck-map');
  const map = await element.whenMap();
  await poiLayer.ready;
  await element.mapComplete();
  const areas = new Set(map.queryRenderedFeatures({ layers: [LAYERS.fill] }).map((feature) => feature.properties.key));
  return { areas: areas.size, points: poiLayer.shadowRoot!.querySelectorAll('.list button').length };
}
