import { KeckMap } from './keck-map.js';

if (!customElements.get('keck-map')) customElements.define('keck-map', KeckMap);

declare global {
  interface HTMLElementTagNameMap {
    'keck-map': KeckMap;
  }
}
