// Starts the front page with Lohne (Oldenburg) selected, unless the visitor's link already names a selection.
import { AtlasGroup } from '/dist/cdn/keck-atlas.js';

const group = AtlasGroup.named('vechta');
if (group.view.areas.length === 0) group.update({ areas: ['03460006'] });
