/// <reference types="vite/client" />
import { html, nothing, type PropertyValues } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import fictionalPois from '../../test/fixtures/map/vechta-pois.geojson?url';
import '../poi-layer/define.js';
import './define.js';
import { KeckMap } from './keck-map.js';

/** Stays in the loading state: it never starts a load, so the story can show the message. */
class LoadingMapForStory extends KeckMap {
  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.data.status = 'loading';
  }
}
if (!customElements.get('keck-map-loading-story')) customElements.define('keck-map-loading-story', LoadingMapForStory);

const VECHTA = '/atlas/vechta/atlas.json';

interface MapArgs {
  src: string;
  indicator?: string;
  bars?: string;
  classification?: string;
  classes?: number;
  controls: boolean;
  locale?: 'de' | 'en';
  pois: boolean;
}

const meta: Meta<MapArgs> = {
  title: 'Elements/keck-map',
  component: 'keck-map',
  args: { src: VECHTA, controls: false, pois: false },
  argTypes: {
    classification: { control: 'select', options: ['quantile', 'equal', 'jenks'] },
    classes: { control: { type: 'number', min: 2, max: 7 } },
    locale: { control: 'inline-radio', options: ['de', 'en'] },
  },
  render: (args) => html`<keck-map
    src=${args.src}
    indicator=${args.indicator ?? nothing}
    bars=${args.bars ?? nothing}
    classification=${args.classification ?? nothing}
    classes=${args.classes ?? nothing}
    locale=${args.locale ?? nothing}
    ?controls=${args.controls}
    >${args.pois ? html`<keck-poi-layer src=${fictionalPois}></keck-poi-layer>` : nothing}</keck-map
  >`,
};
export default meta;

type Story = StoryObj<MapArgs>;

/** The Vechta demo atlas: share of under-15-year-olds per Gemeinde, Kreis boundary drawn over. */
export const Choropleth: Story = {};

/** The second indicator as columns on each area. */
export const WithColumns: Story = { args: { bars: 'non-german-u15-share' } };

/** Built-in selects for indicator, level and year. */
export const WithControls: Story = { args: { controls: true } };

/** Fictional facilities (Kitas, playgrounds, family centres) with filter, list and details. */
export const WithPointsOfInterest: Story = { args: { pois: true } };

/** English interface. */
export const English: Story = { args: { locale: 'en' } };

/** While the atlas loads. */
export const Loading: Story = { render: () => html`<keck-map-loading-story></keck-map-loading-story>`, tags: ['state'] };

/** An atlas that cannot be loaded (HTTP 404): the message names the file, with a button to try again. */
export const Error: Story = { args: { src: '/atlas/does-not-exist/atlas.json' }, tags: ['state'] };

/** An indicator the atlas does not have: the message names it; fixing the attribute draws the map. */
export const UnknownIndicator: Story = { args: { indicator: 'does-not-exist' }, tags: ['state'] };
