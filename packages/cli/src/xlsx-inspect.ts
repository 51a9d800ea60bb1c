import { unzipSync } from 'fflate';

/**
 * What read-excel-file does not tell: which sheets are hidden, which formulas have no stored
 * result (read as empty), which cells hold an Excel error (read as empty) and which cells are
 * merged (only the first holds the value). A tolerant scan of the workbook's XML parts with
 * fflate, so it runs in browsers too.
 */

export interface WorkbookSheet {
  name: string;
  hidden: boolean;
  /** Path of the sheet's XML part in the zip, when the workbook names one. */
  part?: string;
}

export interface SheetFindings {
  /** Cells whose formula has no stored result, e.g. `{cell: "C7", formula: "B7*2"}`. */
  formulasWithoutResult: { cell: string; formula: string }[];
  /** Cells that hold an Excel error such as `#DIV/0!`. */
  errors: { cell: string; error: string; formula?: string }[];
  /** Merged ranges, e.g. `"B5:B6"`. */
  merged: string[];
}

export interface Workbook {
  sheets: WorkbookSheet[];
  inspect(sheet: WorkbookSheet): SheetFindings;
}

/** Opens the workbook's parts; throws when the bytes are no zip. */
export function openWorkbook(bytes: Uint8Array): Workbook {
  const parts = unzipSync(bytes, { filter: (file) => file.name === 'xl/workbook.xml' || file.name === 'xl/_rels/workbook.xml.rels' || file.name.startsWith('xl/worksheets/') });
  const text = (name: string) => (parts[name] ? new TextDecoder().decode(parts[name]) : '');
  const targets = new Map<string, string>();
  for (const tag of tags(text('xl/_rels/workbook.xml.rels'), 'Relationship')) {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const sheets = tags(text('xl/workbook.xml'), 'sheet').map((tag): WorkbookSheet => {
    const state = attribute(tag, 'state');
    const relation = attribute(tag, 'id');
    return { name: attribute(tag, 'name') ?? '', hidden: state === 'hidden' || state === 'veryHidden', part: relation ? targets.get(relation) : undefined };
  });
  return { sheets, inspect: (sheet) => inspectSheet(sheet.part ? text(sheet.part) : '') };
}

function inspectSheet(xml: string): SheetFindings {
  const findings: SheetFindings = { formulasWithoutResult: [], errors: [], merged: [] };
  const token = /<(?:\w+:)?(row|c)\b([^>]*?)(\/?)>/g;
  let row = 0;
  let column = 0;
  for (let match = token.exec(xml); match; match = token.exec(xml)) {
    const [, name, attributes, selfClosing] = match;
    if (name === 'row') {
      row = Number(attribute(attributes, 'r') ?? row + 1);
      column = 0;
      continue;
    }
    const reference = attribute(attributes, 'r');
    column = reference ? columnNumber(reference) : column + 1;
    if (selfClosing) continue;
    const close = /<\/(?:\w+:)?c>/g;
    close.lastIndex = token.lastIndex;
    const closing = close.exec(xml);
    const content = xml.slice(token.lastIndex, closing ? closing.index : xml.length);
    token.lastIndex = closing ? close.lastIndex : xml.length;
    const cell = reference ?? `${columnLetters(column)}${row}`;
    const formula = /<(?:\w+:)?f\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/.exec(content);
    const value = /<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/.exec(content);
    const type = attribute(attributes, 't');
    if (type === 'e') findings.errors.push({ cell, error: unescapeXml(value?.[1] ?? '#ERROR'), ...(formula?.[1] && { formula: unescapeXml(formula[1]) }) });
    else if (formula && type !== 'inlineStr' && (!value || (value[1] === '' && type !== 'str'))) findings.formulasWithoutResult.push({ cell, formula: unescapeXml(formula[1] ?? '') });
  }
  for (const tag of tags(xml, 'mergeCell')) {
    const range = attribute(tag, 'ref');
    if (range) findings.merged.push(range);
  }
  return findings;
}

/** The attribute texts of every `<name …>` element (any namespace prefix). */
function tags(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<(?:\\w+:)?${name}\\b([^>]*)>`, 'g'))].map((match) => match[1]);
}

function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)(?:\\w+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes);
  return match ? unescapeXml(match[1] ?? match[2]) : undefined;
}

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, entity: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (entity[0] !== '#') return named[entity.toLowerCase()];
    return String.fromCodePoint(entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : Number(entity.slice(1)));
  });
}

/** "C7" → 3; "AA1" → 27. */
export function columnNumber(cell: string): number {
  let number = 0;
  for (const letter of /^[A-Z]+/i.exec(cell)?.[0].toUpperCase() ?? '') number = number * 26 + letter.charCodeAt(0) - 64;
  return number;
}

/** 3 → "C"; 27 → "AA". */
export function columnLetters(column: number): string {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/** "B5:C6" → rows 5–6, columns 2–3 (1-based). */
export function rangeBounds(range: string): { top: number; left: number; bottom: number; right: number } {
  const [from, to = from] = range.split(':');
  const row = (cell: string) => Number(/\d+$/.exec(cell)?.[0] ?? 0);
  return { top: row(from), left: columnNumber(from), bottom: row(to), right: columnNumber(to) };
}
