import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setWorkerUrl } from 'maplibre-gl';
import './define.js';
import type { KeckMap } from './keck-map.js';

// maplibre's worker URL is global to the page (this test file has its own page): a page that
// set one keeps it, so this one points at a file that is not there, as a bundler that did not
// emit the worker would.
const MISSING = '/test/fixtures/map/no-such-worker.mjs';
setWorkerUrl(MISSING);

describe('<keck-map> without its worker', () => {
  it('shows the failure and fires keck-error, not keck-load', async () => {
    const events: string[] = [];
    const element = await fixture<KeckMap>(
      html`<keck-map
        src="/test/fixtures/map/atlas.json"
        @keck-load=${() => events.push('keck-load')}
        @keck-error=${() => events.push('keck-error')}
      ></keck-map>`,
    );
    await waitUntil(() => events.length > 0, 'keck-load or keck-error fires', { timeout: 20000 });
    // Time for a late keck-load that must not come.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(events).to.deep.equal(['keck-error']);
    const status = element.shadowRoot!.querySelector('[part=status][role=alert]');
    expect(status?.textContent).to.contain(MISSING);
    expect(status?.textContent).to.contain('Worker');
  });
});
