import type { Map as MapLibreMap } from 'maplibre-gl';

declare global {
  interface Window {
    /** The report form's drawing map (GeometryPicker.svelte), for browser tests. */
    __brmInfoPicker?: MapLibreMap;
    /** The /info page's small map of the listed reports (ReportsMap.svelte). */
    __brmInfoMap?: MapLibreMap;
  }
}

export {};
