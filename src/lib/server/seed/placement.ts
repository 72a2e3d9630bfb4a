/**
 * Puts a synthetic seizure on the map: a hot cluster or a background anchor chosen by transport
 * mode (anchors.ts), redrawn until the point, rounded to 6 decimals, lies inside the province.
 * Built once per province from the geodata the caller passes in.
 */
import type { Province, TransportMode } from '../../domain';
import { provinceAnchors, round6 } from './anchors';
import { chooseCluster, resolveClusters } from './clusters';
import { OUTLINE_CLEARANCE_DEG, type HotCluster } from './places';
import type { Rng } from './random';
import type { SeedGeodata } from './seizures';

/** Redraws of a point that fell outside the province before the fallback pool is used. */
const MAX_ATTEMPTS = 32;

export interface Placement {
  lon: number;
  lat: number;
  /** The hot cluster the record was placed in, or null for background records. */
  clusterId: string | null;
}

export interface ProvincePlacer {
  /** The clusters found on this geodata, with the instant each becomes active (UTC ms). */
  readonly clusters: readonly { cluster: HotCluster; activeFromMs: number }[];
  /** Diagnostics: records that needed the interior fallback pool. */
  readonly stats: { fallbacks: number };
  place(mode: TransportMode, timeMs: number, rng: Rng): Placement;
}

/**
 * @param windowEndMs end of the province's reporting window: emerging clusters count back from it.
 */
export function createPlacer(
  geo: SeedGeodata,
  province: Province,
  windowEndMs: number,
): ProvincePlacer {
  const anchors = provinceAnchors(geo, province);
  const { polygon, proj, pool } = anchors;
  const clusters = resolveClusters(province, windowEndMs, anchors);
  const stats = { fallbacks: 0 };
  return {
    clusters: clusters.map(({ cluster, activeFromMs }) => ({ cluster, activeFromMs })),
    stats,
    place(mode, timeMs, rng) {
      const rc = chooseCluster(clusters, mode, timeMs, windowEndMs, rng);
      const anchor = rc ? rc.anchor : anchors.background(mode, rng);
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const p = anchor(rng);
        const lon = round6(proj.toLon(p.x));
        const lat = round6(proj.toLat(p.y));
        if (polygon.interior(lon, lat, OUTLINE_CLEARANCE_DEG))
          return { lon, lat, clusterId: rc ? rc.cluster.id : null };
      }
      stats.fallbacks++;
      const [lon, lat] = pool[Math.floor(rng.next() * pool.length)];
      return { lon, lat, clusterId: null };
    },
  };
}
