import type { Map as MapLibreMap } from 'maplibre-gl';

declare global {
  interface Window {
    /** The Map page's map, for browser tests and debugging. */
    __brmMap?: MapLibreMap;
  }
}

export {};
