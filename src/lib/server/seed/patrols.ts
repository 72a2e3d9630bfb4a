/**
 * The demo's patrol plans and the joint patrols that took place, both synthetic. Counts are the
 * reported joint patrols (DESIGN.md section 2; /work/shared/sources):
 *   001 An Giang review: 4,071 joint patrols, Sept 2019 to Sept 2024;
 *   002 Lang Son review: "coordinated in patrolling and controlling 3,083 cases", 2019 to
 *       June 2024 (read as 3,083 joint patrols).
 * Both over the same windows as the synthetic seizures (calibration.ts). Everything else (the
 * plans, which routes were walked, when and for how long) is an ASSUMPTION shaped by the
 * reviews: posts on the frontier, boats on the canals at night in An Giang, footpaths and goods
 * roads near the gates in Lang Son.
 */
import type { Province } from '../../domain';
import { provinceWindow } from './calendar';
import { createRng, deriveSeed, type Rng } from './random';
import type { SeedGeodata } from './seizures';

export const JOINT_PATROLS: Record<Province, number> = { an_giang: 4071, lang_son: 3083 };

/** A patrol that led to a joint-led seizure is placed around it; at most this share of all. */
export const MAX_LINKED_SHARE = 0.1;

type LineLayer = 'frontier' | 'waterways' | 'trails';

interface RouteSpec {
  layer: LineLayer;
  /** A unique part of the feature's name_vi. */
  match: string;
  name: string;
  agency: 'customs' | 'border_guard' | 'joint';
  radius_m: number;
  shifts_per_week: number;
}

export interface PlanSpec {
  province: Province;
  name: string;
  agency: 'customs' | 'border_guard' | 'joint';
  unit: string;
  note: string;
  routes: RouteSpec[];
}

export const DEMO_PLANS: PlanSpec[] = [
  {
    province: 'an_giang',
    name: 'Kế hoạch tuần tra chung hằng tuần – khu vực Vĩnh Xương, Khánh Bình',
    agency: 'joint',
    unit: 'Đồn BP CK quốc tế Vĩnh Xương – Chi cục HQ CK Vĩnh Xương',
    note: 'Tuần tra chung theo Quy chế phối hợp 3929 (dữ liệu tổng hợp).',
    routes: [
      {
        layer: 'frontier',
        match: 'Sông Tiền (Vĩnh Xương)',
        name: 'Biên giới Vĩnh Xương – Khánh Bình',
        agency: 'joint',
        radius_m: 1000,
        shifts_per_week: 14,
      },
      {
        layer: 'frontier',
        match: 'Khánh Bình – Vĩnh Hội Đông',
        name: 'Dọc sông Bình Di',
        agency: 'joint',
        radius_m: 800,
        shifts_per_week: 7,
      },
      {
        layer: 'trails',
        match: 'khu vực Vĩnh Xương',
        name: 'Lối đi Vĩnh Xương',
        agency: 'border_guard',
        radius_m: 300,
        shifts_per_week: 7,
      },
    ],
  },
  {
    province: 'an_giang',
    name: 'Kế hoạch kiểm soát tuyến kênh Vĩnh Tế – Tịnh Biên',
    agency: 'customs',
    unit: 'Chi cục HQ CK quốc tế Tịnh Biên',
    note: 'Kiểm soát hàng hóa trên kênh và lối đi qua cánh đồng (dữ liệu tổng hợp).',
    routes: [
      {
        layer: 'frontier',
        match: 'Tịnh Biên – Lạc Quới',
        name: 'Kênh Vĩnh Tế: Tịnh Biên – Vĩnh Gia',
        agency: 'customs',
        radius_m: 1000,
        shifts_per_week: 10,
      },
      {
        layer: 'frontier',
        match: 'Vĩnh Hội Đông – Châu Đốc',
        name: 'Vĩnh Hội Đông – Châu Đốc – Tịnh Biên',
        agency: 'customs',
        radius_m: 800,
        shifts_per_week: 7,
      },
      {
        layer: 'trails',
        match: 'phía đông Tịnh Biên',
        name: 'Lối đi cánh đồng Tịnh Biên',
        agency: 'customs',
        radius_m: 300,
        shifts_per_week: 5,
      },
    ],
  },
  {
    province: 'lang_son',
    name: 'Kế hoạch tuần tra chung hằng tuần – khu vực Hữu Nghị, Đồng Đăng',
    agency: 'joint',
    unit: 'Đồn BP CK quốc tế Hữu Nghị – Chi cục HQ CK Hữu Nghị',
    note: 'Tuần tra chung các lối đi, đường chuyên dụng gần cửa khẩu (dữ liệu tổng hợp).',
    routes: [
      {
        layer: 'frontier',
        match: 'Cao Lộc (tây)',
        name: 'Biên giới Đồng Đăng – Hữu Nghị – Bảo Lâm',
        agency: 'joint',
        radius_m: 800,
        shifts_per_week: 14,
      },
      {
        layer: 'trails',
        match: 'Bảo Lâm – Hữu Nghị',
        name: 'Lối đi Bảo Lâm – Hữu Nghị',
        agency: 'joint',
        radius_m: 300,
        shifts_per_week: 7,
      },
      {
        layer: 'trails',
        match: 'mốc 1119–1120',
        name: 'Đường chuyên dụng mốc 1119–1120',
        agency: 'customs',
        radius_m: 300,
        shifts_per_week: 14,
      },
    ],
  },
  {
    province: 'lang_son',
    name: 'Kế hoạch tuần tra Đồn Biên phòng Tân Thanh',
    agency: 'border_guard',
    unit: 'Đồn BP Tân Thanh',
    note: 'Tuần tra đường mòn, lối mở khu vực Tân Thanh – Na Hình (dữ liệu tổng hợp).',
    routes: [
      {
        layer: 'frontier',
        match: 'Văn Lãng: Na Hình',
        name: 'Biên giới Na Hình – Tân Thanh – Cốc Nam',
        agency: 'border_guard',
        radius_m: 1000,
        shifts_per_week: 7,
      },
      {
        layer: 'trails',
        match: 'phía bắc Tân Thanh',
        name: 'Đường mòn bắc Tân Thanh',
        agency: 'border_guard',
        radius_m: 300,
        shifts_per_week: 7,
      },
      {
        layer: 'trails',
        match: 'mốc 1088/2–1089',
        name: 'Lối thông quan mốc 1088/2–1089',
        agency: 'joint',
        radius_m: 300,
        shifts_per_week: 7,
      },
    ],
  },
];

export interface PlanRouteSeed extends Omit<RouteSpec, 'layer' | 'match'> {
  geometry: { type: 'LineString'; coordinates: number[][] };
}

/** The demo plans with each route's line taken from the geodata; unknown names fail loudly. */
export function demoPlans(
  geo: SeedGeodata,
): (Omit<PlanSpec, 'routes'> & { routes: PlanRouteSeed[] })[] {
  return DEMO_PLANS.map((plan) => ({
    ...plan,
    routes: plan.routes.map(({ layer, match, ...route }) => {
      const found = (
        geo[layer] as GeoJSON.Feature<GeoJSON.LineString, { province: string; name_vi?: string }>[]
      ).filter(
        (f) => f.properties.province === plan.province && f.properties.name_vi?.includes(match),
      );
      if (found.length !== 1)
        throw new Error(
          `Demo plan route '${match}' matches ${found.length} ${layer} features, not 1`,
        );
      const coordinates = found[0].geometry.coordinates.map(([lon, lat]) => [lon, lat]);
      return { ...route, geometry: { type: 'LineString' as const, coordinates } };
    }),
  }));
}

export interface PatrolSeed {
  /** Index into the province's routes. */
  route: number;
  startedMs: number;
  endedMs: number;
}

const HOUR_MS = 3_600_000;
const QUARTER_MS = 15 * 60_000;

/**
 * Start hours in Vietnam time: dawn, afternoon and the night when boats and porters move
 * (ASSUMPTION). Weights per hour.
 */
const START_HOURS = [
  { value: 5, weight: 3 },
  { value: 6, weight: 4 },
  { value: 7, weight: 3 },
  { value: 13, weight: 2 },
  { value: 14, weight: 3 },
  { value: 15, weight: 2 },
  { value: 19, weight: 4 },
  { value: 20, weight: 5 },
  { value: 21, weight: 4 },
  { value: 22, weight: 3 },
  { value: 23, weight: 2 },
];

/** 2 to 6 hours, in quarters. */
const duration = (rng: Rng) => rng.int(8, 24) * QUARTER_MS;

/**
 * Patrols not tied to a seizure: `count` of them on days drawn evenly over the province's window,
 * each on a route drawn by its shifts per week, in start order.
 */
export function generatePatrols(
  province: Province,
  count: number,
  routeWeights: readonly number[],
  seed: number,
): PatrolSeed[] {
  const rng = createRng(deriveSeed(seed, `${province}/patrols`));
  const { startMs, endMs } = provinceWindow(province);
  const days = Math.round((endMs - startMs) / (24 * HOUR_MS));
  const routes = routeWeights.map((weight, value) => ({ value, weight }));
  const out: PatrolSeed[] = [];
  for (let i = 0; i < count; i++) {
    const day = rng.int(0, days - 1);
    const started =
      startMs +
      day * 24 * HOUR_MS +
      rng.weighted(START_HOURS) * HOUR_MS +
      rng.int(0, 3) * QUARTER_MS;
    // A night patrol may run past the window's last midnight; keep it inside.
    const ended = Math.min(started + duration(rng), endMs - 60_000);
    out.push({
      route: rng.weighted(routes),
      startedMs: started,
      endedMs: Math.max(ended, started + QUARTER_MS),
    });
  }
  return out.sort((a, b) => a.startedMs - b.startedMs || a.route - b.route);
}

/** A patrol around a seizure: out 1 to 4 hours before it, back half an hour to 2 hours after. */
export function patrolAround(occurredMs: number, rng: Rng): { startedMs: number; endedMs: number } {
  return {
    startedMs: occurredMs - rng.int(4, 16) * QUARTER_MS,
    endedMs: occurredMs + rng.int(2, 8) * QUARTER_MS,
  };
}

export { createRng, deriveSeed };
