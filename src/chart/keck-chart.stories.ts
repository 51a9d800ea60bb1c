/// <reference types="vite/client" />
import { html, nothing, type PropertyValues } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import fictionalAtlas from '../../test/fixtures/chart/atlas.json?url';
import './define.js';
import { KeckChart } from './keck-chart.js';
import type { ChartType } from './messages.js';

/** Stays in the loading state: it never starts a load, so the story can show the message. */
class LoadingChartForStory extends KeckChart {
  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.data.status = 'loading';
  }
}
if (!customElements.get('keck-chart-loading-story')) customElements.define('keck-chart-loading-story', LoadingChartForStory);

const VECHTA = '/atlas/vechta/atlas.json';

interface ChartArgs {
  src: string;
  type: ChartType;
  indicator?: string;
  indicators?: string;
  areas?: string;
  year?: number;
  locale?: 'de' | 'en';
  group?: string;
  width?: string;
}

/**
 * `<keck-chart>`: column, bar, scatter and line charts with the reference value, German number
 * formats, a table alternative and PNG/JPG/SVG/PDF export. The Vechta data is real (KECK final
 * report, 2013); the atlas "Beispielstadt" is fictional (invented values for tests and stories).
 */
const meta: Meta<ChartArgs> = {
  title: 'Elements/keck-chart',
  component: 'keck-chart',
  args: { src: VECHTA, type: 'column', width: '800px' },
  argTypes: {
    type: { control: 'inline-radio', options: ['column', 'bar', 'scatter', 'line'] },
    locale: { control: 'inline-radio', options: ['de', 'en'] },
  },
  render: (args) => html`<keck-chart
    style="width: ${args.width ?? '100%'}"
    src=${args.src}
    type=${args.type}
    indicator=${args.indicator ?? nothing}
    indicators=${args.indicators ?? nothing}
    areas=${args.areas ?? nothing}
    year=${args.year ?? nothing}
    locale=${args.locale ?? nothing}
    group=${args.group ?? nothing}
  ></keck-chart>`,
};
export default meta;
type Story = StoryObj<ChartArgs>;

/** The areas sorted by value, coloured by the classes of the core, with the district as reference line. */
export const Column: Story = { args: { indicator: 'u15-share' } };

export const Bar: Story = { args: { type: 'bar', indicator: 'non-german-u15-share' } };

/** Two indicators side by side, each with its reference line. */
export const GroupedColumns: Story = { args: { indicators: 'u15-share,non-german-u15-share' } };

export const Scatter: Story = { args: { type: 'scatter', indicators: 'u15-share,non-german-u15-share' } };

/** Fictional data over six years: the reference and two districts; Lindenhof is suppressed in 2022 and 2023. */
export const TimeSeries: Story = { args: { src: fictionalAtlas, type: 'line', indicator: 'u6-share', areas: '01,06' } };

/** Fictional data: Lindenhof is suppressed ("k. A.", no bar). */
export const Suppressed: Story = { args: { src: fictionalAtlas, type: 'bar', indicator: 'u6-share', year: 2023 } };

/** Fictional data: Westend has no value in 2020 ("–", no bar). */
export const Missing: Story = { args: { src: fictionalAtlas, type: 'bar', indicator: 'u6-share', year: 2020 } };

/** Counts: thousands separators on the axis; no reference line, since the reference is the total. */
export const Counts: Story = { args: { src: fictionalAtlas, type: 'column', indicator: 'children' } };

export const English: Story = { args: { type: 'bar', indicator: 'u15-share', locale: 'en' } };

/** Theming through custom properties: accent, reference, series and class colours, font. */
export const Themed: Story = {
  render: () => html`<keck-chart
    style="width: 800px; font-family: Georgia, serif; --keck-accent: #6a1b9a; --keck-reference: #b00020; --keck-series-2: #00695c;
      --keck-class-1: #e0f2f1; --keck-class-2: #80cbc4; --keck-class-3: #26a69a; --keck-class-4: #00897b; --keck-class-5: #004d40"
    src=${VECHTA}
    type="column"
    indicators="u15-share,non-german-u15-share"
  ></keck-chart>`,
};

/** Two charts in one group: clicking a bar (or an area in the table) highlights it in both. */
export const LinkedByGroup: Story = {
  render: () => html`
    <keck-chart style="width: 800px" src=${VECHTA} type="bar" indicator="u15-share" group="story-linked"></keck-chart>
    <keck-chart style="width: 800px" src=${VECHTA} type="scatter" indicators="u15-share,non-german-u15-share" group="story-linked"></keck-chart>
  `,
};

/** While the atlas loads. */
export const Loading: Story = { render: () => html`<keck-chart-loading-story src=${VECHTA}></keck-chart-loading-story>`, tags: ['state'] };

/** An atlas that cannot be loaded (HTTP 404): the message names the file, with a button to try again. */
export const Error: Story = { args: { src: '/atlas/does-not-exist/atlas.json' }, tags: ['state'] };

export const UnknownIndicator: Story = { args: { indicator: 'does-not-exist' }, tags: ['state'] };

export const ScatterWithOneIndicator: Story = { args: { type: 'scatter', indicators: 'u15-share' }, tags: ['state'] };

export const NoSource: Story = { render: () => html`<keck-chart></keck-chart>`, tags: ['state'] };
