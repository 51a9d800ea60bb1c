import { KeckTable } from './keck-table.js';

// The tag is written out (not a variable) so the custom-elements-manifest analyzer picks it up.
if (!customElements.get('keck-table')) customElements.define('keck-table', KeckTable);

declare global {
  interface HTMLElementTagNameMap {
    'keck-table': KeckTable;
  }
}
