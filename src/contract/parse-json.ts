import { ContractError } from './issues.js';

/** Parses JSON text; malformed JSON becomes a ContractError naming line and column. */
export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(detail);
    let where = '$';
    if (position) {
      const offset = Number(position[1]);
      const before = text.slice(0, offset);
      const line = before.split('\n').length;
      const column = offset - before.lastIndexOf('\n');
      where = `line ${line}, column ${column}`;
    }
    const reason = detail.replace(/^JSON\.parse: /, '').replace(/ in JSON at position \d+.*$/, '');
    throw new ContractError(file, [{ file, path: where, expected: 'well-formed JSON', found: `malformed JSON (${reason})` }]);
  }
}
