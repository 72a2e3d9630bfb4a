import { describe, expect, it } from 'vitest';
import { distance } from '@turf/turf';
import type { FeatureCollection, LineString } from 'geojson';
import { frontierSamples, previewStep } from '../../src/lib/plan/preview';

/** A straight frontier along the parallel 10.5° N from 105.0° E to 105.2° E. */
const FRONTIER: FeatureCollection<LineString> = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'LineString',
        coordinates: [
          [105.0, 10.5],
          [105.1, 10.5],
          [105.2, 10.5],
        ],
      },
    },
  ],
};
const km = (a: number[], b: number[]) => distance(a, b, { units: 'kilometers' });

describe('live preview: Turf buffer and frontier km inside it', () => {
  const samples = frontierSamples(FRONTIER);

  it('cuts the frontier into pieces that add up to its length', () => {
    expect(samples.totalKm).toBeCloseTo(km([105.0, 10.5], [105.2, 10.5]), 3);
    // 25 m pieces: about 880 of them for the ~21.9 km.
    expect(samples.lon.length).toBeGreaterThan(850);
    expect(samples.lon.length).toBeLessThan(900);
  });

  it('counts the frontier within the radius of a parallel route: its length plus two caps', () => {
    // 1 km north of the frontier (1/111.2 degree of latitude), radius 2 km: the buffer reaches
    // sqrt(2^2 - 1^2) = 1.732 km past each end of the route along the frontier.
    const north = 1 / 111.195;
    const route = [
      [105.05, 10.5 + north],
      [105.1, 10.5 + north],
    ];
    const expected = km([105.05, 10.5], [105.1, 10.5]) + 2 * Math.sqrt(3);
    const step = previewStep(route, 2000, samples);
    expect(step.buffer?.geometry.type).toBe('Polygon');
    expect(Math.abs(step.coveredKm - expected)).toBeLessThan(0.1);
  });

  it('covers nothing when the route is farther than its radius', () => {
    const step = previewStep(
      [
        [105.05, 10.55],
        [105.1, 10.55],
      ],
      2000,
      samples,
    );
    expect(step.coveredKm).toBe(0);
    expect(step.buffer).not.toBeNull();
  });

  it('buffers a single clicked point to a disc (the first click of a drawing)', () => {
    const step = previewStep([[105.1, 10.5]], 1000, samples);
    expect(step.coveredKm).toBeGreaterThan(1.9);
    expect(step.coveredKm).toBeLessThan(2.05);
  });

  it('gives nothing for an empty route or a radius of 0', () => {
    expect(previewStep([], 1000, samples)).toEqual({ buffer: null, coveredKm: 0 });
    expect(previewStep([[105.1, 10.5]], 0, samples)).toEqual({ buffer: null, coveredKm: 0 });
  });

  it('does not change the route it is given', () => {
    const route = [
      [105.05, 10.5],
      [105.1, 10.5],
    ];
    const copy = JSON.stringify(route);
    previewStep(route, 500, samples);
    expect(JSON.stringify(route)).toBe(copy);
  });
});
