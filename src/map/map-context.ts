import { createContext } from '@lit/context';
import type { Map as MaplibreMap } from 'maplibre-gl';
import type { Atlas } from '../data/atlas.js';

/**
 * What a `<keck-map>` gives the elements inside it (`<keck-poi-layer>`): the maplibre map it
 * draws on now, its atlas, and the element that takes the focus back after a detail closes.
 * A new value follows every change (a map re-created after a DOM move, another atlas), so a
 * child that subscribes moves its layers along; outside any map a child gets no value at all.
 */
export interface MapConnection {
  map?: MaplibreMap;
  atlas?: Atlas;
  focusTarget?: HTMLElement;
}

export const mapContext = createContext<MapConnection | undefined>(Symbol.for('keck-atlas.map'));
