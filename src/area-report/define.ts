import { KeckAreaReport } from './keck-area-report.js';

const tag = 'keck-area-report';
if (!customElements.get(tag)) customElements.define(tag, KeckAreaReport);
