/// <reference types="vite/client" />
import { html, nothing } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import fictionalPois from '../../test/fixtures/map/vechta-pois.geojson?url';
import '../poi-layer/define.js';
import './define.js';

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
