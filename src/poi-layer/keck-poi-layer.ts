import { ContextConsumer } from '@lit/context';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { GeoJSONSource, Map as MaplibreMap, MapLayerMouseEvent } from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import { KeckErrorEvent } from '../base/events.js';
import { resolveLocale } from '../base/locale.js';
import { rovingIndex } from '../base/roving.js';
import { problemKey, describeIssue, type Problem } from '../base/problem.js';
import { renderProblem } from '../base/problem-view.js';
import { baseStyles } from '../base/styles.js';
import { ContractError } from '../contract/issues.js';
import { localize } from '../contract/localize.js';
import type { Locale, PoiCategory } from '../contract/types.js';
import type { Atlas } from '../data/atlas.js';
import { mapContext, type MapConnection } from '../map/map-context.js';
import { setStyles } from '../base/style-ref.js';
import { safeHttpUrl } from '../base/links.js';
import { formatOf, loadPois, textProperty, type Poi } from './load-pois.js';
import { poiMessages } from './messages.js';
import { seriesColours } from '../core/colours.js';
import { countImage, imagePixelRatio, symbolImage, symbolName } from './symbols.js';

/** Points listed at most; beyond that the list asks to zoom in (the map still shows all, clustered). */
const LIST_LIMIT = 50;
let layerCount = 0;
/** Makes the image of a cluster's count (`keck-poi-<n>-count-<count>`) when the map first needs it. */
function resolveCountImage(map: MaplibreMap) {
  return (id: string) => {
    const count = /^keck-poi-\d+-count-(\d+)$/.exec(id)?.[1];
    if (!count || map.hasImage(id)) return;
    const pixelRatio = imagePixelRatio();
    map.addImage(id, countImage(Number(count), pixelRatio), { pixelRatio });
  };
}

/** Above this zoom no point is clustered. */
const CLUSTER_MAX_ZOOM = 13;

interface Category {
  id: string;
  title: string;
  symbol: string;
  colour: string;
}

/**
 * Points of interest (Kitas, playgrounds, family centres …) on the enclosing `<keck-map>`:
 * symbols per category (clustered when there are many), a category filter, a keyboard-reachable
 * list of the points in view and a details panel. Data are untrusted: all text is shown as text,
 * links only when they are http(s).
 *
 * Not a `KeckElement`: its `src` names a POI source, not an atlas; the atlas is the map's. It finds
 * its map through a context (`mapContext`), so it follows the map when either is moved in the DOM.
 *
 * @fires {KeckErrorEvent} keck-error - The source is not one of the atlas's POI sources, or its file cannot be read; once per new problem.
 * @csspart status - The loading or error message.
 * @csspart filter - The category checkboxes.
 * @csspart list - The list of points in view.
 * @csspart details - The details panel of the chosen point.
 * @cssprop {<color>} [--keck-border=#767676] - Border of the filter, list and details panel.
 * @cssprop {<color>} [--keck-accent=#0b5cad] - Colour of the list's buttons and links.
 * @cssprop {<color>} [--keck-muted=#595959] - Secondary text (category, address).
 */
export class KeckPoiLayer extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        margin-top: 0.5em;
        font-size: 0.95em;
      }
      .title {
        font-weight: bold;
        margin: 0.3em 0 0.2em;
      }
      summary.title {
        cursor: pointer;
        min-height: 24px;
      }
      fieldset {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25em 1em;
        margin: 0;
        padding: 0;
        border: 0;
      }
      fieldset legend {
        padding: 0;
        margin-bottom: 0.15em;
        font-size: 0.9em;
        color: var(--_keck-muted);
      }
      label {
        display: inline-flex;
        align-items: center;
        gap: 0.3em;
        min-height: 24px;
      }
      input[type='checkbox'] {
        width: 1.1em;
        height: 1.1em;
        margin: 0;
      }
      .dot {
        display: inline-block;
        width: 0.9em;
        height: 0.9em;
        border-radius: 50%;
      }
      ul {
        margin: 0;
        padding-left: 1.2em;
        max-height: 10em;
        overflow: auto;
      }
      button {
        font: inherit;
      }
      .list button {
        min-height: 24px;
        background: none;
        border: 0;
        padding: 0.1em 0;
        color: var(--_keck-accent);
        text-decoration: underline;
        cursor: pointer;
        text-align: left;
      }
      .details {
        border: 1px solid var(--_keck-border);
        border-radius: 4px;
        padding: 0.5em 0.75em;
        margin-top: 0.5em;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.2em 0.75em;
        margin: 0.25em 0 0.5em;
      }
      dt {
        font-weight: bold;
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      .note {
        font-size: 0.85em;
        color: var(--_keck-muted);
      }
    `,
  ];

  /** A POI source id of the atlas (`poiSources`), or the URL of a FlatGeobuf or GeoJSON file of points. */
  @property({ reflect: true }) src?: string;

  /** Comma-separated category ids to show (default: all). */
  @property({ reflect: true }) categories?: string;

  /** A BCP 47 language tag, as on the other elements; default: the page's `lang`. */
  @property({ reflect: true }) locale?: Locale;

  @state() private pois: Poi[] = [];
  @state() private hiddenCategories = new Set<string>();
  @state() private inView: Poi[] = [];
  @state() private chosen?: Poi;
  @state() private message?: string;
  @state() private problem?: Problem;
  @state() private outsideMap = false;
  /** The list's one tab stop; arrow keys move it (the keyboard rule of map and chart). */
  @state() private listIndex = 0;
  @state() private listOpen = true;

  private map?: MaplibreMap;
  private atlas?: Atlas;
  private focusTarget?: HTMLElement;
  private reportedProblem = '';
  private loading: Promise<void> = Promise.resolve();
  private loadedFor?: Atlas;
  private readonly sourceId = `keck-poi-${++layerCount}`;
  private loadedSrc?: string;
  private returnFocusTo?: HTMLElement;
  private abort?: AbortController;

  private readonly connection = new ContextConsumer(this, { context: mapContext, subscribe: true, callback: (value) => this.connectTo(value) });

  private get activeLocale(): Locale {
    return resolveLocale(this, this.locale);
  }

  /** Resolves when the points are loaded and on the map for the first time. */
  readonly ready = new Promise<void>((resolve) => (this.resolveReady = resolve));
  private resolveReady!: () => void;

  /** Resolves when the current source has loaded (or failed) and is shown. */
  async settled(): Promise<void> {
    await this.updateComplete;
    await this.loading;
    await this.updateComplete;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The context answers at once inside a map (with an empty value until the map exists); no answer means no map around.
    this.outsideMap = this.connection.value === undefined;
    if (this.outsideMap) this.message = poiMessages(this.activeLocale).notInMap;
    // A <keck-map> registered after this element: ask again once it exists.
    if (this.outsideMap && !customElements.get('keck-map')) {
      customElements.whenDefined('keck-map').then(() => {
        if (!this.isConnected || this.connection.value !== undefined) return;
        this.connection.hostDisconnected();
        this.connection.hostConnected();
      });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
    this.connectTo(undefined);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('categories')) {
      const shown = this.categories?.split(',').map((id) => id.trim()).filter(Boolean);
      this.hiddenCategories = new Set(shown ? this.allCategories().filter((c) => !shown.includes(c.id)).map((c) => c.id) : []);
    }
    if (changed.has('hiddenCategories') || changed.has('pois')) this.showPoints();
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('src') && this.map && this.src !== this.loadedSrc) this.load();
    const key = problemKey(this.problem);
    if (key && key !== this.reportedProblem) this.dispatchEvent(new KeckErrorEvent(this.problem!.message, this.problem!.issues ?? [], this.problem!.code));
    this.reportedProblem = key;
  }

  /** Moves the layers to the map the enclosing `<keck-map>` draws on now (none: takes them off). */
  private connectTo(connection: MapConnection | undefined): void {
    if (connection !== undefined) {
      this.outsideMap = false;
      if (this.message === poiMessages(this.activeLocale).notInMap) this.message = undefined;
    }
    const map = connection?.map;
    this.focusTarget = connection?.focusTarget;
    if (map !== this.map) {
      this.detachLayers();
      this.map = map;
      if (map) this.addLayers(map);
    }
    this.atlas = connection?.atlas;
    if (!map || !this.atlas) return;
    if (this.loadedFor !== this.atlas || this.src !== this.loadedSrc) this.load();
    else this.showPoints();
  }

  private poiSource() {
    return this.atlas?.manifest.poiSources?.find((source) => source.id === this.src);
  }

  private load(): void {
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    this.loadedSrc = this.src;
    this.loadedFor = this.atlas;
    this.problem = undefined;
    this.pois = [];
    if (!this.src || !this.atlas) return;
    this.loading = this.loadSource(this.src, this.atlas, abort.signal);
  }

  private async loadSource(src: string, atlas: Atlas, signal: AbortSignal): Promise<void> {
    const source = atlas.manifest.poiSources?.find((candidate) => candidate.id === src);
    const locale = this.activeLocale;
    const terms = poiMessages(locale);
    // A name without a dot or slash is meant as a source id of the atlas, not as a file.
    if (!source && !/[./]/.test(src)) {
      this.problem = { code: 'unknown-poi-source', detail: src, message: terms.unknownSource(src, (atlas.manifest.poiSources ?? []).map((s) => s.id)) };
      this.message = undefined;
      return;
    }
    this.message = terms.loading;
    try {
      // A file named by the manifest must stay on its origin; one named by the page is the page's choice.
      const url = source ? atlas.dataUrl(source.url, `$.poiSources[${atlas.manifest.poiSources!.indexOf(source)}].url`) : new URL(src, document.baseURI).href;
      const { pois, skipped } = await loadPois(url, source?.format ?? formatOf(url), source?.categoryField ?? 'category', { signal, timeout: atlas.settings.timeout });
      if (signal.aborted) return;
      this.pois = pois;
      this.message = skipped.length ? terms.skipped(skipped.length, describeIssue(skipped[0], locale)) : undefined;
      if (this.categories) this.requestUpdate('categories');
      await this.updateComplete;
      this.resolveReady();
    } catch (error) {
      if (signal.aborted) return;
      this.message = undefined;
      const issues = error instanceof ContractError ? error.issues : [];
      this.problem = { code: 'load-failed', detail: (error as Error).message, message: issues.length ? issues.map((issue) => describeIssue(issue, locale)).join('\n') : (error as Error).message, issues };
    }
  }

  /**
   * Categories of the atlas plus any others found in the data (drawn with the neutral symbol);
   * one without a colour gets the next of the core's series colours, so no two look alike.
   */
  private allCategories(): Category[] {
    const locale = this.activeLocale;
    const defined: PoiCategory[] = this.atlas?.manifest.poiCategories ?? [];
    const found = [...new Set(this.pois.map((poi) => poi.category))].filter((id) => !defined.some((c) => c.id === id));
    const uncoloured = defined.filter((c) => !c.colour).length + found.length;
    const taken = new Set(defined.map((c) => c.colour?.toLowerCase()).filter(Boolean));
    const spare = seriesColours(uncoloured + taken.size).filter((colour) => !taken.has(colour.toLowerCase()));
    let next = 0;
    const categories = defined.map((c) => ({ id: c.id, title: localize(c.title, locale), symbol: symbolName(c.symbol), colour: c.colour ?? spare[next++ % spare.length] }));
    for (const id of found) categories.push({ id, title: id, symbol: 'other', colour: spare[next++ % spare.length] });
    return categories;
  }

  private addLayers(map: MaplibreMap): void {
    const id = this.sourceId;
    map.addSource(id, { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, cluster: true, clusterRadius: 40, clusterMaxZoom: CLUSTER_MAX_ZOOM });
    map.addLayer({
      id: `${id}-clusters`,
      type: 'circle',
      source: id,
      filter: ['has', 'point_count'],
      paint: {
        'circle-color': '#333333',
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
        'circle-radius': ['step', ['get', 'point_count'], 13, 10, 15, 100, 18, 1000, 21],
      },
    });
    // The count on each cluster: canvas images made on demand (the map has no glyphs to request).
    map.addLayer({
      id: `${id}-counts`,
      type: 'symbol',
      source: id,
      filter: ['has', 'point_count'],
      layout: { 'icon-image': ['concat', `${id}-count-`, ['to-string', ['get', 'point_count']]], 'icon-allow-overlap': true },
    });
    // The chosen point's ring has a source of its own: drawn where the point is, also inside a cluster.
    map.addSource(`${id}-chosen`, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    map.addLayer({
      id: `${id}-chosen`,
      type: 'circle',
      source: `${id}-chosen`,
      paint: { 'circle-radius': 16, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#000000', 'circle-stroke-width': 3 },
    });
    map.addLayer({
      id: `${id}-points`,
      type: 'symbol',
      source: id,
      filter: ['!', ['has', 'point_count']],
      layout: { 'icon-image': ['get', 'icon'], 'icon-allow-overlap': true, 'icon-size': 1 },
    });
    // maplibre asks the resolver before drawing (an event listener would come too late for this draw).
    // One resolver per map, the same for every layer: a count's image depends only on the count.
    map.setMissingStyleImageResolver(resolveCountImage(map));
    map.on('click', `${id}-points`, this.onPointClick);
    map.on('click', `${id}-clusters`, this.onClusterClick);
    map.on('moveend', this.updateInView);
  }

  private detachLayers(): void {
    const map = this.map;
    this.map = undefined;
    if (!map || !map.getSource(this.sourceId)) return;
    map.off('click', `${this.sourceId}-points`, this.onPointClick);
    map.off('click', `${this.sourceId}-clusters`, this.onClusterClick);
    map.off('moveend', this.updateInView);
    map.removeLayer(`${this.sourceId}-points`);
    map.removeLayer(`${this.sourceId}-chosen`);
    map.removeSource(`${this.sourceId}-chosen`);
    map.removeLayer(`${this.sourceId}-counts`);
    map.removeLayer(`${this.sourceId}-clusters`);
    map.removeSource(this.sourceId);
  }

  private readonly onPointClick = (event: MapLayerMouseEvent) => {
    const id = event.features?.[0]?.properties?.poi;
    const poi = typeof id === 'number' ? this.pois[id] : undefined;
    if (poi) this.choose(poi, this.focusTarget, false);
  };

  private readonly onClusterClick = async (event: MapLayerMouseEvent) => {
    const feature = event.features?.[0];
    const clusterId = feature?.properties?.cluster_id;
    if (!this.map || feature?.geometry.type !== 'Point' || typeof clusterId !== 'number') return;
    const zoom = await (this.map.getSource(this.sourceId) as GeoJSONSource).getClusterExpansionZoom(clusterId);
    this.map.easeTo({ center: feature.geometry.coordinates as [number, number], zoom });
  };

  /** Puts the visible categories' points on the map (clusters are recomputed for them). */
  private showPoints(): void {
    const map = this.map;
    if (!map || !map.getSource(this.sourceId)) return;
    const categories = new Map(this.allCategories().map((c) => [c.id, c]));
    const pixelRatio = imagePixelRatio();
    for (const category of categories.values()) {
      const icon = this.iconId(category);
      if (!map.hasImage(icon)) map.addImage(icon, symbolImage(category.symbol, category.colour, pixelRatio), { pixelRatio });
    }
    const data: FeatureCollection<Point> = {
      type: 'FeatureCollection',
      features: this.visiblePois().map((poi) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: poi.coordinates },
        properties: { poi: poi.id, icon: this.iconId(categories.get(poi.category)!) },
      })),
    };
    (map.getSource(this.sourceId) as GeoJSONSource).setData(data);
    this.updateInView();
  }

  private iconId(category: Category): string {
    return `${this.sourceId}-${category.id}`;
  }

  /** The points shown (their categories not filtered out), with their categories' colours: what the map's exports draw. */
  exportPoints(): { points: { coordinates: [number, number]; colour: string; name: string }[]; legend: { label: string; colour: string }[] } {
    const categories = new Map(this.allCategories().map((c) => [c.id, c]));
    const points = this.visiblePois().map((poi) => ({ coordinates: poi.coordinates, colour: categories.get(poi.category)!.colour, name: poi.name }));
    const shown = new Set(this.visiblePois().map((poi) => poi.category));
    return { points, legend: [...categories.values()].filter((c) => shown.has(c.id)).map((c) => ({ label: c.title, colour: c.colour })) };
  }

  private visiblePois(): Poi[] {
    return this.pois.filter((poi) => !this.hiddenCategories.has(poi.category));
  }

  private readonly updateInView = () => {
    const bounds = this.map?.getBounds();
    if (!bounds) return;
    const collator = new Intl.Collator(this.activeLocale);
    this.inView = this.visiblePois()
      .filter((poi) => bounds.contains(poi.coordinates))
      .sort((a, b) => collator.compare(a.name, b.name));
  };

  private toggleCategory(id: string, shown: boolean): void {
    const hidden = new Set(this.hiddenCategories);
    if (shown) hidden.delete(id);
    else hidden.add(id);
    this.hiddenCategories = hidden;
  }

  /** Shows the POI's details; chosen in the list (`reveal`), the map also pans to it. */
  private async choose(poi: Poi, returnFocusTo?: HTMLElement, reveal = true): Promise<void> {
    this.chosen = poi;
    this.returnFocusTo = returnFocusTo;
    this.markChosen(poi, reveal);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.details')?.focus();
  }

  /** Rings the chosen point on the map; chosen in the list (`reveal`), pans to it when it is outside the view. */
  private markChosen(poi: Poi | undefined, reveal = false): void {
    const map = this.map;
    const ring = map?.getSource(`${this.sourceId}-chosen`) as GeoJSONSource | undefined;
    if (!map || !ring) return;
    ring.setData({ type: 'FeatureCollection', features: poi ? [{ type: 'Feature', geometry: { type: 'Point', coordinates: poi.coordinates }, properties: { poi: poi.id } }] : [] });
    if (poi && reveal && !map.getBounds().contains(poi.coordinates)) map.easeTo({ center: poi.coordinates, duration: 0 });
  }

  private close(): void {
    const target = this.returnFocusTo;
    this.chosen = undefined;
    this.markChosen(undefined);
    this.returnFocusTo = undefined;
    target?.focus();
  }

  private readonly onListKey = (event: KeyboardEvent) => {
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('.list button')];
    const next = rovingIndex(event.key, buttons.indexOf(event.target as HTMLButtonElement), buttons.length);
    if (next === undefined) return;
    event.preventDefault();
    this.listIndex = next;
    buttons[next].focus();
  };

  private readonly onDetailsKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    this.close();
  };

  protected override render() {
    const locale = this.activeLocale;
    const terms = poiMessages(locale);
    const source = this.poiSource();
    const categories = this.allCategories().filter((c) => this.pois.some((poi) => poi.category === c.id));
    const listed = this.inView.slice(0, LIST_LIMIT);
    const titleId = `${this.sourceId}-title`;
    if (this.problem) return renderProblem(this.problem, locale, this.problem.code === 'load-failed' ? () => this.load() : undefined);
    return html`<section aria-labelledby=${titleId}>
      <p class="title" id=${titleId}>${source ? localize(source.title, locale) : (this.src ?? '')}</p>
      ${source?.fictional ? html`<p class="note">${terms.fictional}</p>` : nothing}
      ${this.message ? html`<p part="status" role="status">${this.message}</p>` : nothing}
      ${categories.length
        ? html`<fieldset part="filter">
            <legend>${terms.categories}</legend>
            ${categories.map(
              (category) => html`<label>
                <input type="checkbox" .checked=${!this.hiddenCategories.has(category.id)} @change=${(e: Event) => this.toggleCategory(category.id, (e.target as HTMLInputElement).checked)} />
                <span class="dot" ${setStyles({ background: category.colour })}></span>${category.title}
              </label>`,
            )}
          </fieldset>`
        : nothing}
      <details class="in-view" ?open=${this.listOpen} @toggle=${(e: Event) => (this.listOpen = (e.target as HTMLDetailsElement).open)}>
        <summary class="title">${terms.inView(this.inView.length)}</summary>
        ${this.inView.length
          ? html`<ul class="list" part="list" @keydown=${this.onListKey}>
              ${listed.map(
                (poi, i) => html`<li>
                  <button
                    type="button"
                    data-poi=${poi.id}
                    tabindex=${i === Math.min(this.listIndex, listed.length - 1) ? 0 : -1}
                    @focus=${() => (this.listIndex = i)}
                    @click=${(e: Event) => this.choose(poi, e.currentTarget as HTMLElement)}
                  >${poi.name}</button
                  >
                </li>`,
              )}
            </ul>`
          : html`<p class="note">${terms.none}</p>`}
        ${this.inView.length > LIST_LIMIT ? html`<p class="note">${terms.more(this.inView.length - LIST_LIMIT)}</p>` : nothing}
      </details>
      ${this.chosen ? this.renderDetails(this.chosen, categories) : nothing}
    </section>`;
  }

  private renderDetails(poi: Poi, categories: Category[]) {
    const terms = poiMessages(this.activeLocale);
    const p = poi.texts;
    const website = textProperty(p, 'website', 'url');
    const href = safeHttpUrl(website);
    const rows: [string, unknown][] = [
      [terms.category, categories.find((c) => c.id === poi.category)?.title ?? poi.category],
      [terms.address, textProperty(p, 'address', 'adresse')],
      [terms.openingHours, textProperty(p, 'openingHours', 'opening_hours', 'oeffnungszeiten')],
      [terms.targetGroup, textProperty(p, 'targetGroup', 'target_group', 'zielgruppe')],
      [terms.capacity, textProperty(p, 'capacity', 'plaetze')],
      [terms.website, website === undefined ? undefined : href ? html`<a href=${href} rel="noopener noreferrer" target="_blank">${website}</a>` : website],
    ];
    const headingId = `${this.sourceId}-details`;
    return html`<div class="details" part="details" role="region" aria-labelledby=${headingId} tabindex="-1" @keydown=${this.onDetailsKeydown}>
      <p class="title" id=${headingId}>${poi.name}</p>
      <dl>
        ${rows.filter(([, value]) => value !== undefined).map(([label, value]) => html`<dt>${label}</dt><dd>${value}</dd>`)}
      </dl>
      <button type="button" @click=${() => this.close()}>${terms.close}</button>
    </div>`;
  }
}
