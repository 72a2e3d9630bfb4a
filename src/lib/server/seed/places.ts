/**
 * Where synthetic seizures happen: how each transport mode is placed, and the deliberate hot
 * clusters that the hot-spot analysis should find. Data only; placement.ts does the geometry.
 */
import type { Province, TransportMode } from '../../domain';

/** How records of one mode are anchored when they are not in a hot cluster. */
export interface ModePlacement {
  /** Chance of a point scattered within `SCATTER_DEPTH_M` of the frontier instead. */
  scatter: number;
  /** Chance of an anchor on a trail (the rest go to gates), for modes that use both. */
  trail?: number;
  /** Spread around a gate (Gaussian sd, metres) and the shift of its centre inland. */
  gateSdM?: number;
  gateInlandM?: number;
}

/**
 * Boats sit on the water (never scattered); porters on trails; road and rail vehicles around the
 * gates; motorbikes and people on foot split between trails and gates. About a tenth of all
 * records end up scattered near the frontier (ASSUMPTION, from the brief: "~10 %").
 */
export const MODE_PLACEMENT: Record<TransportMode, ModePlacement> = {
  boat: { scatter: 0 },
  porter: { scatter: 0 },
  pedestrian: { scatter: 0.25, trail: 0.6, gateSdM: 800, gateInlandM: 400 },
  motorbike: { scatter: 0.2, trail: 0.5, gateSdM: 1500, gateInlandM: 800 },
  car: { scatter: 0.15, gateSdM: 1500, gateInlandM: 800 },
  truck: { scatter: 0.1, gateSdM: 1500, gateInlandM: 800 },
  rail: { scatter: 0, gateSdM: 1000, gateInlandM: 600 },
  other: { scatter: 1 },
};

export const SCATTER_DEPTH_M = 8_000;
/**
 * Points keep this far (degrees, about 1.1 m) from the province outline: where a river is the
 * frontier, a boat on its centre line would otherwise sit on the outline, inside for one library
 * (or ST_Intersects) and outside for another (or ST_Contains).
 */
export const OUTLINE_CLEARANCE_DEG = 1e-5;
/** Boats sit within this of the waterway's centre line (a canal is 30-60 m wide). */
export const BOAT_OFFSET_M = 40;
/** Trail users: Gaussian offset from the trail with this sd, cut at the maximum. */
export const TRAIL_OFFSET_SD_M = 120;
export const TRAIL_OFFSET_MAX_M = 300;
/** Waterway stretches this close to the frontier weigh more (goods cross from stockpiles). */
export const NEAR_FRONTIER_M = 5_000;

/**
 * Waterway segments weigh length x factors: 3 within NEAR_FRONTIER_M of the frontier; beyond it
 * exp(-(d - NEAR_FRONTIER_M) / farDecayM), never below farFloor (inland warehouses and transport
 * are still seized, rarely by the border forces).
 */
export const WATERWAY_WEIGHT = {
  nearFrontier: 3,
  farDecayM: 10_000,
  farFloor: 0.05,
  crossesBorder: 2,
  /** The Vinh Te canal runs along the Cambodian border from Chau Doc to Ha Tien. */
  vinhTe: 2.5,
  vinhTeName: /vinh\s*te/i,
};

/** Trail segments weigh `base + frontier * exp(-d / scaleM)`, d = distance to the frontier. */
export const TRAIL_WEIGHT = { base: 0.4, frontier: 2.6, scaleM: 2_000 };

/** Relative weight of a gate by kind when vehicles are placed around gates. */
export const GATE_KIND_WEIGHT: Record<string, number> = {
  international: 3,
  main: 2,
  border_market: 1.5,
  auxiliary: 1,
  crossing_path: 0.8,
};

export interface HotCluster {
  id: string;
  province: Province;
  label: string;
  /** Persistent clusters are active all along; emerging ones only in the last `activeMonths`. */
  kind: 'persistent' | 'emerging';
  activeMonths?: number;
  /** What the cluster sits on: it is snapped to the nearest feature of this layer. */
  on: 'waterway' | 'trail' | 'gate';
  modes: readonly TransportMode[];
  /**
   * Where: the gate whose English name matches `gate`, if the geodata has it, else (lon, lat).
   * Coordinates are approximate; snapping puts the cluster on the authored geometry: on the
   * waterway or trail whose English name matches `line` when the geodata has one, else on the
   * nearest of the layer.
   */
  near: { gate?: RegExp; line?: RegExp; lon: number; lat: number };
  /** Chance that a record of a matching mode (while active) is placed in this cluster. */
  share: number;
  /** Spread along the feature (or around the gate), Gaussian sd in metres. */
  spreadM: number;
}

/**
 * The deliberate clusters (ASSUMPTION: places chosen from DESIGN.md section 2 and sources 001 and
 * 002, not from real seizure locations). Each province has persistent ones and one emerging one,
 * so both Gi* and the emerging hot-spot analysis have something to find:
 *   an_giang  persistent  Vinh Te canal east of Tinh Bien (boats)
 *             persistent  Binh Di river at Khanh Binh (boats)
 *             persistent  Tinh Bien gate approaches (vehicles, people on foot)
 *             emerging    Vinh Te canal / Giang Thanh near Ha Tien (boats), last 18 months only
 *   lang_son  persistent  Tan Thanh - Coc Nam footpaths (porters)
 *             persistent  Huu Nghi gate approaches (vehicles)
 *             persistent  Chi Ma footpaths (porters)
 *             emerging    Binh Nghi footpaths (porters), last 18 months only
 */
export const HOT_CLUSTERS: readonly HotCluster[] = [
  {
    id: 'ag-vinh-te-nhon-hung',
    province: 'an_giang',
    label: 'Vinh Te canal, Nhon Hung (Tinh Bien)',
    kind: 'persistent',
    on: 'waterway',
    modes: ['boat'],
    near: { line: /vinh\s*te/i, lon: 105.02, lat: 10.645 },
    share: 0.12,
    spreadM: 900,
  },
  {
    id: 'ag-khanh-binh',
    province: 'an_giang',
    label: 'Binh Di river, Khanh Binh (An Phu)',
    kind: 'persistent',
    on: 'waterway',
    modes: ['boat'],
    near: { gate: /khanh\s*binh/i, line: /binh\s*di/i, lon: 105.08, lat: 10.955 },
    share: 0.1,
    spreadM: 700,
  },
  {
    id: 'ag-tinh-bien-gate',
    province: 'an_giang',
    label: 'Tinh Bien gate approaches',
    kind: 'persistent',
    on: 'gate',
    modes: ['car', 'truck', 'motorbike', 'pedestrian'],
    near: { gate: /tinh\s*bien/i, lon: 104.95, lat: 10.6 },
    share: 0.25,
    spreadM: 600,
  },
  {
    id: 'ag-giang-thanh-emerging',
    province: 'an_giang',
    label: 'Vinh Te canal near Giang Thanh (Ha Tien), emerging',
    kind: 'emerging',
    activeMonths: 18,
    on: 'waterway',
    modes: ['boat'],
    near: { gate: /giang\s*thanh/i, line: /vinh\s*te/i, lon: 104.64, lat: 10.49 },
    share: 0.3,
    spreadM: 800,
  },
  {
    id: 'ls-tan-thanh-coc-nam',
    province: 'lang_son',
    label: 'Tan Thanh - Coc Nam footpaths (Van Lang)',
    kind: 'persistent',
    on: 'trail',
    modes: ['porter', 'pedestrian', 'motorbike'],
    near: { gate: /tan\s*thanh/i, lon: 106.72, lat: 21.98 },
    share: 0.12,
    spreadM: 800,
  },
  {
    id: 'ls-huu-nghi-gate',
    province: 'lang_son',
    label: 'Huu Nghi gate approaches (Cao Loc)',
    kind: 'persistent',
    on: 'gate',
    modes: ['truck', 'car', 'motorbike'],
    near: { gate: /huu\s*nghi/i, lon: 106.75, lat: 21.97 },
    share: 0.2,
    spreadM: 700,
  },
  {
    id: 'ls-chi-ma',
    province: 'lang_son',
    label: 'Chi Ma footpaths (Loc Binh)',
    kind: 'persistent',
    on: 'trail',
    modes: ['porter', 'pedestrian'],
    near: { gate: /chi\s*ma/i, lon: 107.05, lat: 21.77 },
    share: 0.1,
    spreadM: 800,
  },
  {
    id: 'ls-binh-nghi-emerging',
    province: 'lang_son',
    label: 'Binh Nghi footpaths (Trang Dinh), emerging',
    kind: 'emerging',
    activeMonths: 18,
    on: 'trail',
    modes: ['porter', 'pedestrian'],
    near: { gate: /binh\s*nghi/i, lon: 106.6, lat: 22.15 },
    share: 0.3,
    spreadM: 700,
  },
];
