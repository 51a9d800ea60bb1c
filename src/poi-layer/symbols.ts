/** Built-in POI symbols as SVG path data on a 24×24 grid (drawn white on the category colour). */
export const SYMBOL_PATHS: Readonly<Record<string, string>> = {
  kita: 'M12 5L19 11H17V18H7V11H5Z',
  school: 'M5 7L11 6V18L5 17ZM13 6L19 7V17L13 18Z',
  playground: 'M6 18L12 6L18 18H15.5L12 11L8.5 18Z',
  youth: 'M12 5L14 10H19L15 13L16.5 18L12 15L7.5 18L9 13L5 10H10Z',
  family: 'M12 18L6.2 12.2A3.3 3.3 0 0 1 12 8.4A3.3 3.3 0 0 1 17.8 12.2Z',
  health: 'M10 6H14V10H18V14H14V18H10V14H6V10H10Z',
  other: 'M12 8A4 4 0 1 1 11.99 8Z',
};

export const SYMBOL_SIZE = 26;

/** The symbol name to draw: a built-in one, else `other`. */
export function symbolName(symbol: string | undefined): string {
  return symbol && symbol in SYMBOL_PATHS ? symbol : 'other';
}

/**
 * Draws a symbol (white glyph on a circle of `colour` with a white ring) to pixels for
 * `map.addImage`. Canvas 2D with Path2D: no image is loaded, no glyph or sprite server.
 */
export function symbolImage(symbol: string, colour: string, pixelRatio: number): ImageData {
  const size = SYMBOL_SIZE * pixelRatio;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const context = canvas.getContext('2d')!;
  context.scale(pixelRatio, pixelRatio);
  context.beginPath();
  context.arc(SYMBOL_SIZE / 2, SYMBOL_SIZE / 2, SYMBOL_SIZE / 2 - 1.5, 0, 2 * Math.PI);
  context.fillStyle = colour;
  context.fill();
  context.lineWidth = 2;
  context.strokeStyle = '#ffffff';
  context.stroke();
  context.translate(1, 1);
  context.fillStyle = '#ffffff';
  context.fill(new Path2D(SYMBOL_PATHS[symbolName(symbol)]));
  return context.getImageData(0, 0, size, size);
}

/** The number on a cluster's disc, white on transparent, drawn on a canvas (no glyphs are requested). */
export function countImage(count: number, pixelRatio: number): ImageData {
  const label = count > 9999 ? `${Math.floor(count / 1000)}k` : String(count);
  const width = 8 + label.length * 8;
  const height = 16;
  const canvas = document.createElement('canvas');
  canvas.width = width * pixelRatio;
  canvas.height = height * pixelRatio;
  const context = canvas.getContext('2d')!;
  context.scale(pixelRatio, pixelRatio);
  context.fillStyle = '#ffffff';
  context.font = 'bold 12px sans-serif';
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  context.fillText(label, width / 2, height / 2 + 0.5);
  return context.getImageData(0, 0, width * pixelRatio, height * pixelRatio);
}

/** The device pixel ratio the POI images are drawn at (whole numbers, at least 1). */
export function imagePixelRatio(): number {
  return Math.max(1, Math.round(window.devicePixelRatio || 1));
}
