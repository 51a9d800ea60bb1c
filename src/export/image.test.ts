import { expect } from '@open-wc/testing';
import { svgSize, svgToRaster } from './image.js';

const SQUARE = `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect x="0" y="0" width="20" height="20" fill="#ff0000"/></svg>`;

async function pixel(blob: Blob, x: number, y: number): Promise<number[]> {
  const bitmap = await createImageBitmap(blob);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  return [...context.getImageData(x, y, 1, 1).data];
}

describe('svgToRaster', () => {
  it('draws an SVG string to a PNG at the given scale, transparent where nothing is drawn', async () => {
    const png = await svgToRaster(SQUARE, { format: 'png', scale: 3 });
    expect(png.type).to.equal('image/png');
    const bitmap = await createImageBitmap(png);
    expect([bitmap.width, bitmap.height]).to.deep.equal([120, 60]);
    expect(await pixel(png, 10, 10)).to.deep.equal([255, 0, 0, 255]);
    expect((await pixel(png, 100, 10))[3]).to.equal(0);
  });

  it('draws an SVG element to a JPEG on white, or on the given background', async () => {
    const element = new DOMParser().parseFromString(SQUARE, 'image/svg+xml').documentElement as unknown as SVGSVGElement;
    const jpeg = await svgToRaster(element, { format: 'jpeg', scale: 1 });
    expect(jpeg.type).to.equal('image/jpeg');
    (await pixel(jpeg, 35, 10)).slice(0, 3).forEach((channel) => expect(channel).to.be.greaterThan(245));
    const onBlue = await svgToRaster(element, { format: 'png', scale: 1, background: '#0000ff' });
    expect(await pixel(onBlue, 35, 10)).to.deep.equal([0, 0, 255, 255]);
  });

  it('takes the size from the viewBox when width and height are missing', () => {
    const element = new DOMParser().parseFromString('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 120"/>', 'image/svg+xml')
      .documentElement as unknown as SVGSVGElement;
    expect(svgSize(element)).to.deep.equal({ width: 300, height: 120 });
  });

  it('rejects markup that is not an SVG', async () => {
    let error: unknown;
    await svgToRaster('<html></html>', { format: 'png' }).catch((caught) => (error = caught));
    expect(error).to.be.instanceOf(Error);
  });
});
