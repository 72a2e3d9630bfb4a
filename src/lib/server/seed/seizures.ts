/**
 * Synthetic seizure records for the demo: reproducible from a seed, labelled synthetic in every
 * record, calibrated to the reported figures (calibration.ts) and placed where smuggling happens
 * (placement.ts). Pure: the caller passes the geodata in and consumes the stream.
 *
 * @example
 *   for (const r of generateSeizures(geo, { count: 100_000 })) batch.push(r);
 */
import type * as GeoJSON from 'geojson';
import {
  AGENCIES,
  CATEGORIES,
  TRANSPORT_MODES,
  type Agency,
  type Category,
  type TransportMode,
} from '../../domain';
import { GOODS_CATALOGUE, type GoodsCode, type UnitCode } from '../../goods-catalogue';
import { localYear, provinceWindow } from './calendar';
import { CALIBRATION } from './calibration';
import { buildCasePlan, goodsOf, MAX_CASES_PER_PROVINCE, type CasePlan } from './plan';
import { createPlacer, type ProvincePlacer } from './placement';
import { apportion, createRng, deriveSeed, type Rng } from './random';

export interface SeedGeodata {
  provinces: GeoJSON.Feature<GeoJSON.Polygon | GeoJSON.MultiPolygon, { id: string }>[];
  frontier: GeoJSON.Feature<GeoJSON.LineString, { province: string }>[];
  gates: GeoJSON.Feature<
    GeoJSON.Point,
    { province: string; kind: string; mode: string; name_en: string }
  >[];
  waterways: GeoJSON.Feature<
    GeoJSON.LineString,
    { province: string; kind: string; crosses_border?: boolean; name_en?: string }
  >[];
  trails: GeoJSON.Feature<
    GeoJSON.LineString,
    { province: string; kind: string; name_en?: string }
  >[];
}

export interface SeizureRecord {
  /** ISO 8601 UTC timestamp. */
  occurred_at: string;
  province: 'an_giang' | 'lang_son';
  category: Category;
  /** The goods' Vietnamese name (exports read it as written); the map names it by `goods_code`. */
  goods: string;
  goods_code: GoodsCode;
  quantity: number;
  unit: UnitCode;
  /** Integer VND. */
  value_vnd: number;
  subjects: number;
  transport_mode: TransportMode;
  lead_agency: Agency;
  /** SYN-<AG|LS>-<local year>-<sequence in that year>, unique. */
  case_ref: string;
  source: 'synthetic-demo';
  synthetic: true;
  /** WGS84, 6 decimals. */
  lon: number;
  lat: number;
}

export interface GenerateOptions {
  /** Default 20240925. */
  seed?: number;
  /** Total records over both provinces; default the reported counts (88 + 165). */
  count?: number;
}

/** A record with the hot cluster it was placed in (null for background), for tests and diagnostics. */
export interface TaggedSeizure {
  record: SeizureRecord;
  clusterId: string | null;
}

type SeedProvince = SeizureRecord['province'];
const SEED_PROVINCES: readonly SeedProvince[] = ['an_giang', 'lang_son'];

export const DEFAULT_SEED = 20240925;

/** The reported case counts: An Giang Sept 2019 - Sept 2024 (001), Lang Son 2019 - June 2024 (002). */
export const DEFAULT_COUNTS: { an_giang: number; lang_son: number } = {
  an_giang: CALIBRATION.an_giang.reportedCases,
  lang_son: CALIBRATION.lang_son.reportedCases,
};

/** Splits a total count between the provinces in the reported proportion (88 : 165). */
export function splitCount(count: number): { an_giang: number; lang_son: number } {
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`count must be an integer >= 0, got ${count}`);
  const [an_giang, lang_son] = apportion(count, [DEFAULT_COUNTS.an_giang, DEFAULT_COUNTS.lang_son]);
  if (Math.max(an_giang, lang_son) > MAX_CASES_PER_PROVINCE)
    throw new RangeError(`count ${count} is too large`);
  return { an_giang, lang_son };
}

/** One province's records in time order. */
function* provinceStream(
  plan: CasePlan,
  placer: ProvincePlacer,
  rng: Rng,
): Generator<TaggedSeizure> {
  const province = plan.province as SeedProvince;
  const code = CALIBRATION[province].code;
  let year = -1;
  let seq = 0;
  for (let k = 0; k < plan.n; k++) {
    const i = plan.order[k];
    const t = plan.timeMs[i];
    const category = CATEGORIES[plan.category[i]];
    const mode = TRANSPORT_MODES[plan.mode[i]];
    const item = goodsOf(province, category)[plan.goods[i]];
    const y = localYear(t);
    seq = y === year ? seq + 1 : 1;
    year = y;
    const { lon, lat, clusterId } = placer.place(mode, t, rng);
    yield {
      clusterId,
      record: {
        occurred_at: new Date(t).toISOString(),
        province,
        category,
        goods: GOODS_CATALOGUE[item.code].vi,
        goods_code: item.code,
        quantity: plan.quantity[i],
        unit: item.unit,
        value_vnd: Math.round(plan.quantity[i] * item.unitPriceVnd),
        subjects: plan.subjects[i],
        transport_mode: mode,
        lead_agency: AGENCIES[plan.agency[i]],
        case_ref: `SYN-${code}-${y}-${String(seq).padStart(4, '0')}`,
        source: 'synthetic-demo',
        synthetic: true,
        lon,
        lat,
      },
    };
  }
}

/**
 * Records with their cluster tags, both provinces merged in time order (An Giang first on ties).
 * Plans and placers are built on the first `next()`, so bad geodata fails before any record.
 */
export function* generateTaggedSeizures(
  geo: SeedGeodata,
  options: GenerateOptions = {},
): Generator<TaggedSeizure> {
  const seed = options.seed ?? DEFAULT_SEED;
  const counts = options.count === undefined ? DEFAULT_COUNTS : splitCount(options.count);
  const streams = SEED_PROVINCES.map((p) => {
    const plan = buildCasePlan(p, counts[p], createRng(deriveSeed(seed, `${p}/plan`)));
    const placer = createPlacer(geo, p, provinceWindow(p).endMs);
    return provinceStream(plan, placer, createRng(deriveSeed(seed, `${p}/place`)));
  });
  const heads = streams.map((s) => s.next());
  for (;;) {
    let best = -1;
    heads.forEach((h, k) => {
      if (
        !h.done &&
        (best < 0 || h.value.record.occurred_at < heads[best].value!.record.occurred_at)
      )
        best = k;
    });
    if (best < 0) return;
    yield heads[best].value as TaggedSeizure;
    heads[best] = streams[best].next();
  }
}

/** The synthetic seizure records, streamed in time order (see the module comment). */
export function* generateSeizures(
  geo: SeedGeodata,
  options: GenerateOptions = {},
): Generator<SeizureRecord> {
  for (const { record } of generateTaggedSeizures(geo, options)) yield record;
}
