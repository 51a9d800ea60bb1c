import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';

/**
 * keck-atlas: custom elements for a small-area social atlas. The element stories use the demo
 * atlases of Landkreis Vechta and Landkreis Lüchow-Dannenberg (data: KECK final report,
 * Bertelsmann Stiftung 2015; boundaries © GeoBasis-DE / BKG 2017, Daten verändert).
 */
const meta: Meta = { title: 'Introduction' };
export default meta;

export const About: StoryObj = {
  render: () => html`<article style="max-width: 40rem; font-family: system-ui, sans-serif">
    <h1>keck-atlas</h1>
    <p>
      Maps, tables, charts, area reports and points of interest about children's living conditions per neighbourhood,
      from one data contract, with the same privacy suppression ("k. A.") and styling everywhere.
    </p>
    <p>Demo data: <code>atlas/vechta/atlas.json</code>, <code>atlas/luechow-dannenberg/atlas.json</code>.</p>
  </article>`,
};
