import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Indicator } from '../contract/types.js';
import { localize } from '../contract/localize.js';
import type { Problem } from '../base/problem.js';
import { KeckElement } from '../base/keck-element.js';
import { linkOrText } from '../base/links.js';
import { deliverExport, exportFileName } from '../export/download.js';
import { baseStyles } from '../base/styles.js';
import type { Atlas } from '../data/atlas.js';
import { reportMessages } from './messages.js';
import { MAX_AREAS, reportModel, type ReportCell, type ReportModel, type ReportRow } from './model.js';
import { reportPdf } from './pdf.js';
import { reportStyles } from './styles.js';

type Resolved = { model: ReportModel; note?: string } | { problem: Problem };

/**
 * All published indicators of the atlas for up to three areas side by side with the
 * reference area, grouped by topic: value, unit and year, how each compares with the
 * reference (in words and a small bar), definitions and sources as footnotes.
 * Printable (clean A4 pages) and exportable as a PDF whose text stays text.
 *
 * Without `areas`, the areas come from the group's selection (the three most recent)
 * or the bookmark.
 *
 * @fires {KeckLoadEvent} keck-load - The atlas has loaded.
 * @fires {KeckErrorEvent} keck-error - Loading failed or an attribute names something the atlas lacks.
 * @fires {KeckExportEvent} keck-export - Before a PDF download; cancel it to handle the file yourself (detail: format, blob, fileName).
 * @csspart status - The loading or error message, or the message about the chosen areas.
 * @csspart bookmark - The opened bookmark's title and interpretation text.
 * @csspart header - Title, compared areas and data year.
 * @csspart exports - The print and PDF buttons (the same part name as the other elements' download buttons).
 * @csspart toolbar - The earlier name of `exports`, kept working.
 * @csspart button - Each button in `exports`.
 * @csspart table - Each topic's table.
 * @csspart bar - The small bar showing the difference from the reference.
 * @csspart footnotes - Definitions and sources.
 * @csspart attribution - The credits of the data.
 * @cssprop {<color>} [--keck-bar=var(--keck-accent)] - Colour of the difference bars.
 */
export class KeckAreaReport extends KeckElement {
  static override styles = [baseStyles, reportStyles];

  /** Comma-separated area keys of the report's level, at most three. */
  @property({ reflect: true }) areas?: string;

  /** Comma-separated indicator ids (default: all published indicators of the level). */
  @property({ reflect: true }) indicators?: string;

  @state() private pdfStatus: { busy: boolean; error?: string } = { busy: false };

  /** The report as shown, once the atlas is loaded and the areas are valid. */
  get model(): ReportModel | undefined {
    const resolved = this.resolved ?? this.resolve();
    return resolved && 'model' in resolved ? resolved.model : undefined;
  }

  /** The report as a PDF (A4, text as text); loads jsPDF on first use. */
  async createPdf(): Promise<Blob> {
    const model = this.model;
    if (!model) throw new Error(reportMessages(this.activeLocale).noAreas);
    const doc = await reportPdf(model, new Date());
    return doc.output('blob');
  }

  /** Creates the PDF and hands it to the browser as a download (fires the cancelable `keck-export` first). */
  async downloadPdf(): Promise<void> {
    const model = this.model;
    if (!model) return;
    this.pdfStatus = { busy: true };
    try {
      const doc = await reportPdf(model, new Date());
      deliverExport(this, 'pdf', doc.output('blob'), exportFileName([model.title, ...model.areas.map((area) => area.name)], 'pdf'));
      this.pdfStatus = { busy: false };
    } catch (error) {
      this.pdfStatus = { busy: false, error: error instanceof Error ? error.message : String(error) };
    }
  }

  private resolved?: Resolved;

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.resolved = this.resolve();
    super.willUpdate(changed);
  }

  protected override viewProblem(): Problem | undefined {
    return this.resolved && 'problem' in this.resolved ? this.resolved.problem : undefined;
  }

  /** The areas: its own `areas` (checked), else the selection on its level (the most recent three), else the bookmark's (checked). */
  private resolve(): Resolved | undefined {
    const atlas = this.data.atlas;
    const level = this.activeLevel;
    const year = this.activeYear;
    if (this.data.status !== 'ready' || !atlas || !level || !atlas.level(level) || year === undefined) return undefined;
    const messages = reportMessages(this.activeLocale);
    const levelTitle = localize(atlas.level(level)!.title, this.activeLocale);
    const own = parseList(this.areas);
    const selected = this.selectedAreas;
    const explicit = own ?? (selected.length ? undefined : this.activeBookmark?.areas);
    let keys: string[];
    let note: string | undefined;
    if (explicit) {
      if (explicit.length > MAX_AREAS) return { problem: { code: 'too-many-areas', detail: explicit.join(), message: messages.tooManyAreas(explicit.length) } };
      const unknown = explicit.filter((key) => !atlas.area(level, key));
      if (unknown.length) return { problem: { code: 'unknown-area', detail: `${level}/${unknown.join()}`, message: messages.unknownAreas(unknown, level) } };
      keys = explicit;
    } else {
      keys = selected.slice(-MAX_AREAS);
      if (selected.length > MAX_AREAS) note = messages.moreSelected(selected.length, MAX_AREAS);
      const elsewhere = this.shown.selection.length - selected.length;
      if (!keys.length && elsewhere > 0) return { problem: { code: 'not-on-level', message: messages.notOnLevel(elsewhere, levelTitle), severity: 'note' } };
    }
    if (keys.length === 0) return { problem: { code: 'no-areas', message: messages.noAreas, severity: 'note' } };
    const indicators = this.indicatorsOf(atlas, level);
    if ('problem' in indicators) return indicators;
    return { model: reportModel(atlas, { level, year, locale: this.activeLocale, areas: keys, indicators: indicators.list }), note };
  }

  private indicatorsOf(atlas: Atlas, level: string): { list: Indicator[] } | { problem: Problem } {
    const messages = reportMessages(this.activeLocale);
    const ids = this.shown.indicators(parseList(this.indicators));
    const renderable = atlas.renderableIndicators(level);
    if (!ids) return renderable.length ? { list: renderable } : { problem: { code: 'no-indicator', message: messages.noIndicators, severity: 'note' } };
    const unknown = ids.filter((id) => !renderable.some((indicator) => indicator.id === id));
    if (unknown.length) return { problem: { code: 'unknown-indicator', detail: unknown.join(), message: messages.unknownIndicators(unknown) } };
    return { list: ids.map((id) => renderable.find((indicator) => indicator.id === id)!) };
  }

  protected override render() {
    const status = this.renderStatus();
    const resolved = this.resolved;
    if (status !== nothing || !resolved || 'problem' in resolved) return html`${this.renderBookmarkText()}${status}`;
    return html`${this.renderBookmarkText()}
    ${resolved.note ? html`<p part="status" class="status" role="status">${resolved.note}</p>` : nothing} ${this.renderReport(resolved.model)}`;
  }

  private renderReport(model: ReportModel): TemplateResult {
    const messages = reportMessages(model.locale);
    return html`<article class="report" lang=${model.locale} aria-labelledby="report-title">
      <header part="header">
        <h2 id="report-title">${model.title}</h2>
        <p class="subtitle">${model.subtitle}</p>
        <p class="meta">${model.atlasTitle} · ${messages.dataYear(model.year)}</p>
      </header>
      <div part="exports toolbar" class="exports">
        <button part="button" type="button" @click=${() => window.print()}>${messages.print}</button>
        <button part="button" type="button" ?disabled=${this.pdfStatus.busy} @click=${() => this.downloadPdf()}>${messages.pdf}</button>
        <span role="status" class="pdf-status">${this.pdfStatus.busy ? messages.pdfBusy : this.pdfStatus.error ? messages.pdfFailed(this.pdfStatus.error) : ''}</span>
      </div>
      ${model.sections.map(
        (section) => html`<section class="topic">
          <h3 id="topic-${section.id}">${section.title}</h3>
          <table part="table" aria-labelledby="topic-${section.id}">
            <thead>
              <tr>
                <th scope="col">${messages.indicator}</th>
                ${model.areas.map((area) => html`<th scope="col">${area.name}</th>`)}
                <th scope="col" class="reference">${messages.reference}: ${model.referenceLabel}</th>
              </tr>
            </thead>
            <tbody>
              ${section.rows.map((row) => this.renderRow(row))}
            </tbody>
          </table>
        </section>`,
      )}
      <section part="footnotes" class="footnotes">
        <h3>${messages.footnotes}</h3>
        <ol>
          ${model.footnotes.map(
            (note) => html`<li id="fn-${note.number}">
              <strong>${note.title}.</strong> ${messages.definition}: ${note.definition} ${messages.source}: ${note.source}
              ${note.note ? html`${messages.note}: ${note.note}` : nothing}
            </li>`,
          )}
        </ol>
        <p>${messages.sameRule}</p>
        ${model.hasTotals ? html`<p>${messages.totalsRule}</p>` : nothing}
      </section>
      <footer part="attribution" class="attribution">
        <h3>${messages.attribution}</h3>
        <ul>
          ${model.attribution.map(
            (credit) => html`<li>
              ${linkOrText(credit.text, credit.url)}${credit.licence ? html` · ${linkOrText(credit.licence, credit.licenceUrl)}` : nothing}
            </li>`,
          )}
        </ul>
      </footer>
    </article>`;
  }

  private renderRow(row: ReportRow): TemplateResult {
    const messages = reportMessages(this.activeLocale);
    return html`<tr data-indicator=${row.indicator.id}>
      <th scope="row">
        ${row.title}<sup class="footnote-ref">${row.footnote}</sup>
        <span class="unit-year">${row.unitAndYear}</span>
      </th>
      ${row.cells.map((cell) => this.renderCell(cell))}
      <td class="reference" data-state=${row.reference.state}>
        <span class="value" aria-hidden="true">${row.reference.text}</span><span class="visually-hidden">${row.reference.spoken}</span>
        ${row.total ? html`<span class="comparison note">${messages.total}</span>` : nothing}
      </td>
    </tr>`;
  }

  private renderCell(cell: ReportCell): TemplateResult {
    const comparison = cell.comparison;
    return html`<td data-key=${cell.key} data-state=${cell.state}>
      <span class="value" aria-hidden="true">${cell.text}</span><span class="visually-hidden">${cell.spoken}</span>
      ${comparison
        ? html`<span class="comparison" data-direction=${comparison.direction}>
            <svg part="bar" class="bar" viewBox="0 0 64 10" width="64" height="10" aria-hidden="true" focusable="false">
              <rect class="track" x="0" y="4.5" width="64" height="1"></rect>
              <rect
                class="difference"
                x=${comparison.sign < 0 ? 32 - 30 * comparison.magnitude : 32}
                y="1"
                width=${Math.max(comparison.sign === 0 ? 0 : 1, 30 * comparison.magnitude)}
                height="8"
              ></rect>
              <rect class="axis" x="31.5" y="0" width="1" height="10"></rect>
            </svg>
            <span class="comparison-text">${comparison.text}</span>
          </span>`
        : nothing}
    </td>`;
  }
}

function parseList(value: string | undefined): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  return value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}



declare global {
  interface HTMLElementTagNameMap {
    'keck-area-report': KeckAreaReport;
  }
}
