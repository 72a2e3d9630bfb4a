/**
 * @deck.gl/mapbox 9.4 reads the private `map.transform` that maplibre-gl 6 removed (it only
 * needs the canvas height, to scale the near and far planes maplibre hands to custom layers):
 * without it every interleaved deck.gl layer throws on each frame and the map stops drawing.
 * deck.gl's fix is the new @deck.gl/maplibre package (visgl/deck.gl#10501); until the project
 * moves to it, give the map that one value under the old name.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

/** Defines `map.transform.height` (CSS pixels of the canvas) when maplibre lacks it. */
export function exposeTransformForDeck(map: MapLibreMap): void {
  if ((map as unknown as { transform?: unknown }).transform !== undefined) return;
  Object.defineProperty(map, 'transform', {
    configurable: true,
    get: () => ({ height: map.getCanvas().clientHeight }),
  });
}
