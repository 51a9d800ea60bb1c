import { KeckTable } from './keck-table.js';

const tag = 'keck-table';
if (!customElements.get(tag)) customElements.define(tag, KeckTable);

declare global {
  interface HTMLElementTagNameMap {
    'keck-table': KeckTable;
  }
}
