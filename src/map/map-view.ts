import type { ExpressionSpecification, FilterSpecification, GeoJSONSource, Map as MaplibreMap, MapLayerMouseEvent, StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection, Polygon } from 'geojson';
import { DEFAULT_MISSING } from '../core/colours.js';
import type { StyledView } from '../core/view.js';
import type { AreaFeature, BBox } from '../data/geometry.js';
import type { ColumnProperties } from './columns.js';
import { hatchImage } from './hatch.js';
import { loadMaplibre } from './load-maplibre.js';

/** Layer ids, for `queryRenderedFeatures` and for layers added by children (POIs go on top). */
export const LAYERS = {
  fill: 'keck-areas-fill',
  suppressed: 'keck-areas-suppressed',
  outline: 'keck-areas-outline',
  parents: 'keck-parents',
  columns: 'keck-columns',
  columnsSuppressed: 'keck-columns-suppressed',
  selected: 'keck-selected',
  focused: 'keck-focused',
} as const;

/** The map's own layers: a click on them is a click on the area below. */
const AREA_LAYERS = new Set<string>(Object.values(LAYERS));

const HATCH_IMAGE = 'keck-hatch';
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
const NO_KEYS: FilterSpecification = ['in', ['get', 'key'], ['literal', []]];

/** A background of our own: no sources, glyphs or sprites, so nothing is requested from anywhere. */
const NEUTRAL_STYLE: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: 'keck-background', type: 'background', paint: { 'background-color': '#f2f2ef' } }],
};

export interface MapViewOptions {
  /** Style URL of an opt-in base map. */
  basemap?: string;
  /** Texts for failures (the worker message). */
  workerFailed: (url: string) => string;
  /** Called with the key under the pointer (undefined when it leaves the areas) and the pointer position. */
  onHover: (key: string | undefined, point?: { x: number; y: number }) => void;
  onClick: (key: string) => void;
}

/** The maplibre side of `<keck-map>`: sources, layers, colours, highlight, camera. */
export class MapView {
  private featureIds = new Map<string, number>();
  private paintedColours?: StyledView;
  private missingColour = DEFAULT_MISSING;
  /** The `basemap` style could not be loaded: the map is drawn without it. */
  basemapFailed = false;

  private constructor(
    readonly map: MaplibreMap,
    private readonly options: MapViewOptions,
    /** Rejects on the first failure that leaves the map incomplete (worker, style, our sources); never resolves. */
    readonly failed: Promise<never>,
  ) {}

  /** Creates the map in `container` and resolves once its style (and our layers) are ready. */
  static async create(container: HTMLElement, options: MapViewOptions): Promise<MapView> {
    const { Map, getWorkerUrl } = await loadMaplibre();
    const map = new Map({
      container,
      style: options.basemap ?? NEUTRAL_STYLE,
      attributionControl: false,
      keyboard: false,
      dragRotate: false,
      touchPitch: false,
      pitchWithRotate: false,
      maxPitch: 0,
      renderWorldCopies: false,
      fadeDuration: 0,
      // Lets exports and tests read the drawn pixels after `idle`.
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    // The element's own container is the one tab stop; the canvas is only a picture.
    const canvas = map.getCanvas();
    canvas.tabIndex = -1;
    canvas.removeAttribute('role');
    canvas.removeAttribute('aria-label');
    canvas.setAttribute('aria-hidden', 'true');
    let loaded = false;
    let basemapFailed = false;
    const failed = new Promise<never>((_, reject) => {
      map.on('error', (event) => {
        // A tile of an opt-in base map that fails is maplibre's ordinary business (the areas still show).
        const sourceId = (event as { sourceId?: string }).sourceId;
        if (sourceId && !sourceId.startsWith('keck-')) return console.warn(event.error);
        const workerFailed = /worker/i.test(event.error?.message ?? '');
        // A base map style that cannot be loaded fails soft: the areas are drawn without it.
        if (options.basemap && !loaded && !basemapFailed && !workerFailed) {
          basemapFailed = true;
          console.warn(event.error);
          map.setStyle(NEUTRAL_STYLE);
          return;
        }
        reject(new Error(workerFailed ? options.workerFailed(getWorkerUrl()) : (event.error?.message ?? String(event.error))));
      });
    });
    failed.catch(() => undefined);
    await Promise.race([new Promise<void>((resolve) => map.once('load', () => resolve())), failed]);
    loaded = true;
    const view = new MapView(map, options, failed);
    view.basemapFailed = basemapFailed;
    view.addLayers();
    return view;
  }

  private addLayers(): void {
    const map = this.map;
    // A coarser tiling tolerance and a small tile buffer: areas are filled, not traced, and
    // tiling thousands of them is most of the time to the first complete draw.
    for (const id of ['areas', 'parents', 'columns']) map.addSource(`keck-${id}`, { type: 'geojson', data: EMPTY, tolerance: 1, buffer: 32, maxzoom: 14 });
    map.addLayer({ id: LAYERS.fill, type: 'fill', source: 'keck-areas', paint: { 'fill-color': this.fillColour(DEFAULT_MISSING) } });
    map.addLayer({ id: LAYERS.suppressed, type: 'fill', source: 'keck-areas', filter: NO_KEYS, paint: { 'fill-pattern': HATCH_IMAGE } });
    map.addLayer({ id: LAYERS.outline, type: 'line', source: 'keck-areas', paint: { 'line-color': '#ffffff', 'line-width': 0.8 } });
    map.addLayer({ id: LAYERS.parents, type: 'line', source: 'keck-parents', paint: { 'line-color': '#333333', 'line-width': 1.8 } });
    map.addLayer({ id: LAYERS.columns, type: 'fill', source: 'keck-columns', filter: ['==', ['get', 'state'], 'number'], paint: { 'fill-color': '#000000', 'fill-outline-color': '#333333' } });
    map.addLayer({ id: LAYERS.columnsSuppressed, type: 'fill', source: 'keck-columns', filter: ['==', ['get', 'state'], 'suppressed'], paint: { 'fill-pattern': HATCH_IMAGE } });
    map.addLayer({ id: LAYERS.selected, type: 'line', source: 'keck-areas', filter: NO_KEYS, paint: { 'line-color': '#0b5cad', 'line-width': 3 } });
    map.addLayer({ id: LAYERS.focused, type: 'line', source: 'keck-areas', filter: NO_KEYS, paint: { 'line-color': '#000000', 'line-width': 3, 'line-dasharray': [2, 1] } });

    map.on('mousemove', LAYERS.fill, (event: MapLayerMouseEvent) => {
      const key = event.features?.[0]?.properties?.key as string | undefined;
      map.getCanvas().style.cursor = key ? 'pointer' : '';
      this.options.onHover(key, event.point);
    });
    map.on('mouseleave', LAYERS.fill, () => {
      map.getCanvas().style.cursor = '';
      this.options.onHover(undefined);
    });
    map.on('click', LAYERS.fill, (event: MapLayerMouseEvent) => {
      // A click on a point of interest (or anything else drawn above the areas) is that layer's, not the area's.
      const top = map.queryRenderedFeatures(event.point)[0];
      if (top && !AREA_LAYERS.has(top.layer.id)) return;
      const key = event.features?.[0]?.properties?.key as string | undefined;
      if (key) this.options.onClick(key);
    });
  }

  /**
   * Colours come from feature state, so a new indicator or year recolours without tiling the
   * shapes again (a paint expression listing every area would be re-tiled and costs seconds
   * for thousands of areas).
   */
  private fillColour(missing: string): ExpressionSpecification {
    return ['coalesce', ['feature-state', 'colour'], missing];
  }

  /** Shows a level's areas and its parent level's boundaries. */
  setAreas(features: readonly AreaFeature[], parents: readonly AreaFeature[]): void {
    this.map.removeFeatureState({ source: 'keck-areas' });
    this.featureIds = new Map(features.map((feature) => [feature.properties.key, feature.id as number]));
    this.paintedColours = undefined;
    (this.map.getSource('keck-areas') as GeoJSONSource).setData({ type: 'FeatureCollection', features: [...features] });
    (this.map.getSource('keck-parents') as GeoJSONSource).setData({ type: 'FeatureCollection', features: [...parents] });
  }

  /** Colours the areas from the core's styled view; suppressed areas get its hatch. */
  paint(view: StyledView): void {
    const map = this.map;
    if (view.scheme.missing !== this.missingColour) {
      map.setPaintProperty(LAYERS.fill, 'fill-color', this.fillColour(view.scheme.missing));
      this.missingColour = view.scheme.missing;
    }
    if (this.paintedColours !== view) {
      for (const area of view.areas) {
        const id = this.featureIds.get(area.key);
        if (id !== undefined) map.setFeatureState({ source: 'keck-areas', id }, { colour: area.state === 'missing' ? null : area.colour });
      }
      this.paintedColours = view;
    }
    const pixelRatio = Math.max(1, Math.round(window.devicePixelRatio || 1));
    const image = hatchImage(view.scheme.suppressed, pixelRatio);
    if (map.hasImage(HATCH_IMAGE)) map.removeImage(HATCH_IMAGE);
    map.addImage(HATCH_IMAGE, image, { pixelRatio });
    const suppressed = view.areas.filter((area) => area.state === 'suppressed').map((area) => area.key);
    map.setFilter(LAYERS.suppressed, ['in', ['get', 'key'], ['literal', suppressed]]);
  }

  /** Shows the columns, coloured per series. */
  setColumns(columns: FeatureCollection<Polygon, ColumnProperties>, colours: readonly string[]): void {
    (this.map.getSource('keck-columns') as GeoJSONSource).setData(columns);
    const colour = colours.length ? (['match', ['get', 'series'], ...colours.flatMap((c, i) => [i, c]), '#000000'] as unknown as ExpressionSpecification) : '#000000';
    this.map.setPaintProperty(LAYERS.columns, 'fill-color', colour);
  }

  /** Colours of the selection outline (`--keck-accent`) and of the keyboard focus (`--keck-focus`). */
  setOutlineColours(selected: string, focused: string): void {
    this.map.setPaintProperty(LAYERS.selected, 'line-color', selected);
    this.map.setPaintProperty(LAYERS.focused, 'line-color', focused);
  }

  /** Outlines the selected areas and the keyboard-focused one. */
  highlight(selected: readonly string[], focused: string | undefined): void {
    this.map.setFilter(LAYERS.selected, ['in', ['get', 'key'], ['literal', [...selected]]]);
    this.map.setFilter(LAYERS.focused, ['in', ['get', 'key'], ['literal', focused ? [focused] : []]]);
  }

  fit(bounds: BBox, animate = false): void {
    this.map.fitBounds(bounds, { padding: 16, animate });
  }

  /** Keeps a point in view (keyboard focus), without zooming. */
  reveal(point: [number, number]): void {
    const bounds = this.map.getBounds();
    if (!bounds.contains(point)) this.map.easeTo({ center: point, duration: 0 });
  }

  /** Screen position of a point, relative to the map container. */
  project(point: [number, number]): { x: number; y: number } {
    return this.map.project(point);
  }

  /** Resolves when the map has drawn everything it was given; rejects when it cannot. */
  idle(): Promise<void> {
    const drawn = new Promise<void>((resolve) => {
      this.map.once('idle', () => resolve());
      this.map.triggerRepaint();
    });
    return Promise.race([drawn, this.failed]);
  }

  /** Attribution texts of the base map's sources (plain text; their markup is not trusted). */
  basemapAttributions(): string[] {
    const style = this.map.getStyle();
    const texts = Object.entries(style.sources ?? {})
      .filter(([id]) => !id.startsWith('keck-'))
      .map(([, source]) => ('attribution' in source && typeof source.attribution === 'string' ? source.attribution : ''))
      .filter(Boolean)
      .map((html) => new DOMParser().parseFromString(html, 'text/html').body.textContent?.trim() ?? '');
    return [...new Set(texts.filter(Boolean))];
  }

  destroy(): void {
    this.map.remove();
  }
}
