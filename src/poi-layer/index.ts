export { KeckPoiLayer } from './keck-poi-layer.js';
