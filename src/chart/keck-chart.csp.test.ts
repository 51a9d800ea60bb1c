import { expect } from '@open-wc/testing';
import { foreignRequests, readRequestLog, runUnderStrictCsp, startRequestLog } from '../../test/harness/browser.js';

describe('<keck-chart> under a strict Content-Security-Policy', () => {
  it('draws every chart type, takes keyboard selection and exports every format with no violation and no foreign request', async () => {
    await startRequestLog();
    const run = await runUnderStrictCsp('chart', 60000);
    expect(run.error).to.equal(undefined);
    expect(run.violations).to.deep.equal([]);
    const result = run.result as { marks: number[]; exported: Record<string, number>; selected: number };
    expect(result.selected, 'Enter on a highlighted bar selects it').to.equal(1);
    expect(result.marks).to.have.length(4);
    result.marks.forEach((count) => expect(count).to.be.greaterThan(3));
    Object.values(result.exported).forEach((size) => expect(size).to.be.greaterThan(1000));
    expect(foreignRequests(await readRequestLog())).to.deep.equal([]);
  });
});
