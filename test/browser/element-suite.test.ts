// One file of behaviours, run against each element: what a page author and a reader meet
// whatever element they use. Every wait follows the element's own completion signal
// (settled(), mapComplete(), the POI layer's ready), never a wall-clock budget.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/area-report/define.js';
import '../../src/chart/define.js';
import '../../src/map/define.js';
import '../../src/poi-layer/define.js';
import '../../src/table/define.js';
import { AtlasGroup } from '../../src/base/group.js';
import type { KeckElement } from '../../src/base/keck-element.js';
import type { KeckMap } from '../../src/map/keck-map.js';
import type { KeckPoiLayer } from '../../src/poi-layer/keck-poi-layer.js';

const ATLAS = '/test/fixtures/map/atlas.json';
const GEMEINDE = '03460001';

interface Subject {
  tag: 'keck-map' | 'keck-table' | 'keck-chart' | 'keck-area-report';
  /** Attributes of a working element besides `src`. */
  attributes: Record<string, string>;
  /** An attribute naming something the atlas lacks, and the value that fixes it. */
  broken: { name: string; value: string; fixed: string };
  /** Whether the element shows its content (not a status). */
  showsContent(element: KeckElement): boolean;
  /** Selects an area through the element's own interface (click or keyboard); returns its key. */
  selectByHand?(element: KeckElement): Promise<string>;
}

const root = (element: Element) => element.shadowRoot!;

const SUBJECTS: Subject[] = [
  {
    tag: 'keck-map',
    attributes: { indicator: 'kids-share' },
    broken: { name: 'indicator', value: 'nope', fixed: 'kids-share' },
    showsContent: (element) => !!root(element).querySelector('[part=map] canvas'),
    async selectByHand(element) {
      const map = root(element).querySelector<HTMLElement>('[part=map]')!;
      map.focus();
      map.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true }));
      map.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      await element.updateComplete;
      return element.selectedAreas.at(-1)!;
    },
  },
  {
    tag: 'keck-table',
    attributes: { indicators: 'kids-share' },
    broken: { name: 'indicators', value: 'kids-share,nope', fixed: 'kids-share' },
    showsContent: (element) => !!root(element).querySelector('table[part=table]'),
    async selectByHand(element) {
      const row = root(element).querySelector<HTMLTableRowElement>('tbody.areas tr')!;
      row.querySelector('button')!.click();
      await element.updateComplete;
      return row.dataset.key!;
    },
  },
  {
    tag: 'keck-chart',
    attributes: { indicator: 'kids-share' },
    broken: { name: 'indicator', value: 'nope', fixed: 'kids-share' },
    showsContent: (element) => !!root(element).querySelector('.chart svg'),
    async selectByHand(element) {
      root(element).querySelector<HTMLButtonElement>('details[part~=table] th button')!.click();
      await element.updateComplete;
      return element.selectedAreas.at(-1)!;
    },
  },
  {
    tag: 'keck-area-report',
    attributes: { areas: GEMEINDE },
    broken: { name: 'areas', value: 'nope', fixed: GEMEINDE },
    showsContent: (element) => !!root(element).querySelector('article.report'),
  },
];

async function place(subject: Subject, extra: Record<string, string> = {}, parent?: HTMLElement): Promise<KeckElement> {
  const element = document.createElement(subject.tag) as KeckElement;
  for (const [name, value] of Object.entries({ src: ATLAS, ...subject.attributes, ...extra })) element.setAttribute(name, value);
  element.style.width = '640px';
  (parent ?? (await fixture<HTMLDivElement>(html`<div lang="de"></div>`))).append(element);
  await element.settled();
  return element;
}

function countEvents(element: EventTarget, type: string): { readonly count: number } {
  const counter = { count: 0 };
  element.addEventListener(type, () => counter.count++);
  return counter;
}

const alertText = (element: Element) => root(element).querySelector('[part=status][role=alert]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Records what a piece of code leaves behind: listeners on page-wide targets, intervals, long timers, WebGL contexts. */
function trackResources() {
  const pageWide = (target: EventTarget) => target === window || target === document || target === document.documentElement || target instanceof AtlasGroup;
  const listeners = new Map<EventTarget, Map<string, Set<unknown>>>();
  const intervals = new Set<number>();
  const timeouts = new Set<number>();
  const contexts: WebGLRenderingContext[] = [];
  const original = {
    add: EventTarget.prototype.addEventListener,
    remove: EventTarget.prototype.removeEventListener,
    setInterval: window.setInterval,
    clearInterval: window.clearInterval,
    setTimeout: window.setTimeout,
    clearTimeout: window.clearTimeout,
    getContext: HTMLCanvasElement.prototype.getContext,
  };
  EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, listener: unknown, options?: unknown) {
    if (pageWide(this) && listener) {
      const once = typeof options === 'object' && (options as AddEventListenerOptions)?.once;
      if (!once) {
        const byType = listeners.get(this) ?? new Map<string, Set<unknown>>();
        listeners.set(this, byType);
        byType.set(type, (byType.get(type) ?? new Set()).add(listener));
      }
    }
    return original.add.call(this, type, listener as EventListener, options as AddEventListenerOptions);
  };
  EventTarget.prototype.removeEventListener = function (this: EventTarget, type: string, listener: unknown, options?: unknown) {
    listeners.get(this)?.get(type)?.delete(listener);
    return original.remove.call(this, type, listener as EventListener, options as EventListenerOptions);
  };
  window.setInterval = ((handler: TimerHandler, delay?: number, ...args: unknown[]) => {
    const id = (original.setInterval as (...a: unknown[]) => number).call(window, handler, delay, ...args);
    intervals.add(id);
    return id;
  }) as unknown as typeof window.setInterval;
  window.clearInterval = ((id?: number) => {
    if (id !== undefined) intervals.delete(id);
    original.clearInterval.call(window, id);
  }) as typeof window.clearInterval;
  window.setTimeout = ((handler: TimerHandler, delay?: number, ...args: unknown[]) => {
    let id = 0;
    const run = typeof handler === 'function' ? (...a: unknown[]) => (timeouts.delete(id), (handler as (...b: unknown[]) => void)(...a)) : handler;
    id = (original.setTimeout as (...a: unknown[]) => number).call(window, run, delay, ...args);
    if ((delay ?? 0) >= 1000) timeouts.add(id);
    return id;
  }) as unknown as typeof window.setTimeout;
  window.clearTimeout = ((id?: number) => {
    if (id !== undefined) timeouts.delete(id);
    original.clearTimeout.call(window, id);
  }) as typeof window.clearTimeout;
  HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...args: unknown[]) {
    const context = (original.getContext as (...a: unknown[]) => RenderingContext | null).call(this, type, ...args);
    if (context && /^webgl/.test(type) && !contexts.includes(context as WebGLRenderingContext)) contexts.push(context as WebGLRenderingContext);
    return context;
  } as typeof HTMLCanvasElement.prototype.getContext;
  return {
    restore() {
      EventTarget.prototype.addEventListener = original.add;
      EventTarget.prototype.removeEventListener = original.remove;
      Object.assign(window, { setInterval: original.setInterval, clearInterval: original.clearInterval, setTimeout: original.setTimeout, clearTimeout: original.clearTimeout });
      HTMLCanvasElement.prototype.getContext = original.getContext;
    },
    left() {
      const open = [...listeners.entries()].flatMap(([target, byType]) =>
        [...byType.entries()].filter(([, set]) => set.size).map(([type, set]) => `${target === window ? 'window' : target === document ? 'document' : target.constructor.name} ${type} ×${set.size}`),
      );
      return { listeners: open, intervals: intervals.size, timeouts: timeouts.size, liveWebGl: contexts.filter((context) => !context.isContextLost()).length, webGlCreated: contexts.length };
    },
  };
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

for (const subject of SUBJECTS) {
  describe(`every element: <${subject.tag}>`, () => {
    afterEach(() => AtlasGroup.named('suite').update({ level: undefined, year: undefined, indicator: undefined, areas: [] }));

    it('an attribute the atlas lacks: shows the message, fires keck-error once, recovers when fixed', async () => {
      const element = await place(subject, { [subject.broken.name]: subject.broken.value });
      const errors = countEvents(element, 'keck-error');
      // The problem was already there: re-rendering and a locale switch are not new problems.
      expect(alertText(element)).to.contain(subject.broken.value.split(',').at(-1));
      expect(subject.showsContent(element)).to.equal(false);
      element.setAttribute('locale', 'en');
      await element.settled();
      expect(errors.count).to.equal(0);

      element.setAttribute(subject.broken.name, subject.broken.fixed);
      await element.settled();
      expect(alertText(element)).to.equal('');
      expect(subject.showsContent(element), 'shows its content again').to.equal(true);

      const again = oneEvent(element, 'keck-error');
      element.setAttribute(subject.broken.name, subject.broken.value);
      const event = (await again) as unknown as { message: string; code: string };
      await element.settled();
      expect(errors.count).to.equal(1);
      expect(event.code).to.match(/^unknown-/);
      expect(event.message).to.not.match(/Die |der |nicht /); // English, as the element is now
    });

    it('an unknown level: the same message in every element, in German and English', async () => {
      const element = await place(subject, { level: 'ortsteil' });
      expect(alertText(element)).to.contain('Die Ebene „ortsteil“ gibt es in diesem Atlas nicht (Attribut „level“). Vorhanden: kreis, gemeinde.');
      element.setAttribute('locale', 'en');
      await element.settled();
      expect(alertText(element)).to.contain('The atlas has no level "ortsteil" (attribute "level"). Available: kreis, gemeinde.');
      expect(alertText(element)).to.contain('The data cannot be shown.');
    });

    it('keeps working when moved in the DOM, in its group too', async () => {
      const element = await place(subject, { group: 'suite' });
      const elsewhere = await fixture<HTMLDivElement>(html`<section lang="de"></section>`);
      elsewhere.append(element);
      await element.settled();
      expect(subject.showsContent(element)).to.equal(true);
      if (subject.tag === 'keck-map') {
        const map = element as KeckMap;
        await map.mapComplete();
        const maplibre = await map.whenMap();
        expect(maplibre.getContainer().isConnected, 'the map it draws on is the one on the page').to.equal(true);
        expect(maplibre.queryRenderedFeatures().length).to.be.greaterThan(0);
      }
      AtlasGroup.named('suite').update({ areas: [GEMEINDE] });
      await element.settled();
      expect(element.selectedAreas).to.deep.equal([GEMEINDE]);
    });

    it('shares its selection with its group only, and keeps a level it fixed', async () => {
      const page = await fixture<HTMLDivElement>(html`<div lang="de"></div>`);
      const element = await place(subject, { group: 'suite' }, page);
      const member = await place(SUBJECTS[1], { group: 'suite' }, page);
      const outsider = await place(SUBJECTS[1], {}, page);
      const key = subject.selectByHand ? await subject.selectByHand(element) : GEMEINDE;
      if (!subject.selectByHand) AtlasGroup.named('suite').update({ areas: [key] });
      await member.settled();
      expect(member.selectedAreas).to.deep.equal([key]);
      expect(element.selectedAreas).to.deep.equal([key]);
      expect(outsider.selectedAreas).to.deep.equal([]);
      if (subject.selectByHand) {
        await subject.selectByHand(element); // the same area again: one rule everywhere, it toggles
        await member.settled();
        expect(member.selectedAreas).to.deep.equal([]);
      }
      // A level chosen elsewhere in the group does not override the level this element fixed.
      element.setAttribute('level', 'gemeinde');
      AtlasGroup.named('suite').update({ level: 'kreis' });
      await element.settled();
      await member.settled();
      expect(element.activeLevel).to.equal('gemeinde');
      expect(member.activeLevel).to.equal('kreis');
    });

    it('aborts the load of a superseded src and shows the new one', async () => {
      const signals: { url: string; signal?: AbortSignal | null }[] = [];
      const originalFetch = window.fetch;
      window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
        signals.push({ url: String(input instanceof Request ? input.url : input), signal: init?.signal });
        return originalFetch(input, init);
      };
      try {
        const hanging = `/__keck/hang/${Math.random().toString(36).slice(2)}/test/fixtures/map/atlas.json`;
        const element = document.createElement(subject.tag) as KeckElement;
        for (const [name, value] of Object.entries(subject.attributes)) element.setAttribute(name, value);
        element.setAttribute('src', hanging);
        (await fixture<HTMLDivElement>(html`<div lang="de"></div>`)).append(element);
        await element.updateComplete;
        await waitUntil(() => signals.some((entry) => entry.url.includes(hanging)), 'the first src is requested');
        element.setAttribute('src', ATLAS);
        await element.settled();
        expect(subject.showsContent(element)).to.equal(true);
        expect(signals.find((entry) => entry.url.includes(hanging))!.signal?.aborted).to.equal(true);
      } finally {
        window.fetch = originalFetch;
      }
    });

    it('retries a failed load when asked, once the server answers again', async () => {
      const token = Math.random().toString(36).slice(2);
      const element = await place(subject, { src: `/__keck/fail/2/${token}${ATLAS}` });
      expect(alertText(element)).to.contain('HTTP 503');
      expect(alertText(element)).to.contain('(2 Versuche)');
      const loaded = oneEvent(element, 'keck-load');
      root(element).querySelector<HTMLButtonElement>('[part=retry]')!.click();
      await loaded;
      await element.settled();
      expect(alertText(element)).to.equal('');
      expect(subject.showsContent(element)).to.equal(true);
    });

    it('leaves nothing behind when removed: no page-wide listeners, intervals, long timers or live WebGL contexts', async () => {
      const tracked = trackResources();
      try {
        const element = await place(subject, { group: 'suite', 'deep-link': '' });
        element.remove();
        await nextFrame();
        const left = tracked.left();
        expect(left.listeners, 'listeners').to.deep.equal([]);
        expect(left.intervals, 'intervals').to.equal(0);
        expect(left.timeouts, 'timers of a second or more').to.equal(0);
        expect(left.liveWebGl, 'live WebGL contexts').to.equal(0);
        if (subject.tag === 'keck-map') expect(left.webGlCreated).to.be.greaterThan(0);
      } finally {
        tracked.restore();
      }
    });
  });
}

describe('every element: <keck-poi-layer>', () => {
  async function layerIn(src: string): Promise<{ map: KeckMap; layer: KeckPoiLayer }> {
    const map = await fixture<KeckMap>(html`<keck-map src=${ATLAS} style="width: 640px"><keck-poi-layer src=${src}></keck-poi-layer></keck-map>`);
    const layer = map.querySelector('keck-poi-layer')!;
    await map.settled();
    await layer.settled();
    return { map, layer };
  }

  it('an unknown POI source: shows the message, fires keck-error once, recovers when fixed', async () => {
    const { map, layer } = await layerIn('nope');
    const errors = countEvents(layer, 'keck-error');
    expect(alertText(layer)).to.contain('nope');
    const listed = () => layer.shadowRoot!.querySelectorAll('.list button').length;
    layer.setAttribute('src', 'vechta-pois');
    await layer.settled();
    await map.mapComplete();
    await waitUntil(() => listed() > 0, 'the fixed source lists its points');
    expect(alertText(layer)).to.equal('');
    const again = oneEvent(layer, 'keck-error');
    layer.setAttribute('src', 'nope-again');
    await again;
    await layer.updateComplete;
    expect(errors.count).to.equal(1);
    expect(alertText(layer)).to.contain('nope-again');
  });

  it('follows its map when the map is moved, and moves to another map', async () => {
    const { map, layer } = await layerIn('vechta-pois');
    const elsewhere = await fixture<HTMLDivElement>(html`<div></div>`);
    elsewhere.append(map);
    await map.settled();
    await layer.settled();
    const onMap = async (host: KeckMap) => (await host.whenMap()).getStyle().layers.some((l) => l.id.startsWith('keck-poi-'));
    await waitUntil(() => onMap(map), 'the POI layers are on the re-created map');
    const second = await fixture<KeckMap>(html`<keck-map src=${ATLAS} style="width: 640px"></keck-map>`);
    await second.settled();
    second.append(layer);
    await waitUntil(() => onMap(second), 'the POI layers are on the second map');
    expect(await onMap(map)).to.equal(false);
  });
});

describe('every element: its documented parts exist', () => {
  // Parts that exist only in another state than the shown content: the status message, an opened bookmark, the
  // retry button after a failed load, the hover details (hidden until a pointer is over an area), a POI's details,
  // the map's notice (while its areas load, or after its base map failed).
  const ELSEWHERE = new Set(['status', 'bookmark', 'retry', 'details', 'notice']);
  const contentStates: Record<string, string> = {
    'keck-map': `<keck-map src="${ATLAS}" controls style="width: 640px"><keck-poi-layer src="vechta-pois"></keck-poi-layer></keck-map>`,
    'keck-table': `<keck-table src="${ATLAS}"></keck-table>`,
    'keck-chart': `<keck-chart src="${ATLAS}" indicator="kids-share" style="width: 640px"></keck-chart>`,
    'keck-area-report': `<keck-area-report src="${ATLAS}" areas="${GEMEINDE}"></keck-area-report>`,
  };
  let documented: Map<string, string[]>;
  before(async () => {
    const manifest = await (await fetch('/custom-elements.json')).json();
    documented = new Map(
      manifest.modules
        .flatMap((module: { declarations?: { tagName?: string; cssParts?: { name: string }[] }[] }) => module.declarations ?? [])
        .filter((declaration: { tagName?: string }) => declaration.tagName)
        .map((declaration: { tagName: string; cssParts?: { name: string }[] }) => [declaration.tagName, (declaration.cssParts ?? []).map((part) => part.name)]),
    );
  });

  for (const [tag, markup] of Object.entries(contentStates)) {
    it(`<${tag}>`, async () => {
      const page = await fixture<HTMLDivElement>(html`<div lang="de"></div>`);
      page.innerHTML = markup;
      const element = page.firstElementChild as KeckElement;
      await element.settled();
      const layer = element.querySelector<KeckPoiLayer>('keck-poi-layer');
      if (layer) await layer.ready;
      const missing = (documented.get(tag) ?? []).filter((part) => !ELSEWHERE.has(part) && !element.shadowRoot!.querySelector(`[part~="${part}"]`));
      expect(documented.get(tag)?.length, 'the manifest lists its parts').to.be.greaterThan(2);
      expect(missing).to.deep.equal([]);
      if (layer) {
        const layerMissing = (documented.get('keck-poi-layer') ?? []).filter((part) => !ELSEWHERE.has(part) && !layer.shadowRoot!.querySelector(`[part~="${part}"]`));
        expect(layerMissing).to.deep.equal([]);
      }
    });
  }
});

describe('every element: one keyboard rule for moving between items', () => {
  const press = (target: HTMLElement, key: string) => target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));

  it('the map, the chart and the POI list stop at the ends and jump with Home and End', async () => {
    const map = await fixture<KeckMap>(html`<keck-map src=${ATLAS} style="width: 640px"><keck-poi-layer src="vechta-pois"></keck-poi-layer></keck-map>`);
    await map.settled();
    const area = map.shadowRoot!.querySelector<HTMLElement>('[part=map]')!;
    const focusedName = () => (map as unknown as { focusedKey?: string }).focusedKey;
    press(area, 'End');
    const last = focusedName();
    press(area, 'ArrowRight');
    expect(focusedName(), 'the map stops at its last area').to.equal(last);
    press(area, 'Home');
    const first = focusedName();
    press(area, 'ArrowLeft');
    expect(focusedName(), 'the map stops at its first area').to.equal(first);

    const chart = await fixture<KeckElement>(html`<keck-chart src=${ATLAS} indicator="kids-share" style="width: 640px"></keck-chart>`);
    await chart.settled();
    const box = chart.shadowRoot!.querySelector<HTMLElement>('.chart')!;
    const highlighted = () => (chart as unknown as { focusedKey: string }).focusedKey;
    press(box, 'End');
    const lastMark = highlighted();
    press(box, 'ArrowRight');
    expect(highlighted()).to.equal(lastMark);
    press(box, 'ArrowLeft');
    expect(highlighted()).to.not.equal(lastMark);

    const layer = map.querySelector<KeckPoiLayer>('keck-poi-layer')!;
    await layer.settled();
    await waitUntil(() => layer.shadowRoot!.querySelectorAll('.list button').length > 1, 'the list shows points');
    const buttons = () => [...layer.shadowRoot!.querySelectorAll<HTMLButtonElement>('.list button')];
    expect(buttons().filter((button) => button.tabIndex === 0), 'one tab stop').to.have.length(1);
    buttons()[0].focus();
    press(buttons()[0], 'End');
    await layer.updateComplete;
    expect(layer.shadowRoot!.activeElement).to.equal(buttons().at(-1));
    press(buttons().at(-1)!, 'ArrowDown');
    await layer.updateComplete;
    expect(layer.shadowRoot!.activeElement, 'the list stops at its end').to.equal(buttons().at(-1));
    expect(buttons().at(-1)!.tabIndex).to.equal(0);
  });
});

describe('one selection rule across elements (the defects of issue 14)', () => {
  const reportAreas = (report: Element) => [...new Set([...report.shadowRoot!.querySelectorAll('td[data-key]')].map((td) => td.getAttribute('data-key')))];
  const status = (element: Element) => element.shadowRoot!.querySelector('[part=status]');

  it('a fourth selected area is not dropped: the report shows the three chosen last and says four are selected', async () => {
    const page = await fixture<HTMLDivElement>(html`<div lang="de">
      <keck-table src=${ATLAS} group="four"></keck-table>
      <keck-area-report src=${ATLAS} group="four"></keck-area-report>
    </div>`);
    const [table, report] = [...page.children] as KeckElement[];
    await Promise.all([table.settled(), report.settled()]);
    const rows = [...table.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody.areas tr')].slice(0, 4);
    for (const row of rows) row.querySelector('button')!.click(); // the table adds, as the map does
    await report.settled();
    const keys = rows.map((row) => row.dataset.key!);
    expect(AtlasGroup.named('four').view.areas).to.deep.equal(keys);
    expect(reportAreas(report)).to.deep.equal(keys.slice(1));
    expect(status(report)!.getAttribute('role')).to.equal('status');
    expect(status(report)!.textContent).to.contain('4 Gebiete sind ausgewählt; der Bericht vergleicht die 3 zuletzt gewählten.');
  });

  it('selecting a Kreis in a chart fixed to the Kreis level changes no other element’s level and is no error in a Gemeinde report', async () => {
    const page = await fixture<HTMLDivElement>(html`<div lang="de">
      <keck-chart src=${ATLAS} level="kreis" indicator="kids-share" group="levels" style="width: 640px"></keck-chart>
      <keck-map src=${ATLAS} group="levels" style="width: 640px"></keck-map>
      <keck-area-report src=${ATLAS} group="levels"></keck-area-report>
    </div>`);
    const [chart, map, report] = [...page.children] as KeckElement[];
    await Promise.all([chart.settled(), map.settled(), report.settled()]);
    const errors = countEvents(report, 'keck-error');
    chart.shadowRoot!.querySelector<HTMLButtonElement>('details th button')!.click();
    await Promise.all([map.settled(), report.settled()]);
    expect(AtlasGroup.named('levels').view.areas).to.deep.equal(['03460']);
    expect(map.activeLevel).to.equal('gemeinde');
    expect(report.activeLevel).to.equal('gemeinde');
    expect(errors.count).to.equal(0);
    expect(status(report)!.getAttribute('role')).to.equal('status');
    expect(status(report)!.textContent).to.contain('nicht auf der Ebene „Gemeinden“');
  });

  it('a line chart without its own areas draws the group’s selected areas', async () => {
    const page = await fixture<HTMLDivElement>(html`<div lang="de">
      <keck-table src=${ATLAS} group="line" indicators="kids-share"></keck-table>
      <keck-chart src=${ATLAS} type="line" indicator="kids-share" group="line" style="width: 640px"></keck-chart>
    </div>`);
    const [table, chart] = [...page.children] as KeckElement[];
    await Promise.all([table.settled(), chart.settled()]);
    const row = table.shadowRoot!.querySelector<HTMLTableRowElement>('tbody.areas tr')!;
    row.querySelector('button')!.click();
    await chart.settled();
    const rows = [...chart.shadowRoot!.querySelectorAll('details[part~=table] tbody tr th')].map((th) => th.textContent!.trim());
    expect(rows).to.include(row.querySelector('button')!.textContent!.trim());
  });
});
