import type { HatchPattern } from '../core/colours.js';

/** The side of one hatch tile: stripes at 45° repeat seamlessly on a square of this size. */
export function hatchTileSize(pattern: HatchPattern): number {
  return Math.max(4, Math.round((pattern.stripeWidth + pattern.gap) * Math.SQRT2));
}

/**
 * The core's suppression pattern as pixels for `map.addImage` (drawn with canvas 2D, so no
 * image URL is loaded: works under `img-src 'self'`). Stripes run at 45° (or 135° when the
 * pattern's angle says so); `pixelRatio` keeps them sharp on dense screens.
 */
export function hatchImage(pattern: HatchPattern, pixelRatio: number): ImageData {
  const size = hatchTileSize(pattern) * pixelRatio;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const context = canvas.getContext('2d')!;
  context.fillStyle = pattern.base;
  context.fillRect(0, 0, size, size);
  context.strokeStyle = pattern.stripe;
  context.lineWidth = pattern.stripeWidth * pixelRatio;
  const mirrored = Math.round(((pattern.angle % 180) + 180) % 180) === 135;
  context.beginPath();
  // Lines x + y = c for c = 0, size, 2·size cover the tile and meet their neighbours.
  for (const c of [0, size, 2 * size]) {
    const from = [c, 0];
    const to = [c - size, size];
    context.moveTo(mirrored ? size - from[0] : from[0], from[1]);
    context.lineTo(mirrored ? size - to[0] : to[0], to[1]);
  }
  context.stroke();
  return context.getImageData(0, 0, size, size);
}

/** The same pattern as an SVG `<pattern>` element's markup attributes, for vector exports. */
export function hatchSvgPattern(pattern: HatchPattern, id: string): string {
  const size = hatchTileSize(pattern);
  return (
    `<pattern id="${id}" patternUnits="userSpaceOnUse" width="${size}" height="${size}" patternTransform="rotate(${pattern.angle - 90})">` +
    `<rect width="${size}" height="${size}" fill="${escapeXml(pattern.base)}"/>` +
    `<line x1="${size / 2}" y1="0" x2="${size / 2}" y2="${size}" stroke="${escapeXml(pattern.stripe)}" stroke-width="${pattern.stripeWidth}"/>` +
    `</pattern>`
  );
}

/** Escapes text for SVG/XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[c]};`);
}
