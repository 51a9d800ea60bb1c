import { KeckAreaReport } from './keck-area-report.js';

// The tag is written out (not a variable) so the custom-elements-manifest analyzer picks it up.
if (!customElements.get('keck-area-report')) customElements.define('keck-area-report', KeckAreaReport);

