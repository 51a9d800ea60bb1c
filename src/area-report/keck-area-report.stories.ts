import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type PropertyValues } from 'lit';
import './define.js';
import '../map/define.js';
import { KeckAreaReport } from './keck-area-report.js';

/** Stays in the loading state: it never starts a load, so the story can show the message. */
class LoadingReportForStory extends KeckAreaReport {
  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.data.status = 'loading';
  }
}
if (!customElements.get('keck-area-report-loading-story')) customElements.define('keck-area-report-loading-story', LoadingReportForStory);

const meta: Meta = {
  title: 'Elements/keck-area-report',
  component: 'keck-area-report',
  args: { areas: '03460006', locale: 'de' },
  argTypes: { areas: { control: 'text' }, locale: { control: 'inline-radio', options: ['de', 'en'] } },
  render: (args) => html`<keck-area-report src="/atlas/vechta/atlas.json" areas=${args.areas} locale=${args.locale}></keck-area-report>`,
};
export default meta;

type Story = StoryObj;

/** The neighbourhood analysis of Lohne (Oldenburg) against the county. */
export const OneGemeinde: Story = {};

/** Three Gemeinden side by side. */
export const ThreeGemeinden: Story = { args: { areas: '03460006,03460007,03460009' } };

/** A fourth area is refused with a message. */
export const TooManyAreas: Story = { args: { areas: '03460001,03460002,03460003,03460004' }, tags: ['state'] };

/** An area key the level does not have: the message names it; fixing the attribute brings the report back. */
export const UnknownArea: Story = { args: { areas: '99999999' }, tags: ['state'] };

/** While the atlas loads. */
export const Loading: Story = { render: () => html`<keck-area-report-loading-story></keck-area-report-loading-story>`, tags: ['state'] };

/** An atlas that cannot be loaded (HTTP 404): the message names the file, with a button to try again. */
export const Error: Story = { render: () => html`<keck-area-report src="/atlas/does-not-exist/atlas.json" areas="03460006"></keck-area-report>`, tags: ['state'] };

/** English. */
export const English: Story = { args: { areas: '03460006,03460009', locale: 'en' } };

/** Linked with a map: select Gemeinden on the map (click, or arrow keys and Enter); the report keeps the last three. */
export const LinkedWithMap: Story = {
  render: () => html`<keck-map src="/atlas/vechta/atlas.json" group="story-report" style="height:24rem"></keck-map>
    <keck-area-report src="/atlas/vechta/atlas.json" group="story-report"></keck-area-report>`,
};
