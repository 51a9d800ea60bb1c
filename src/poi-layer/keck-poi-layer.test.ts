import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import '../map/define.js';
import type { KeckMap } from '../map/keck-map.js';
import './define.js';
import type { KeckPoiLayer } from './keck-poi-layer.js';

const FIXTURE = '/test/fixtures/map/atlas.json';

async function renderLayer(src: string, categories?: string): Promise<{ map: KeckMap; layer: KeckPoiLayer }> {
  const map = await fixture<KeckMap>(html`<keck-map src=${FIXTURE} style="width: 640px"><keck-poi-layer src=${src} categories=${categories ?? ''}></keck-poi-layer></keck-map>`);
  const layer = map.querySelector('keck-poi-layer')!;
  await layer.ready;
  await map.mapComplete();
  await layer.updateComplete;
  return { map, layer };
}

function listed(layer: KeckPoiLayer): string[] {
  return [...layer.shadowRoot!.querySelectorAll('.list button')].map((b) => b.textContent!.trim());
}

describe('<keck-poi-layer>', () => {
  it('shows the atlas source’s points with self-drawn symbols, a list in view, and details', async () => {
    const { map, layer } = await renderLayer('vechta-pois');
    const maplibre = await map.whenMap();
    const drawn = maplibre.queryRenderedFeatures().filter((f) => f.source.startsWith('keck-poi-') && !f.layer.id.endsWith('-counts') && !f.layer.id.endsWith('-chosen'));
    const points = drawn.reduce((sum, f) => sum + ((f.properties.point_count as number | undefined) ?? 1), 0);
    expect(points, 'single points and clustered ones').to.equal(7);
    expect(drawn.some((f) => f.layer.type === 'symbol')).to.equal(true);
    expect(maplibre.listImages().filter((id) => id.startsWith('keck-poi-') && !id.includes('-count-'))).to.have.length(3);
    expect(listed(layer)).to.include('Kita Sonnenschein (fiktiv)');
    expect(layer.shadowRoot!.textContent).to.contain('Fiktive Beispieldaten');
    const button = [...layer.shadowRoot!.querySelectorAll<HTMLButtonElement>('.list button')].find((b) => b.textContent!.includes('Sonnenschein'))!;
    button.click();
    await layer.updateComplete;
    const details = layer.shadowRoot!.querySelector('[part=details]')!;
    const text = details.textContent!.replace(/\s+/g, ' ');
    for (const part of ['Musterstraße 1, 49377 Vechta (fiktiv)', 'Mo–Fr 7:00–16:30', 'Kinder von 1 bis 6 Jahren', '75', 'Kita']) expect(text).to.contain(part);
    expect(details.querySelector('a')!.href).to.equal('https://example.org/kita-sonnenschein');
    await expect(layer).to.be.accessible();
  });

  it('filters by category, from the attribute and from the checkboxes', async () => {
    const { layer } = await renderLayer('vechta-pois', 'playground');
    expect(listed(layer)).to.deep.equal(['Spielplatz Am Park (fiktiv)', 'Spielplatz Kirchplatz (fiktiv)']);
    const boxes = [...layer.shadowRoot!.querySelectorAll<HTMLInputElement>('fieldset input')];
    const kita = boxes.find((box) => box.parentElement!.textContent!.includes('Kita'))!;
    kita.click();
    await layer.updateComplete;
    expect(listed(layer)).to.have.length(5);
  });

  it('shows hostile names and links as inert text', async () => {
    const { layer } = await renderLayer('hostile');
    let alerted = false;
    const original = window.alert;
    window.alert = () => (alerted = true);
    try {
      layer.shadowRoot!.querySelector<HTMLButtonElement>('.list button')!.click();
      await layer.updateComplete;
      const details = layer.shadowRoot!.querySelector('[part=details]')!;
      expect(details.querySelector('.title')!.textContent).to.equal('<img src=x onerror=alert(1)>');
      expect(layer.shadowRoot!.querySelectorAll('img, script, b')).to.have.length(0);
      expect(details.querySelectorAll('a')).to.have.length(0);
      expect(details.textContent).to.contain('javascript:alert(1)');
      expect(details.textContent).to.contain('<script>alert(2)</script>');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(alerted).to.equal(false);
    } finally {
      window.alert = original;
    }
  });

  it('clusters thousands of points and lists only those in view', async () => {
    const features = Array.from({ length: 5000 }, (_, i) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [8.0 + (i % 100) * 0.004, 52.55 + Math.floor(i / 100) * 0.006] },
      properties: { name: `Punkt ${i} (fiktiv)`, category: 'kita' },
    }));
    const url = URL.createObjectURL(new Blob([JSON.stringify({ type: 'FeatureCollection', features })], { type: 'application/geo+json' }));
    const { map, layer } = await renderLayer(url);
    const maplibre = await map.whenMap();
    await waitUntil(() => maplibre.queryRenderedFeatures().some((f) => f.properties.cluster), 'clusters are drawn', { timeout: 10000 });
    const clusters = maplibre.queryRenderedFeatures().filter((f) => f.properties.cluster);
    expect(clusters.reduce((sum, f) => sum + (f.properties.point_count as number), 0)).to.be.greaterThan(1000);
    const text = layer.shadowRoot!.textContent!;
    expect(listed(layer)).to.have.length(50);
    expect(text).to.match(/und \d+ weitere/);
    URL.revokeObjectURL(url);
  });
});

describe('<keck-poi-layer> with hostile feature properties', () => {
  it('shows names as text, skips features with an object or array as name or category, and keeps the layer', async () => {
    const map = await fixture<KeckMap>(html`<keck-map src="/test/fixtures/guard/atlas.json" style="width: 640px"><keck-poi-layer src="hostile"></keck-poi-layer></keck-map>`);
    const layer = map.querySelector('keck-poi-layer')!;
    await layer.ready;
    await map.mapComplete();
    await layer.updateComplete;
    expect(listed(layer)).to.have.members(['12345', '<img src=x onerror=alert(1)> (fiktiv)', 'Kita Regenbogen (fiktiv)']);
    const status = layer.shadowRoot!.querySelector('[role="status"]')!.textContent!;
    expect(status).to.contain('6 Einrichtungen nicht angezeigt (fehlerhafte Daten)');
    expect(status).to.contain('hostile-pois.geojson: Objekt 0.properties.name: erwartet einen Text (name), gefunden ein Objekt mit toString, valueOf');
    const button = [...layer.shadowRoot!.querySelectorAll<HTMLButtonElement>('.list button')].find((b) => b.textContent === '12345')!;
    button.click();
    await layer.updateComplete;
    const details = layer.shadowRoot!.querySelector('[part=details]')!;
    expect(details.textContent).to.contain('40');
    expect(details.textContent, 'an object as address is left out').to.not.contain('Adresse');
    const html5 = [...layer.shadowRoot!.querySelectorAll<HTMLButtonElement>('.list button')].find((b) => b.textContent!.startsWith('<img'))!;
    html5.click();
    await layer.updateComplete;
    expect(layer.shadowRoot!.querySelectorAll('img, b, a')).to.have.length(0);
    expect(layer.shadowRoot!.querySelector('[part=details]')!.textContent).to.contain('javascript:alert(1)');
  });

  describe('clusters, choosing and clicking', () => {
    const pointsAt = (count: number, category: (i: number) => string = () => 'kita') =>
      URL.createObjectURL(
        new Blob(
          [JSON.stringify({ type: 'FeatureCollection', features: Array.from({ length: count }, (_, i) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [8.2 + (i % 10) * 0.002, 52.7 + Math.floor(i / 10) * 0.002] }, properties: { name: `Ort ${String(i).padStart(2, '0')} (fiktiv)`, category: category(i) } })) })],
          { type: 'application/geo+json' },
        ),
      );
    /** Page coordinates of a map position. */
    const onPage = (maplibre: Awaited<ReturnType<KeckMap['whenMap']>>, lngLat: [number, number]) => {
      maplibre.getCanvas().scrollIntoView({ block: 'center' });
      const point = maplibre.project(lngLat);
      const box = maplibre.getCanvas().getBoundingClientRect();
      return [Math.round(box.left + point.x), Math.round(box.top + point.y)] as [number, number];
    };

    it('draws each cluster with its count and zooms in on a click', async () => {
      const url = pointsAt(40);
      const { map } = await renderLayer(url);
      const maplibre = await map.whenMap();
      await waitUntil(() => maplibre.queryRenderedFeatures().some((f) => f.properties.cluster), 'clusters are drawn', { timeout: 10000 });
      const cluster = maplibre.queryRenderedFeatures().find((f) => f.properties.cluster)!;
      const count = cluster.properties.point_count as number;
      await waitUntil(() => maplibre.listImages().some((id) => id.endsWith(`-count-${count}`)), 'a count image for the cluster');
      const before = maplibre.getZoom();
      await sendMouse({ type: 'click', position: onPage(maplibre, (cluster.geometry as GeoJSON.Point).coordinates as [number, number]) });
      await waitUntil(() => maplibre.getZoom() > before + 0.5, 'the map zooms in', { timeout: 5000 });
      expect(map.selectedAreas).to.deep.equal([]);
      URL.revokeObjectURL(url);
    });

    it('rings a point chosen in the list where it is, also inside a cluster; a click on a point does not select the area under it', async () => {
      const url = pointsAt(40);
      const { map, layer } = await renderLayer(url);
      const maplibre = await map.whenMap();
      const listedBefore = listed(layer);
      const button = [...layer.shadowRoot!.querySelectorAll<HTMLButtonElement>('.list button')].find((b) => b.textContent!.includes('Ort 07'))!;
      button.click();
      await layer.updateComplete;
      await new Promise<void>((resolve) => maplibre.once('idle', () => resolve()));
      const ring = maplibre.queryRenderedFeatures().filter((f) => f.layer.id.endsWith('-chosen'));
      expect(ring.map((f) => f.properties.poi)).to.deep.equal([7]);
      expect(listed(layer), 'the list stays as it was').to.deep.equal(listedBefore);
      // Zoomed in far enough that the points stand alone, a click on one shows its details and selects no area.
      maplibre.jumpTo({ center: [8.2 + 7 * 0.002, 52.7], zoom: 16 });
      await new Promise<void>((resolve) => maplibre.once('idle', () => resolve()));
      const single = maplibre.queryRenderedFeatures().find((f) => f.layer.id.endsWith('-points') && f.properties.poi === 7)!;
      expect(single, 'the point is drawn on its own').to.not.equal(undefined);
      const under = maplibre.queryRenderedFeatures(maplibre.project((single.geometry as GeoJSON.Point).coordinates as [number, number]));
      expect(under.some((f) => f.layer.id === 'keck-areas-fill'), 'an area lies under the point').to.equal(true);
      await sendMouse({ type: 'click', position: onPage(maplibre, (single.geometry as GeoJSON.Point).coordinates as [number, number]) });
      await waitUntil(() => layer.shadowRoot!.querySelector('[part=details] .title')?.textContent === 'Ort 07 (fiktiv)', 'the details of the clicked point');
      await map.updateComplete;
      expect(map.selectedAreas, 'no area selected by the click on the point').to.deep.equal([]);
      URL.revokeObjectURL(url);
    });

    it('gives categories without a colour distinct colours', async () => {
      const url = pointsAt(6, (i) => `art-${i % 3}`);
      const { layer } = await renderLayer(url);
      const dots = [...layer.shadowRoot!.querySelectorAll<HTMLElement>('fieldset .dot')].map((dot) => dot.style.background);
      expect(dots).to.have.length(3);
      expect(new Set(dots).size).to.equal(3);
      URL.revokeObjectURL(url);
    });

    it('makes every list button and checkbox at least 24 px tall', async () => {
      const { layer } = await renderLayer('vechta-pois');
      for (const target of layer.shadowRoot!.querySelectorAll<HTMLElement>('.list button, fieldset label, summary')) {
        expect(target.getBoundingClientRect().height, target.textContent!).to.be.at.least(24);
      }
    });
  });
});
