import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { foreignRequests, readRequestLog, runUnderStrictCsp, startRequestLog } from '../../test/harness/browser.js';
import { AtlasStore } from '../data/store.js';
import type { KeckPoiLayer } from '../poi-layer/keck-poi-layer.js';
import '../poi-layer/define.js';
import './define.js';
import { labelPoints } from './geo.js';
import type { KeckMap } from './keck-map.js';
import { LAYERS } from './map-view.js';

const FIXTURE = '/test/fixtures/map/atlas.json';

async function renderMap(template: ReturnType<typeof html>): Promise<KeckMap> {
  const element = await fixture<KeckMap>(template);
  await waitUntil(() => element.shadowRoot!.querySelector('.map'), 'the map container renders', { timeout: 10000 });
  await element.mapComplete();
  return element;
}

function rgbHex(data: Uint8ClampedArray, offset = 0): string {
  return `#${[0, 1, 2].map((i) => data[offset + i].toString(16).padStart(2, '0')).join('')}`;
}

function hexDistance(a: string, b: string): number {
  const channels = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const [x, y] = [channels(a), channels(b)];
  return Math.max(...x.map((v, i) => Math.abs(v - y[i])));
}

/** Pixels the map drew around a screen point (CSS pixels), read from its WebGL canvas. */
function readPixels(canvas: HTMLCanvasElement, x: number, y: number, radius: number): Uint8ClampedArray {
  const ratio = canvas.width / canvas.clientWidth;
  const copy = document.createElement('canvas');
  copy.width = canvas.width;
  copy.height = canvas.height;
  const context = copy.getContext('2d')!;
  context.drawImage(canvas, 0, 0);
  return context.getImageData(Math.round((x - radius) * ratio), Math.round((y - radius) * ratio), Math.round(2 * radius * ratio) + 1, Math.round(2 * radius * ratio) + 1).data;
}

async function areaPoints(level = 'gemeinde') {
  return labelPoints(await AtlasStore.for(FIXTURE).geometry(level));
}

describe('<keck-map>', () => {
  it('draws every area in its class colour, suppressed areas with the hatch and missing ones grey', async () => {
    const element = await renderMap(html`<keck-map src=${FIXTURE} style="width: 640px"></keck-map>`);
    const map = await element.whenMap();
    const view = element.view!;
    const points = await areaPoints();
    expect(view.areas.map((a) => a.state)).to.include.members(['number', 'suppressed', 'missing']);
    for (const area of view.areas) {
      const point = map.project(points.get(area.key)!);
      const filled = map.queryRenderedFeatures([point.x, point.y], { layers: [LAYERS.fill] });
      expect(filled.map((f) => f.properties.key), area.name).to.deep.equal([area.key]);
      const hatched = map.queryRenderedFeatures([point.x, point.y], { layers: [LAYERS.suppressed] });
      const pixels = readPixels(map.getCanvas(), point.x, point.y, 4);
      const colours = new Set<string>();
      for (let i = 0; i < pixels.length; i += 4) colours.add(rgbHex(pixels, i));
      if (area.state === 'suppressed') {
        expect(hatched.map((f) => f.properties.key), `${area.name} carries the pattern`).to.deep.equal([area.key]);
        const hatch = view.scheme.suppressed;
        const near = (target: string) => [...colours].some((c) => hexDistance(c, target) <= 40);
        expect(near(hatch.base) && near(hatch.stripe), `${area.name} shows base and stripes: ${[...colours]}`).to.equal(true);
      } else {
        expect(hatched, `${area.name} has no pattern`).to.have.length(0);
        const centre = readPixels(map.getCanvas(), point.x, point.y, 0);
        expect(hexDistance(rgbHex(centre), area.colour), `${area.name}: ${rgbHex(centre)} vs ${area.colour}`).to.be.at.most(3);
      }
    }
  });

  it('has an accessible name, legend, source with attribution and a table alternative', async () => {
    const element = await renderMap(html`<keck-map src=${FIXTURE} bars="kita-places,family-share"></keck-map>`);
    const root = element.shadowRoot!;
    const mapBox = root.querySelector('.map')!;
    expect(mapBox.getAttribute('aria-label')).to.equal('Karte: Anteil Kinder (fiktiv), Gemeinden, 2021');
    const legend = root.querySelector('[part=legend]')!.textContent!.replace(/\s+/g, ' ');
    expect(legend).to.contain('k. A.: keine Angabe (Datenschutz) (1 Gebiet)');
    expect(legend).to.contain('–: keine Daten (1 Gebiet)');
    expect(legend).to.contain('Kita-Plätze (fiktiv)');
    const link = root.querySelector<HTMLAnchorElement>('[part=attribution] a')!;
    expect(link.textContent).to.equal('© GeoBasis-DE / BKG 2017 (Daten verändert)');
    expect(link.href).to.equal('https://www.bkg.bund.de/');
    const table = root.querySelector<HTMLDetailsElement>('[part=table]')!;
    table.open = true;
    await oneEvent(table, 'toggle');
    await element.updateComplete;
    const rows = [...root.querySelectorAll('[part=table] tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent!.trim()));
    expect(rows).to.have.length(10);
    const holdorf = rows.find((r) => r[0] === 'Holdorf')!;
    expect(holdorf[1]).to.equal('k. A.');
    expect(holdorf[2]).to.equal('k. A.');
    expect(rows.find((r) => r[0] === 'Visbek')![1]).to.equal('–');
    await expect(element).to.be.accessible();
  });

  it('draws columns of the bars indicators, none for a suppressed value but a hatched mark', async () => {
    const element = await renderMap(html`<keck-map src=${FIXTURE} bars="kita-places,family-share" style="width: 640px"></keck-map>`);
    const map = await element.whenMap();
    const columns = map.queryRenderedFeatures({ layers: [LAYERS.columns] });
    const marks = map.queryRenderedFeatures({ layers: [LAYERS.columnsSuppressed] });
    const drawn = new Set(columns.map((f) => `${f.properties.indicator}:${f.properties.key}`));
    expect(drawn.has('kita-places:03460005')).to.equal(false);
    expect(drawn.has('family-share:03460003')).to.equal(false);
    expect(drawn.has('kita-places:03460009')).to.equal(true);
    expect(new Set(marks.map((f) => `${f.properties.indicator}:${f.properties.key}`))).to.deep.equal(new Set(['kita-places:03460005', 'family-share:03460003']));
  });

  it('switches level and year by attribute, fitting the new level and keeping the view on a year change', async () => {
    const element = await renderMap(html`<keck-map src=${FIXTURE} style="width: 640px"></keck-map>`);
    const map = await element.whenMap();
    const center = map.getCenter();
    element.year = 2020;
    await element.mapComplete();
    expect(element.shadowRoot!.querySelector('figcaption')!.textContent).to.contain('2020');
    expect(map.getCenter().toArray()).to.deep.equal(center.toArray());
    element.level = 'kreis';
    await element.mapComplete();
    const keys = new Set(map.queryRenderedFeatures({ layers: [LAYERS.fill] }).map((f) => f.properties.key));
    expect([...keys]).to.deep.equal(['03460']);
  });

  it('offers built-in selects for indicator, level and year', async () => {
    const element = await renderMap(html`<keck-map src=${FIXTURE} controls></keck-map>`);
    const [indicator, level, year] = [...element.shadowRoot!.querySelectorAll<HTMLSelectElement>('[part=controls] select')];
    expect([...level.options].map((o) => o.value)).to.deep.equal(['kreis', 'gemeinde']);
    expect([...indicator.options].map((o) => o.value)).to.deep.equal(['kids-share', 'kita-places', 'family-share']);
    const caption = () => element.shadowRoot!.querySelector('figcaption')!.textContent!;
    year.value = '2020';
    year.dispatchEvent(new Event('change'));
    await element.mapComplete();
    expect(caption()).to.equal('Anteil Kinder (fiktiv) – Gemeinden 2020');
    indicator.value = 'family-share';
    indicator.dispatchEvent(new Event('change'));
    await element.mapComplete();
    expect(caption()).to.equal('Anteil Familien (fiktiv) – Gemeinden 2021');
    await expect(element).to.be.accessible();
  });

  it('is operated by keyboard alone: every area, selection, clearing, and a POI’s details with focus returned', async () => {
    const element = await renderMap(html`<keck-map src=${FIXTURE} group="kb-test">
      <keck-poi-layer src="vechta-pois"></keck-poi-layer>
    </keck-map>`);
    const poiLayer = element.querySelector<KeckPoiLayer>('keck-poi-layer')!;
    await poiLayer.ready;
    const root = element.shadowRoot!;
    const live = root.querySelector('[aria-live]')!;
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({ press: 'Tab' });
    expect(root.activeElement).to.equal(root.querySelector('.map'));
    const heard: string[] = [];
    for (let i = 0; i < 10; i++) {
      await sendKeys({ press: 'ArrowRight' });
      await element.updateComplete;
      heard.push(live.textContent!.trim());
    }
    const names = element.view!.areas.map((a) => a.name);
    expect(heard.map((text) => text.split(':')[0])).to.have.members(names);
    expect(heard.find((t) => t.startsWith('Holdorf'))).to.equal('Holdorf: keine Angabe (Datenschutz) (5 von 10)');
    expect(heard.find((t) => t.startsWith('Visbek'))).to.match(/^Visbek: keine Daten/);
    expect(root.querySelector('[part=details]')!.textContent).to.contain('Visbek');

    const selected = oneEvent(element, 'keck-area-select');
    await sendKeys({ press: 'Enter' });
    expect((await selected).detail).to.deep.equal({ level: 'gemeinde', key: '03460010' });
    expect(element.selectedAreas).to.deep.equal(['03460010']);
    const cleared = oneEvent(element, 'keck-area-select');
    await sendKeys({ press: 'Escape' });
    expect((await cleared).detail.key).to.equal(null);
    expect(element.selectedAreas).to.deep.equal([]);

    let button: HTMLElement | null = null;
    for (let i = 0; i < 30 && !button; i++) {
      await sendKeys({ press: 'Tab' });
      const active = poiLayer.shadowRoot!.activeElement as HTMLElement | null;
      if (active?.matches('.list button')) button = active;
    }
    expect(button, 'a POI in the list is reachable by Tab').to.not.equal(null);
    const name = button!.textContent!.trim();
    await sendKeys({ press: 'Enter' });
    await poiLayer.updateComplete;
    const details = poiLayer.shadowRoot!.querySelector('[part=details]') as HTMLElement;
    expect(poiLayer.shadowRoot!.activeElement).to.equal(details);
    expect(details.querySelector('.title')!.textContent).to.equal(name);
    await sendKeys({ press: 'Escape' });
    await poiLayer.updateComplete;
    expect(poiLayer.shadowRoot!.querySelector('[part=details]')).to.equal(null);
    expect(poiLayer.shadowRoot!.activeElement).to.equal(button);
  });

  it('exports PNG and JPG that decode, an SVG with one path per area, and a vector PDF', async () => {
    const element = await renderMap(html`<keck-map src=${FIXTURE} bars="kita-places"></keck-map>`);
    const svg = new DOMParser().parseFromString(await (await element.exportBlob('svg')).text(), 'image/svg+xml');
    expect(svg.querySelector('parsererror')).to.equal(null);
    const paths = [...svg.querySelectorAll('g.areas > path')];
    expect(paths.map((p) => p.getAttribute('data-key')).sort()).to.deep.equal(element.view!.areas.map((a) => a.key).sort());
    expect(paths.find((p) => p.getAttribute('data-key') === '03460005')!.getAttribute('fill')).to.equal('url(#keck-suppressed)');
    const bakum = element.view!.byKey.get('03460001')!;
    expect(paths.find((p) => p.getAttribute('data-key') === '03460001')!.getAttribute('fill')).to.equal(bakum.colour);
    expect(svg.documentElement.textContent).to.contain('Anteil Kinder (fiktiv) – Gemeinden 2021');
    expect(svg.documentElement.textContent).to.contain('© GeoBasis-DE / BKG 2017 (Daten verändert)');
    // Legend lines are wrapped to the legend's column: read them joined by spaces.
    expect([...svg.querySelectorAll('g.legend text')].map((t) => t.textContent).join(' ')).to.contain('k. A.: keine Angabe (Datenschutz)');

    const png = await element.exportBlob('png');
    expect(png.type).to.equal('image/png');
    const pngImage = await createImageBitmap(png);
    expect(pngImage.width).to.be.greaterThan(500);
    const jpg = await element.exportBlob('jpg');
    expect(jpg.type).to.equal('image/jpeg');
    expect((await createImageBitmap(jpg)).height).to.be.greaterThan(300);

    const pdf = new Uint8Array(await (await element.exportBlob('pdf')).arrayBuffer());
    const text = new TextDecoder('latin1').decode(pdf);
    expect(text.startsWith('%PDF-')).to.equal(true);
    // Vector content: path construction and fill operators in the page stream, no image XObject.
    expect(text).to.match(/\d+(\.\d+)? \d+(\.\d+)? l\s/);
    expect(text).to.match(/\sf\*?\s/);
    expect(text).to.not.contain('/Subtype /Image');
  });

  it('outlines the selection in --keck-accent and the keyboard focus in --keck-focus', async () => {
    const element = await renderMap(html`<keck-map src=${FIXTURE} group="accent-test" style="width: 640px; --keck-accent: #7a1f3d; --keck-focus: #ff8800"></keck-map>`);
    const map = await element.whenMap();
    expect(map.getPaintProperty(LAYERS.selected, 'line-color')).to.equal('#7a1f3d');
    expect(map.getPaintProperty(LAYERS.focused, 'line-color')).to.equal('#ff8800');
    element.style.setProperty('--keck-accent', '#006400');
    element.requestUpdate();
    await element.mapComplete();
    expect(map.getPaintProperty(LAYERS.selected, 'line-color')).to.equal('#006400');
  });

  it('survives a failed draw: shows it, fires keck-error, and draws again after the next change', async () => {
    const element = await renderMap(html`<keck-map src=${FIXTURE} style="width: 640px"></keck-map>`);
    const map = await element.whenMap();
    const original = map.setFilter.bind(map);
    let failures = 1;
    map.setFilter = ((...args: Parameters<typeof map.setFilter>) => {
      if (failures-- > 0) throw new Error('a test failure inside maplibre');
      return original(...args);
    }) as typeof map.setFilter;
    const failed = oneEvent(element, 'keck-error');
    element.indicator = 'family-share';
    const event = (await failed) as unknown as { code: string; message: string };
    expect(event.code).to.equal('draw-failed');
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('a test failure inside maplibre');
    element.indicator = 'kids-share';
    await element.settled();
    expect(element.shadowRoot!.querySelector('[role=alert]')).to.equal(null);
    expect(element.view!.indicator.id).to.equal('kids-share');
    expect(map.queryRenderedFeatures({ layers: [LAYERS.fill] }).length).to.be.greaterThan(0);
  });

  it('builds the map SVG once per export, and reads its style once per change, not per pointer move', async () => {
    const element = await renderMap(html`<keck-map src=${FIXTURE} style="width: 640px"></keck-map>`);
    const built: boolean[] = [];
    const exportSvg = element.exportSvg.bind(element);
    element.exportSvg = (framed?: boolean) => (built.push(framed ?? true), exportSvg(framed));
    for (const format of ['png', 'svg', 'pdf'] as const) await element.exportBlob(format);
    expect(built).to.deep.equal([true, true, false]);

    const styleReads = { count: 0 };
    const original = window.getComputedStyle;
    window.getComputedStyle = (...args: Parameters<typeof original>) => (args[0] === element && styleReads.count++, original(...args));
    try {
      const map = await element.whenMap();
      const canvas = map.getCanvas();
      const rect = canvas.getBoundingClientRect();
      let hovered = 0;
      for (let i = 0; i < 20; i++) {
        canvas.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: rect.left + 40 + i * 20, clientY: rect.top + 100 + i * 5 }));
        await element.updateComplete;
        if (element.shadowRoot!.querySelector('[part=details]:not([hidden])')) hovered++;
      }
      expect(hovered, 'the pointer was over areas').to.be.greaterThan(5);
      expect(styleReads.count, 'style reads during 20 pointer moves').to.equal(0);
    } finally {
      window.getComputedStyle = original;
    }
  });

  it('makes only same-origin requests by default, its worker included', async () => {
    await startRequestLog();
    AtlasStore.clear();
    await renderMap(html`<keck-map src=${FIXTURE}></keck-map>`);
    const log = await readRequestLog();
    expect(foreignRequests(log)).to.deep.equal([]);
    expect(log.some((entry) => /maplibre-gl-worker\.mjs/.test(entry.url))).to.equal(true);
  });

  it('renders under the strict Content-Security-Policy without a violation', async () => {
    const run = await runUnderStrictCsp('map', 30000);
    expect(run.error).to.equal(undefined);
    expect(run.violations).to.deep.equal([]);
    expect(run.result).to.deep.equal({ areas: 10, points: 7 });
  });
});

describe('<keck-map> on a page', () => {
  /** Everything the map draws, as far as it is visible, lies inside its box. */
  const spills = (element: KeckMap) => {
    const box = element.getBoundingClientRect();
    return [...element.shadowRoot!.querySelectorAll<HTMLElement>('figure *')]
      .filter((el) => !el.closest('.visually-hidden, [hidden], details:not([open]) > :not(summary)'))
      .map((el) => ({ el, rect: el.getBoundingClientRect() }))
      .filter(({ rect }) => rect.width && rect.height && (rect.bottom > box.bottom + 1 || rect.right > box.right + 1) && rect.top < box.bottom)
      .filter(({ el }) => getComputedStyle(element).overflowY === 'visible' || el.getBoundingClientRect().top < box.bottom)
      .map(({ el }) => el.className || el.localName);
  };

  it('gives a fixed height to the map area and keeps legend, attribution and buttons inside the element', async () => {
    const element = await renderMap(html`<keck-map src=${FIXTURE} bars="kita-places" style="width: 640px; height: 34rem"></keck-map>`);
    const box = element.getBoundingClientRect();
    const stage = element.shadowRoot!.querySelector('.stage')!.getBoundingClientRect();
    const exports = element.shadowRoot!.querySelector('[part=exports]')!.getBoundingClientRect();
    const attribution = element.shadowRoot!.querySelector('[part=attribution]')!.getBoundingClientRect();
    expect(Math.round(box.height)).to.equal(34 * 16);
    expect(exports.bottom).to.be.at.most(box.bottom + 0.5);
    expect(attribution.bottom).to.be.at.most(box.bottom + 0.5);
    expect(stage.height, 'the map area takes what the chrome leaves').to.be.greaterThan(160);
    expect(element.scrollHeight).to.be.at.most(element.clientHeight + 1);
    const canvas = (await element.whenMap()).getCanvas().getBoundingClientRect();
    expect(Math.round(canvas.width)).to.equal(Math.round(stage.width - 2));
    expect(spills(element)).to.deep.equal([]);
  });

  it('without a height is as tall as its content, the map area --keck-map-height tall', async () => {
    const element = await renderMap(html`<keck-map src=${FIXTURE} style="width: 480px; --keck-map-height: 15rem"></keck-map>`);
    expect(Math.round(element.shadowRoot!.querySelector('.stage')!.getBoundingClientRect().height)).to.equal(15 * 16);
    expect(element.scrollHeight).to.be.at.most(element.clientHeight + 1);
  });

  it('puts the legend beside the map when the element is wide, below it when narrow', async () => {
    const wide = await renderMap(html`<keck-map src=${FIXTURE} style="width: 900px"></keck-map>`);
    const stage = wide.shadowRoot!.querySelector('.stage')!.getBoundingClientRect();
    const legend = wide.shadowRoot!.querySelector('[part=legend]')!.getBoundingClientRect();
    expect(legend.left).to.be.at.least(stage.right);
    expect(legend.top).to.be.below(stage.bottom);
    const narrow = await renderMap(html`<keck-map src=${FIXTURE} style="width: 320px"></keck-map>`);
    const narrowStage = narrow.shadowRoot!.querySelector('.stage')!.getBoundingClientRect();
    expect(narrow.shadowRoot!.querySelector('[part=legend]')!.getBoundingClientRect().top).to.be.at.least(narrowStage.bottom);
  });

  it('shows the keyboard help only while the map has keyboard focus', async () => {
    const element = await renderMap(html`<keck-map src=${FIXTURE} style="width: 640px"></keck-map>`);
    const help = element.shadowRoot!.querySelector<HTMLElement>('.help')!;
    expect(getComputedStyle(help).opacity).to.equal('0');
    element.shadowRoot!.querySelector<HTMLElement>('.map')!.focus({ focusVisible: true } as FocusOptions);
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => getComputedStyle(help).opacity === '1', 'the help shows on keyboard focus');
  });

  it('draws the areas and says so in a short notice when the base map cannot be loaded', async () => {
    const errors: Event[] = [];
    const element = await renderMap(html`<keck-map src=${FIXTURE} basemap="/test/fixtures/map/no-such-style.json" style="width: 640px" @keck-error=${(e: Event) => errors.push(e)}></keck-map>`);
    await element.settled();
    expect(errors).to.have.length(0);
    expect(element.shadowRoot!.querySelector('[part=notice]')!.textContent).to.contain('Hintergrundkarte');
    const map = await element.whenMap();
    expect(map.queryRenderedFeatures({ layers: [LAYERS.fill] }).length).to.be.greaterThan(0);
  });

  it('exports an SVG whose every text fits its width (long legend title, wrapped footer), with the POIs and their key', async () => {
    const element = await renderMap(
      html`<keck-map src="/demo/atlas/vechta/atlas.json" indicator="u6-sgb2-rate-fiktiv" year="2023" bars="u6-sgb2-fiktiv" style="width: 640px"><keck-poi-layer src="kitas"></keck-poi-layer></keck-map>`,
    );
    const layer = element.querySelector('keck-poi-layer') as KeckPoiLayer;
    await layer.ready;
    const text = await (await element.exportBlob('svg')).text();
    const holder = document.createElement('div');
    holder.style.cssText = 'position:absolute;left:0;top:0';
    holder.innerHTML = new XMLSerializer().serializeToString(new DOMParser().parseFromString(text, 'image/svg+xml').documentElement);
    document.body.append(holder);
    try {
      const svg = holder.querySelector('svg')!;
      const width = Number(svg.getAttribute('width'));
      const height = Number(svg.getAttribute('height'));
      const outside = [...svg.querySelectorAll('text')].filter((t) => {
        const box = t.getBBox();
        return box.x < 0 || box.x + box.width > width + 0.5 || box.y + box.height > height + 0.5;
      });
      expect(outside.map((t) => t.textContent)).to.deep.equal([]);
      const legendTitle = [...svg.querySelectorAll('g.legend text[font-weight="bold"]')].map((t) => t.textContent).join(' ');
      expect(legendTitle).to.equal('Anteil der Kinder unter 6 Jahren in SGB-II-Bedarfsgemeinschaften (fiktiv) (%, 2023)');
      expect(svg.querySelectorAll('g.points circle')).to.have.length(7);
      expect([...svg.querySelectorAll('g.legend text')].map((t) => t.textContent)).to.include.members(['Kita', 'Spielplatz', 'Familienzentrum']);
      expect(svg.querySelectorAll('g.columns path').length).to.be.greaterThan(0);
    } finally {
      holder.remove();
    }
  });
});
