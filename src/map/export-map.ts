import type { Locale } from '../contract/types.js';
import { deliverExport, exportFileName } from '../export/download.js';

export type MapExportFormat = 'png' | 'jpg' | 'svg' | 'pdf';

export interface MapExportContext {
  title: string;
  source: string;
  attribution: string;
  locale: Locale;
  /** Parts of the file name, e.g. atlas, indicator, level, year. */
  fileParts: string[];
}

/**
 * Turns the map's SVG into the requested file (the raster and PDF helpers load on first use): the SVG itself, a PNG/JPEG of it, or a vector
 * PDF (paths and text, with title and source set by the PDF helper as real text). `drawing(framed)` builds the SVG once per
 * export: with its own title and footer, or (for the PDF, which adds them as text) without.
 */
export async function mapExportBlob(drawing: (framed: boolean) => string, format: MapExportFormat, context: MapExportContext): Promise<Blob> {
  switch (format) {
    case 'svg':
      return new Blob([drawing(true)], { type: 'image/svg+xml' });
    case 'png':
    case 'jpg':
      return (await import('../export/image.js')).svgToRaster(drawing(true), { format: format === 'jpg' ? 'jpeg' : 'png' });
    case 'pdf': {
      const element = new DOMParser().parseFromString(drawing(false), 'image/svg+xml').documentElement as unknown as SVGSVGElement;
      return (await import('../export/pdf.js')).svgToPdf(element, { title: context.title, source: context.source, attribution: context.attribution, locale: context.locale });
    }
  }
}

/** Builds the file and hands it to the page (`keck-export`, cancellable) or downloads it. */
export async function downloadMap(source: EventTarget, drawing: (framed: boolean) => string, format: MapExportFormat, context: MapExportContext): Promise<void> {
  const blob = await mapExportBlob(drawing, format, context);
  deliverExport(source, format, blob, exportFileName(context.fileParts, format));
}
