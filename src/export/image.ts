export interface RasterOptions {
  format: 'png' | 'jpeg';
  /** Device pixels per CSS pixel (default 2, for sharp prints and high-density screens). */
  scale?: number;
  /** Any CSS colour painted below the drawing; JPEG has no transparency and defaults to white. */
  background?: string;
}

/**
 * Rasterizes an SVG (element or serialized markup) to a PNG or JPEG blob by drawing it on a
 * canvas. The SVG is loaded as a same-page blob: image, so it makes no request to any origin
 * and works under `img-src 'self' blob:`; SVGs referring to outside resources are drawn without them.
 */
export async function svgToRaster(svg: SVGSVGElement | string, options: RasterOptions): Promise<Blob> {
  const element = typeof svg === 'string' ? parseSvg(svg) : svg;
  const markup = typeof svg === 'string' ? svg : new XMLSerializer().serializeToString(svg);
  const { width, height } = svgSize(element);
  const scale = options.scale ?? 2;
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
  try {
    const image = new Image(width, height);
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(width * scale));
    canvas.height = Math.max(1, Math.round(height * scale));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('No 2D canvas context available.');
    const background = options.background ?? (options.format === 'jpeg' ? '#ffffff' : undefined);
    if (background) {
      context.fillStyle = background;
      context.fillRect(0, 0, canvas.width, canvas.height);
    }
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The canvas could not be encoded.'))), `image/${options.format}`, 0.92),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

function parseSvg(markup: string): SVGSVGElement {
  const root = new DOMParser().parseFromString(markup, 'image/svg+xml').documentElement;
  if (!(root instanceof SVGSVGElement)) throw new Error('The markup is not an SVG document.');
  return root;
}

/** The drawing size of an SVG in CSS pixels: its width/height attributes, else its viewBox, else its layout box. */
export function svgSize(svg: SVGSVGElement): { width: number; height: number } {
  const width = Number.parseFloat(svg.getAttribute('width') ?? '');
  const height = Number.parseFloat(svg.getAttribute('height') ?? '');
  if (width > 0 && height > 0) return { width, height };
  const box = svg.viewBox?.baseVal;
  if (box && box.width > 0 && box.height > 0) return { width: box.width, height: box.height };
  const rect = svg.getBoundingClientRect();
  return { width: rect.width || 300, height: rect.height || 150 };
}
