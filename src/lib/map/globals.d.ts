import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MapboxOverlay } from '@deck.gl/mapbox';
import type { SeizurePointsState } from './seizure-points.svelte';
import type { DrawController } from '$lib/plan/draw';

declare global {
  interface Window {
    /** The Map page's map, for browser tests and debugging. */
    __brmMap?: MapLibreMap;
    /** The side-by-side view's maps, by province. */
    __brmInsets?: Partial<Record<'an_giang' | 'lang_son', MapLibreMap>>;
    /** The deck.gl overlays of the map and of the insets. */
    __brmDeck?: MapboxOverlay;
    __brmDecks?: Partial<Record<'an_giang' | 'lang_son', MapboxOverlay>>;
    /** The seizure points and the filter they are drawn with (seizure-points.svelte.ts). */
    __brmPoints?: SeizurePointsState;
    /** The planner's terra-draw controller (src/lib/plan/draw.ts). */
    __brmDraw?: DrawController;
    /** The data page's place picker in the seizure form. */
    __brmPicker?: MapLibreMap;
  }
}

export {};
