import { uiLocale } from '../contract/localize.js';
import { loadPdf } from '../export/load-pdf.js';
import { reportMessages } from './messages.js';
import type { ReportModel, ReportRow } from './model.js';

type PdfDocument = InstanceType<Awaited<ReturnType<typeof loadPdf>>['jsPDF']>;

const PAGE = { width: 210, height: 297, margin: 18, footer: 10 };
const LINE = 1.35; // line height as a multiple of the font size
const PT = 0.3528; // mm per point

/**
 * The report as an A4 PDF that looks like the report on screen: per topic a table (indicator,
 * the areas, the reference; its header repeated on every page it runs onto), the comparison bars
 * as vector rectangles, all text as text (jsPDF's standard Helvetica, WinAnsi: umlauts, ß, „“, –
 * and the no-break space print as they are). A row never breaks across pages.
 */
export async function reportPdf(model: ReportModel, created: Date): Promise<PdfDocument> {
  const { jsPDF } = await loadPdf();
  const doc = new jsPDF({ unit: 'mm', format: 'a4', orientation: 'portrait', compress: true });
  const messages = reportMessages(model.locale);
  const writer = new Writer(doc);
  doc.setProperties({ title: `${model.title}: ${model.subtitle}`, subject: model.atlasTitle, creator: 'keck-atlas' });
  doc.setLanguage(uiLocale(model.locale) === 'en' ? 'en-GB' : 'de-DE');

  writer.paragraph(model.title, 18, 'bold');
  writer.paragraph(model.subtitle, 12, 'normal');
  const date = new Intl.DateTimeFormat(uiLocale(model.locale) === 'en' ? 'en-GB' : 'de-DE', { dateStyle: 'long' }).format(created);
  writer.paragraph(`${model.atlasTitle} · ${messages.dataYear(model.year)} · ${messages.createdOn(date)}`, 9, 'normal');
  writer.gap(4);

  const table = new ReportTable(writer, model);
  for (const section of model.sections) {
    writer.keepTogether(9 + table.headerHeight() + table.rowHeight(section.rows[0]));
    writer.paragraph(section.title, 13, 'bold');
    writer.gap(1);
    table.header();
    for (const row of section.rows) table.row(row);
    writer.gap(5);
  }

  writer.keepTogether(20);
  writer.paragraph(messages.footnotes, 11, 'bold');
  for (const note of model.footnotes) {
    const text = [`${note.number} ${note.title}.`, `${messages.definition}: ${note.definition}`, `${messages.source}: ${note.source}`];
    if (note.note) text.push(`${messages.note}: ${note.note}`);
    writer.paragraph(text.join(' '), 8.5, 'normal');
    writer.gap(1);
  }
  writer.paragraph(messages.sameRule, 8.5, 'normal');
  if (model.hasTotals) writer.paragraph(messages.totalsRule, 8.5, 'normal');
  writer.gap(2);
  writer.keepTogether(12);
  writer.paragraph(messages.attribution, 11, 'bold');
  for (const credit of model.attribution) {
    const parts = [credit.text, credit.licence, credit.url, credit.licenceUrl].filter((part): part is string => !!part);
    writer.paragraph(parts.join(' · '), 8.5, 'normal');
  }
  writer.pageNumbers(messages.page);
  return doc;
}

const WIDTH = PAGE.width - 2 * PAGE.margin;
const PAD = 1.5;
const BAR = { width: 18, height: 2.6 };
const ACCENT: [number, number, number] = [11, 92, 173];

/** One topic's table: column widths, the header, and rows that are kept whole on a page. */
class ReportTable {
  private readonly widths: number[];
  private readonly messages;

  constructor(
    private readonly writer: Writer,
    private readonly model: ReportModel,
  ) {
    const first = model.areas.length >= 3 ? 0.28 : model.areas.length === 2 ? 0.34 : 0.42;
    const rest = (WIDTH * (1 - first)) / (model.areas.length + 1);
    this.widths = [WIDTH * first, ...model.areas.map(() => rest), rest];
    this.messages = reportMessages(model.locale);
  }

  private headerTexts(): string[] {
    return [this.messages.indicator, ...this.model.areas.map((area) => area.name), `${this.messages.reference}: ${this.model.referenceLabel}`];
  }

  headerHeight(): number {
    return Math.max(...this.headerTexts().map((text, i) => this.writer.linesIn(text, 8.5, 'bold', this.widths[i] - 2 * PAD).length)) * lineOf(8.5) + 2 * PAD;
  }

  header(): void {
    const y = this.writer.y;
    this.cellsAt(this.headerTexts().map((text) => [{ text, size: 8.5, style: 'bold' }]), y);
    this.writer.y = y + this.headerHeight();
    this.writer.rule(0.5);
  }

  private cells(row: ReportRow): Block[][] {
    const indicator: Block[] = [
      { text: `${row.title} ${row.footnote}`, size: 9, style: 'bold' },
      { text: row.unitAndYear, size: 7.5, style: 'normal' },
    ];
    const areas = row.cells.map((cell): Block[] => [
      { text: cell.text, size: 9.5, style: 'bold' },
      ...(cell.comparison ? [{ bar: cell.comparison } as Block, { text: cell.comparison.text, size: 7.5, style: 'normal' }] : []),
    ]);
    const reference: Block[] = [{ text: row.reference.text, size: 9.5, style: 'bold' }, ...(row.total ? [{ text: this.messages.total, size: 7.5, style: 'normal' }] : [])];
    return [indicator, ...areas, reference];
  }

  rowHeight(row: ReportRow | undefined): number {
    if (!row) return 0;
    return Math.max(...this.cells(row).map((blocks, i) => this.blocksHeight(blocks, this.widths[i] - 2 * PAD))) + 2 * PAD;
  }

  row(row: ReportRow): void {
    const height = this.rowHeight(row);
    if (this.writer.wouldBreak(height)) {
      this.writer.newPage();
      this.header();
    }
    const y = this.writer.y;
    this.cellsAt(this.cells(row), y);
    this.writer.y = y + height;
    this.writer.rule(0.2);
  }

  private blocksHeight(blocks: Block[], width: number): number {
    return blocks.reduce((sum, block) => sum + ('bar' in block ? BAR.height + 1.2 : this.writer.linesIn(block.text, block.size, block.style, width).length * lineOf(block.size)), 0);
  }

  private cellsAt(columns: Block[][], top: number): void {
    let x = PAGE.margin;
    columns.forEach((blocks, i) => {
      let y = top + PAD;
      for (const block of blocks) {
        if ('bar' in block) {
          this.writer.bar(x + PAD, y + 0.4, block.bar);
          y += BAR.height + 1.2;
          continue;
        }
        for (const line of this.writer.linesIn(block.text, block.size, block.style, this.widths[i] - 2 * PAD)) {
          this.writer.textAt(line, x + PAD, y + block.size * PT, block.size, block.style);
          y += lineOf(block.size);
        }
      }
      x += this.widths[i];
    });
  }
}

type Block = { text: string; size: number; style: string } | { bar: NonNullable<ReportRow['cells'][number]['comparison']> };

const lineOf = (size: number) => size * PT * LINE;

class Writer {
  y = PAGE.margin;
  constructor(private readonly doc: PdfDocument) {}

  /**
   * The text broken into lines of at most `width` mm, only between words or after a hyphen
   * ("Neuenkirchen-" / "Vörden"); a single longer word stays whole (jsPDF's own splitter would cut it).
   */
  linesIn(text: string, size: number, style: string, width: number): string[] {
    this.doc.setFont('helvetica', style);
    this.doc.setFontSize(size);
    const fits = (line: string) => this.doc.getTextWidth(line) <= width;
    const lines: string[] = [];
    let line = '';
    for (const word of text.split(' ')) {
      const candidate = line ? `${line} ${word}` : word;
      if (!line || fits(candidate)) {
        line = candidate;
        continue;
      }
      lines.push(line);
      line = word;
    }
    if (line) lines.push(line);
    return lines.flatMap((each) => (fits(each) ? [each] : this.atHyphens(each, fits)));
  }

  private atHyphens(line: string, fits: (text: string) => boolean): string[] {
    const pieces = line.split(/(?<=-)/);
    const lines: string[] = [];
    let current = '';
    for (const piece of pieces) {
      if (current && !fits(current + piece)) {
        lines.push(current);
        current = piece;
      } else current += piece;
    }
    if (current) lines.push(current);
    return lines;
  }

  paragraph(text: string, size: number, style: string, indent = 0): void {
    for (const line of this.linesIn(text, size, style, WIDTH - indent)) {
      this.keepTogether(lineOf(size));
      this.textAt(line, PAGE.margin + indent, this.y + size * PT, size, style);
      this.y += lineOf(size);
    }
  }

  textAt(text: string, x: number, y: number, size: number, style: string): void {
    this.doc.setFont('helvetica', style);
    this.doc.setFontSize(size);
    this.doc.text(text, x, y);
  }

  /** The comparison bar as on screen: a track, the difference from the middle axis, the axis. */
  bar(x: number, y: number, comparison: NonNullable<ReportRow['cells'][number]['comparison']>): void {
    const middle = x + BAR.width / 2;
    const length = (BAR.width / 2 - 0.5) * comparison.magnitude;
    this.doc.setFillColor(170, 170, 170);
    this.doc.rect(x, y + BAR.height / 2 - 0.15, BAR.width, 0.3, 'F');
    this.doc.setFillColor(...ACCENT);
    if (comparison.sign !== 0) this.doc.rect(comparison.sign < 0 ? middle - length : middle, y, Math.max(0.3, length), BAR.height, 'F');
    this.doc.setFillColor(26, 26, 26);
    this.doc.rect(middle - 0.15, y - 0.3, 0.3, BAR.height + 0.6, 'F');
  }

  rule(weight: number): void {
    this.doc.setDrawColor(118, 118, 118);
    this.doc.setLineWidth(weight);
    this.doc.line(PAGE.margin, this.y, PAGE.margin + WIDTH, this.y);
  }

  gap(mm: number): void {
    this.y += mm;
  }

  wouldBreak(height: number): boolean {
    return this.y + height > PAGE.height - PAGE.margin - PAGE.footer && this.y > PAGE.margin;
  }

  newPage(): void {
    this.doc.addPage();
    this.y = PAGE.margin;
  }

  /** Starts a new page unless `height` still fits on this one. */
  keepTogether(height: number): void {
    if (this.wouldBreak(height)) this.newPage();
  }

  pageNumbers(label: (page: number, count: number) => string): void {
    const count = this.doc.getNumberOfPages();
    this.doc.setFont('helvetica', 'normal');
    this.doc.setFontSize(8);
    for (let page = 1; page <= count; page++) {
      this.doc.setPage(page);
      this.doc.text(label(page, count), PAGE.width - PAGE.margin, PAGE.height - PAGE.margin / 2, { align: 'right' });
    }
  }
}
