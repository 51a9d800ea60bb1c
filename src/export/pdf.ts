import { uiLocale } from '../contract/localize.js';
import type { Locale, UiLocale } from '../contract/types.js';
import { loadPdf } from './load-pdf.js';
import { svgSize } from './image.js';

export interface PdfOptions {
  /** Printed above the drawing, as text. */
  title: string;
  /** Printed below the drawing after "Quelle:"/"Source:", as text. */
  source: string;
  /** Attribution notice printed below the source (required with geometry). */
  attribution?: string;
  locale: Locale;
}

const MARGIN = 36;
const TITLE_SIZE = 14;
const FOOTER_SIZE = 8;
const SOURCE_LABEL: Record<UiLocale, string> = { de: 'Quelle', en: 'Source' };

/**
 * A one-page vector PDF of an SVG: the drawing as PDF paths and text (svg2pdf.js), with the
 * title above and the source and attribution below as real, selectable text. The page is
 * sized to the drawing (1 CSS pixel = 1 pt). jsPDF and svg2pdf.js load on first use.
 */
export async function svgToPdf(svg: SVGSVGElement, options: PdfOptions): Promise<Blob> {
  const { jsPDF, svg2pdf } = await loadPdf();
  const { width, height } = svgSize(svg);
  const pageWidth = Math.max(width + 2 * MARGIN, 240);
  const textWidth = pageWidth - 2 * MARGIN;
  const measure = new jsPDF({ unit: 'pt' });
  measure.setFontSize(TITLE_SIZE);
  const titleLines: string[] = measure.splitTextToSize(options.title, textWidth);
  measure.setFontSize(FOOTER_SIZE);
  const footer = [`${SOURCE_LABEL[uiLocale(options.locale)]}: ${options.source}`, options.attribution].filter((line): line is string => !!line);
  const footerLines: string[] = footer.flatMap((line) => measure.splitTextToSize(line, textWidth));
  const titleHeight = titleLines.length * TITLE_SIZE * 1.25;
  const footerHeight = footerLines.length * FOOTER_SIZE * 1.35;
  const pageHeight = MARGIN + titleHeight + 12 + height + 12 + footerHeight + MARGIN;

  const doc = new jsPDF({ unit: 'pt', format: [pageWidth, pageHeight], orientation: pageWidth > pageHeight ? 'landscape' : 'portrait' });
  doc.setProperties({ title: options.title, subject: `${SOURCE_LABEL[uiLocale(options.locale)]}: ${options.source}`, creator: 'keck-atlas' });
  doc.setLanguage(uiLocale(options.locale) === 'de' ? 'de-DE' : 'en-GB');
  doc.setFont('helvetica', 'bold');
  doc.setFontSize(TITLE_SIZE);
  doc.text(titleLines, MARGIN, MARGIN + TITLE_SIZE, { lineHeightFactor: 1.25 });

  // svg2pdf reads computed geometry, so the drawing must be in a document while it is converted.
  const holder = document.createElement('div');
  holder.style.position = 'fixed';
  holder.style.left = '-10000px';
  holder.style.top = '0';
  const copy = svg.cloneNode(true) as SVGSVGElement;
  holder.append(copy);
  document.body.append(holder);
  try {
    await svg2pdf(copy, doc, { x: MARGIN, y: MARGIN + titleHeight + 12, width, height, loadExternalStyleSheets: false, loadImages: false });
  } finally {
    holder.remove();
  }

  doc.setFont('helvetica', 'normal');
  doc.setFontSize(FOOTER_SIZE);
  doc.setTextColor(60, 60, 60);
  doc.text(footerLines, MARGIN, MARGIN + titleHeight + 12 + height + 12 + FOOTER_SIZE, { lineHeightFactor: 1.35 });
  return doc.output('blob');
}
