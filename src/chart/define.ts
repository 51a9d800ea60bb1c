import { KeckChart } from './keck-chart.js';

if (!customElements.get('keck-chart')) customElements.define('keck-chart', KeckChart);

declare global {
  interface HTMLElementTagNameMap {
    'keck-chart': KeckChart;
  }
}
