import { expect } from '@open-wc/testing';
import { runIsolated } from '../harness/browser.js';

describe('damaged FlatGeobuf files (areas and points) in a page', () => {
  it('give a readable message in the element, while the page stays responsive and the table beside works', async () => {
    const run = await runIsolated('damaged-files', { timeout: 90000, frozenAfter: 5000 });
    expect(run.error).to.equal(undefined);
    const { geometry, pois, rows } = run.result as { geometry: Record<string, string>; pois: Record<string, string>; rows: number };
    expect(geometry['zero-count']).to.match(/zero-count\.fgb: \$: expected a FlatGeobuf file, found a header that declares a spatial index over 0 features/);
    expect(geometry['huge-count']).to.contain('huge-count.fgb: $: expected a FlatGeobuf file, found a header that declares 4 294 967 295 features in a file of 1 024 bytes');
    expect(geometry.truncated).to.match(/truncated\.fgb: \$: expected a FlatGeobuf file, found a file that ends inside feature 6 .*cut off/);
    expect(geometry.projected).to.match(/projected\.fgb: \$: expected a FlatGeobuf file, found coordinates such as 433115\.65, 5809525\.32.*metres \(the header names EPSG:25832\)/);
    for (const text of Object.values(geometry)) expect(text).to.not.match(/Cannot read properties|undefined|null/);
    expect(pois.empty).to.contain('empty.fgb: $: expected a FlatGeobuf file, found a file of only 0 bytes');
    expect(pois['zero-count']).to.contain('zero-count-pois.fgb: $: expected a FlatGeobuf file, found a header that declares a spatial index over 0 features');
    expect(rows).to.equal(10);
    expect(run.uncaught).to.deep.equal([]);
    expect(run.longestBusy, 'the longest the page was busy at a stretch (ms)').to.be.below(2000);
  });
});
