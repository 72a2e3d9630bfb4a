/**
 * Synthetic information reports and suspicious objects for the demo: reproducible from a seed
 * and a day, labelled synthetic in every title, text and description. The plan is pure; the
 * service places it on the loaded geodata (a point along the n-th canal, a gate's outline...).
 *
 * What it shows: tips fitting each frontier (boats on An Giang's canals and rivers, porter
 * groups on Lang Son's trails), rated A-F/1-6, passed between the two forces with most of them
 * acknowledged and assessed, some older ones closed after the seizure they led to, and objects
 * seen again and again, most of them clustering close to the frontier.
 */
import type { Province } from '../../domain';
import type { Assessment, Distribution, ReportKind, Tlp } from '../../information';
import { createRng, deriveSeed, type Rng } from './random';

export const SYNTHETIC_TAG = '[Giả lập / Synthetic]';
export const SYNTHETIC_TEXT =
  'Dữ liệu giả lập để trình diễn, không phải tin thật. / Synthetic demo data, not a real tip.';

/** A demo author: a demo account (created by the demo_users step) and the unit it belongs to. */
export interface SeedAuthor {
  username: string;
  agency: 'customs' | 'border_guard';
  unit: string;
}

/** Who writes and who receives in each province (the demo accounts' units). */
export const SEED_AUTHORS: Record<Province, { customs: SeedAuthor[]; border_guard: SeedAuthor[] }> =
  {
    an_giang: {
      border_guard: [
        { username: 'demo.bg.analyst', agency: 'border_guard', unit: 'bp_vinh_xuong' },
        { username: 'demo.planner', agency: 'border_guard', unit: 'bp_tinh_bien' },
      ],
      customs: [{ username: 'demo.hq.commander', agency: 'customs', unit: 'hq_tinh_bien' }],
    },
    lang_son: {
      border_guard: [{ username: 'demo.commander', agency: 'border_guard', unit: 'bdbp_lang_son' }],
      customs: [{ username: 'demo.analyst', agency: 'customs', unit: 'kshq_lang_son' }],
    },
  };

/** Named units of each force per province, for `units` distributions. */
const UNITS: Record<Province, Record<'customs' | 'border_guard', string[]>> = {
  an_giang: {
    customs: ['hq_vinh_xuong', 'hq_tinh_bien', 'kshq_an_giang'],
    border_guard: ['bp_vinh_xuong', 'bp_khanh_binh', 'bdbp_an_giang'],
  },
  lang_son: {
    customs: ['hq_huu_nghi', 'hq_tan_thanh', 'kshq_lang_son'],
    border_guard: ['bp_huu_nghi', 'bp_tan_thanh', 'bdbp_lang_son'],
  },
};

/**
 * Where a report or sighting lies, resolved on the geodata of its province (features ordered by
 * code; `nth` taken modulo their number): a point or a stretch along a line, a point or an area
 * around a gate (offsets and radius in metres), or a named place copied whole.
 */
export type Anchor =
  | { type: 'along'; layer: 'waterways' | 'trails'; nth: number; at: number }
  | { type: 'stretch'; layer: 'waterways' | 'trails'; nth: number; from: number; to: number }
  | { type: 'gate'; nth: number; eastM: number; northM: number; radiusM?: number }
  | { type: 'place'; layer: 'border_gates' | 'trails'; nth: number }
  /** A random point of the province at least `minFrontierM` from the frontier (PostGIS seed). */
  | { type: 'inland'; seed: number; minFrontierM: number };

export interface HandoverPlan {
  /** Hours from receipt to delivery to the other force. */
  deliveredH: number;
  /** Hours from delivery to acknowledgement, or null (still unread). */
  acknowledgedH: number | null;
  /** Hours from acknowledgement to assessment, or null. */
  assessedH: number | null;
  assessment: Assessment | null;
  reason: string | null;
  action: string | null;
}

export interface ReportPlan {
  province: Province;
  kind: ReportKind;
  category: string;
  title: string;
  text: string;
  anchor: Anchor;
  reliability: string;
  credibility: number;
  distribution: Distribution;
  /** Named units (the author's always among them). */
  units: string[];
  tlp: Tlp;
  author: SeedAuthor;
  /** Receipt, ms since epoch; for a report that led to a seizure, see `beforeSeizureH`. */
  receivedMs: number;
  /** For a report that led to a seizure: received this many hours before the seizure. */
  beforeSeizureH: number | null;
  observedHours: [number, number] | null;
  handover: HandoverPlan | null;
  /** Index into the province's recent synthetic seizures (newest first) this report led to. */
  ledToSeizure: number | null;
  /** Hours after receipt the report was closed, or null (open). */
  closedH: number | null;
}

export interface SightingPlan {
  anchor: Anchor;
  /** Days before the seed day. */
  daysAgo: number;
  /**
   * Index into this province's reports (in plan order) the sighting came from, or null; such a
   * sighting takes the report's place and time (its anchor is the report's).
   */
  fromReport: number | null;
  note: string;
}

export interface ObjectPlan {
  province: Province;
  kind: ReportKind;
  identifier: string;
  description: string;
  distribution: Distribution;
  tlp: Tlp;
  author: SeedAuthor;
  /** Designed to cluster near the frontier (sightings scattered around one gate). */
  clustered: boolean;
  sightings: SightingPlan[];
}

export const REPORTS_PER_PROVINCE = 20;
/** Of each province's reports, this many are older, closed after the seizure they led to. */
export const LED_TO_SEIZURE_PER_PROVINCE = 5;
export const DAY_MS = 86_400_000;

const KINDS: Record<Province, { value: ReportKind; weight: number }[]> = {
  an_giang: [
    { value: 'boat', weight: 9 },
    { value: 'consignment', weight: 3 },
    { value: 'warehouse', weight: 3 },
    { value: 'crossing_point', weight: 2 },
    { value: 'vehicle', weight: 2 },
    { value: 'porter_group', weight: 1 },
  ],
  lang_son: [
    { value: 'porter_group', weight: 8 },
    { value: 'vehicle', weight: 4 },
    { value: 'warehouse', weight: 3 },
    { value: 'crossing_point', weight: 3 },
    { value: 'consignment', weight: 2 },
  ],
};

const CATEGORIES: Record<Province, string[]> = {
  an_giang: ['sugar', 'cigarettes', 'cigarettes', 'fuel', 'alcohol', 'currency', 'gold'],
  lang_son: ['firecrackers', 'electronics', 'textiles', 'cosmetics', 'pharmaceuticals', 'wildlife'],
};

const SUBJECT: Record<ReportKind, [string, string]> = {
  boat: ['Thuyền máy chở hàng', 'Motor boat carrying goods'],
  vehicle: ['Xe tải nhỏ chở hàng', 'Light truck carrying goods'],
  porter_group: ['Nhóm cửu vạn gùi hàng', 'Group of porters carrying loads'],
  warehouse: ['Kho tập kết hàng', 'Stockpile of goods'],
  crossing_point: ['Điểm vượt biên', 'Crossing point in use'],
  consignment: ['Lô hàng khai sai', 'Consignment under a false declaration'],
};

const REASONS: Record<Assessment, string[]> = {
  valuable: [
    'Khớp với quan sát tuần tra. / Matches what our patrol saw.',
    'Xác nhận qua nguồn thứ hai. / Confirmed by a second source.',
  ],
  not_valuable: [
    'Không tìm thấy dấu hiệu tại địa điểm. / Nothing found at the place.',
    'Quá chung chung để hành động. / Too vague to act on.',
  ],
  duplicate: ['Trùng tin đã nhận trước đó. / Same as a tip received earlier.'],
};

const ACTIONS = [
  'Bố trí tổ tuần tra đêm. / Night patrol posted.',
  'Kiểm tra phương tiện tại cửa khẩu. / Vehicles checked at the gate.',
  'Phối hợp chốt chặn trên kênh. / Joint checkpoint on the canal.',
];

const round = (v: number, digits = 3) => Math.round(v * 10 ** digits) / 10 ** digits;

/** The other force. */
const other = (a: 'customs' | 'border_guard') => (a === 'customs' ? 'border_guard' : 'customs');

function anchorFor(kind: ReportKind, province: Province, rng: Rng): Anchor {
  const line = province === 'an_giang' ? 'waterways' : 'trails';
  const nth = rng.int(0, 19);
  switch (kind) {
    case 'boat':
    case 'porter_group':
      if (rng.chance(0.25)) {
        const from = round(rng.uniform(0.05, 0.8));
        return {
          type: 'stretch',
          layer: line,
          nth,
          from,
          to: round(from + rng.uniform(0.05, 0.15)),
        };
      }
      return { type: 'along', layer: line, nth, at: round(rng.uniform(0.02, 0.98)) };
    case 'warehouse':
      return {
        type: 'gate',
        nth,
        eastM: rng.int(-2500, 2500),
        northM: rng.int(-2500, 2500),
        radiusM: rng.int(150, 400),
      };
    case 'crossing_point':
      return rng.chance(0.5)
        ? { type: 'place', layer: province === 'lang_son' ? 'trails' : 'border_gates', nth }
        : { type: 'gate', nth, eastM: rng.int(-800, 800), northM: rng.int(-800, 800) };
    case 'consignment':
      return { type: 'place', layer: 'border_gates', nth };
    default:
      return { type: 'gate', nth, eastM: rng.int(-1500, 1500), northM: rng.int(-1500, 1500) };
  }
}

function distributionFor(
  author: SeedAuthor,
  province: Province,
  rng: Rng,
): { distribution: Distribution; units: string[]; tlp: Tlp } {
  const roll = rng.next();
  if (roll < 0.55)
    return { distribution: 'both', units: [], tlp: rng.pick(['green', 'amber', 'clear'] as const) };
  if (roll < 0.8)
    return { distribution: 'own_agency', units: [], tlp: rng.pick(['amber', 'green'] as const) };
  // Named units: one or two of the other force in the province, and the author's own.
  const theirs = rng.shuffle([...UNITS[province][other(author.agency)]]).slice(0, rng.int(1, 2));
  const units = [...new Set([author.unit, ...theirs])].sort();
  return { distribution: 'units', units, tlp: rng.chance(0.5) ? 'red' : 'amber' };
}

/** Whether a distribution reaches the other force (so the report is handed over to it). */
export function reachesOtherForce(
  plan: Pick<ReportPlan, 'distribution' | 'units' | 'author'>,
): boolean {
  if (plan.distribution === 'both') return true;
  if (plan.distribution === 'own_agency') return false;
  const theirs = new Set(
    Object.values(UNITS).flatMap((byAgency) => byAgency[other(plan.author.agency)]),
  );
  return plan.units.some((u) => theirs.has(u));
}

function handoverFor(rng: Rng, closedOnSeizure: boolean): HandoverPlan {
  const deliveredH = round(rng.uniform(0.05, 2), 2);
  const acked = closedOnSeizure || rng.chance(0.8);
  const acknowledgedH = acked ? round(Math.min(rng.logNormal(Math.log(8), 0.9), 120), 2) : null;
  const assessed = acked && (closedOnSeizure || rng.chance(0.75));
  const assessment: Assessment | null = !assessed
    ? null
    : closedOnSeizure
      ? 'valuable'
      : rng.weighted([
          { value: 'valuable' as const, weight: 6 },
          { value: 'not_valuable' as const, weight: 3 },
          { value: 'duplicate' as const, weight: 1 },
        ]);
  return {
    deliveredH,
    acknowledgedH,
    assessedH: assessed ? round(rng.uniform(1, 48), 2) : null,
    assessment,
    reason: assessment ? rng.pick(REASONS[assessment]) : null,
    action: assessment === 'valuable' ? rng.pick(ACTIONS) : null,
  };
}

/** Reliability and credibility, most tips B-C / 2-3 as field reporting goes. */
function rating(rng: Rng): { reliability: string; credibility: number } {
  return {
    reliability: rng.weighted(
      ['A', 'B', 'C', 'D', 'E', 'F'].map((value, i) => ({ value, weight: [1, 5, 6, 3, 1, 2][i] })),
    ),
    credibility: rng.weighted(
      [1, 2, 3, 4, 5, 6].map((value, i) => ({ value, weight: [1, 5, 6, 3, 1, 2][i] })),
    ),
  };
}

/**
 * The reports of one province. `dayMs` is the seed day (UTC midnight): recent reports are
 * received in the 120 days before it; those that led to a seizure get their time from it.
 *
 * @example planReports('an_giang', 20240925, Date.UTC(2026, 11, 1)).length // 20
 */
export function planReports(province: Province, seed: number, dayMs: number): ReportPlan[] {
  const rng = createRng(deriveSeed(seed, `${province}/reports`));
  const authors = [...SEED_AUTHORS[province].border_guard, ...SEED_AUTHORS[province].customs];
  const plans: ReportPlan[] = [];
  for (let i = 0; i < REPORTS_PER_PROVINCE; i++) {
    const led = i < LED_TO_SEIZURE_PER_PROVINCE;
    const kind = rng.weighted(KINDS[province]);
    const category = rng.pick(CATEGORIES[province]);
    const author = authors[i % authors.length];
    // A tip that led to a seizure was shared with the other force.
    const shared = led
      ? { distribution: 'both' as const, units: [], tlp: 'amber' as const }
      : distributionFor(author, province, rng);
    const [vi, en] = SUBJECT[kind];
    const plan: ReportPlan = {
      province,
      kind,
      category,
      title: `${SYNTHETIC_TAG} ${vi} / ${en} (${category})`,
      text: `${SYNTHETIC_TEXT}\n${vi}, ${category}. / ${en}, ${category}.`,
      anchor: anchorFor(kind, province, rng),
      ...rating(rng),
      ...shared,
      units: shared.distribution === 'units' ? shared.units : [],
      author,
      receivedMs: dayMs - Math.round(rng.uniform(0.5, 120) * 24) * 3_600_000,
      beforeSeizureH: led ? rng.int(12, 240) : null,
      observedHours: rng.chance(0.7) ? [-rng.int(2, 72), -rng.int(0, 1)] : null,
      handover: null,
      ledToSeizure: led ? i : null,
      closedH: led ? null : rng.chance(0.1) ? rng.int(24, 240) : null,
    };
    if (reachesOtherForce(plan)) plan.handover = handoverFor(rng, led);
    plans.push(plan);
  }
  return plans;
}

const IDENTIFIERS: Record<
  Province,
  { kind: ReportKind; identifier: string; vi: string; en: string }[]
> = {
  an_giang: [
    {
      kind: 'boat',
      identifier: 'SYN-AG-1021',
      vi: 'Thuyền gỗ sơn xanh, hai máy',
      en: 'Blue wooden boat, two engines',
    },
    {
      kind: 'boat',
      identifier: 'SYN-AG-3390',
      vi: 'Xuồng máy vỏ nhôm',
      en: 'Aluminium-hulled skiff',
    },
    {
      kind: 'vehicle',
      identifier: 'SYN-67C-123.45',
      vi: 'Xe tải 2,5 tấn, thùng bạt',
      en: '2.5 t truck, canvas cover',
    },
    { kind: 'boat', identifier: 'SYN-AG-5517', vi: 'Ghe chở cát', en: 'Sand barge' },
  ],
  lang_son: [
    {
      kind: 'vehicle',
      identifier: 'SYN-12C-456.78',
      vi: 'Xe bán tải màu trắng',
      en: 'White pickup',
    },
    {
      kind: 'porter_group',
      identifier: 'SYN-LS-NHOM-04',
      vi: 'Nhóm 6-8 người gùi hàng đêm',
      en: 'Group of 6-8 porters at night',
    },
    {
      kind: 'warehouse',
      identifier: 'SYN-LS-KHO-02',
      vi: 'Kho tôn gần lối mở',
      en: 'Sheet-metal shed near an opening',
    },
    { kind: 'vehicle', identifier: 'SYN-12H-901.23', vi: 'Xe khách 16 chỗ', en: '16-seat minibus' },
  ],
};

/** Per province, which objects cluster near the frontier (the others are seen inland too). */
const CLUSTERED: Record<Province, boolean[]> = {
  an_giang: [true, true, true, false],
  lang_son: [true, true, false, false],
};

/**
 * The suspicious objects of one province and their sightings. A clustered object is seen 3 to 5
 * times within about 700 m (one standard deviation) of one gate; the others at random points at
 * least 8 km inland (so they never cluster near the frontier). Some sightings come from the
 * province's reports of the same kind.
 */
export function planObjects(
  province: Province,
  seed: number,
  reports: readonly ReportPlan[],
): ObjectPlan[] {
  const rng = createRng(deriveSeed(seed, `${province}/objects`));
  return IDENTIFIERS[province].map((o, k) => {
    const authors = [...SEED_AUTHORS[province].border_guard, ...SEED_AUTHORS[province].customs];
    const author = authors[k % authors.length];
    const clustered = CLUSTERED[province][k];
    const gate = rng.int(0, 17);
    const count = rng.int(3, 5);
    const sightings: SightingPlan[] = [];
    for (let s = 0; s < count; s++) {
      const anchor: Anchor = clustered
        ? {
            type: 'gate',
            nth: gate,
            eastM: Math.round(rng.normal(0, 700)),
            northM: Math.round(rng.normal(0, 700)),
          }
        : { type: 'inland', seed: rng.int(1, 1_000_000), minFrontierM: 8000 };
      sightings.push({
        anchor,
        daysAgo: round(rng.uniform(1, 150), 2),
        fromReport: null,
        note: `${SYNTHETIC_TAG} Tuần tra ghi nhận. / Seen by a patrol.`,
      });
    }
    // A tip about the same kind of thing, shared with both forces, is one more sighting.
    const match = reports.findIndex(
      (r, i) =>
        r.kind === o.kind &&
        r.distribution === 'both' &&
        i >= LED_TO_SEIZURE_PER_PROVINCE &&
        (i + k) % 2 === 0,
    );
    if (match >= 0)
      sightings.push({ anchor: reports[match].anchor, daysAgo: 0, fromReport: match, note: '' });
    return {
      province,
      kind: o.kind,
      identifier: o.identifier,
      description: `${SYNTHETIC_TAG} ${o.vi} / ${o.en}`,
      distribution: k === 3 ? 'own_agency' : 'both',
      tlp: k === 3 ? 'amber' : 'green',
      author,
      clustered,
      sightings,
    };
  });
}
