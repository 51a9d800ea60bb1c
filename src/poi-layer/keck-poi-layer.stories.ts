import { html, nothing } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../map/define.js';
import './define.js';

const VECHTA = '/atlas/vechta/atlas.json';

interface PoiArgs {
  src: string;
  categories?: string;
  locale?: 'de' | 'en';
}

/**
 * `<keck-poi-layer>`: points of interest inside a `<keck-map>`: symbols per category (clustered
 * when many), a category filter, the list of points in view (arrow keys move in it) and a
 * details panel. The Vechta atlas's source `kitas` holds fictional facilities.
 */
const meta: Meta<PoiArgs> = {
  title: 'Elements/keck-poi-layer',
  component: 'keck-poi-layer',
  args: { src: 'kitas', locale: 'de' },
  argTypes: {
    categories: { control: 'text' },
    locale: { control: 'inline-radio', options: ['de', 'en'] },
  },
  render: (args) => html`<keck-map src=${VECHTA} locale=${args.locale ?? nothing}
    ><keck-poi-layer src=${args.src} categories=${args.categories ?? nothing} locale=${args.locale ?? nothing}></keck-poi-layer
  ></keck-map>`,
};
export default meta;

type Story = StoryObj<PoiArgs>;

/** The atlas's POI source on the Vechta map. */
export const WithMap: Story = {};

/** Only playgrounds (attribute `categories`); the checkboxes show the others again. */
export const PlaygroundsWithMap: Story = { args: { categories: 'playground' } };

/** English interface. */
export const EnglishWithMap: Story = { args: { locale: 'en' } };

/** A source id the atlas does not have: the layer names it and the sources there are; the map stays. */
export const UnknownSource: Story = { args: { src: 'does-not-exist' }, tags: ['state'] };

/** Outside a `<keck-map>` the layer says where it belongs. */
export const OutsideAMap: Story = { render: () => html`<keck-poi-layer src="kitas"></keck-poi-layer>`, tags: ['state'] };
