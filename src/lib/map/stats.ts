/**
 * Figures for the stats panel, from the seizures the map holds. Pure: the same features always
 * give the same numbers.
 */
import { AGENCIES, type Agency } from '$lib/domain';
import { isoDay } from '$lib/i18n/format';

export interface SeizureStats {
  /** Features the figures were computed over. */
  count: number;
  valueVnd: number;
  subjects: number;
  byAgency: Record<Agency, number>;
  /** Categories by number of cases, most first (ties by name), with their value. */
  categories: { category: string; count: number; valueVnd: number }[];
  /** First and last day (`YYYY-MM-DD`, Vietnam time), or null without dated records. */
  period: [string, string] | null;
  synthetic: number;
}

interface SeizureLike {
  properties: Record<string, unknown> | null;
}

function num(v: unknown): number {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : 0;
}

export function seizureStats(features: readonly SeizureLike[]): SeizureStats {
  const byAgency = Object.fromEntries(AGENCIES.map((a) => [a, 0])) as Record<Agency, number>;
  const cats = new Map<string, { count: number; valueVnd: number }>();
  let valueVnd = 0;
  let subjects = 0;
  let synthetic = 0;
  let first: string | undefined;
  let last: string | undefined;
  for (const f of features) {
    const p = f.properties ?? {};
    const value = num(p.value_vnd);
    valueVnd += value;
    subjects += num(p.subjects);
    if (p.synthetic === true || p.synthetic === 'true') synthetic++;
    const agency = p.lead_agency as Agency;
    if (agency in byAgency) byAgency[agency]++;
    const category = String(p.category ?? 'other');
    const c = cats.get(category) ?? { count: 0, valueVnd: 0 };
    c.count++;
    c.valueVnd += value;
    cats.set(category, c);
    const day = typeof p.occurred_at === 'string' ? isoDay(p.occurred_at) : undefined;
    if (day) {
      if (!first || day < first) first = day;
      if (!last || day > last) last = day;
    }
  }
  const categories = [...cats.entries()]
    .map(([category, c]) => ({ category, ...c }))
    .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category));
  return {
    count: features.length,
    valueVnd,
    subjects,
    byAgency,
    categories,
    period: first && last ? [first, last] : null,
    synthetic,
  };
}

/** Features whose `property` equals `value`, or one of the values (or, with `not`, none of them). */
export function countMatching(
  features: readonly SeizureLike[],
  match: { property: string; value: string | readonly string[]; not?: boolean },
): number {
  const values = typeof match.value === 'string' ? [match.value] : match.value;
  let n = 0;
  for (const f of features) {
    const equal = values.includes(String(f.properties?.[match.property] ?? ''));
    if (equal !== Boolean(match.not)) n++;
  }
  return n;
}
