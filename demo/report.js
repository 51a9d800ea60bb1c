// Starts the report with Lohne (Oldenburg) unless the page's link already names a selection.
import { AtlasGroup } from '/dist/cdn/keck-atlas.js';

const group = AtlasGroup.named('sozialraum');
if (group.view.areas.length === 0) group.update({ areas: ['03460006'] });
