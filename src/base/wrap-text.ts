/**
 * Lines of at most `perLine` characters, broken at spaces (a longer word stays whole): for the
 * texts of SVG exports and chart keys, which SVG does not wrap by itself.
 */
export function wrapText(text: string, perLine: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > perLine) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** How many characters of a proportional font of `fontSize` px fit into `width` px (a safe estimate). */
export function charactersIn(width: number, fontSize: number, bold = false): number {
  return Math.max(8, Math.floor(width / (fontSize * (bold ? 0.62 : 0.56))));
}
