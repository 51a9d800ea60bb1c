/** The one lazy loader of flatgeobuf: only pages that draw geometry download it. */
export const loadFlatGeobuf = () => import('flatgeobuf/lib/mjs/geojson.js');
