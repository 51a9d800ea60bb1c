import { expect, fixture, html } from '@open-wc/testing';
import '../../src/keck-atlas.js';
import type { KeckMap } from '../../src/map/keck-map.js';

// docs/examples/atlas.json is the data contract's worked example: it must render as written,
// with the FlatGeobuf files beside it.
describe('the worked example of docs/data-contract.md', () => {
  it('draws its Ortsteile, lists its Kitas and shows no problem', async () => {
    const errors: string[] = [];
    const wrapper = await fixture<HTMLDivElement>(html`<div @keck-error=${(e: Event) => errors.push((e as Event & { message?: string }).message ?? 'keck-error')}>
      <keck-map style="width:600px" src="/docs/examples/atlas.json" level="ortsteil"><keck-poi-layer src="kitas"></keck-poi-layer></keck-map>
    </div>`);
    const map = wrapper.querySelector<KeckMap>('keck-map')!;
    const layer = map.querySelector('keck-poi-layer') as HTMLElement & { settled(): Promise<void> };
    await map.settled();
    await layer.settled();
    expect(errors).to.deep.equal([]);
    expect(map.view!.areas.map((area) => area.name).sort()).to.deep.equal(['Altstadt', 'Am Berg', 'Feldmark', 'Hafen']);
    expect(map.shadowRoot!.querySelector('[part=notice]')).to.equal(null);
    const listed = [...layer.shadowRoot!.querySelectorAll('[part=list] button')].map((b) => b.textContent!.trim());
    expect(listed).to.have.members(['Kita Feldweg (erfunden)', 'Kita Marktplatz (erfunden)']);
  });
});
