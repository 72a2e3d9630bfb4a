/**
 * Hot clusters on the geodata: each cluster in places.ts snapped to its layer, and the draw that
 * decides whether a record joins one. Emerging clusters take nothing before their start and grow
 * to the end of the window.
 */
import type { Province, TransportMode } from '../../domain';
import type { Anchor, GateSite, ProvinceAnchors } from './anchors';
import { monthsBeforeMs } from './calendar';
import { HOT_CLUSTERS, type HotCluster } from './places';
import type { Rng } from './random';

export interface ResolvedCluster {
  cluster: HotCluster;
  /** First instant (UTC ms) at which the cluster takes records; -Infinity for persistent ones. */
  activeFromMs: number;
  anchor: Anchor;
}

/** Snaps the province's clusters onto its geodata; clusters with nothing to sit on are dropped. */
export function resolveClusters(
  province: Province,
  windowEndMs: number,
  anchors: ProvinceAnchors,
): ResolvedCluster[] {
  const { sites, proj } = anchors;
  const out: ResolvedCluster[] = [];
  // Emerging clusters are drawn first, so their share is not eaten by the persistent ones.
  const ordered = HOT_CLUSTERS.filter((c) => c.province === province).sort(
    (a, b) => Number(b.kind === 'emerging') - Number(a.kind === 'emerging'),
  );
  for (const cluster of ordered) {
    const pattern = cluster.near.gate;
    const named = pattern ? sites.find((s) => pattern.test(s.name)) : undefined;
    const rx = named ? named.x : proj.toX(cluster.near.lon);
    const ry = named ? named.y : proj.toY(cluster.near.lat);
    const activeFromMs =
      cluster.kind === 'emerging'
        ? monthsBeforeMs(windowEndMs, cluster.activeMonths ?? 18)
        : -Infinity;
    if (cluster.on === 'gate') {
      const roads = sites.filter((s) => s.mode === 'road');
      const site = named ?? nearestSite(roads, rx, ry) ?? nearestSite(sites, rx, ry);
      if (site)
        out.push({ cluster, activeFromMs, anchor: anchors.aroundSite(site, cluster.spreadM) });
      continue;
    }
    const set = cluster.on === 'waterway' ? anchors.waterways : anchors.trails;
    const names = anchors.lineNames[cluster.on];
    const line = cluster.near.line;
    const include =
      line && names.some((n) => line.test(n)) ? (f: number) => line.test(names[f]) : undefined;
    const near = set?.nearest(rx, ry, include);
    if (!set || !near || near.feature < 0) continue;
    const boat = cluster.on === 'waterway';
    const anchor = anchors.alongLine(set, near.feature, near.along, cluster.spreadM, boat);
    out.push({ cluster, activeFromMs, anchor });
  }
  return out;
}

/**
 * The cluster a record of `mode` at `timeMs` joins, or null. Each matching active cluster takes it
 * with probability `share`; an emerging one with 40 % of that when it appears, rising linearly to
 * all of it at the end of the window.
 */
export function chooseCluster(
  clusters: readonly ResolvedCluster[],
  mode: TransportMode,
  timeMs: number,
  windowEndMs: number,
  rng: Rng,
): ResolvedCluster | null {
  for (const rc of clusters) {
    if (timeMs < rc.activeFromMs || !rc.cluster.modes.includes(mode)) continue;
    let p = rc.cluster.share;
    if (rc.activeFromMs > -Infinity) {
      const progress = (timeMs - rc.activeFromMs) / Math.max(1, windowEndMs - rc.activeFromMs);
      p *= 0.4 + 0.6 * progress;
    }
    if (rng.chance(p)) return rc;
  }
  return null;
}

function nearestSite(sites: readonly GateSite[], x: number, y: number): GateSite | undefined {
  let best: GateSite | undefined;
  let bestD = Infinity;
  for (const s of sites) {
    const d = Math.hypot(s.x - x, s.y - y);
    if (d < bestD) [best, bestD] = [s, d];
  }
  return best;
}
