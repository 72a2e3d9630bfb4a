import { describe, expect, it } from 'vitest';
import { frontierCluster, type SightingXY } from '../../src/lib/analysis/sighting-cluster';

const at = (x: number, y: number, frontierM: number | null = 0): SightingXY => ({
  x,
  y,
  frontierM,
});

describe('sightings clustering near the frontier', () => {
  it('keeps the sightings within 5 km of the frontier and finds their centroid', () => {
    // The third is 20 km inland; the first two are 2 km apart, centroid (1000, 0), 1 km from each.
    expect(frontierCluster([at(0, 0, 1000), at(2000, 0, 4000), at(0, 20000, 20000)])).toEqual({
      near: true,
      centroid: [1000, 0],
      members: [0, 1],
    });
  });

  it('drops a stray sighting that drags the centroid away from a tight pair', () => {
    // Centroid of all three: (4333.3, 0); A is 4333.3 m, B 3333.3 m, C 7666.7 m from it, so
    // none lies within 3 km. Dropping the farthest (C) leaves A and B, 500 m from (500, 0).
    expect(frontierCluster([at(0, 0), at(1000, 0), at(12000, 0)])).toEqual({
      near: true,
      centroid: [500, 0],
      members: [0, 1],
    });
  });

  it('counts a sighting exactly 3 km from the centroid and 5 km from the frontier', () => {
    // 6000 m apart: each exactly 3000 m from the midpoint.
    expect(frontierCluster([at(0, 0, 5000), at(6000, 0, 5000)]).members).toEqual([0, 1]);
    expect(frontierCluster([at(0, 0, 5000), at(6001, 0, 5000)])).toEqual({
      near: false,
      centroid: null,
      members: [],
    });
    expect(frontierCluster([at(0, 0, 5000), at(10, 0, 5000.1)]).near).toBe(false);
  });

  it('needs two sightings: one alone, or without a frontier distance, is not a cluster', () => {
    expect(frontierCluster([at(0, 0)]).near).toBe(false);
    expect(frontierCluster([]).near).toBe(false);
    expect(frontierCluster([at(0, 0), at(10, 0, null)]).near).toBe(false);
    expect(frontierCluster([at(0, 0), at(NaN, 0)]).near).toBe(false);
  });

  it('keeps a triangle whose corners all lie within 3 km of its centroid', () => {
    // Centroid (1000, 1000): A is 1414.2 m away, B and C 2236.1 m.
    expect(frontierCluster([at(0, 0), at(3000, 0), at(0, 3000)])).toEqual({
      near: true,
      centroid: [1000, 1000],
      members: [0, 1, 2],
    });
  });

  it('takes other thresholds and leaves its input as it was', () => {
    const input = [at(0, 0, 100), at(2000, 0, 100), at(4000, 0, 100)];
    const copy = structuredClone(input);
    // Centroid (2000, 0): the ends are 2000 m away, more than a 1500 m radius; the first is
    // dropped (a tie goes to the earliest), then (3000, 0) holds the other two 1000 m away.
    expect(frontierCluster(input, { radiusM: 1500 })).toEqual({
      near: true,
      centroid: [3000, 0],
      members: [1, 2],
    });
    expect(frontierCluster(input, { minSightings: 3 }).members).toEqual([0, 1, 2]);
    expect(frontierCluster(input, { frontierM: 50 }).near).toBe(false);
    expect(input).toEqual(copy);
  });
});
