/**
 * When synthetic seizures happen: the reporting window of each province, Tet seasonality and the
 * hour of day, all in Vietnam local time (UTC+7, no daylight saving) and returned as UTC instants.
 */
import type { Category, Province, TransportMode } from '../../domain';
import {
  CALIBRATION,
  GATE_HOUR_MODES,
  HOUR_WEIGHTS,
  TET_DAYS,
  TET_SEASON,
  UTC_OFFSET_HOURS,
} from './calibration';
import { createWeightedIndex, type Rng } from './random';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const OFFSET_MS = UTC_OFFSET_HOURS * HOUR_MS;

/** A half-open interval of UTC instants, milliseconds: [startMs, endMs). */
export interface TimeWindow {
  startMs: number;
  endMs: number;
}

function parseDay(day: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new RangeError(`not a YYYY-MM-DD day: ${day}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** The UTC instant of local midnight starting `day` (YYYY-MM-DD). */
export function localMidnightMs(day: string): number {
  const [y, m, d] = parseDay(day);
  return Date.UTC(y, m - 1, d) - OFFSET_MS;
}

/** The reporting window of a province: from local midnight of its first day to the end of its last. */
export function provinceWindow(province: Province): TimeWindow {
  const { firstDay, lastDay } = CALIBRATION[province].window;
  return { startMs: localMidnightMs(firstDay), endMs: localMidnightMs(lastDay) + DAY_MS };
}

/**
 * The instant `months` calendar months before `ms`, counted in local time.
 * @example monthsBeforeMs(localMidnightMs('2024-07-01'), 18) === localMidnightMs('2023-01-01')
 */
export function monthsBeforeMs(ms: number, months: number): number {
  const local = new Date(ms + OFFSET_MS);
  local.setUTCMonth(local.getUTCMonth() - months);
  return local.getTime() - OFFSET_MS;
}

/** Calendar year of an instant in local time (case references are numbered per local year). */
export function localYear(ms: number): number {
  return new Date(ms + OFFSET_MS).getUTCFullYear();
}

/** Weight of each day of the window for a category whose Tet factor is `factor` (1 = flat). */
function dayWeights(window: TimeWindow, factor: number): Float64Array {
  const days = Math.round((window.endMs - window.startMs) / DAY_MS);
  const weights = new Float64Array(days).fill(1);
  if (factor === 1) return weights;
  const tets = TET_DAYS.map((d) => Math.round((localMidnightMs(d) - window.startMs) / DAY_MS));
  const { daysBefore, afterDays, afterFactor } = TET_SEASON;
  for (let k = 0; k < days; k++) {
    for (const tet of tets) {
      const before = tet - k; // days until Tet
      if (before >= 1 && before <= daysBefore) {
        // Rises linearly to the peak on the eve of Tet.
        weights[k] = 1 + (factor - 1) * (1 - (before - 1) / daysBefore);
      } else if (before <= 0 && before > -afterDays) {
        weights[k] = afterFactor;
      }
    }
  }
  return weights;
}

export type TimeSampler = (category: Category, mode: TransportMode, rng: Rng) => number;

/**
 * Draws seizure instants for a province: a day weighted by the category's Tet season, an hour
 * from the mode's clock (night for covert crossings, daytime for vehicles at gates), a second.
 */
export function createTimeSampler(province: Province): TimeSampler {
  const window = provinceWindow(province);
  const byFactor = new Map<number, (rng: Rng) => number>();
  const dayFor = (category: Category) => {
    const factor = TET_SEASON.factor[category] ?? 1;
    let sampler = byFactor.get(factor);
    if (!sampler) {
      sampler = createWeightedIndex(dayWeights(window, factor));
      byFactor.set(factor, sampler);
    }
    return sampler;
  };
  const covertHour = createWeightedIndex(HOUR_WEIGHTS.covert);
  const gateHour = createWeightedIndex(HOUR_WEIGHTS.gate);
  return (category, mode, rng) => {
    const day = dayFor(category)(rng);
    const hour = (GATE_HOUR_MODES.includes(mode) ? gateHour : covertHour)(rng);
    const second = rng.int(0, 3599);
    return window.startMs + day * DAY_MS + hour * HOUR_MS + second * 1000;
  };
}
