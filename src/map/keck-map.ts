import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Map as MaplibreMap } from 'maplibre-gl';
import { ContextProvider } from '@lit/context';
import { rovingIndex } from '../base/roving.js';
import type { Problem } from '../base/problem.js';
import { dataTableStyles } from '../base/data-table-styles.js';
import { KeckElement } from '../base/keck-element.js';
import { linkOrText } from '../base/links.js';
import { ContractError } from '../contract/issues.js';
import { localize, uiLocale } from '../contract/localize.js';
import type { ClassificationMethod } from '../core/classify.js';
import type { StyledView } from '../core/view.js';
import type { Atlas } from '../data/atlas.js';
import type { AreaFeature, BBox } from '../data/geometry.js';
import { COLUMN_AREA_LIMIT, columnFeatures } from './columns.js';
import { downloadMap, mapExportBlob, type MapExportContext, type MapExportFormat } from './export-map.js';
import { boundsOf, keyboardOrder, labelPoints } from './geo.js';
import { mapSvg } from './map-svg.js';
import { MapView } from './map-view.js';
import { mapContext } from './map-context.js';
import { mapModel, type MapModel } from './map-model.js';
import { mapMessages } from './messages.js';
import { besidePoint, popupStyles } from '../base/popup.js';
import { setStyles } from '../base/style-ref.js';
import { mapStyles, maplibreStyles } from './styles.js';

/** What a `<keck-poi-layer>` gives the map's exports (the map does not import the layer). */
interface PoiExport {
  exportPoints(): { points: { coordinates: [number, number]; colour: string; name: string }[]; legend: { label: string; colour: string }[] };
}

/** A level's shapes; label points are computed on first use (columns, keyboard, details). */
class Geometry {
  readonly bounds: BBox;
  private labelPoints?: Map<string, [number, number]>;
  constructor(
    readonly level: string,
    readonly features: AreaFeature[],
    readonly parents: AreaFeature[],
  ) {
    this.bounds = boundsOf(features);
  }
  private readonly orders = new Map<string, string[]>();
  get points(): Map<string, [number, number]> {
    return (this.labelPoints ??= labelPoints(this.features));
  }
  /** The areas in keyboard order for a locale, sorted once. */
  order(locale: string): string[] {
    let order = this.orders.get(locale);
    if (!order) this.orders.set(locale, (order = keyboardOrder(this.features, locale)));
    return order;
  }
}

const EXPORT_FORMATS: MapExportFormat[] = ['png', 'jpg', 'svg', 'pdf'];
/** State that changes what is highlighted (pointer, keyboard, live region), not what the map shows. */
const HIGHLIGHT_STATE = new Set(['hovered', 'focusedKey', 'announcement', 'tableOpen']);

/**
 * A choropleth map of one indicator for one level and year, with legend, columns of further
 * indicators, details on hover and keyboard focus, a table alternative and exports.
 * maplibre-gl loads only when a map is on the page; nothing is requested from another origin
 * unless `basemap` names a style.
 *
 * @fires {KeckAreaSelectEvent} keck-area-select - An area was selected (click, Enter) or the selection cleared (Escape); detail `{ level, key }`.
 * @fires {KeckLoadEvent} keck-load - The atlas has loaded and the map has drawn its areas.
 * @fires {KeckErrorEvent} keck-error - Loading failed (atlas, geometry, maplibre or its worker) or an attribute names something the atlas does not have.
 * @fires {KeckExportEvent} keck-export - Before an export download; cancel it to handle the file yourself (detail: format, blob, fileName).
 * @slot - `<keck-poi-layer>` elements.
 * @csspart figure - The whole map figure.
 * @csspart caption - The title above the map.
 * @csspart map - The map (one tab stop; arrow keys move between areas).
 * @csspart details - The details box shown on hover and keyboard focus.
 * @csspart legend - The legend.
 * @cssprop {<length>} [--keck-map-height=28rem] - Height of the map area (the canvas, not legend and notes around it).
 * @cssprop {<color>} --keck-series-1 - Colour of the first column series (also `--keck-series-2` … `-7`; default: the accent, then the same series colours as the charts).
 * @csspart attribution - Source and attribution notices.
 * @csspart table - The table alternative.
 * @csspart controls - The optional built-in selects (attribute `controls`).
 * @csspart exports - The download buttons.
 * @csspart button - Each download button.
 * @csspart notice - A short notice over the map: the areas are loading, or the base map could not be loaded.
 */
export class KeckMap extends KeckElement {
  static override styles = [...KeckElement.styles, dataTableStyles, popupStyles, maplibreStyles, mapStyles];

  /** Indicator id (default: the bookmark's, the atlas default, else the first published one). */
  @property({ reflect: true }) indicator?: string;

  /** Classification method: `quantile` (default), `equal`, `jenks` or `manual`. */
  @property({ reflect: true }) classification?: ClassificationMethod;

  /** Number of classes (default from the core). */
  @property({ type: Number, reflect: true }) classes?: number;

  /** Manual class limits, comma-separated (with `classification="manual"`). */
  @property({ reflect: true }) breaks?: string;

  /** Comma-separated indicator ids drawn as small columns on each area. */
  @property({ reflect: true }) bars?: string;

  /** Style URL of an opt-in base map (read when the map is created). None by default. */
  @property({ reflect: true }) basemap?: string;

  /** Shows built-in selects for indicator, level and year. */
  @property({ type: Boolean, reflect: true }) controls = false;

  @state() private geometry?: Geometry;
  @state() private basemapFailed = false;
  @state() private focusedKey?: string;
  @state() private hovered?: { key: string; x: number; y: number };
  @state() private announcement = '';
  @state() private basemapAttributions: string[] = [];
  /** The table alternative is built only while open (a national map has thousands of rows). */
  @state() private tableOpen = false;

  private mapView?: MapView;
  private creatingMap?: Promise<MapView | undefined>;
  private loadingLevel?: string;
  private drawn: Promise<void> = Promise.resolve();
  private shownGeometry?: Geometry;
  private paintedView?: StyledView;
  private paintedColumns?: string;
  private model?: MapModel;
  private paintedOutlines?: string;
  private geometryAbort?: AbortController;
  private modelProblem?: Problem;
  /** A failed draw, kept until the model changes (then the map draws again). */
  private drawProblem?: { model?: string; problem: Problem };
  private mapWaiters: ((map: MaplibreMap) => void)[] = [];
  private readonly connection = new ContextProvider(this, { context: mapContext, initialValue: {} });

  /** The maplibre map once it exists (children such as `<keck-poi-layer>` add their layers to it). */
  whenMap(): Promise<MaplibreMap> {
    const current = this.mapView?.map;
    return current ? Promise.resolve(current) : new Promise((resolve) => this.mapWaiters.push(resolve));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the DOM: maplibre was removed on disconnect and is created again.
    if (this.hasUpdated) this.requestUpdate();
  }

  /** Resolves when the current level, colours and columns are drawn and the map is idle. */
  async mapComplete(): Promise<void> {
    await this.updateComplete;
    let drawn: Promise<void>;
    do {
      drawn = this.drawn;
      await drawn;
      await this.updateComplete;
    } while (drawn !== this.drawn);
    await this.mapView?.idle();
  }

  /** keck-load waits for the first complete draw: a map that cannot draw fires keck-error instead. */
  override async whenRendered(): Promise<void> {
    await super.whenRendered();
    await this.mapComplete();
  }

  /** The loaded atlas (for children), once ready. */
  get atlas(): Atlas | undefined {
    return this.data.atlas;
  }

  /** The indicator in effect. */
  get activeIndicator(): string | undefined {
    const atlas = this.data.atlas;
    const level = this.activeLevel;
    if (!atlas || !level) return undefined;
    return this.shown.indicator(this.indicator);
  }

  protected override viewProblem(): Problem | undefined {
    const drawn = this.drawProblem?.model === this.model?.key ? this.drawProblem?.problem : undefined;
    return this.indicatorProblem() ?? this.modelProblem ?? drawn;
  }

  private indicatorProblem(): Problem | undefined {
    const atlas = this.data.atlas;
    const level = this.activeLevel;
    const indicator = this.indicator;
    if (!atlas || !level || !indicator || atlas.renderableIndicators(level).some((d) => d.id === indicator)) return undefined;
    return { code: 'unknown-indicator', detail: `${level}/${indicator}`, message: mapMessages(this.activeLocale).unknownIndicator(indicator, level) };
  }

  /** The styled view shown, from the core (undefined until the atlas is ready). */
  get view(): StyledView | undefined {
    return this.model?.view;
  }

  /** Styled views of the `bars` indicators (those the atlas may render; others are ignored). */
  get columnViews(): StyledView[] {
    return this.columnsHidden ? [] : (this.model?.columns ?? []);
  }

  /** Columns on more areas than they can be read on are not drawn; the legend says why. */
  private get columnsHidden(): boolean {
    return Boolean(this.model?.columns.length) && (this.geometry?.features.length ?? 0) > COLUMN_AREA_LIMIT;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A pointer move or keyboard focus changes what is highlighted, not what is shown: the model stays.
    const highlightOnly = changed.size > 0 && [...changed.keys()].every((key) => HIGHLIGHT_STATE.has(key as string));
    if (!highlightOnly) this.buildModel();
    super.willUpdate(changed);
  }

  private buildModel(): void {
    this.modelProblem = undefined;
    const atlas = this.data.atlas;
    const level = this.activeLevel;
    const indicator = this.activeIndicator;
    const year = this.activeYear;
    if (this.data.status !== 'ready' || !atlas || !level || !atlas.level(level) || !indicator || year === undefined || this.indicatorProblem()) {
      this.model = undefined;
      return;
    }
    try {
      const own = { classification: this.classification, classes: this.classes, breaks: this.breaks ? this.breaks.split(',').map(Number) : undefined };
      const classes = this.shown.classesFor(indicator, own);
      const inputs = { atlas, level, indicator, year, locale: this.activeLocale, ...classes, bars: this.bars };
      this.model = mapModel({ ...inputs, style: getComputedStyle(this) }, this.model);
      if (classes === own && (own.classification || own.classes || own.breaks)) this.shown.shareClasses({ indicator, ...own });
    } catch (error) {
      this.model = undefined;
      this.modelProblem = { code: 'view-failed', detail: (error as Error).message, message: (error as Error).message };
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Children take their layers off while the map still exists.
    this.connection.setValue({});
    this.geometryAbort?.abort();
    if (this.loadingLevel) this.loadingLevel = undefined;
    this.mapView?.destroy();
    this.paintedOutlines = undefined;
    this.mapView = undefined;
    this.creatingMap = undefined;
    this.shownGeometry = undefined;
    this.paintedView = undefined;
    this.paintedColumns = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const connected = this.connection.value;
    if (this.mapView && connected?.map === this.mapView.map && connected.atlas !== this.data.atlas) this.connection.setValue({ ...connected, atlas: this.data.atlas });
    if (this.data.status !== 'ready' || this.problem) return;
    const view = this.view;
    if (!view) return;
    if (this.geometry?.level !== view.level.id && this.loadingLevel !== view.level.id) this.loadGeometry(view.level.id);
    // maplibre loads and starts its worker while the geometry is still on its way.
    const container = this.renderRoot.querySelector<HTMLElement>('.map');
    if (container) this.ensureMap(container);
    this.sync();
  }

  private loadGeometry(levelId: string): void {
    const store = this.data.store!;
    const atlas = this.data.atlas!;
    this.loadingLevel = levelId;
    // A level left before its geometry arrived, or a removed map, stops its download.
    this.geometryAbort?.abort();
    const { signal } = (this.geometryAbort = new AbortController());
    const parentId = atlas.level(levelId)?.parent;
    const parentWithGeometry = parentId && atlas.level(parentId)?.geometry ? parentId : undefined;
    const loading = Promise.all([store.geometry(levelId, { signal }), parentWithGeometry ? store.geometry(parentWithGeometry, { signal }) : Promise.resolve([])]).then(
      ([features, parents]) => {
        if (this.loadingLevel !== levelId) return;
        this.loadingLevel = undefined;
        this.focusedKey = undefined;
        this.hovered = undefined;
        this.geometry = new Geometry(levelId, features, parents);
      },
      (error: unknown) => {
        if (this.loadingLevel !== levelId || signal.aborted) return;
        this.loadingLevel = undefined; // a retry loads it again
        this.data.fail((error as Error).message, error instanceof ContractError ? error.issues : []);
      },
    );
    this.drawn = this.drawn.then(() => loading).catch((error: unknown) => this.drawFailed(error));
  }

  /**
   * Brings the maplibre map in line with the element's state. Each step of the chain catches its
   * own failure: the map shows it as a problem, and the next change draws again.
   */
  private sync(): void {
    const geometry = this.geometry;
    const model = this.model;
    const view = model?.view;
    const container = this.renderRoot.querySelector<HTMLElement>('.map');
    if (!geometry || !model || !view || !container || geometry.level !== view.level.id) return;
    this.drawn = this.drawn.then(async () => {
      const mapView = await this.ensureMap(container);
      if (!mapView || this.geometry !== geometry) return;
      if (this.paintedOutlines !== `${model.accent}|${model.focus}`) {
        mapView.setOutlineColours(model.accent, model.focus);
        this.paintedOutlines = `${model.accent}|${model.focus}`;
      }
      if (this.shownGeometry !== geometry) {
        mapView.setAreas(geometry.features, geometry.parents);
        mapView.fit(geometry.bounds);
        this.shownGeometry = geometry;
        this.paintedView = undefined;
      }
      if (this.paintedView !== view) {
        mapView.paint(view);
        this.paintedView = view;
      }
      const columns = this.columnViews;
      const columnKey = `${geometry.level}|${columns.map((c) => `${c.indicator.id}:${c.year}`).join(',')}`;
      if (this.paintedColumns !== columnKey) {
        mapView.setColumns(columnFeatures(columns, geometry.points, geometry.bounds), model.columnColours);
        this.paintedColumns = columnKey;
      }
      mapView.highlight(this.selectedAreas, this.focusedKey);
    }).catch((error: unknown) => this.drawFailed(error));
  }

  /** A step of drawing failed: shown as a problem until the next change draws again (nothing painted is trusted). */
  private drawFailed(error: unknown): void {
    this.shownGeometry = undefined;
    this.paintedView = undefined;
    this.paintedColumns = undefined;
    this.drawProblem = { model: this.model?.key, problem: { code: 'draw-failed', detail: (error as Error)?.message ?? String(error), message: mapMessages(this.activeLocale).drawFailed((error as Error)?.message ?? String(error)) } };
    this.requestUpdate();
  }

  private ensureMap(container: HTMLElement): Promise<MapView | undefined> {
    if (!this.creatingMap) {
      this.creatingMap = MapView.create(container, {
        basemap: this.basemap,
        workerFailed: (url) => mapMessages(this.activeLocale).workerFailed(url),
        onHover: (key, point) => (this.hovered = key && point ? { key, x: point.x, y: point.y } : undefined),
        onClick: (key) => this.toggleSelection(key),
      }).then(
        (mapView) => {
          if (!this.isConnected) {
            mapView.destroy();
            return undefined;
          }
          this.mapView = mapView;
          mapView.failed.catch((error: Error) => this.mapView === mapView && this.data.status !== 'error' && this.data.fail(error.message));
          this.basemapAttributions = this.basemap ? mapView.basemapAttributions() : [];
          this.basemapFailed = mapView.basemapFailed;
          this.connection.setValue({ map: mapView.map, atlas: this.data.atlas, focusTarget: container });
          for (const resolve of this.mapWaiters.splice(0)) resolve(mapView.map);
          return mapView;
        },
        (error: unknown) => {
          this.data.fail(error instanceof Error ? error.message : String(error));
          return undefined;
        },
      );
    }
    return this.creatingMap;
  }

  private toggleSelection(key: string): void {
    const selected = this.shown.toggle(this.activeLevel!, key);
    const area = this.view?.byKey.get(key);
    const terms = mapMessages(this.activeLocale);
    if (area) this.announcement = `${area.name}: ${selected ? terms.selected : terms.deselected}`;
  }

  private clearSelection(): void {
    this.focusedKey = undefined;
    this.shown.clear(this.activeLevel!);
    this.announcement = mapMessages(this.activeLocale).selectionCleared;
  }

  private readonly onKeydown = (event: KeyboardEvent) => {
    const geometry = this.geometry;
    if (!geometry) return;
    const order = geometry.order(this.activeLocale);
    const next = rovingIndex(event.key, this.focusedKey ? order.indexOf(this.focusedKey) : -1, order.length);
    if (next !== undefined) {
      event.preventDefault();
      this.focusArea(order[next], next, order.length);
      return;
    }
    switch (event.key) {
      case 'Enter':
      case ' ':
        if (this.focusedKey) this.toggleSelection(this.focusedKey);
        break;
      case 'Escape':
        this.clearSelection();
        break;
      case '+':
      case '=':
        this.mapView?.map.zoomIn({ duration: 0 });
        break;
      case '-':
        this.mapView?.map.zoomOut({ duration: 0 });
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  private focusArea(key: string, position: number, total: number): void {
    this.focusedKey = key;
    this.hovered = undefined;
    const point = this.geometry?.points.get(key);
    if (point) this.mapView?.reveal(point);
    const area = this.view?.byKey.get(key);
    if (!area) return;
    const selected = this.selectedAreas.includes(key) ? `, ${mapMessages(this.activeLocale).selected}` : '';
    const of = uiLocale(this.activeLocale) === 'en' ? 'of' : 'von';
    this.announcement = `${area.name}: ${area.spoken}${selected} (${position + 1} ${of} ${total})`;
  }

  /**
   * The map as a vector SVG document: one path per area, legend, and (unless `framed` is false)
   * title and source. The basis of every export.
   */
  exportSvg(framed = true): string {
    const view = this.view;
    const geometry = this.geometry;
    if (!view || !geometry) throw new Error('The map is not ready.');
    const locale = this.activeLocale;
    const terms = mapMessages(locale);
    const columns = this.columnViews;
    const colours = this.model!.columnColours;
    const layers = [...this.querySelectorAll('keck-poi-layer')].map((layer) => (layer as Element & Partial<PoiExport>).exportPoints?.()).filter((found): found is ReturnType<PoiExport['exportPoints']> => Boolean(found));
    return mapSvg({
      view,
      features: geometry.features,
      parentFeatures: geometry.parents,
      bounds: geometry.bounds,
      columns: columnFeatures(columns, geometry.points, geometry.bounds),
      columnLegend: columns.map((c, i) => ({ label: localize(c.indicator.shortTitle ?? c.indicator.title, locale), colour: colours[i] })),
      title: framed ? this.captionOf(view) : undefined,
      legendTitle: `${view.legend.title} (${[view.legend.unit, String(view.legend.year)].filter(Boolean).join(', ')})`,
      points: layers.flatMap((layer) => layer.points),
      pointLegend: layers.flatMap((layer) => layer.legend),
      footer: framed ? [`${terms.source}: ${localize(view.indicator.source, locale)}`, ...this.attributionTexts()] : [],
      locale,
    });
  }

  /** The map as a file: PNG or JPG (raster), SVG or PDF (vector), each with title, legend and source. */
  exportBlob(format: MapExportFormat): Promise<Blob> {
    return mapExportBlob((framed) => this.exportSvg(framed), format, this.exportContext());
  }

  private download(format: MapExportFormat): Promise<void> {
    return downloadMap(this, (framed) => this.exportSvg(framed), format, this.exportContext());
  }

  private exportContext(): MapExportContext {
    const view = this.view!;
    return {
      title: this.captionOf(view),
      source: localize(view.indicator.source, view.locale),
      attribution: this.attributionTexts().join(' · '),
      locale: view.locale,
      fileParts: [localize(this.data.atlas!.manifest.title, view.locale), localize(view.indicator.shortTitle ?? view.indicator.title, view.locale), localize(view.level.title, view.locale), String(view.year)],
    };
  }

  private attributionTexts(): string[] {
    return [...this.data.atlas!.manifest.attribution.map((a) => a.text), ...this.basemapAttributions];
  }

  private captionOf(view: StyledView): string {
    return `${localize(view.indicator.title, view.locale)} – ${localize(view.level.title, view.locale)} ${view.year}`;
  }

  protected override render(): TemplateResult {
    const status = this.renderStatus();
    if (status !== nothing) return html`${status}<slot></slot>`;
    const view = this.view;
    if (!view) return html`${this.renderStatus()}`;
    const locale = this.activeLocale;
    const terms = mapMessages(locale);
    const indicatorTitle = localize(view.indicator.title, locale);
    const levelTitle = localize(view.level.title, locale);
    const columns = this.columnViews;
    return html`
      ${this.renderBookmarkText()}
      <figure part="figure" aria-labelledby="caption">
        <figcaption part="caption" id="caption">${this.captionOf(view)}</figcaption>
        ${this.controls ? this.renderControls(view) : nothing}
        <div class="body">
          <div class="stage">
            <div
              class="map"
              part="map"
              tabindex="0"
              role="application"
              aria-roledescription=${terms.map}
              aria-label=${terms.mapLabel(indicatorTitle, levelTitle, view.year)}
              aria-describedby="help"
              @keydown=${this.onKeydown}
              @blur=${() => (this.focusedKey = undefined)}
            ></div>
            ${this.renderNotice()} ${this.renderDetails(view, columns)}
            <p class="help" id="help">${terms.keyboardHelp}</p>
          </div>
          ${this.renderLegend(view, columns)}
        </div>
        <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
        ${this.renderSource(view)} ${this.renderExports()} ${this.renderTable(view, columns)}
        <slot></slot>
      </figure>
    `;
  }

  private renderControls(view: StyledView) {
    const atlas = this.data.atlas!;
    const locale = this.activeLocale;
    const terms = mapMessages(locale);
    const levels = atlas.levels.filter((level) => level.geometry && atlas.renderableIndicators(level.id).length);
    return html`<fieldset class="controls" part="controls">
      <legend class="visually-hidden">${terms.mapControls}</legend>
      <label
        >${terms.indicator}
        <select @change=${(e: Event) => this.choose({ indicator: (e.target as HTMLSelectElement).value })}>
          ${atlas.renderableIndicators(view.level.id).map((d) => html`<option value=${d.id} ?selected=${d.id === view.indicator.id}>${localize(d.title, locale)}</option>`)}
        </select></label
      >
      <label
        >${terms.level}
        <select @change=${(e: Event) => this.choose({ level: (e.target as HTMLSelectElement).value })}>
          ${levels.map((level) => html`<option value=${level.id} ?selected=${level.id === view.level.id}>${localize(level.title, locale)}</option>`)}
        </select></label
      >
      <label
        >${terms.year}
        <select @change=${(e: Event) => this.choose({ year: Number((e.target as HTMLSelectElement).value) })}>
          ${atlas.years(view.level.id, view.indicator.id).map((year) => html`<option value=${year} ?selected=${year === view.year}>${year}</option>`)}
        </select></label
      >
    </fieldset>`;
  }

  private choose(change: { indicator?: string; level?: string; year?: number }): void {
    const atlas = this.data.atlas!;
    if (change.level) {
      this.level = change.level;
      if (!atlas.renderableIndicators(change.level).some((d) => d.id === this.activeIndicator)) this.indicator = atlas.renderableIndicators(change.level)[0]?.id;
    }
    if (change.indicator) this.indicator = change.indicator;
    const years = atlas.years(this.activeLevel!, this.activeIndicator);
    if (change.year !== undefined) this.year = change.year;
    else if (this.activeYear === undefined || !years.includes(this.activeYear)) this.year = years.at(-1);
    this.shown.share({ indicator: this.activeIndicator, year: this.activeYear, level: this.activeLevel });
  }

  /** While the level's shapes load: a short notice over the empty map; a base map that failed: said once. */
  private renderNotice() {
    const terms = mapMessages(this.activeLocale);
    if (!this.geometry || this.geometry.level !== this.activeLevel)
      return html`<p class="notice" part="notice" role="status">${terms.loadingShapes}<progress class="progress" aria-label=${terms.loadingShapes}></progress></p>`;
    if (this.basemapFailed) return html`<p class="notice" part="notice">${terms.basemapFailed}</p>`;
    return nothing;
  }

  private renderDetails(view: StyledView, columns: StyledView[]) {
    const key = this.hovered?.key ?? this.focusedKey;
    const area = key ? view.byKey.get(key) : undefined;
    if (!area || !this.mapView) return html`<div class="details popup" part="details" hidden></div>`;
    let position = this.hovered;
    if (!position) {
      const point = this.geometry?.points.get(area.key);
      position = point ? { key: area.key, ...this.mapView.project(point) } : undefined;
    }
    const locale = this.activeLocale;
    const terms = mapMessages(locale);
    const placement = position ? besidePoint(position, this.renderRoot.querySelector<HTMLElement>('.stage')) : {};
    return html`<div class="details popup" part="details" aria-hidden="true" ${setStyles(placement)}>
      <p class="name">${area.name}</p>
      <p>${localize(view.indicator.shortTitle ?? view.indicator.title, locale)}: <strong>${area.text}</strong></p>
      <p>${terms.reference} (${view.reference.label}): ${view.reference.text}</p>
      ${columns.map((column) => html`<p>${localize(column.indicator.shortTitle ?? column.indicator.title, locale)}: ${column.byKey.get(area.key)?.text ?? ''}</p>`)}
    </div>`;
  }

  private renderLegend(view: StyledView, columns: StyledView[]) {
    const legend = view.legend;
    const locale = this.activeLocale;
    const terms = mapMessages(locale);
    const hatch = { '--hatch-base': legend.suppressed.hatch.base, '--hatch-stripe': legend.suppressed.hatch.stripe };
    const count = (n: number) => html`<span class="visually-hidden">(${terms.areas(n)})</span>`;
    return html`<div class="legend" part="legend" role="group" aria-label=${`${terms.legend}: ${legend.title}`}>
      <p class="unit">${[legend.unit ? terms.unitIn(legend.unit) : '', String(legend.year)].filter(Boolean).join(', ')}</p>
      <ul class="key">
        ${legend.classes.map(
          (entry) => html`<li title=${terms.areas(entry.count)}>
            <span class="swatch" ${setStyles({ background: entry.colour })}></span>
            <span><span aria-hidden="true">${entry.label}</span><span class="visually-hidden">${entry.spoken}</span> ${count(entry.count)}</span>
          </li>`,
        )}
        ${legend.suppressed.count
          ? html`<li title=${`${legend.suppressed.description}: ${terms.areas(legend.suppressed.count)}`}>
              <span class="swatch hatch" ${setStyles(hatch)}></span><span>${legend.suppressed.label}<span class="visually-hidden">: ${legend.suppressed.description}</span> ${count(legend.suppressed.count)}</span>
            </li>`
          : nothing}
        ${legend.missing.count
          ? html`<li title=${`${legend.missing.description}: ${terms.areas(legend.missing.count)}`}>
              <span class="swatch" ${setStyles({ background: legend.missing.colour })}></span><span>${legend.missing.label}: ${legend.missing.description} ${count(legend.missing.count)}</span>
            </li>`
          : nothing}
      </ul>
      ${this.renderColumnKey(columns)}
    </div>`;
  }

  /** The columns' key: colour and title per indicator, and the scale (a full column is the largest value, from the baseline 0). */
  private renderColumnKey(columns: StyledView[]) {
    if (!this.bars) return nothing;
    const locale = this.activeLocale;
    const terms = mapMessages(locale);
    const colours = this.model!.columnColours;
    if (this.columnsHidden) return html`<p class="legend-title">${terms.columns}</p><p class="unit">${terms.columnsHidden(this.geometry?.features.length ?? 0)}</p>`;
    if (!columns.length) return nothing;
    return html`<p class="legend-title">${terms.columns}</p>
      <ul class="key">
        ${columns.map((column, i) => {
          const largest = column.areas.reduce<(typeof column.areas)[number] | undefined>((top, area) => (area.state === 'number' && (!top || (area.value ?? 0) > (top.value ?? 0)) ? area : top), undefined);
          return html`<li class="column-key">
            <svg width="12" height="22" viewBox="0 0 12 22" aria-hidden="true">
              <rect x="3" y="1" width="6" height="20" fill=${colours[i]}></rect>
              <line x1="0" x2="12" y1="21.5" y2="21.5" stroke="#333333"></line>
            </svg>
            <span>${localize(column.indicator.title, locale)}${largest ? html`<br /><span class="count">${terms.columnScale(largest.text)}</span>` : nothing}</span>
          </li>`;
        })}
        ${columns.some((c) => c.legend.suppressed.count)
          ? html`<li><span class="swatch hatch" ${setStyles({ '--hatch-base': columns[0].legend.suppressed.hatch.base, '--hatch-stripe': columns[0].legend.suppressed.hatch.stripe })}></span><span>${columns[0].legend.suppressed.label}</span></li>`
          : nothing}
      </ul>`;
  }

  private renderSource(view: StyledView) {
    const locale = this.activeLocale;
    const terms = mapMessages(locale);
    const attributions = this.data.atlas!.manifest.attribution;
    return html`<p class="attribution" part="attribution">
      ${terms.source}: ${localize(view.indicator.source, locale)} · ${attributions.map((a, i) => html`${i ? ' · ' : ''}${linkOrText(a.text, a.url)}`)}
      ${this.basemapAttributions.map((text) => html` · ${text}`)}
    </p>`;
  }

  private renderExports() {
    const terms = mapMessages(this.activeLocale);
    return html`<div class="exports" part="exports" role="group" aria-label=${terms.exportAs}>
      ${EXPORT_FORMATS.map((format) => html`<button type="button" part="button" aria-label=${`${terms.exportAs} ${format.toUpperCase()}`} @click=${() => this.download(format)}>${format.toUpperCase()}</button>`)}
    </div>`;
  }

  private renderTable(view: StyledView, columns: StyledView[]) {
    const terms = mapMessages(this.activeLocale);
    return html`<details part="table" @toggle=${(e: Event) => (this.tableOpen = (e.target as HTMLDetailsElement).open)}>
      <summary>${terms.table}</summary>
      ${this.tableOpen ? html`<div class="table-scroll">${this.renderTableBody(view, columns)}</div>` : nothing}
    </details>`;
  }

  private renderTableBody(view: StyledView, columns: StyledView[]) {
    const locale = this.activeLocale;
    const terms = mapMessages(locale);
    const selected = new Set(this.selectedAreas);
    const heading = (v: StyledView) => `${localize(v.indicator.shortTitle ?? v.indicator.title, locale)}${v.indicator.unit ? ` (${v.indicator.unit})` : ''}`;
    return html`<table>
        <caption>
          ${this.captionOf(view)}
        </caption>
        <thead>
          <tr>
            <th scope="col">${terms.area}</th>
            <th scope="col">${heading(view)}</th>
            ${columns.map((column) => html`<th scope="col">${heading(column)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${view.areas.map(
            (area) => html`<tr class=${selected.has(area.key) ? 'selected' : ''}>
              <th scope="row">${area.name}</th>
              <td class="number">${area.text}</td>
              ${columns.map((column) => html`<td class="number">${column.byKey.get(area.key)?.text ?? ''}</td>`)}
            </tr>`,
          )}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">${view.reference.label}</th>
            <td class="number">${view.reference.text}</td>
            ${columns.map((column) => html`<td class="number">${column.reference.text}</td>`)}
          </tr>
        </tfoot>
      </table>`;
  }
}
