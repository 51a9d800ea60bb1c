import { expect, fixture, html } from '@open-wc/testing';
import '../../src/area-report/define.js';
import { formatDeepLink, parseDeepLinks, withDeepLink } from '../../src/base/deep-link.js';
import { AtlasGroup } from '../../src/base/group.js';
import type { KeckAreaReport } from '../../src/area-report/keck-area-report.js';

const VECHTA = '/demo/atlas/vechta/atlas.json';

async function loaded(el: KeckAreaReport): Promise<void> {
  const status = () => (el as unknown as { data: { status: string } }).data.status;
  while (status() === 'loading' || status() === 'idle') await new Promise((resolve) => setTimeout(resolve, 10));
  await el.updateComplete;
  await el.updateComplete;
}

describe('deep links', () => {
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  it('round-trips a view through the hash format, keeping other hash parts', () => {
    const view = { level: 'gemeinde', year: 2013, indicator: 'u15-share', areas: ['03460006', 'a:b,c'] };
    expect(formatDeepLink('g', view)).to.equal('keck=g:gemeinde:2013:u15-share:03460006,a%3Ab%2Cc');
    expect(parseDeepLinks(`#top&${formatDeepLink('g', view)}`).get('g')).to.deep.equal(view);
    expect(withDeepLink('#top&keck=g:x:2000::1', 'g', view)).to.equal(`#top&${formatDeepLink('g', view)}`);
    expect(parseDeepLinks('#keck=g:gemeinde:20x3::').get('g')).to.deep.equal({ level: 'gemeinde', areas: [] });
    expect(parseDeepLinks('#keck=%E0%A4%A:a:2013::').size).to.equal(0);
  });

  it('opens the view named in the hash and writes selections back without reloading or adding history', async () => {
    history.replaceState(null, '', '#keck=deep:gemeinde:2013:u15-share:03460006,03460009');
    const historyLength = history.length;
    const report = await fixture<KeckAreaReport>(html`<keck-area-report src=${VECHTA} group="deep" deep-link></keck-area-report>`);
    await loaded(report);
    expect([...report.shadowRoot!.querySelectorAll('thead th')].map((th) => th.textContent?.trim()).slice(1, 3)).to.deep.equal([
      'Lohne (Oldenburg)',
      'Vechta',
    ]);
    const deep = AtlasGroup.named('deep');
    deep.update({ areas: [...deep.view.areas, '03460001'] });
    expect(location.hash).to.equal('#keck=deep:gemeinde:2013:u15-share:03460006,03460009,03460001');
    expect(history.length).to.equal(historyLength);
  });

  it('leaves the hash alone without the deep-link attribute', async () => {
    const report = await fixture<KeckAreaReport>(html`<keck-area-report src=${VECHTA} group="no-deep"></keck-area-report>`);
    await loaded(report);
    AtlasGroup.named('no-deep').update({ level: 'gemeinde', areas: ['03460001'] });
    expect(location.hash).to.equal('');
  });
});
