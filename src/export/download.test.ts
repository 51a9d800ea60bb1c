import { expect } from '@open-wc/testing';
import { deliverExport, downloadBlob, exportFileName, KeckExportEvent } from './download.js';

describe('exportFileName', () => {
  it('makes readable ASCII names with umlauts transliterated', () => {
    expect(exportFileName(['Sozialatlas Landkreis Vechta', 'Anteil unter 15-Jährige', '2013'], 'xlsx')).to.equal(
      'sozialatlas-landkreis-vechta_anteil-unter-15-jaehrige_2013.xlsx',
    );
    expect(exportFileName(['Lüchow-Dannenberg', 'Größe (m²)', 'Café Ångström'], 'csv')).to.equal('luechow-dannenberg_groesse-m2_cafe-angstroem.csv');
  });

  it('drops empty parts, path characters and falls back to a name', () => {
    expect(exportFileName(['../../etc', '', '  ', 'a/b\\c'], 'csv')).to.equal('etc_a-b-c.csv');
    expect(exportFileName(['–'], 'pdf')).to.equal('export.pdf');
  });
});

describe('downloadBlob and deliverExport', () => {
  it('clicks a temporary download link with the file name and an object URL', async () => {
    const clicked = new Promise<HTMLAnchorElement>((resolve) => {
      document.addEventListener(
        'click',
        (event) => {
          event.preventDefault();
          resolve(event.target as HTMLAnchorElement);
        },
        { once: true, capture: true },
      );
    });
    downloadBlob(new Blob(['x']), 'a.csv');
    const link = await clicked;
    expect(link.download).to.equal('a.csv');
    expect(link.href).to.match(/^blob:/);
    expect(link.isConnected).to.be.false;
  });

  it('fires a cancelable keck-export event; cancelling it skips the download', () => {
    const target = document.createElement('div');
    let seen: KeckExportEvent | undefined;
    target.addEventListener('keck-export', (event) => {
      seen = event;
      event.preventDefault();
    });
    let linkClicks = 0;
    const countLinks = (event: Event) => {
      if (event.target instanceof HTMLAnchorElement) linkClicks++;
      event.preventDefault();
    };
    document.addEventListener('click', countLinks, { capture: true });
    const blob = new Blob(['y']);
    deliverExport(target, 'csv', blob, 'b.csv');
    document.removeEventListener('click', countLinks, { capture: true });
    expect(seen?.detail).to.deep.equal({ format: 'csv', blob, fileName: 'b.csv' });
    expect(linkClicks).to.equal(0);
  });
});
