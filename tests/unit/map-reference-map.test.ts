import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { LayerCollection, LayerQuery } from '../../src/lib/api';
import type { LayerId } from '../../src/lib/domain';
import {
  addReferenceLayers,
  referenceLayerSpecs,
  type ReferenceLayers,
  type ReferenceTarget,
} from '../../src/lib/map/reference-map';

/** The seizure form's point picker, as it drew its landmarks before the shared helper. */
const POINT_PICKER: ReferenceLayers = {
  prefix: 'pick-',
  look: { widths: [2, 1.5, 2.5], gate: { radius: 4, stroke: 1.5 } },
  province: 'an_giang',
  layerIds: { border_gates: 'pick-gates' },
};
/** The /info page's map of reports: paler lines under the reports. */
const REPORTS_MAP: ReferenceLayers = {
  prefix: 'info-',
  look: { widths: [2, 1.5, 2], gate: { radius: 3.5, stroke: 1 }, muted: true },
  before: 'info-rep-fill',
};

describe('reference layer specs', () => {
  it('names, orders and paints the point picker layers as it did before the helper', () => {
    expect(referenceLayerSpecs(POINT_PICKER)).toEqual([
      {
        id: 'pick-waterways',
        type: 'line',
        source: 'pick-waterways',
        paint: { 'line-color': '#3b82c4', 'line-width': 2 },
      },
      {
        id: 'pick-trails',
        type: 'line',
        source: 'pick-trails',
        paint: { 'line-color': '#8a5a2b', 'line-width': 1.5, 'line-dasharray': [2, 2] },
      },
      {
        id: 'pick-frontier',
        type: 'line',
        source: 'pick-frontier',
        paint: { 'line-color': '#b0183d', 'line-width': 2.5 },
      },
      {
        id: 'pick-gates',
        type: 'circle',
        source: 'pick-border_gates',
        paint: {
          'circle-radius': 4,
          'circle-color': '#1f2937',
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1.5,
        },
      },
    ]);
  });

  it('draws the waterways and trails paler under the reports', () => {
    const specs = referenceLayerSpecs(REPORTS_MAP) as (LayerSpecification & {
      paint: Record<string, unknown>;
    })[];
    expect(specs.map((s) => s.id)).toEqual([
      'info-waterways',
      'info-trails',
      'info-frontier',
      'info-border_gates',
    ]);
    expect(specs[0].paint['line-color']).toBe('#7fb2dc');
    expect(specs[1].paint['line-color']).toBe('#a07850');
    // The frontier stays the one strong red whatever the look.
    expect(specs[2].paint).toEqual({ 'line-color': '#b0183d', 'line-width': 2 });
    expect(specs[3].paint['circle-radius']).toBe(3.5);
    expect(specs[3].paint['circle-stroke-width']).toBe(1);
  });

  it('gives maplibre a valid style', () => {
    const specs = referenceLayerSpecs(REPORTS_MAP);
    const style: StyleSpecification = {
      version: 8,
      sources: Object.fromEntries(
        specs.map((s) => [
          (s as { source: string }).source,
          { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
        ]),
      ),
      layers: specs,
    };
    expect(validateStyleMin(style)).toEqual([]);
  });
});

/** A map that records what is added to it. */
function fakeMap(existing: string[] = []) {
  const sources: string[] = [...existing];
  const layers: [string, string | undefined][] = [];
  const m: ReferenceTarget = {
    getStyle: () => ({ version: 8, sources: {}, layers: [] }) as StyleSpecification,
    getSource: ((id: string) => (sources.includes(id) ? {} : undefined)) as never,
    addSource: ((id: string, _s: SourceSpecification) => {
      sources.push(id);
      return m;
    }) as never,
    addLayer: ((l: LayerSpecification, before?: string) => {
      layers.push([l.id, before]);
      return m;
    }) as never,
  };
  return { m, sources, layers };
}

const collection = (n: number): LayerCollection =>
  ({
    type: 'FeatureCollection',
    features: Array.from({ length: n }, () => ({})),
    numberReturned: n,
  }) as unknown as LayerCollection;

describe('adding the reference layers', () => {
  it('asks for the province, adds each layer under the caller’s, and leaves out a failed one', async () => {
    const asked: [LayerId, LayerQuery][] = [];
    const { m, sources, layers } = fakeMap();
    await addReferenceLayers(
      m,
      { ...POINT_PICKER, before: 'info-draw-fill' },
      async (id, query) => {
        asked.push([id, query]);
        if (id === 'trails') throw new Error('HTTP 500');
        return collection(2);
      },
    );
    expect(asked).toEqual([
      ['waterways', { province: 'an_giang' }],
      ['trails', { province: 'an_giang' }],
      ['frontier', { province: 'an_giang' }],
      ['border_gates', { province: 'an_giang' }],
    ]);
    expect(sources).toEqual(['pick-waterways', 'pick-frontier', 'pick-border_gates']);
    expect(layers).toEqual([
      ['pick-waterways', 'info-draw-fill'],
      ['pick-frontier', 'info-draw-fill'],
      ['pick-gates', 'info-draw-fill'],
    ]);
  });

  it('asks for both provinces without one, and adds nothing twice', async () => {
    const asked: LayerQuery[] = [];
    const { m, layers } = fakeMap(['info-frontier']);
    await addReferenceLayers(m, REPORTS_MAP, async (_id, query) => {
      asked.push(query);
      return collection(1);
    });
    expect(asked).toEqual([{}, {}, {}, {}]);
    expect(layers).toEqual([]);
  });
});
