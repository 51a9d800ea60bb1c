import { uiLocale } from '../contract/localize.js';
import { loadPdf } from '../export/load-pdf.js';
import { reportMessages } from './messages.js';
import type { ReportModel, ReportRow } from './model.js';

type PdfDocument = InstanceType<Awaited<ReturnType<typeof loadPdf>>['jsPDF']>;

const PAGE = { width: 210, height: 297, margin: 18, footer: 10 };
const LINE = 1.35; // line height as a multiple of the font size
const PT = 0.3528; // mm per point

/**
 * The report as an A4 PDF whose text stays text (jsPDF's text API with its standard
 * Helvetica, WinAnsi: umlauts, ß, „“, – and the no-break space print as they are).
 * An indicator's block never breaks across pages.
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

  for (const section of model.sections) {
    writer.keepTogether(heightOfRow(writer, section.rows[0], model) + 9);
    writer.paragraph(section.title, 13, 'bold');
    writer.gap(1);
    for (const row of section.rows) writeRow(writer, row, model);
    writer.gap(2);
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

function rowLines(row: ReportRow, model: ReportModel): string[] {
  const lines = row.cells.map((cell) => {
    const comparison = cell.comparison?.text;
    return `${cell.name}: ${cell.text}${comparison ? ` – ${comparison}` : ''}`;
  });
  lines.push(`${model.referenceLabel}: ${row.reference.text}${row.total ? ` (${reportMessages(model.locale).total})` : ''}`);
  return lines;
}

function writeRow(writer: Writer, row: ReportRow, model: ReportModel): void {
  writer.keepTogether(heightOfRow(writer, row, model));
  writer.paragraph(`${row.title} (${row.unitAndYear}) [${row.footnote}]`, 10, 'bold');
  for (const line of rowLines(row, model)) writer.paragraph(line, 9.5, 'normal', 4);
  writer.gap(2);
}

function heightOfRow(writer: Writer, row: ReportRow | undefined, model: ReportModel): number {
  if (!row) return 0;
  return (
    writer.heightOf(`${row.title} (${row.unitAndYear}) [${row.footnote}]`, 10, 'bold') +
    rowLines(row, model).reduce((sum, line) => sum + writer.heightOf(line, 9.5, 'normal', 4), 0) +
    2
  );
}

class Writer {
  private y = PAGE.margin;
  constructor(private readonly doc: PdfDocument) {}

  private lines(text: string, size: number, style: string, indent: number): string[] {
    this.doc.setFont('helvetica', style);
    this.doc.setFontSize(size);
    return this.doc.splitTextToSize(text, PAGE.width - 2 * PAGE.margin - indent) as string[];
  }

  heightOf(text: string, size: number, style: string, indent = 0): number {
    return this.lines(text, size, style, indent).length * size * PT * LINE;
  }

  paragraph(text: string, size: number, style: string, indent = 0): void {
    const lineHeight = size * PT * LINE;
    for (const line of this.lines(text, size, style, indent)) {
      this.keepTogether(lineHeight);
      this.doc.text(line, PAGE.margin + indent, this.y + size * PT);
      this.y += lineHeight;
    }
  }

  gap(mm: number): void {
    this.y += mm;
  }

  /** Starts a new page unless `height` still fits on this one. */
  keepTogether(height: number): void {
    if (this.y + height > PAGE.height - PAGE.margin - PAGE.footer && this.y > PAGE.margin) {
      this.doc.addPage();
      this.y = PAGE.margin;
    }
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
