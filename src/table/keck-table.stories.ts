/// <reference types="vite/client" />
import { html, type PropertyValues } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import fictionalAtlas from '../../test/fixtures/table/atlas.json?url';
import manyIndicatorsAtlas from '../../test/fixtures/table/many-indicators.json?url';
import './define.js';
import { KeckTable } from './keck-table.js';

/** Stays in the loading state: it never starts a load, so the story can show the message. */
class LoadingTableForStory extends KeckTable {
  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.data.status = 'loading';
  }
}
if (!customElements.get('keck-table-loading-story')) customElements.define('keck-table-loading-story', LoadingTableForStory);

const VECHTA = '/atlas/vechta/atlas.json';

interface TableArgs {
  src: string;
  indicators?: string;
  areas?: string;
  year?: number;
  locale?: 'de' | 'en';
  showKeys?: boolean;
  swatches?: boolean;
  width?: string;
}

/**
 * `<keck-table>`: areas x indicators for a level and year, sortable, with the reference row and
 * CSV/XLSX export. The Vechta data is real (KECK final report, 2013); the atlases marked
 * "fiktiv" are invented for tests.
 */
const meta: Meta<TableArgs> = {
  title: 'Elements/keck-table',
  component: 'keck-table',
  args: { src: VECHTA, locale: 'de', showKeys: false, swatches: false, width: '100%' },
  argTypes: { locale: { control: 'inline-radio', options: ['de', 'en'] } },
  render: (args) => html`<div style="max-width: ${args.width}">
    <keck-table
      src=${args.src}
      indicators=${ifDefined(args.indicators)}
      areas=${ifDefined(args.areas)}
      year=${ifDefined(args.year)}
      locale=${ifDefined(args.locale)}
      ?show-keys=${args.showKeys}
      ?swatches=${args.swatches}
    ></keck-table>
  </div>`,
};
export default meta;

type Story = StoryObj<TableArgs>;

export const ManyIndicators: Story = { args: { src: manyIndicatorsAtlas, swatches: true } };

export const VechtaAllIndicators: Story = { args: { showKeys: true } };

export const OneIndicator: Story = { args: { indicators: 'u15-share', swatches: true } };

export const SuppressedAndMissing: Story = { args: { src: fictionalAtlas, swatches: true, showKeys: true } };

export const English: Story = { args: { locale: 'en', swatches: true } };

export const SelectedAreas: Story = { args: { areas: '03460001,03460006,03460009' } };

export const NarrowScreen320px: Story = { args: { src: manyIndicatorsAtlas, width: '320px', showKeys: true } };

/** A year the atlas does not have: the message lists the years it has. */
export const UnknownYear: Story = { args: { year: 1999 }, tags: ['state'] };

/** An atlas that cannot be loaded (HTTP 404): the message names the file, with a button to try again. */
export const Error: Story = { args: { src: '/atlas/does-not-exist/atlas.json' }, tags: ['state'] };

/** An indicator the atlas does not have: the message names it. */
export const UnknownIndicator: Story = { args: { indicators: 'u15-share,not-an-indicator' }, tags: ['state'] };

/** While the atlas loads. */
export const Loading: Story = { render: () => html`<keck-table-loading-story></keck-table-loading-story>`, tags: ['state'] };

/** Two tables in one group: selecting a row in one highlights it in the other. */
export const LinkedByGroup: Story = {
  render: () => html`<keck-table src=${VECHTA} group="story-group" indicators="u15-share"></keck-table>
    <keck-table src=${VECHTA} group="story-group" indicators="non-german-u15-share" locale="en"></keck-table>`,
};
