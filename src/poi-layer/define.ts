import { KeckPoiLayer } from './keck-poi-layer.js';

if (!customElements.get('keck-poi-layer')) customElements.define('keck-poi-layer', KeckPoiLayer);

declare global {
  interface HTMLElementTagNameMap {
    'keck-poi-layer': KeckPoiLayer;
  }
}
