import type { Map as MapLibreMap } from 'maplibre-gl';

declare global {
  interface Window {
    /** The Map page's map, for browser tests and debugging. */
    __brmMap?: MapLibreMap;
    /** The side-by-side view's maps, by province. */
    __brmInsets?: Partial<Record<'an_giang' | 'lang_son', MapLibreMap>>;
  }
}

export {};
