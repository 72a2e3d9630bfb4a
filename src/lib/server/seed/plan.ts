/**
 * The case plan of one province: what every synthetic case is (category, goods, quantity, lead
 * agency, subjects, mode, time) before it is placed on the map. Drawn up front into typed arrays
 * (about 26 bytes a case, 26 MB for a million) so that reported totals can be met exactly and the
 * cases streamed in time order; placement and the record objects are made one at a time later.
 */
import {
  AGENCIES,
  CATEGORIES,
  TRANSPORT_MODES,
  type Agency,
  type Category,
  type Province,
} from '../../domain';
import { createTimeSampler, provinceWindow } from './calendar';
import { AGENCY_MODE_TILT, CALIBRATION, MODE_MIX, type ProvinceCalibration } from './calibration';
import { GOODS, type GoodsItem } from './goods';
import { apportion, type Rng } from './random';

/** Cases per province are capped so a time (seconds, < 2^28) and an index pack into one double. */
export const MAX_CASES_PER_PROVINCE = 2 ** 23;
const INDEX_SPACE = 2 ** 23;

export interface CasePlan {
  province: Province;
  n: number;
  category: Uint8Array; // index into CATEGORIES
  goods: Uint8Array; // index into GOODS[province][category]
  agency: Uint8Array; // index into AGENCIES
  mode: Uint8Array; // index into TRANSPORT_MODES
  subjects: Uint16Array;
  quantity: Float64Array; // in the goods' unit, rounded to its step
  timeMs: Float64Array; // UTC instant
  /** Case indices in ascending time. */
  order: Uint32Array;
}

export function goodsOf(province: Province, category: Category): GoodsItem[] {
  const list = GOODS[province][category];
  if (!list?.length) throw new Error(`no goods listed for ${province}/${category}`);
  return list;
}

/** Values of `counts` laid out as a shuffled deck: counts [2, 1] -> e.g. [0, 1, 0]. */
function deck(counts: number[], rng: Rng): Uint8Array {
  const out = new Uint8Array(counts.reduce((s, c) => s + c, 0));
  let k = 0;
  counts.forEach((c, v) => out.fill(v, k, (k += c)));
  return rng.shuffle(out);
}

/** Rounds to a step of 1 or 0.1 (never below one step), as decimals: 0.30000000000000004 -> 0.3. */
function roundStep(q: number, step: number): number {
  const per = Math.round(1 / step);
  return Math.max(1, Math.round(q * per)) / per;
}

/**
 * Rescales the quantities of the cases in `idx` to sum to `target`, rounded to `step`, the
 * rounding remainder put on the largest case so the sum is exact.
 */
function scaleToTotal(quantity: Float64Array, idx: number[], target: number, step: number): void {
  if (idx.length === 0) return;
  const sum = idx.reduce((s, i) => s + quantity[i], 0);
  let largest = idx[0];
  let rounded = 0;
  for (const i of idx) {
    quantity[i] = roundStep((quantity[i] * target) / sum, step);
    rounded += quantity[i];
    if (quantity[i] > quantity[largest]) largest = i;
  }
  quantity[largest] = Math.max(step, roundStep(quantity[largest] + target - rounded, step));
}

/** Moves subject counts of the cases in `idx` one at a time until they sum to `target`. */
function adjustSubjects(
  subjects: Uint16Array,
  idx: number[],
  minOf: (i: number) => number,
  target: number,
  rng: Rng,
) {
  if (idx.length === 0) return;
  let sum = idx.reduce((s, i) => s + subjects[i], 0);
  const floor = idx.reduce((s, i) => s + minOf(i), 0);
  target = Math.max(target, floor);
  while (sum > target) {
    const i = idx[rng.int(0, idx.length - 1)];
    if (subjects[i] > minOf(i)) [subjects[i], sum] = [subjects[i] - 1, sum - 1];
  }
  while (sum < target) {
    const i = idx[rng.int(0, idx.length - 1)];
    // Add to cases that already have subjects: ownerless goods stay ownerless.
    if (subjects[i] > 0 || sum === 0) [subjects[i], sum] = [subjects[i] + 1, sum + 1];
  }
}

export function buildCasePlan(province: Province, n: number, rng: Rng): CasePlan {
  if (!Number.isInteger(n) || n < 0 || n > MAX_CASES_PER_PROVINCE) {
    throw new RangeError(
      `cases per province must be an integer in [0, ${MAX_CASES_PER_PROVINCE}], got ${n}`,
    );
  }
  const cal = CALIBRATION[province];
  const catList = Object.keys(cal.categoryCases) as Category[];
  const catCounts = apportion(
    n,
    catList.map((c) => cal.categoryCases[c]!),
  );
  const category = deck(catCounts, rng).map((k) => CATEGORIES.indexOf(catList[k]));
  const agency = dealAgencies(cal, category, rng);
  const cases = drawCases(province, category, agency, rng);
  const drugCases = catCounts[catList.indexOf('drugs')] ?? 0;
  meetReportedTotals(province, n, drugCases, category, cases, rng);
  const { timeMs, order } = drawTimesInOrder(province, category, cases.mode, rng);
  return { province, n, category, agency, ...cases, timeMs, order };
}

const DRUGS = CATEGORIES.indexOf('drugs');
const isDrug = (category: Uint8Array) => (i: number) => (category[i] === DRUGS ? 1 : 0);
const indicesWhere = (category: Uint8Array, test: (c: number) => boolean) =>
  [...category.keys()].filter((i) => test(category[i]));

/** Lead agency: drug cases get theirs; the others are dealt the reported split. */
function dealAgencies(cal: ProvinceCalibration, category: Uint8Array, rng: Rng): Uint8Array {
  const agency = new Uint8Array(category.length).fill(AGENCIES.indexOf(cal.drugCaseAgency));
  const others = indicesWhere(category, (c) => c !== DRUGS);
  const split = apportion(
    others.length,
    AGENCIES.map((a) => cal.otherCaseAgency[a]),
  );
  const dealt = deck(split, rng);
  others.forEach((i, k) => (agency[i] = dealt[k]));
  return agency;
}

type Weighted = { value: number; weight: number }[];

/** Mode, goods, quantity and subjects of each case, drawn from the calibration tables. */
function drawCases(province: Province, category: Uint8Array, agency: Uint8Array, rng: Rng) {
  const n = category.length;
  const cal = CALIBRATION[province];
  const mode = new Uint8Array(n);
  const goods = new Uint8Array(n);
  const quantity = new Float64Array(n);
  const subjects = new Uint16Array(n);
  const sizes = cal.subjects.groupSize.map((weight, k) => ({ value: k + 1, weight }));
  const modeTables = new Map<string, Weighted>();
  const goodsTables = new Map<Category, Weighted>();
  for (let i = 0; i < n; i++) {
    const cat = CATEGORIES[category[i]];
    const ag = AGENCIES[agency[i]];
    if (!modeTables.has(`${cat}/${ag}`))
      modeTables.set(`${cat}/${ag}`, modeTable(province, cat, ag));
    mode[i] = rng.weighted(modeTables.get(`${cat}/${ag}`)!);
    const list = goodsOf(province, cat);
    if (!goodsTables.has(cat))
      goodsTables.set(
        cat,
        list.map((g, value) => ({ value, weight: g.weight })),
      );
    goods[i] = list.length === 1 ? 0 : rng.weighted(goodsTables.get(cat)!);
    const g = list[goods[i]];
    const q = rng.logNormal(Math.log(g.median), g.sigma);
    quantity[i] = roundStep(Math.min(g.max, Math.max(g.min, q)), g.step);
    const hasSubjects = category[i] === DRUGS || rng.chance(cal.subjects.pWithSubjects);
    subjects[i] = hasSubjects ? rng.weighted(sizes) : 0;
  }
  return { mode, goods, quantity, subjects };
}

/** Mode weights of a category in a province, tilted by the lead agency. */
function modeTable(province: Province, cat: Category, ag: Agency): Weighted {
  const mix = MODE_MIX[province].byCategory[cat] ?? MODE_MIX[province].default;
  return TRANSPORT_MODES.map((m, value) => ({
    value,
    weight: (mix[m] ?? 0) * (AGENCY_MODE_TILT[ag][m] ?? 1),
  }));
}

/**
 * Rescales what the reports give totals for, in proportion to the count: quantities of some
 * categories (US$, kg of firecrackers), the value of the other goods, subjects overall and in
 * drug cases.
 */
function meetReportedTotals(
  province: Province,
  n: number,
  drugCases: number,
  category: Uint8Array,
  { goods, quantity, subjects }: ReturnType<typeof drawCases>,
  rng: Rng,
): void {
  const cal = CALIBRATION[province];
  const scale = n / cal.reportedCases;
  const fixed = new Set<number>();
  for (const [cat, total] of Object.entries(cal.quantityTotals ?? {}) as [Category, number][]) {
    const c = CATEGORIES.indexOf(cat);
    const step = Math.min(...goodsOf(province, cat).map((g) => g.step));
    scaleToTotal(
      quantity,
      indicesWhere(category, (k) => k === c),
      total * scale,
      step,
    );
    fixed.add(c);
  }
  if (cal.goodsValueVnd !== undefined) {
    const idx = indicesWhere(category, (c) => !fixed.has(c));
    const item = (i: number) => goodsOf(province, CATEGORIES[category[i]])[goods[i]];
    const value = idx.reduce((s, i) => s + quantity[i] * item(i).unitPriceVnd, 0);
    const factor = value > 0 ? (cal.goodsValueVnd * scale) / value : 1;
    for (const i of idx) quantity[i] = roundStep(quantity[i] * factor, item(i).step);
  }
  const minOf = isDrug(category);
  if (cal.subjects.total !== undefined) {
    const all = [...category.keys()];
    adjustSubjects(subjects, all, minOf, Math.round(cal.subjects.total * scale), rng);
  }
  if (cal.subjects.drugTotal !== undefined && cal.categoryCases.drugs) {
    const target = Math.round((cal.subjects.drugTotal * drugCases) / cal.categoryCases.drugs);
    adjustSubjects(
      subjects,
      indicesWhere(category, (c) => c === DRUGS),
      minOf,
      target,
      rng,
    );
  }
}

/** Times of the cases and their order: seconds since the window start and the index share one exact double. */
function drawTimesInOrder(province: Province, category: Uint8Array, mode: Uint8Array, rng: Rng) {
  const n = category.length;
  const { startMs, endMs } = provinceWindow(province);
  if (((endMs - startMs) / 1000) * INDEX_SPACE > Number.MAX_SAFE_INTEGER) {
    throw new RangeError(`the ${province} window is too long to pack times with indices`);
  }
  const drawTime = createTimeSampler(province);
  const timeMs = new Float64Array(n);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    timeMs[i] = drawTime(CATEGORIES[category[i]], TRANSPORT_MODES[mode[i]], rng);
    keys[i] = ((timeMs[i] - startMs) / 1000) * INDEX_SPACE + i;
  }
  keys.sort();
  const order = new Uint32Array(n);
  for (let k = 0; k < n; k++) order[k] = keys[k] % INDEX_SPACE;
  return { timeMs, order };
}
