/**
 * The one entry to the PDF libraries (jsPDF and svg2pdf.js), loaded only when a PDF is
 * exported. Cached, so every export shares one load.
 */
let loading: Promise<PdfModules> | undefined;

export interface PdfModules {
  jsPDF: typeof import('jspdf').jsPDF;
  svg2pdf: typeof import('svg2pdf.js').svg2pdf;
}

export function loadPdf(): Promise<PdfModules> {
  loading ??= Promise.all([import('jspdf'), import('svg2pdf.js')]).then(([jspdf, svg2pdf]) => ({ jsPDF: jspdf.jsPDF, svg2pdf: svg2pdf.svg2pdf }));
  return loading;
}
