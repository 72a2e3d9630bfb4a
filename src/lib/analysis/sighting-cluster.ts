/**
 * "Seen near the frontier": whether a suspicious object's sightings cluster close to the
 * frontier line, which puts the object on the map. Pure: the caller measures each sighting's
 * distance to the frontier (PostGIS) and passes UTM 48N metres.
 */

/** A sighting as the rule needs it: where (EPSG:32648 metres) and how far from the frontier. */
export interface SightingXY {
  /** Easting, metres (EPSG:32648). */
  x: number;
  /** Northing, metres (EPSG:32648). */
  y: number;
  /** Distance to the nearest frontier segment, metres; null when no frontier is loaded. */
  frontierM: number | null;
}

export interface ClusterOptions {
  /** Sightings farther than this from the frontier do not count, metres. Default 5000. */
  frontierM?: number;
  /** Every counted sighting lies within this of the cluster's centroid, metres. Default 3000. */
  radiusM?: number;
  /** A cluster has at least this many sightings. Default 2. */
  minSightings?: number;
}

export interface FrontierCluster {
  /** True when at least `minSightings` sightings near the frontier cluster within `radiusM`. */
  near: boolean;
  /** The cluster's centroid [x, y] (metres, EPSG:32648), or null when there is no cluster. */
  centroid: [number, number] | null;
  /** Indexes (into the input) of the sightings in the cluster, ascending; empty without one. */
  members: number[];
}

export const FRONTIER_CLUSTER_DEFAULTS: Required<ClusterOptions> = {
  frontierM: 5000,
  radiusM: 3000,
  minSightings: 2,
};

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/**
 * The frontier cluster of one object's sightings. The sightings within `frontierM` of the
 * frontier are kept; then, while one of them lies farther than `radiusM` from the centroid of
 * those kept, the farthest (the earliest in the input on a tie) is dropped and the centroid
 * recomputed. What is left, if at least `minSightings`, is the cluster. Dropping one at a time
 * keeps a tight pair even when a stray sighting drags the first centroid away from both.
 * Boundaries count as inside (exactly 5000 m, exactly 3000 m).
 *
 * @example
 * // Two sightings 2 km apart, 1 km and 4 km from the frontier, and one 20 km inland:
 * frontierCluster([
 *   { x: 0, y: 0, frontierM: 1000 },
 *   { x: 2000, y: 0, frontierM: 4000 },
 *   { x: 0, y: 20000, frontierM: 20000 },
 * ]); // { near: true, centroid: [1000, 0], members: [0, 1] }
 */
export function frontierCluster(
  sightings: readonly SightingXY[],
  options: ClusterOptions = {},
): FrontierCluster {
  const { frontierM, radiusM, minSightings } = { ...FRONTIER_CLUSTER_DEFAULTS, ...options };
  let kept = sightings
    .map((s, i) => ({ ...s, i }))
    .filter(
      (s) =>
        s.frontierM !== null &&
        s.frontierM <= frontierM &&
        Number.isFinite(s.x) &&
        Number.isFinite(s.y),
    );
  while (kept.length >= Math.max(minSightings, 1)) {
    const cx = mean(kept.map((s) => s.x));
    const cy = mean(kept.map((s) => s.y));
    let far = -1;
    let farD = radiusM;
    kept.forEach((s, k) => {
      const d = Math.hypot(s.x - cx, s.y - cy);
      if (d > farD) {
        far = k;
        farD = d;
      }
    });
    if (far === -1) return { near: true, centroid: [cx, cy], members: kept.map((s) => s.i) };
    kept = kept.filter((_, k) => k !== far);
  }
  return { near: false, centroid: null, members: [] };
}
