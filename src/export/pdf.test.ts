import { expect } from '@open-wc/testing';
import { svgToPdf } from './pdf.js';

const CHART = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100">
  <path d="M10,90 L60,20 L110,60 Z" fill="#0b5cad" stroke="#000000"/>
  <text x="10" y="15" font-size="10">Wert 16,15 %</text>
</svg>`;

function svgElement(markup: string): SVGSVGElement {
  return new DOMParser().parseFromString(markup, 'image/svg+xml').documentElement as unknown as SVGSVGElement;
}

describe('svgToPdf', () => {
  it('writes a vector PDF: the drawing as path operators, title, source and attribution as text', async () => {
    const blob = await svgToPdf(svgElement(CHART), {
      title: 'Unter 15-Jährige 2013',
      source: 'Landkreis Vechta',
      attribution: '© GeoBasis-DE / BKG',
      locale: 'de',
    });
    expect(blob.type).to.equal('application/pdf');
    const content = new TextDecoder('latin1').decode(await blob.arrayBuffer());
    expect(content.startsWith('%PDF-')).to.equal(true);
    // The triangle: moveto, lineto and a fill or stroke, not an image.
    expect(content).to.match(/[\d.]+ [\d.]+ m\n[\d.]+ [\d.]+ l\n/);
    expect(content).not.to.contain('/Subtype /Image');
    expect(content).to.contain('(Unter 15-Jährige 2013) Tj');
    expect(content).to.contain('(Quelle: Landkreis Vechta) Tj');
    expect(content).to.contain('(© GeoBasis-DE / BKG) Tj');
    expect(content).to.contain('(Wert 16,15 %) Tj');
    expect(content).to.contain('/Title (Unter 15-Jährige 2013)');
  });

  it('labels the source in English', async () => {
    const blob = await svgToPdf(svgElement(CHART), { title: 'Share', source: 'Sample town', locale: 'en' });
    expect(new TextDecoder('latin1').decode(await blob.arrayBuffer())).to.contain('(Source: Sample town) Tj');
  });
});
