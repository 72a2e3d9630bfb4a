/**
 * Anchors: functions that draw a candidate point (metres, local projection) for a record, built
 * once per province from the geodata: along waterways and trails, around gates, or scattered near
 * the frontier. A candidate may fall outside the province; placement.ts tests and redraws it.
 */
import { TRANSPORT_MODES, type Province, type TransportMode } from '../../domain';
import {
  lineSet,
  localProjection,
  polygonIndex,
  type LinePoint,
  type LineSet,
  type LocalProjection,
  type PolygonIndex,
} from './geometry';
import {
  BOAT_OFFSET_M,
  GATE_KIND_WEIGHT,
  MODE_PLACEMENT,
  NEAR_FRONTIER_M,
  OUTLINE_CLEARANCE_DEG,
  SCATTER_DEPTH_M,
  TRAIL_OFFSET_MAX_M,
  TRAIL_OFFSET_SD_M,
  TRAIL_WEIGHT,
  WATERWAY_WEIGHT,
} from './places';
import { createWeightedIndex, type Rng } from './random';
import type { SeedGeodata } from './seizures';

export type Anchor = (rng: Rng) => { x: number; y: number };

export interface GateSite {
  x: number;
  y: number;
  /** Unit vector pointing inland (into the province) from the gate; zero if unknown. */
  inX: number;
  inY: number;
  mode: string;
  name: string;
  weight: number;
}

export interface ProvinceAnchors {
  polygon: PolygonIndex;
  proj: LocalProjection;
  /** Points known to lie inside, for the rare record whose anchor keeps falling outside. */
  pool: readonly [number, number][];
  sites: readonly GateSite[];
  waterways: LineSet | null;
  trails: LineSet | null;
  /** English names of the waterway and trail features, by feature index ('' when unnamed). */
  lineNames: { waterway: readonly string[]; trail: readonly string[] };
  /** The anchor of a background record of this mode (draws whether it is scattered). */
  background(mode: TransportMode, rng: Rng): Anchor;
  /** Along a line around a position (Gaussian sd spreadM), offset as boats or trail users are. */
  alongLine(set: LineSet, feature: number, along: number, spreadM: number, boat: boolean): Anchor;
  /** Around a gate (Gaussian sd spreadM), shifted inland by half the spread. */
  aroundSite(site: GateSite, spreadM: number): Anchor;
}

export const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
const INTERIOR_POOL_SIZE = 64;

export function provinceAnchors(geo: SeedGeodata, province: Province): ProvinceAnchors {
  const outline = geo.provinces.find((f) => f.properties?.id === province);
  if (!outline) throw new Error(`seed geodata has no outline for province '${province}'`);
  const polygon = polygonIndex(outline.geometry);
  const [west, south, east, north] = polygon.bbox;
  const proj = localProjection((west + east) / 2, (south + north) / 2);
  const insideXY = (x: number, y: number) =>
    polygon.contains(round6(proj.toLon(x)), round6(proj.toLat(y)));
  const mine = <T extends { properties: { province: string } | null }>(list: T[]) =>
    list.filter((f) => f.properties?.province === province);

  const frontier = lineSet(
    mine(geo.frontier).map((f) => f.geometry.coordinates),
    proj,
    (_x, _y, len) => len,
  );
  const toFrontier = (x: number, y: number) =>
    frontier ? frontier.nearest(x, y).distance : Infinity;

  const waterFeatures = mine(geo.waterways);
  const { nearFrontier, farDecayM, farFloor, crossesBorder, vinhTe, vinhTeName } = WATERWAY_WEIGHT;
  const waterways = lineSet(
    waterFeatures.map((f) => f.geometry.coordinates),
    proj,
    (x, y, len, i) => {
      if (!insideXY(x, y)) return 0;
      const props = waterFeatures[i].properties as Record<string, unknown>;
      const d = toFrontier(x, y);
      const near =
        d <= NEAR_FRONTIER_M
          ? nearFrontier
          : Math.max(farFloor, Math.exp(-(d - NEAR_FRONTIER_M) / farDecayM));
      const named = typeof props.name_en === 'string' && vinhTeName.test(props.name_en);
      return (
        len * near * (props.crosses_border === true ? crossesBorder : 1) * (named ? vinhTe : 1)
      );
    },
  );
  const trailFeatures = mine(geo.trails);
  const trails = lineSet(
    trailFeatures.map((f) => f.geometry.coordinates),
    proj,
    (x, y, len) =>
      insideXY(x, y)
        ? len *
          (TRAIL_WEIGHT.base +
            TRAIL_WEIGHT.frontier * Math.exp(-toFrontier(x, y) / TRAIL_WEIGHT.scaleM))
        : 0,
  );

  const pool = interiorPool(polygon, province);
  const poolX = proj.toX(pool.reduce((s, p) => s + p[0], 0) / pool.length);
  const poolY = proj.toY(pool.reduce((s, p) => s + p[1], 0) / pool.length);
  const sites: GateSite[] = mine(geo.gates).map((g) => {
    const [lon, lat] = g.geometry.coordinates;
    const x = proj.toX(lon);
    const y = proj.toY(lat);
    const [inX, inY] = inlandDirection(x, y, frontier, insideXY, poolX, poolY);
    const { kind, mode, name_en } = g.properties;
    return { x, y, inX, inY, mode, name: name_en ?? '', weight: GATE_KIND_WEIGHT[kind] ?? 1 };
  });
  const roadSites = sites.filter((s) => s.mode === 'road');
  const roadGate = weightedSites(roadSites.length ? roadSites : sites);
  const railGate = weightedSites(sites.filter((s) => s.mode === 'rail')) ?? roadGate;

  const boatOffset = (rng: Rng) => rng.uniform(-BOAT_OFFSET_M, BOAT_OFFSET_M);
  const trailOffset = (rng: Rng) =>
    Math.max(-TRAIL_OFFSET_MAX_M, Math.min(TRAIL_OFFSET_MAX_M, rng.normal(0, TRAIL_OFFSET_SD_M)));
  const onLine =
    (draw: (rng: Rng) => LinePoint, offset: (rng: Rng) => number): Anchor =>
    (rng) => {
      const p = draw(rng);
      const d = offset(rng);
      return { x: p.x + p.nx * d, y: p.y + p.ny * d };
    };
  const aroundGate =
    (pick: (rng: Rng) => GateSite, sdM: number, inlandM: number): Anchor =>
    (rng) => {
      const s = pick(rng);
      return {
        x: s.x + s.inX * inlandM + rng.normal(0, sdM),
        y: s.y + s.inY * inlandM + rng.normal(0, sdM),
      };
    };
  // Within SCATTER_DEPTH_M of the frontier, on either side: the polygon test keeps the inner half.
  const scatter: Anchor = frontier
    ? (rng) => {
        const p = frontier.sample(rng);
        const d = rng.uniform(-SCATTER_DEPTH_M, SCATTER_DEPTH_M);
        return { x: p.x + p.nx * d, y: p.y + p.ny * d };
      }
    : (rng) => ({ x: proj.toX(rng.uniform(west, east)), y: proj.toY(rng.uniform(south, north)) });
  /** The first anchor the province has data for, else scatter. */
  const first = (...anchors: (Anchor | null)[]): Anchor =>
    anchors.find((a): a is Anchor => a !== null) ?? scatter;

  const water = waterways && onLine((rng) => waterways.sample(rng), boatOffset);
  const trail = trails && onLine((rng) => trails.sample(rng), trailOffset);
  // Per mode, built once: [via trail, via gate] (equal when the mode has one way only).
  const byMode = new Map<TransportMode, [Anchor, Anchor]>();
  for (const mode of TRANSPORT_MODES) {
    const mp = MODE_PLACEMENT[mode];
    const pick = mode === 'rail' ? railGate : roadGate;
    const gate = pick && aroundGate(pick, mp.gateSdM ?? 1500, mp.gateInlandM ?? 800);
    if (mode === 'boat') byMode.set(mode, [first(water), first(water)]);
    else if (mode === 'porter') byMode.set(mode, [first(trail, gate), first(trail, gate)]);
    else if (mp.trail !== undefined) byMode.set(mode, [first(trail, gate), first(gate, trail)]);
    else if (mp.gateSdM !== undefined) byMode.set(mode, [first(gate), first(gate)]);
    else byMode.set(mode, [scatter, scatter]);
  }

  return {
    polygon,
    proj,
    pool,
    sites,
    waterways,
    trails,
    lineNames: { waterway: namesOf(waterFeatures), trail: namesOf(trailFeatures) },
    background(mode, rng) {
      const mp = MODE_PLACEMENT[mode];
      if (mp.scatter > 0 && rng.chance(mp.scatter)) return scatter;
      const [viaTrail, viaGate] = byMode.get(mode)!;
      return mp.trail === undefined || rng.chance(mp.trail) ? viaTrail : viaGate;
    },
    alongLine(set, feature, along, spreadM, boat) {
      const length = set.features[feature].cum.at(-1)!;
      const draw = (rng: Rng) =>
        set.pointAt(feature, reflect(along + rng.normal(0, spreadM), length));
      return onLine(draw, boat ? boatOffset : trailOffset);
    },
    aroundSite: (site, spreadM) => aroundGate(() => site, spreadM, spreadM / 2),
  };
}

function namesOf(features: { properties: unknown }[]): string[] {
  return features.map((f) => {
    const name = (f.properties as Record<string, unknown> | null)?.name_en;
    return typeof name === 'string' ? name : '';
  });
}

function weightedSites(sites: GateSite[]): ((rng: Rng) => GateSite) | null {
  if (sites.length === 0) return null;
  const pick = createWeightedIndex(sites.map((s) => s.weight));
  return (rng) => sites[pick(rng)];
}

/** Folds a position that overshoots an end of a line back onto it: no pile-up at the ends. */
function reflect(along: number, length: number): number {
  const a = along < 0 ? -along : along > length ? 2 * length - along : along;
  return Math.min(Math.max(a, 0), length);
}

/** A fixed low-discrepancy walk (golden-ratio steps) over the bbox: no RNG, same for every seed. */
function interiorPool(polygon: PolygonIndex, province: Province): [number, number][] {
  const [west, south, east, north] = polygon.bbox;
  const pool: [number, number][] = [];
  for (let i = 1; i <= 200_000 && pool.length < INTERIOR_POOL_SIZE; i++) {
    const lon = round6(west + (east - west) * ((i * 0.6180339887498949) % 1));
    const lat = round6(south + (north - south) * ((i * 0.7548776662466927) % 1));
    if (polygon.interior(lon, lat, OUTLINE_CLEARANCE_DEG)) pool.push([lon, lat]);
  }
  if (pool.length === 0) throw new Error(`province '${province}' outline encloses no area`);
  return pool;
}

/** Inland unit vector at a gate: the frontier normal whose side is inside, else toward the pool. */
function inlandDirection(
  x: number,
  y: number,
  frontier: LineSet | null,
  insideXY: (x: number, y: number) => boolean,
  towardX: number,
  towardY: number,
): [number, number] {
  if (frontier) {
    const near = frontier.nearest(x, y);
    const p = frontier.pointAt(near.feature, near.along);
    for (const sign of [1, -1]) {
      if (insideXY(x + sign * p.nx * 1000, y + sign * p.ny * 1000)) {
        return [sign * p.nx, sign * p.ny];
      }
    }
  }
  const d = Math.hypot(towardX - x, towardY - y);
  return d > 0 ? [(towardX - x) / d, (towardY - y) / d] : [0, 0];
}
