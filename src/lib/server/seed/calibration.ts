/**
 * What the synthetic seizures are calibrated to: the figures the public reports give, and the
 * assumptions that fill what they leave out (marked ASSUMPTION). Sources are the files in
 * /work/shared/sources (DESIGN.md section 2 repeats the figures):
 *   001_ecd33507927f504f.txt  An Giang Customs + Border Guard five-year review (25 Sept 2024)
 *   002_9b35136d34039eaf.txt  Lang Son Customs + Border Guard review (21 Aug 2024)
 *   000_350804cee0b2947c.txt  national coordination 2012-2019 (who leads inside customs areas)
 * Counts per category are "cases per reported total": they are the exact split at the default
 * count and are scaled by largest remainder for any other count.
 */
import type { Agency, Category, Province, TransportMode } from '../../domain';

export interface ProvinceCalibration {
  /** Short code used in case references: SYN-<code>-<year>-<seq>. */
  code: string;
  /** Reporting window, local dates (Asia/Ho_Chi_Minh, UTC+7), both days included. */
  window: { firstDay: string; lastDay: string };
  reportedCases: number;
  categoryCases: Partial<Record<Category, number>>;
  /** Lead agency of drug cases (kept apart because the Lang Son figures split that way). */
  drugCaseAgency: Agency;
  /** Lead agency split of all other cases, in cases per reported total minus drug cases. */
  otherCaseAgency: Record<Agency, number>;
  subjects: {
    /** Total subjects over all cases, when reported. */
    total?: number;
    /** Total subjects over drug cases, when reported. Every drug case has at least one. */
    drugTotal?: number;
    /** Chance that a non-drug case has any subject (the rest are ownerless goods). */
    pWithSubjects: number;
    /** Weights of 1, 2, 3, ... subjects for a case that has any. */
    groupSize: readonly number[];
  };
  /** Reported value of goods in VND, excluding currency and firecrackers (reported apart). */
  goodsValueVnd?: number;
  /** Reported quantity totals of a category, in that category's unit. */
  quantityTotals?: Partial<Record<Category, number>>;
}

export const CALIBRATION: Record<Province, ProvinceCalibration> = {
  an_giang: {
    code: 'AG',
    // 001: regulation 3929 signed 4 Sept 2019; review held 25 Sept 2024.
    window: { firstDay: '2019-09-04', lastDay: '2024-09-25' },
    // 001: "88 cases ... with 43 subjects, ... over VND22 billion, US$20,000, and 17 kg of
    // firecrackers". The category split is an ASSUMPTION shaped by 001 (small boats from stockpiles
    // on the Cambodian side) and the usual An Giang catalogue: foreign cigarettes and sugar first.
    reportedCases: 88,
    categoryCases: {
      cigarettes: 24,
      sugar: 12,
      agricultural: 8,
      cosmetics: 6,
      textiles: 6,
      fuel: 5,
      alcohol: 5,
      firecrackers: 4,
      gold: 4,
      electronics: 3,
      pharmaceuticals: 3,
      drugs: 3,
      currency: 2,
      livestock: 2,
      other: 1,
    },
    // ASSUMPTION: 001 reports joint patrols and arrests without a lead split; Border Guard leads
    // away from the gates (most cases are on the water), Customs at the gates.
    drugCaseAgency: 'border_guard',
    otherCaseAgency: { customs: 28, border_guard: 40, joint: 17 },
    // 001: "most are small, isolated cases without owners": many cases have no subject.
    subjects: { total: 43, pWithSubjects: 0.4, groupSize: [0.75, 0.18, 0.07] },
    goodsValueVnd: 22.5e9, // "over VND 22 billion"
    quantityTotals: { currency: 20_000, firecrackers: 17 }, // US$ and kg
  },
  lang_son: {
    code: 'LS',
    // 002: "from 2019 to June 30, 2024".
    window: { firstDay: '2019-01-01', lastDay: '2024-06-30' },
    // 002: 165 violations; 158 smuggling (Customs led 110, Border Guard 48); 7 drug cases with 8
    // subjects. 158 + 7 = 165, so the 7 drug cases are read as the non-smuggling rest, led jointly
    // (ASSUMPTION). The split of the 158 by goods is an ASSUMPTION: fruit and farm produce, Chinese
    // consumer goods, poultry, medicines, counterfeits; a few firecracker and wildlife cases.
    reportedCases: 165,
    categoryCases: {
      agricultural: 34,
      textiles: 20,
      electronics: 18,
      counterfeit: 16,
      cosmetics: 14,
      livestock: 14,
      pharmaceuticals: 12,
      other: 10,
      firecrackers: 8,
      drugs: 7,
      wildlife: 5,
      cigarettes: 4,
      currency: 3,
    },
    drugCaseAgency: 'joint',
    otherCaseAgency: { customs: 110, border_guard: 48, joint: 0 },
    subjects: { drugTotal: 8, pWithSubjects: 0.5, groupSize: [0.55, 0.25, 0.12, 0.08] },
  },
};

/** Transport mode weights of a province, with per-category overrides. */
export interface ModeMix {
  default: Partial<Record<TransportMode, number>>;
  byCategory: Partial<Record<Category, Partial<Record<TransportMode, number>>>>;
}

export const MODE_MIX: Record<Province, ModeMix> = {
  // 001: small boats on the rivers and dense canals; land gates at Tinh Bien, Ha Tien, Giang Thanh.
  an_giang: {
    default: { boat: 62, motorbike: 13, pedestrian: 10, car: 6, truck: 6, other: 3 },
    byCategory: {
      fuel: { boat: 85, motorbike: 10, other: 5 },
      gold: { pedestrian: 30, motorbike: 30, boat: 30, car: 10 },
      currency: { pedestrian: 40, motorbike: 30, boat: 20, car: 10 },
      drugs: { boat: 40, pedestrian: 25, motorbike: 25, car: 10 },
      electronics: { boat: 45, car: 20, motorbike: 20, pedestrian: 15 },
    },
  },
  // 002: seven gates, market pairs, clearance paths and specialised roads, 1,100-1,200 vehicles a
  // day, 9,066 rail trips; mountain footpaths used by porters (DESIGN.md section 2).
  lang_son: {
    default: { porter: 50, motorbike: 18, truck: 14, car: 7, pedestrian: 5, rail: 3, other: 3 },
    byCategory: {
      agricultural: { porter: 38, truck: 32, motorbike: 20, car: 5, rail: 2, other: 3 },
      livestock: { porter: 45, motorbike: 30, truck: 22, other: 3 },
      electronics: { porter: 45, car: 18, truck: 17, motorbike: 14, rail: 6 },
      drugs: { pedestrian: 30, motorbike: 30, car: 20, porter: 15, rail: 5 },
      currency: { pedestrian: 45, car: 25, motorbike: 20, rail: 10 },
    },
  },
};

/**
 * Lead agency shifts the mode: 000 says Customs leads inside customs control areas (the gates),
 * so its cases lean to vehicles at gates, the Border Guard's to boats and footpaths. ASSUMPTION
 * as to the factors.
 */
export const AGENCY_MODE_TILT: Record<Agency, Partial<Record<TransportMode, number>>> = {
  customs: { truck: 1.5, car: 1.5, rail: 1.5, boat: 0.8, porter: 0.9 },
  border_guard: { boat: 1.2, porter: 1.2, pedestrian: 1.2, truck: 0.6, car: 0.6, rail: 0.5 },
  joint: {},
};

/** Vietnam local time is UTC+7 all year (no daylight saving). */
export const UTC_OFFSET_HOURS = 7;

/** First day of the Lunar New Year (Tet) in the years the windows touch. */
export const TET_DAYS = [
  '2019-02-05',
  '2020-01-25',
  '2021-02-12',
  '2022-02-01',
  '2023-01-22',
  '2024-02-10',
  '2025-01-29',
] as const;

/**
 * Demand for these goods peaks before Tet (roughly November to January): the daily weight is
 * multiplied by `factor` over the `daysBefore` days before Tet, and by `afterFactor` in the week
 * after, when markets are shut. ASSUMPTION as to the factors.
 */
export const TET_SEASON = {
  daysBefore: 80,
  afterDays: 7,
  afterFactor: 0.5,
  factor: { firecrackers: 6, cigarettes: 2.2, sugar: 2, alcohol: 2.5 } as Partial<
    Record<Category, number>
  >,
};

/**
 * Hour-of-day weights, local time 00..23. Covert crossings (boats, porters, field paths) happen at
 * night; vehicles are caught at the gates during opening hours (ASSUMPTION).
 */
export const HOUR_WEIGHTS = {
  covert: [
    9, 8, 7, 6, 5, 3, 1.5, 1, 0.8, 0.7, 0.7, 0.7, 0.8, 0.8, 0.8, 0.9, 1, 1.2, 2, 3.5, 5, 6.5, 8, 9,
  ],
  gate: [
    0.5, 0.4, 0.3, 0.3, 0.5, 1, 2, 4, 5, 5, 5, 4.5, 3.5, 4, 5, 5, 5, 4.5, 3.5, 2.5, 2, 1.5, 1, 0.7,
  ],
} as const;

/** Modes whose seizures happen at the gates in daytime; the rest follow the covert clock. */
export const GATE_HOUR_MODES: readonly TransportMode[] = ['car', 'truck', 'rail'];
