/** The one lazy loader of flatgeobuf (with the bounded reading around it): only pages that draw geometry or points download it. */
export const loadFlatGeobuf = () => import('./flatgeobuf-reader.js');
