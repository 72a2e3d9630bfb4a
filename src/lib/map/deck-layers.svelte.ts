/**
 * The deck.gl layers drawn over the map, by name. Each feature (hot-spot hexagons, seizure
 * points) registers a factory under its own key; every map view (one, or two insets side by
 * side) calls the factories for itself, because a deck.gl layer instance belongs to one Deck.
 */
import type { Layer } from '@deck.gl/core';

/** Who a factory builds for: the province of an inset, or undefined for the one main map. */
export interface DeckTarget {
  inset?: 'an_giang' | 'lang_son';
}

/** Builds one layer for one map view, or null when it has nothing to draw. */
export type DeckLayerFactory = (target: DeckTarget) => Layer | null;

/** Keys in drawing order, bottom first: hexagons under points. */
export const DECK_LAYER_ORDER = ['hotspots', 'seizure-points'] as const;
export type DeckLayerKey = (typeof DECK_LAYER_ORDER)[number];

export class DeckLayers {
  #factories = $state.raw<Partial<Record<DeckLayerKey, DeckLayerFactory>>>({});

  /** Registers (or with null removes) the factory of one key. */
  set(key: DeckLayerKey, factory: DeckLayerFactory | null): void {
    const { [key]: _old, ...rest } = this.#factories;
    this.#factories = factory ? { ...rest, [key]: factory } : rest;
  }

  /** The layers for one map view, bottom first. Reads reactive state through the factories. */
  build(target: DeckTarget): Layer[] {
    const layers: Layer[] = [];
    for (const key of DECK_LAYER_ORDER) {
      const layer = this.#factories[key]?.(target);
      if (layer) layers.push(layer);
    }
    return layers;
  }
}
