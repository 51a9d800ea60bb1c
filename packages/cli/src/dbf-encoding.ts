import iconv from 'iconv-lite';

/** The encoding to read a DBF's texts in, and what to tell the office when its `.cpg` was missing or wrong. */
export interface DbfEncoding {
  /** A TextDecoder label. */
  encoding: string;
  warning?: string;
}

/** What the text fields' bytes are: ASCII only, valid UTF-8 with multi-byte sequences, or something else. */
interface TextBytes {
  utf8Sequences: number;
  invalid: number;
  /** A text with non-ASCII bytes, for the message. */
  sample?: Uint8Array;
}

/**
 * Chooses the encoding of a DBF's texts. Valid UTF-8 multi-byte sequences (and no invalid ones) are
 * decisive: a Windows-1252 text is almost never valid UTF-8. Otherwise the `.cpg`'s code page, or
 * Windows-1252 (what ArcGIS and older GIS write). Warns when the `.cpg` was missing or contradicted.
 */
export function dbfEncoding(dbf: Uint8Array, cpg: Uint8Array | undefined, label: string): DbfEncoding {
  const declaredText = cpg ? new TextDecoder().decode(cpg).trim() : undefined;
  const declared = declaredText === undefined ? undefined : codePage(declaredText);
  const bytes = scanTextFields(dbf);
  const fallback = declared && declared !== 'utf-8' ? declared : 'windows-1252';
  if (bytes.utf8Sequences === 0 && bytes.invalid === 0) return { encoding: declared ?? 'windows-1252' };
  const sample = (encoding: string) => decodeDbfText(bytes.sample ?? new Uint8Array(), encoding).trim();
  if (bytes.invalid === 0) {
    if (declared === 'utf-8') return { encoding: 'utf-8' };
    const why = declaredText === undefined ? 'has no .cpg' : `has a .cpg that says "${declaredText}"`;
    return { encoding: 'utf-8', warning: `${label}: the .dbf ${why}, but its texts are UTF-8 ("${sample('utf-8')}", not "${sample(fallback)}"); read as UTF-8 — add a .cpg with the word UTF-8 to say so` };
  }
  if (declared === 'utf-8') {
    return { encoding: 'windows-1252', warning: `${label}: the .cpg says UTF-8, but the .dbf's texts are no valid UTF-8; read as Windows-1252 ("${sample('windows-1252')}") — correct the .cpg (e.g. to 1252)` };
  }
  if (declaredText === undefined) return { encoding: fallback, warning: `${label}: the .dbf has no .cpg and its texts are no UTF-8; read as Windows-1252 ("${sample(fallback)}") — add a .cpg naming the code page if that is wrong` };
  if (declared === undefined) return { encoding: fallback, warning: `${label}: the .cpg names the code page "${declaredText}", which is not supported; read as Windows-1252 ("${sample(fallback)}")` };
  return { encoding: declared };
}

/** The TextDecoder label of a `.cpg` text ("UTF-8", "65001", "1252", "ANSI 1252", "ISO-8859-1"…). */
function codePage(text: string): string | undefined {
  const lower = text.toLowerCase();
  if (/utf-?8|65001/.test(lower)) return 'utf-8';
  if (/8859-?15\b/.test(lower)) return 'iso-8859-15';
  if (/1252|8859-?1\b|latin-?1|^ansi$/.test(lower)) return 'windows-1252';
  const windows = /\b(125[0-8])\b/.exec(lower);
  if (windows) return `windows-${windows[1]}`;
  return undefined;
}

/** Walks the character fields of every record (field descriptors per the dBASE III layout). */
function scanTextFields(dbf: Uint8Array): TextBytes {
  const result: TextBytes = { utf8Sequences: 0, invalid: 0 };
  if (dbf.length < 32) return result;
  const view = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
  const records = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  const fields: { offset: number; length: number }[] = [];
  for (let at = 32, offset = 1; at + 32 <= Math.min(headerLength, dbf.length) && dbf[at] !== 0x0d; at += 32) {
    const length = dbf[at + 16];
    if (dbf[at + 11] === 0x43 /* C */) fields.push({ offset, length });
    offset += length;
  }
  for (let record = 0; record < records; record++) {
    const start = headerLength + record * recordLength;
    if (start + recordLength > dbf.length) break;
    for (const field of fields) {
      const text = dbf.subarray(start + field.offset, start + field.offset + field.length);
      const { sequences, invalid } = utf8Sequences(text);
      result.utf8Sequences += sequences;
      result.invalid += invalid;
      if ((sequences || invalid) && !result.sample) result.sample = text;
    }
  }
  return result;
}

/** Counts valid UTF-8 multi-byte sequences and invalid bytes; a sequence cut off at the end of the field does not count. */
function utf8Sequences(bytes: Uint8Array): { sequences: number; invalid: number } {
  let sequences = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i];
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    let valid = length > 0;
    let j = 1;
    for (; valid && j < length && i + j < bytes.length; j++) valid = (bytes[i + j] & 0xc0) === 0x80;
    if (valid && i + j >= bytes.length && j < length) break;
    if (valid) sequences++;
    else invalid++;
    i += valid ? length : 1;
  }
  return { sequences, invalid };
}

/**
 * Node's TextDecoder reads "windows-1252" as Latin-1 ("–" becomes U+0096), so texts the
 * shapefile reader decoded that way are decoded again with iconv-lite.
 */
export function repairWindows1252(text: string): string {
  return /[\u0080-\u009f]/.test(text) ? iconv.decode(Buffer.from(text, 'latin1'), 'windows-1252') : text;
}

function decodeDbfText(bytes: Uint8Array, encoding: string): string {
  const text = new TextDecoder(encoding).decode(bytes);
  return encoding === 'windows-1252' ? repairWindows1252(text) : text;
}
