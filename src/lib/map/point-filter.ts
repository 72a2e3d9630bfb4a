/**
 * The map's filters as the seizure points understand them: a range of day numbers and lists of
 * category and agency indexes, as deck.gl's DataFilterExtension takes them on the GPU; and the
 * same test on the CPU, to count what is drawn (the layer panel, the legend) and to find the
 * points under a click. Pure: columns in, numbers out.
 */
import { dayNumber, type SeizurePoints } from '$lib/seizure-points';

export interface PointFilter {
  /** Inclusive range of day offsets from the header's base day. */
  days: [number, number];
  /** Indexes into header.categories / header.agencies that are drawn. */
  categories: number[];
  agencies: number[];
}

/** Beyond any Uint16 day offset: an open bound. */
const OPEN = 70_000;

/**
 * The filter for `from` / `to` (`YYYY-MM-DD`, Vietnam days, both included; '' is open) and the
 * chosen categories and agencies (none chosen: all).
 * @example pointFilter({ base_day: '2024-01-01', ... }, '2024-01-10', '', [], ['joint']).days // [9, 70000]
 */
export function pointFilter(
  header: SeizurePoints['header'],
  from: string,
  to: string,
  categories: readonly string[],
  agencies: readonly string[],
): PointFilter {
  const base = header.base_day ? dayNumber(header.base_day) : 0;
  const indexes = (all: readonly string[], chosen: readonly string[]) =>
    all.flatMap((v, i) => (chosen.length === 0 || chosen.includes(v) ? [i] : []));
  return {
    days: [from ? dayNumber(from) - base : -OPEN, to ? dayNumber(to) - base : OPEN],
    categories: indexes(header.categories, categories),
    agencies: indexes(header.agencies, agencies),
  };
}

/** Whether point `i` passes `filter` (as the GPU decides it). */
export function passes(points: SeizurePoints, filter: PointFilter, i: number): boolean {
  const d = points.days[i];
  return (
    d >= filter.days[0] &&
    d <= filter.days[1] &&
    filter.categories.includes(points.categories[i]) &&
    filter.agencies.includes(points.agencies[i])
  );
}

export interface PointCounts {
  total: number;
  /** Per index of header.categories / header.agencies. */
  byCategory: number[];
  byAgency: number[];
}

/** How many points pass, in all and per category and agency: one pass over the columns. */
export function countPoints(points: SeizurePoints, filter: PointFilter): PointCounts {
  const byCategory = new Array<number>(points.header.categories.length).fill(0);
  const byAgency = new Array<number>(points.header.agencies.length).fill(0);
  const category = new Uint8Array(256);
  const agency = new Uint8Array(256);
  for (const c of filter.categories) category[c] = 1;
  for (const a of filter.agencies) agency[a] = 1;
  const [lo, hi] = filter.days;
  const { days, categories, agencies } = points;
  let total = 0;
  for (let i = 0; i < days.length; i++) {
    const d = days[i];
    if (d < lo || d > hi || !category[categories[i]] || !agency[agencies[i]]) continue;
    total++;
    byCategory[categories[i]]++;
    byAgency[agencies[i]]++;
  }
  return { total, byCategory, byAgency };
}

/**
 * The legend's count for a row that matches `property` (category or lead_agency) against one or
 * several values; undefined for a property the points do not carry.
 */
export function countMatching(
  counts: PointCounts,
  header: SeizurePoints['header'],
  match: { property: string; value: string | readonly string[]; not?: boolean },
): number | undefined {
  const values = typeof match.value === 'string' ? [match.value] : match.value;
  const pick = (names: string[], per: number[]) =>
    names.reduce((n, name, i) => n + (values.includes(name) !== !!match.not ? per[i] : 0), 0);
  if (match.property === 'category') return pick(header.categories, counts.byCategory);
  if (match.property === 'lead_agency') return pick(header.agencies, counts.byAgency);
  return undefined;
}

/**
 * Indexes of the points that pass `filter` inside a box of degrees [west, south, east, north]:
 * the candidates of a click, before their exact distance on screen is measured. At most `max`.
 */
export function pointsInBox(
  points: SeizurePoints,
  filter: PointFilter,
  box: [number, number, number, number],
  max = 10_000,
): number[] {
  const [lon0, lat0] = points.header.origin;
  const [w, s, e, n] = [box[0] - lon0, box[1] - lat0, box[2] - lon0, box[3] - lat0];
  const { offsets } = points;
  const found: number[] = [];
  for (let i = 0; i < points.ids.length && found.length < max; i++) {
    const x = offsets[2 * i];
    const y = offsets[2 * i + 1];
    if (x >= w && x <= e && y >= s && y <= n && passes(points, filter, i)) found.push(i);
  }
  return found;
}
