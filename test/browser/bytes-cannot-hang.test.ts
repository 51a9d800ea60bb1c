import { expect } from '@open-wc/testing';
import { runIsolated } from '../harness/browser.js';

describe('damaged FlatGeobuf files (areas and points) in a page', () => {
  it('give a readable message in the element, while the page stays responsive and the table beside works', async () => {
    const run = await runIsolated('damaged-files', { timeout: 90000, frozenAfter: 5000 });
    expect(run.error).to.equal(undefined);
    const { geometry, pois, rows } = run.result as { geometry: Record<string, string>; pois: Record<string, string>; rows: number };
    expect(geometry['zero-count']).to.match(/zero-count\.fgb: \$: erwartet eine FlatGeobuf-Datei, gefunden einen Kopf, der einen räumlichen Index über 0 Objekte angibt/);
    expect(geometry['huge-count']).to.contain('huge-count.fgb: $: erwartet eine FlatGeobuf-Datei, gefunden einen Kopf, der 4 294 967 295 Objekte in einer Datei von 1 024 Bytes angibt');
    expect(geometry.truncated).to.match(/truncated\.fgb: \$: erwartet eine FlatGeobuf-Datei, gefunden eine Datei, die in Objekt 6 endet .*abgeschnitten/);
    expect(geometry.projected).to.match(/projected\.fgb: \$: erwartet eine FlatGeobuf-Datei, gefunden Koordinaten wie 433115\.65, 5809525\.32.*Metern \(der Kopf nennt EPSG:25832\)/);
    for (const text of Object.values(geometry)) expect(text).to.not.match(/Cannot read properties|undefined|null/);
    expect(pois.empty).to.contain('empty.fgb: $: erwartet eine FlatGeobuf-Datei, gefunden eine Datei von nur 0 Bytes');
    expect(pois['zero-count']).to.contain('zero-count-pois.fgb: $: erwartet eine FlatGeobuf-Datei, gefunden einen Kopf, der einen räumlichen Index über 0 Objekte angibt');
    expect(rows).to.equal(10);
    expect(run.uncaught).to.deep.equal([]);
    expect(run.longestBusy, 'the longest the page was busy at a stretch (ms)').to.be.below(2000);
  });
});
