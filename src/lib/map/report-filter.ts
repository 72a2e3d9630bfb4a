/**
 * The map's filters applied to the `reports` layer in the browser, over the features already
 * delivered: the date window on the day a report was received and the goods categories. The
 * province is the server's (the layer is loaded per province, as every layer is).
 *
 * Why here and not as query parameters of /api/layers/reports: the seizures are filtered in the
 * browser too (a window step of the play button costs no request), and every read of the reports
 * layer is written to the audit log, which one request per step would flood.
 *
 * The map's agency filter is left out on purpose: it chooses the force that made a seizure
 * (customs, border guard or joint); a report's force is the one that wrote it, and the register
 * exists so each force sees the other's tips.
 */
import type { LayerCollection } from '$lib/api';
import { dayNumber, vietnamDayNumber } from '$lib/seizure-points';
import type { DateFilterProblem } from './date-filter';

export interface ReportFilter {
  /** `YYYY-MM-DD` (Vietnam days, both included), or '' for an open bound. */
  from: string;
  to: string;
  /** Goods categories chosen; none chosen: every report, with or without a category. */
  categories: readonly string[];
  /** The date filter cannot be applied: then no report is shown, as no seizure is. */
  problem?: DateFilterProblem;
}

/** Which of the map's filters narrow the reports (what the layer row says). */
export interface ReportFilterParts {
  dates: boolean;
  goods: boolean;
}

/**
 * @example reportFilterParts({ from: '2026-01-01', to: '', categories: [] }) // { dates: true, goods: false }
 */
export function reportFilterParts(f: ReportFilter): ReportFilterParts {
  return {
    dates: f.from !== '' || f.to !== '' || !!f.problem,
    goods: f.categories.length > 0,
  };
}

/**
 * The Vietnamese calendar day (day number) a report was received on, or null for a value that is
 * not an instant.
 * @example receivedDay('2026-03-31T17:30:00Z') // dayNumber('2026-04-01'): 00:30 in Vietnam
 */
export function receivedDay(receivedAt: unknown): number | null {
  if (typeof receivedAt !== 'string' || receivedAt === '') return null;
  const ms = Date.parse(receivedAt);
  return Number.isFinite(ms) ? vietnamDayNumber(new Date(ms)) : null;
}

/**
 * A test for one report's properties. A report without a category passes only while no category
 * is chosen (as the server's `category in (...)` decides for the other paths); one whose
 * received time cannot be read passes only an open window.
 */
export function reportTest(
  f: ReportFilter,
): (properties: Record<string, unknown> | null) => boolean {
  if (f.problem) return () => false;
  const lo = f.from ? dayNumber(f.from) : -Infinity;
  const hi = f.to ? dayNumber(f.to) : Infinity;
  const dated = f.from !== '' || f.to !== '';
  const chosen = new Set(f.categories);
  return (p) => {
    if (chosen.size > 0 && !chosen.has(String(p?.category ?? ''))) return false;
    if (!dated) return true;
    const day = receivedDay(p?.received_at);
    return day !== null && day >= lo && day <= hi;
  };
}

/**
 * The reports the map draws under `f`: `fc` itself when nothing narrows it (so the map is not
 * handed new data), otherwise a new collection of the passing features; `numberMatched` and
 * `numberReturned` stay the server's (they tell whether the load was cut, not what is drawn).
 * @example filterReports(fc, { from: '', to: '', categories: ['sugar'] }).features // the sugar tips
 */
export function filterReports(fc: LayerCollection, f: ReportFilter): LayerCollection {
  const parts = reportFilterParts(f);
  if (!parts.dates && !parts.goods) return fc;
  const passes = reportTest(f);
  const features = fc.features.filter((feature) => passes(feature.properties));
  return { ...fc, features };
}
