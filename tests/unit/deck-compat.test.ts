import { describe, expect, it } from 'vitest';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { exposeTransformForDeck } from '../../src/lib/map/deck-compat';

describe('exposeTransformForDeck', () => {
  it('gives a maplibre 6 map the canvas height @deck.gl/mapbox reads, following resizes', () => {
    const canvas = { clientHeight: 700 };
    const map = { getCanvas: () => canvas } as unknown as MapLibreMap;
    exposeTransformForDeck(map);
    const read = () => (map as unknown as { transform: { height: number } }).transform.height;
    expect(read()).toBe(700);
    canvas.clientHeight = 412;
    expect(read()).toBe(412);
  });
  it('leaves a map that still has its own transform alone', () => {
    const own = { height: 1, elevation: 3 };
    const map = {
      transform: own,
      getCanvas: () => ({ clientHeight: 9 }),
    } as unknown as MapLibreMap;
    exposeTransformForDeck(map);
    expect((map as unknown as { transform: unknown }).transform).toBe(own);
  });
});
