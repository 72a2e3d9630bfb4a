import { describe, expect, it } from 'vitest';
import type { Layer } from '@deck.gl/core';
import { DeckLayers } from '../../src/lib/map/deck-layers.svelte';

// Stand-ins: the registry only orders and forwards what factories return.
const layer = (id: string) => ({ id }) as unknown as Layer;

describe('DeckLayers', () => {
  it('builds hexagons under points, whatever the order of registration', () => {
    const deck = new DeckLayers();
    deck.set('seizure-points', () => layer('points'));
    deck.set('hotspots', () => layer('hex'));
    expect(deck.build({}).map((l) => l.id)).toEqual(['hex', 'points']);
  });

  it('calls each factory for its own map view and drops what returns null', () => {
    const deck = new DeckLayers();
    deck.set('hotspots', (t) =>
      t.inset === 'lang_son' ? null : layer(`hex-${t.inset ?? 'main'}`),
    );
    expect(deck.build({}).map((l) => l.id)).toEqual(['hex-main']);
    expect(deck.build({ inset: 'an_giang' }).map((l) => l.id)).toEqual(['hex-an_giang']);
    expect(deck.build({ inset: 'lang_son' })).toEqual([]);
  });

  it('removes a factory set to null', () => {
    const deck = new DeckLayers();
    deck.set('hotspots', () => layer('hex'));
    deck.set('hotspots', null);
    expect(deck.build({})).toEqual([]);
  });
});
