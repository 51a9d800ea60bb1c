/** The export formats the elements offer. */
export type ExportFormat = 'csv' | 'xlsx' | 'png' | 'jpg' | 'svg' | 'pdf';

/**
 * Fired on an element just before an export is downloaded. Cancel it (`preventDefault()`)
 * to handle the file yourself, e.g. to upload it instead of saving it.
 */
export class KeckExportEvent extends Event {
  static readonly eventName = 'keck-export';
  constructor(
    readonly format: ExportFormat,
    /** The exported file. */
    readonly blob: Blob,
    /** The suggested file name, e.g. `sozialatlas-landkreis-vechta_gemeinden_2013.csv`. */
    readonly fileName: string,
  ) {
    super(KeckExportEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
  get detail() {
    return { format: this.format, blob: this.blob, fileName: this.fileName };
  }
}

declare global {
  interface HTMLElementEventMap {
    'keck-export': KeckExportEvent;
  }
}

/** Saves a blob as a file through a temporary link (no request leaves the page). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Fires `keck-export` on the element and downloads the file unless a listener cancelled the event. */
export function deliverExport(source: EventTarget, format: ExportFormat, blob: Blob, fileName: string): void {
  if (source.dispatchEvent(new KeckExportEvent(format, blob, fileName))) downloadBlob(blob, fileName);
}

const TRANSLITERATION: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', æ: 'ae', ø: 'oe', œ: 'oe', đ: 'd', ł: 'l', þ: 'th' };

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[äöüßæøœđłþ]/g, (letter) => TRANSLITERATION[letter])
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * A readable, ASCII-only file name: each part as a lower-case slug with umlauts transliterated,
 * parts joined by `_`, empty parts left out. `exportFileName(['Sozialatlas Landkreis Vechta',
 * 'Anteil unter 15-Jährige', '2013'], 'xlsx')` → `sozialatlas-landkreis-vechta_anteil-unter-15-jaehrige_2013.xlsx`.
 */
export function exportFileName(parts: string[], extension: string): string {
  const name = parts.map(slug).filter(Boolean).join('_').slice(0, 120).replace(/[-_]+$/, '');
  return `${name || 'export'}.${slug(extension) || 'txt'}`;
}
