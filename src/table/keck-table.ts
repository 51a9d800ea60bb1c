import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { ref } from 'lit/directives/ref.js';
import { localize } from '../contract/localize.js';
import { KeckElement } from '../base/keck-element.js';
import type { Problem } from '../base/problem.js';
import type { ClassificationMethod } from '../core/classify.js';
import { readColourOverrides } from '../core/colours.js';
import type { StyledArea, StyledReference } from '../core/view.js';
import { tableToCsvBlob } from '../export/csv.js';
import { deliverExport, exportFileName } from '../export/download.js';
import { workbookToXlsxBlob } from '../export/xlsx.js';
import { tableMessages, type TableMessages } from './messages.js';
import { sortRows, type SortColumn, type SortState } from './sort.js';
import { tableStyles } from './styles.js';
import { exportNameParts, exportTable, exportWorkbook, tableModel, type TableModel, type TableResult, type TableRow } from './table-model.js';

const list = (value?: string) =>
  value
    ?.split(',')
    .map((part) => part.trim())
    .filter(Boolean);

/**
 * `<keck-table>`: the indicators of the areas of a level in a year, with the reference row,
 * sortable by every column, with CSV and XLSX export.
 *
 * @fires {KeckAreaSelectEvent} keck-area-select - The user selected an area (row); detail `{ level, key }`.
 * @fires {KeckExportEvent} keck-export - Just before a file is downloaded; cancel it to handle the blob yourself.
 * @fires {KeckLoadEvent} keck-load - The atlas has loaded.
 * @fires {KeckErrorEvent} keck-error - Loading failed or an attribute names something the atlas lacks; detail `{ message }`.
 * @csspart scroll - The scrolling container around the table.
 * @csspart table - The table.
 * @csspart caption - The caption.
 * @csspart header - Each column header cell (sticky; its background defaults to `--keck-table-header-background`).
 * @csspart reference-row - The row of the reference area.
 * @csspart row - An area's row.
 * @csspart notes - Footnotes, definitions and sources below the table.
 * @csspart exports - The download buttons (CSV, XLSX).
 * @csspart export - The earlier name of `exports`, kept working.
 * @csspart button - Each download button.
 * @csspart status - The loading, error or empty message.
 * @cssprop {<length>} [--keck-table-max-height=70vh] - Height after which the table scrolls vertically.
 * @cssprop {<color>} [--keck-table-stripe=transparent] - Background of every other row.
 * @cssprop {<color>} [--keck-table-header-background=Canvas] - Background of the sticky header and first column.
 * @cssprop {<color>} [--keck-selected=color-mix(in srgb, var(--keck-accent) 14%, Canvas)] - Background of a selected row (a light tint of the accent).
 */
export class KeckTable extends KeckElement {
  static override styles = [...KeckElement.styles, tableStyles];

  /** Comma-separated indicator ids (default: every published indicator with values on the level and year). */
  @property({ reflect: true }) indicators?: string;

  /** Comma-separated area keys: only these rows are shown (in the level's order). */
  @property({ reflect: true }) areas?: string;

  /** Shows a column with the area keys. */
  @property({ type: Boolean, reflect: true, attribute: 'show-keys' }) showKeys = false;

  /** Shows each value's class colour as a small swatch beside the number. */
  @property({ type: Boolean, reflect: true }) swatches = false;

  /** Classification of the swatch colours: `quantile` (default), `equal`, `jenks`. */
  @property({ reflect: true }) classification?: ClassificationMethod;

  /** Number of classes of the swatch colours. */
  @property({ type: Number, reflect: true }) classes?: number;

  @state() private sort?: SortState;
  @state() private announcement = '';
  @state() private exportState: 'idle' | 'busy' | 'failed' = 'idle';

  private result?: TableResult;

  private get messages(): TableMessages {
    return tableMessages(this.activeLocale);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.result = this.buildResult();
    super.willUpdate(changed);
  }

  protected override viewProblem(): Problem | undefined {
    return this.result && 'problem' in this.result ? this.result.problem : undefined;
  }

  private buildResult(): TableResult | undefined {
    const atlas = this.data.atlas;
    const level = this.activeLevel;
    const year = this.activeYear;
    if (this.data.status !== 'ready' || !atlas || !level) return undefined;
    if (year === undefined) return { empty: true };
    return tableModel(
      atlas,
      {
        level,
        year,
        locale: this.activeLocale,
        indicators: this.shown.indicators(list(this.indicators)),
        areas: list(this.areas),
        classesOf: (indicator) => this.shown.classesFor(indicator, { classification: this.classification, classes: this.classes }),
        colours: this.swatches ? readColourOverrides(getComputedStyle(this)) : undefined,
      },
      this.messages,
    );
  }

  private select(model: TableModel, row: TableRow): void {
    const selected = this.shown.toggle(model.level.id, row.key);
    this.announcement = selected ? this.messages.selectedAnnouncement(row.name) : this.messages.deselectedAnnouncement(row.name);
  }

  private sortBy(column: SortColumn, label: string): void {
    const ascending = this.sort?.column === column ? !this.sort.ascending : true;
    this.sort = { column, ascending };
    this.announcement = this.messages.sortAnnouncement(label, ascending);
  }

  private sortedRows(model: TableModel): TableRow[] {
    return sortRows(model.rows, this.sort, model.locale);
  }

  /** Downloads the table as CSV (UTF-8 with BOM; `;` and decimal comma in German, `,` and point in English). */
  exportCsv(): void {
    const model = this.model;
    if (!model) return;
    const blob = tableToCsvBlob(exportTable(model, this.sortedRows(model), this.messages));
    deliverExport(this, 'csv', blob, exportFileName(exportNameParts(model), 'csv'));
  }

  /** Downloads the table as an Excel workbook (numbers with formats, a metadata sheet); loads the writer first. */
  async exportXlsx(): Promise<void> {
    const model = this.model;
    if (!model || this.exportState === 'busy') return;
    this.exportState = 'busy';
    this.announcement = this.messages.exportBusy;
    try {
      const blob = await workbookToXlsxBlob(exportWorkbook(model, this.sortedRows(model), this.messages));
      this.exportState = 'idle';
      this.announcement = '';
      deliverExport(this, 'xlsx', blob, exportFileName(exportNameParts(model), 'xlsx'));
    } catch (error) {
      this.exportState = 'failed';
      this.announcement = this.messages.exportFailed;
      console.error(error);
    }
  }

  private get model(): TableModel | undefined {
    return this.result && 'model' in this.result ? this.result.model : undefined;
  }

  override render(): TemplateResult {
    return html`${this.renderBookmarkText()}${this.renderBody()}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>`;
  }

  private renderBody(): TemplateResult | typeof nothing {
    const result = this.result;
    const status = this.renderStatus();
    if (status !== nothing || !result || 'problem' in result) return status;
    if ('empty' in result) return html`<p part="status" class="status">${this.messages.empty}</p>`;
    return this.renderTable(result.model);
  }

  private renderTable(model: TableModel): TemplateResult {
    const m = this.messages;
    const caption = model.columns.length === 1 ? `${model.columns[0].title} – ${model.levelTitle} ${model.year}` : `${model.levelTitle} ${model.year}`;
    const selected = new Set(this.selectedAreas);
    const anySuppressed = model.columns.some((column) => column.view.areas.some((area) => area.state === 'suppressed') || column.view.reference.state === 'suppressed');
    const anyMissing = model.columns.some((column) => column.view.areas.some((area) => area.state === 'missing') || column.view.reference.state === 'missing');
    return html`
      <div class="scroll" part="scroll" role="group" aria-labelledby="caption" tabindex="0">
        <table part="table">
          <caption id="caption" part="caption">${caption}</caption>
          <thead>
            <tr>
              ${this.renderSortHeader('name', m.area, undefined, false)}
              ${this.showKeys ? this.renderSortHeader('key', m.key, undefined, false) : nothing}
              ${model.columns.map((column, i) => this.renderSortHeader(i, column.header, column.unit, true))}
            </tr>
          </thead>
          <tbody class="reference">
            <tr part="reference-row">
              <th scope="row">${model.reference.label}</th>
              ${this.showKeys ? html`<td class="key">${model.reference.key}</td>` : nothing}
              ${model.reference.cells.map((cell) => this.renderCell(cell))}
            </tr>
          </tbody>
          <tbody class="areas">
            ${repeat(
              this.sortedRows(model),
              (row) => row.key,
              (row) => html`<tr part="row" class=${selected.has(row.key) ? 'selected' : ''} data-key=${row.key} @click=${() => this.select(model, row)}>
                <th scope="row"><button type="button" class="area" aria-current=${selected.has(row.key) ? 'true' : nothing}>${row.name}</button></th>
                ${this.showKeys ? html`<td class="key">${row.key}</td>` : nothing}
                ${row.cells.map((cell) => this.renderCell(cell, this.swatches))}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${this.renderNotes(model, anySuppressed, anyMissing)}
      <div class="exports" part="exports export" role="group" aria-label=${m.exportLabel}>
        <button type="button" part="button" class="csv" aria-label=${m.exportCsvName} @click=${() => this.exportCsv()}>${m.exportCsv}</button>
        <button
          type="button"
          part="button"
          class="xlsx"
          aria-label=${m.exportXlsxName}
          aria-disabled=${this.exportState === 'busy' ? 'true' : 'false'}
          @click=${() => this.exportXlsx()}
        >
          ${m.exportXlsx}
        </button>
        ${this.exportState === 'failed' ? html`<span class="error">${m.exportFailed}</span>` : nothing}
      </div>
    `;
  }

  private renderSortHeader(column: SortColumn, label: string, unit: string | undefined, numeric: boolean): TemplateResult {
    const sorted = this.sort?.column === column ? this.sort : undefined;
    const ariaSort = sorted ? (sorted.ascending ? 'ascending' : 'descending') : nothing;
    const arrow = sorted ? (sorted.ascending ? '▲' : '▼') : '↕';
    return html`<th scope="col" part="header" class=${numeric ? 'number' : ''} aria-sort=${ariaSort}>
      <button type="button" class="sort" @click=${() => this.sortBy(column, label)}>
        <span>${label}${unit ? html` <span class="unit">(${unit})</span>` : nothing}</span>
        <span class="arrow" aria-hidden="true">${arrow}</span>
      </button>
    </th>`;
  }

  private renderCell(cell: StyledArea | StyledReference, swatch = false): TemplateResult {
    const swatchPart = swatch && 'colour' in cell ? html`<span class="swatch" aria-hidden="true" ${ref(paintSwatch(cell))}></span>` : nothing;
    if (cell.state === 'number') return html`<td>${swatchPart}${cell.text}</td>`;
    return html`<td class=${cell.state}>${swatchPart}<span aria-hidden="true">${cell.text}</span><span class="visually-hidden">${cell.spoken}</span></td>`;
  }

  private renderNotes(model: TableModel, anySuppressed: boolean, anyMissing: boolean): TemplateResult {
    const m = this.messages;
    const locale = model.locale;
    const sources = [...new Set(model.columns.map((column) => localize(column.indicator.source, locale)))];
    return html`<div class="notes" part="notes">
      ${anySuppressed ? html`<p class="suppressed-note">${m.suppressedNote}</p>` : nothing}
      ${anyMissing ? html`<p class="missing-note">${m.missingNote}</p>` : nothing}
      <p>${m.sources}: ${sources.join('; ')}</p>
      <details>
        <summary>${m.definitions}</summary>
        <dl>
          ${model.columns.map(
            (column) => html`<dt>${column.title}${column.unit ? ` (${column.unit})` : ''}</dt>
              <dd>${localize(column.indicator.definition, locale)}${column.indicator.note ? html` ${localize(column.indicator.note, locale)}` : nothing}</dd>`,
          )}
        </dl>
      </details>
    </div>`;
  }
}

/**
 * Paints a swatch in the cell's class colour, or the hatch when suppressed. Set from script:
 * a `style` attribute (also lit's styleMap on first render) breaks a strict `style-src`.
 */
function paintSwatch(cell: StyledArea) {
  return (element?: Element) => {
    if (!(element instanceof HTMLElement)) return;
    element.style.backgroundColor = cell.hatch?.base ?? cell.colour;
    if (!cell.hatch) {
      element.style.backgroundImage = '';
      return;
    }
    const { base, stripe, angle, stripeWidth, gap } = cell.hatch;
    element.style.backgroundImage = `repeating-linear-gradient(${angle}deg, ${stripe} 0 ${stripeWidth}px, ${base} ${stripeWidth}px ${stripeWidth + gap}px)`;
  };
}
