import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { localize } from '../contract/localize.js';
import { KeckElement } from '../base/keck-element.js';
import type { Problem } from '../base/problem.js';
import { rovingIndex } from '../base/roving.js';
import { dataTableStyles } from '../base/data-table-styles.js';
import { besidePoint, popupStyles } from '../base/popup.js';
import { setStyles } from '../base/style-ref.js';
import { baseStyles } from '../base/styles.js';
import { readColourOverrides } from '../core/colours.js';
import type { StyledView } from '../core/view.js';
import { deliverExport, exportFileName } from '../export/download.js';
import { svgToRaster } from '../export/image.js';
import { svgToPdf } from '../export/pdf.js';
import { describeChart, type ChartDescription } from './describe.js';
import { framedSvg } from './export-frame.js';
import { loadVega } from './load-vega.js';
import { chartMessages, type ChartType } from './messages.js';
import { placeScatterLabels, type PlacedView } from './labels.js';
import { chartModel, uniqueLabels, type ChartModel, type ScatterModel } from './model.js';
import { markOrder, spokenMark } from './marks.js';
import { chartSpec, FOCUS_SIGNAL, LABEL_SIGNALS } from './spec.js';
import { chartStyles } from './styles.js';
import { readChartTheme, type ChartTheme } from './theme.js';
import { markBounds, tooltipContent, type TooltipContent } from './tooltip.js';

const CHART_TYPES: readonly ChartType[] = ['column', 'bar', 'scatter', 'line'];

/** Formats a chart can be exported to. */
export type ChartExportFormat = 'png' | 'jpeg' | 'svg' | 'pdf';
const EXPORTS: { format: ChartExportFormat; label: string; extension: 'png' | 'jpg' | 'svg' | 'pdf' }[] = [
  { format: 'png', label: 'PNG', extension: 'png' },
  { format: 'jpeg', label: 'JPG', extension: 'jpg' },
  { format: 'svg', label: 'SVG', extension: 'svg' },
  { format: 'pdf', label: 'PDF', extension: 'pdf' },
];

interface VegaSignals {
  signal(name: string, value: unknown): VegaSignals;
  runAsync(): Promise<unknown>;
}

interface VegaResult {
  view: PlacedView &
    VegaSignals & {
      addEventListener(type: string, handler: (event: unknown, item: { datum?: { key?: unknown } } | null | undefined) => void): unknown;
    };
  finalize(): void;
}

/**
 * A chart of atlas indicators: columns or bars of the areas of a level (one indicator or several
 * side by side) with the reference value as a line; a scatter plot of two indicators; or the
 * development of one indicator over the years for the reference area and chosen areas.
 * Drawn with vega-lite (loaded only when a chart is on the page), with a table alternative and
 * exports to PNG, JPG, SVG and vector PDF. The chart is one tab stop: arrow keys (and Home, End)
 * move a highlight between the areas' marks in drawn order, Enter or Space selects the highlighted
 * area, and a live region reads its name and value.
 *
 * @fires {KeckAreaSelectEvent} keck-area-select - When a mark (or an area in the table) is clicked; detail `{ level, key }`, key null when deselected.
 * @fires {KeckLoadEvent} keck-load - When the atlas has loaded.
 * @fires {KeckExportEvent} keck-export - Before an export is downloaded; cancel it to handle the file yourself.
 * @fires {KeckErrorEvent} keck-error - When the atlas cannot be loaded or the attributes do not fit it.
 * @csspart figure - The figure holding caption, chart and source.
 * @csspart chart - The box the chart's SVG is drawn into.
 * @csspart tooltip - The tooltip on hover and keyboard focus (the area, its values in the core's text, the reference).
 * @csspart exports - The download buttons.
 * @csspart toolbar - The earlier name of `exports`, kept working.
 * @csspart button - Each download button.
 * @csspart table - The `<details>` with the table alternative.
 * @csspart status - The loading or error message.
 * @cssprop {<color>} [--keck-accent=#0b5cad] - Colour of the first series, of scatter points and of the export buttons.
 * @cssprop {<color>} [--keck-reference=currentColor] - Colour of the reference line and point (the text colour).
 * @cssprop {<color>} --keck-series-1 - Colours of series 1 … 7 (`--keck-series-2` … `--keck-series-7` likewise); series 1 defaults to `--keck-accent`.
 * @cssprop {<color>} [--keck-chart-grid=#e0e0e0] - Colour of grid lines.
 * @cssprop {<color>} --keck-class-1 - Class colours 1 … 7 of a single-indicator column or bar chart, shared with map and table (default: the ColorBrewer scheme of the indicator’s polarity, from the core).
 */
export class KeckChart extends KeckElement {
  static override styles = [baseStyles, dataTableStyles, popupStyles, chartStyles];

  /** `column` (default), `bar`, `scatter` (two indicators) or `line` (time series). */
  @property({ reflect: true }) type: ChartType = 'column';

  /** The indicator of a column, bar or line chart (default: the atlas default, else the first published). */
  @property({ reflect: true }) indicator?: string;

  /** Comma-separated indicator ids: several side by side (column, bar), or x and y of a scatter plot. */
  @property({ reflect: true }) indicators?: string;

  /** Comma-separated area keys drawn besides the reference in a time series. */
  @property({ reflect: true }) areas?: string;

  @state() private width = 0;
  @state() private tip?: { content: TooltipContent; x: number; y: number };
  @state() private exportError = '';
  @state() private announcement = '';
  @query('.chart') private chartBox?: HTMLDivElement;

  /** Key of the area highlighted from the keyboard ('' for none). */
  private focusedKey = '';
  private vega?: VegaResult;
  private drawnKey = '';
  private drawing = 0;
  private model?: ChartModel;
  private builtProblem?: Problem;
  private description?: ChartDescription;
  private readonly resize = new ResizeObserver((entries) => {
    const width = Math.floor((entries[0]?.contentRect.width ?? 0) / 10) * 10;
    if (width && width !== this.width) this.width = width;
  });

  /** Resolves when the chart's SVG for the current attributes is drawn. */
  rendered: Promise<void> = Promise.resolve();

  override connectedCallback(): void {
    super.connectedCallback();
    this.resize.observe(this);
    // Moved in the DOM: the chart was finalized on disconnect and is drawn again.
    if (this.hasUpdated) this.requestUpdate();
  }

  /** keck-load and settled() wait for the drawn SVG. */
  override async whenRendered(): Promise<void> {
    await super.whenRendered();
    let drawing: Promise<void>;
    do {
      drawing = this.rendered;
      await drawing;
      await this.updateComplete;
    } while (drawing !== this.rendered);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize.disconnect();
    this.vega?.finalize();
    this.vega = undefined;
    this.drawnKey = '';
  }

  /** The chart's SVG once drawn. */
  get svg(): SVGSVGElement | null {
    return this.chartBox?.querySelector('svg') ?? null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const built = this.data.status === 'ready' ? this.buildModel() : undefined;
    this.model = built && 'type' in built ? built : undefined;
    this.builtProblem = built && 'code' in built ? built : undefined;
    super.willUpdate(changed);
  }

  protected override viewProblem(): Problem | undefined {
    return this.builtProblem;
  }

  protected override render(): TemplateResult | typeof nothing {
    const status = this.renderStatus();
    const model = this.model;
    if (status !== nothing || !model) return status;
    this.description = describeChart(model);
    const terms = chartMessages(this.activeLocale);
    return html`
      ${this.renderBookmarkText()}
      <figure part="figure">
        <figcaption>${this.chartTitle(model)}</figcaption>
        <div class="plot">
          <div
            class="chart"
            part="chart"
            role="group"
            tabindex="0"
            aria-label=${this.chartTitle(model)}
            aria-describedby="chart-keys"
            @keydown=${this.onChartKey}
            @blur=${this.onChartBlur}
          ></div>
          ${this.renderTooltip()}
        </div>
        <p id="chart-keys" class="visually-hidden">${terms.keyHint}</p>
        <p class="visually-hidden" role="status">${this.announcement}</p>
        <p class="source">${this.sourceLine(model)}</p>
      </figure>
      <div class="exports" part="exports toolbar" role="group" aria-label=${terms.exportLabel}>
        ${EXPORTS.map(
          (entry) =>
            html`<button
              type="button"
              part="button"
              aria-label=${terms.exportAs(entry.label)}
              @click=${() => this.download(entry.format, entry.extension)}
            >
              ${entry.label}
            </button>`,
        )}
        ${this.exportError ? html`<span class="error" role="alert">${this.exportError}</span>` : nothing}
      </div>
      <details part="table">
        <summary>${terms.tableSummary}</summary>
        ${this.renderTable(model)}
      </details>
    `;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.data.status !== 'ready' || !this.model || !this.chartBox) return;
    const width = this.width || Math.floor(this.getBoundingClientRect().width) || 600;
    const key = JSON.stringify([
      this.type,
      this.activeLocale,
      this.activeLevel,
      this.activeYear,
      this.indicatorIds(),
      this.areaKeys(),
      this.selectedAreas,
      width,
      this.data.atlas?.url,
    ]);
    if (key === this.drawnKey && this.svg) return;
    this.drawnKey = key;
    this.rendered = this.draw(this.model, width);
  }

  private async draw(model: ChartModel, width: number): Promise<void> {
    const token = ++this.drawing;
    const box = this.chartBox!;
    const { embed, expressionInterpreter } = await loadVega();
    if (token !== this.drawing) return;
    const style = getComputedStyle(this);
    const theme = readChartTheme(style);
    const spec = chartSpec(model, theme, { width: Math.max(200, width) }, this.focusedKey);
    try {
      const result = (await embed(box, spec, {
        renderer: 'svg',
        ast: true,
        expr: expressionInterpreter,
        actions: false,
        defaultStyle: false,
        tooltip: this.onTooltip,
        hover: false,
      })) as unknown as VegaResult;
      if (token !== this.drawing) return result.finalize();
      this.vega?.finalize();
      this.vega = result;
      result.view.addEventListener('click', (_event, item) => {
        const key = item?.datum?.key;
        if (typeof key === 'string' && key) this.toggleArea(key);
      });
      // vega-embed names the container "Vega visualization"; the SVG carries the real name.
      for (const attribute of ['role', 'aria-roledescription', 'aria-label']) box.removeAttribute(attribute);
      if (model.type === 'scatter') await this.placeLabels(model, result, theme);
      this.labelSvg();
    } catch (error) {
      this.data.fail(error instanceof Error ? error.message : String(error));
    }
  }

  /** Scatter labels only where they fit (labels.ts), read from the scales vega just laid out. */
  private async placeLabels(model: ScatterModel, result: VegaResult, theme: ChartTheme): Promise<void> {
    const fontSize = Math.round(theme.fontSize * 0.8);
    const context = document.createElement('canvas').getContext('2d');
    if (context) context.font = `${fontSize}px ${theme.font}`;
    const measure = (text: string) => (context ? context.measureText(text).width : text.length * fontSize * 0.6);
    const placed = placeScatterLabels(model, result.view, measure, fontSize * 1.25);
    await result.view.signal(LABEL_SIGNALS.right, placed.right).signal(LABEL_SIGNALS.left, placed.left).runAsync();
  }

  /** vega's tooltip handler: the element's own tooltip (no inline style element, so it works under a strict CSP). */
  private readonly onTooltip = (
    _handler: unknown,
    event: MouseEvent,
    item: { datum?: { key?: unknown; year?: unknown } } | null,
    value: unknown,
  ) => {
    const key = item?.datum?.key;
    if (value === null || value === undefined || typeof key !== 'string' || !this.model || !this.chartBox) {
      this.tip = undefined;
      return;
    }
    const content = tooltipContent(this.model, key, item?.datum?.year === undefined ? undefined : Number(item.datum.year));
    const box = this.chartBox.getBoundingClientRect();
    this.tip = content && { content, x: event.clientX - box.left + this.chartBox.scrollLeft, y: event.clientY - box.top };
  };

  private renderTooltip() {
    const tip = this.tip;
    if (!tip) return html`<div class="tooltip popup" part="tooltip" hidden></div>`;
    return html`<div class="tooltip popup" part="tooltip" aria-hidden="true" ${setStyles(besidePoint(tip, this.chartBox))}>
      <p class="name">${tip.content.name}</p>
      ${tip.content.lines.map((line) => html`<p>${line}</p>`)}
    </div>`;
  }

  /** The keyboard's tooltip: beside the highlighted mark, found in vega's scenegraph. */
  private showKeyboardTip(key: string): void {
    const view = this.vega?.view as unknown as { scenegraph(): { root: unknown }; origin(): [number, number] } | undefined;
    const content =
      key && this.model
        ? tooltipContent(this.model, key, this.model.type === 'line' ? this.model.views.at(-1)?.year : undefined)
        : undefined;
    const bounds = view && content ? markBounds(view.scenegraph().root, key, view.origin()) : undefined;
    this.tip = content && bounds ? { content, x: bounds.x + bounds.width, y: bounds.y + bounds.height / 2 } : undefined;
  }

  private labelSvg(): void {
    const svg = this.svg;
    if (!svg || !this.description) return;
    svg.querySelectorAll(':scope > title, :scope > desc').forEach((element) => element.remove());
    const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
    title.id = 'chart-name';
    title.textContent = this.description.name;
    const desc = document.createElementNS('http://www.w3.org/2000/svg', 'desc');
    desc.id = 'chart-description';
    desc.textContent = this.description.description;
    svg.prepend(title, desc);
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-labelledby', 'chart-name');
    svg.setAttribute('aria-describedby', 'chart-description');
  }

  private onChartKey(event: KeyboardEvent): void {
    const keys = this.model ? markOrder(this.model) : [];
    const index = keys.indexOf(this.focusedKey);
    const next = rovingIndex(event.key, index, keys.length);
    if (next !== undefined) {
      event.preventDefault();
      this.highlight(keys[next]);
      this.announce(keys[next]);
      return;
    }
    if ((event.key === 'Enter' || event.key === ' ') && index >= 0) {
      event.preventDefault();
      this.toggleArea(keys[index]);
      this.announce(keys[index], true);
    }
  }

  private onChartBlur(): void {
    if (this.focusedKey) this.highlight('');
    this.tip = undefined;
  }

  /** Moves the keyboard highlight without redrawing: the spec reads the key from a vega signal. */
  private highlight(key: string): void {
    this.focusedKey = key;
    this.rendered = this.rendered.then(async () => {
      await this.vega?.view.signal(FOCUS_SIGNAL, this.focusedKey).runAsync();
      this.showKeyboardTip(key);
    });
  }

  /** Reads the area's name and value, its selection, and after a toggle also that it is no longer selected. */
  private announce(key: string, toggled = false): void {
    const terms = chartMessages(this.activeLocale);
    const state = this.selectedAreas.includes(key) ? terms.selected : toggled ? terms.notSelected : '';
    this.announcement = `${spokenMark(this.model!, key)}${state ? `, ${state}` : ''}`;
  }

  private toggleArea(key: string): void {
    this.shown.toggle(this.activeLevel!, key);
  }

  private indicatorIds(): string[] {
    const list = (this.indicators ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean);
    if (list.length && (this.type === 'scatter' || !this.indicator)) return list;
    const chosen = this.shown.indicator(this.indicator);
    return chosen ? [chosen] : [];
  }

  /** The areas of a line chart: its own `areas`, else the selection on its level, else the bookmark's; other types: their own or the bookmark's. */
  private areaKeys(): string[] {
    const own = this.areas
      ?.split(',')
      .map((key) => key.trim())
      .filter(Boolean);
    return this.type === 'line' ? this.shown.areas(own) : (own ?? this.activeBookmark?.areas ?? []);
  }

  /** The model, or the problem when the attributes do not fit the atlas. */
  private buildModel(): ChartModel | Problem | undefined {
    const atlas = this.data.atlas!;
    const terms = chartMessages(this.activeLocale);
    if (!CHART_TYPES.includes(this.type))
      return { code: 'unknown-type', detail: String(this.type), message: terms.unknownType(String(this.type)) };
    const level = this.activeLevel;
    if (!level || !atlas.level(level)) return undefined;
    const indicators = this.indicatorIds();
    if (!indicators.length) return { code: 'no-indicator', message: terms.noIndicator, severity: 'note' };
    const renderable = new Set(atlas.renderableIndicators().map((indicator) => indicator.id));
    const unknown = indicators.find((id) => !renderable.has(id));
    if (unknown) return { code: 'unknown-indicator', detail: unknown, message: terms.unknownIndicator(unknown) };
    if (this.type === 'scatter' && indicators.length < 2) return { code: 'scatter-needs-two', message: terms.scatterNeedsTwo };
    const year = this.activeYear;
    if (year === undefined) return { code: 'no-indicator', message: terms.noIndicator, severity: 'note' };
    return chartModel(atlas, {
      type: this.type,
      level,
      year,
      locale: this.activeLocale,
      indicators,
      areas: this.areaKeys(),
      selected: new Set(this.selectedAreas),
      colours: readColourOverrides(getComputedStyle(this)),
      classesOf: (indicator) => this.shown.classesFor(indicator, {}),
    });
  }

  private modelViews(model: ChartModel): StyledView[] {
    if (model.type === 'scatter') return [model.x, model.y];
    return model.type === 'line' ? model.views.slice(-1) : model.views;
  }

  private chartTitle(model: ChartModel): string {
    const locale = this.activeLocale;
    const level = localize(model.level.title, locale);
    if (model.type === 'line') {
      const years = model.views.map((view) => view.year);
      return `${localize(model.indicator.title, locale)}, ${level}, ${years[0] ?? ''}–${years[years.length - 1] ?? ''}`;
    }
    return `${this.modelViews(model)
      .map((view) => localize(view.indicator.title, locale))
      .join(' / ')}, ${level}, ${model.year}`;
  }

  private sourceLine(model: ChartModel): string {
    const locale = this.activeLocale;
    const sources = [...new Set(this.modelViews(model).map((view) => localize(view.indicator.source, locale)))];
    return `${chartMessages(locale).source}: ${sources.join('; ')}`;
  }

  private renderTable(model: ChartModel): TemplateResult {
    const terms = chartMessages(this.activeLocale);
    const selected = new Set(this.selectedAreas);
    const areaCell = (key: string, label: string) =>
      html`<th scope="row">
        <button type="button" aria-pressed=${selected.has(key) ? 'true' : 'false'} @click=${() => this.toggleArea(key)}>${label}</button>
      </th>`;
    if (model.type === 'line') {
      const labels = uniqueLabels(model.level.areas);
      const reference = model.views[0]?.reference.label ?? '';
      return html`<table>
        <caption>
          ${this.description?.name}
        </caption>
        <thead>
          <tr>
            <th scope="col">${terms.area}</th>
            ${model.views.map((view) => html`<th scope="col">${view.year}</th>`)}
          </tr>
        </thead>
        <tbody>
          <tr class="reference">
            <th scope="row">${reference}</th>
            ${model.views.map((view) => html`<td class="number">${view.reference.text}</td>`)}
          </tr>
          ${model.areas.map(
            (key) =>
              html`<tr>
                ${areaCell(key, labels.get(key)!)}${model.views.map((view) => html`<td class="number">${view.byKey.get(key)?.text}</td>`)}
              </tr>`,
          )}
        </tbody>
      </table>`;
    }
    const views = this.modelViews(model);
    const [first] = views;
    const labels = uniqueLabels(first.areas);
    const order = model.type === 'scatter' ? first.areas : [...first.areas].sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity));
    return html`<table>
      <caption>
        ${this.description?.name}
      </caption>
      <thead>
        <tr>
          <th scope="col">${localize(model.level.title, this.activeLocale)}</th>
          ${views.map((view) => html`<th scope="col">${localize(view.indicator.title, this.activeLocale)}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${order.map(
          (area) =>
            html`<tr>
              ${areaCell(area.key, labels.get(area.key)!)}${views.map((view) => html`<td class="number">${view.byKey.get(area.key)?.text}</td>`)}
            </tr>`,
        )}
        <tr class="reference">
          <th scope="row">${first.reference.label}</th>
          ${views.map((view) => html`<td class="number">${view.reference.text}</td>`)}
        </tr>
      </tbody>
    </table>`;
  }

  /**
   * The chart as a file: PNG or JPEG (raster, twice the screen resolution), SVG, or a vector PDF;
   * each with the title above and the source below.
   */
  async exportBlob(format: ChartExportFormat): Promise<Blob> {
    await this.rendered;
    const svg = this.svg;
    if (!svg || !this.model || !this.description) throw new Error('The chart is not drawn yet.');
    const title = this.chartTitle(this.model);
    const source = this.sourceLine(this.model);
    if (format === 'pdf') {
      const sourceText = source.slice(source.indexOf(':') + 1).trim();
      return svgToPdf(svg, { title, source: sourceText, locale: this.activeLocale });
    }
    const theme = readChartTheme(getComputedStyle(this));
    const framed = framedSvg(svg, { title, source, description: this.description.description }, theme);
    if (format === 'svg')
      return new Blob([`<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(framed)}`], {
        type: 'image/svg+xml',
      });
    return svgToRaster(framed, { format, scale: 2 });
  }

  private async download(format: ChartExportFormat, extension: 'png' | 'jpg' | 'svg' | 'pdf'): Promise<void> {
    this.exportError = '';
    try {
      const blob = await this.exportBlob(format);
      const model = this.model!;
      const indicators = this.modelViews(model).map((view) => view.indicator.id);
      const year = model.type === 'line' ? undefined : model.year;
      const fileName = exportFileName([this.data.atlas!.id, ...indicators, model.level.id, String(year ?? this.type)], extension);
      deliverExport(this, extension, blob, fileName);
    } catch {
      this.exportError = chartMessages(this.activeLocale).exportFailed;
    }
  }
}
