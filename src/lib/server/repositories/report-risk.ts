import type { Sql } from '../db/client';
import { visibleTo, type Viewer } from './visibility';

/** Sample spacing (metres) along a reported line or over a reported area. */
export const REPORT_SAMPLE_M = 500;
/** Most sample points one line or area spreads its weight over (the spacing grows past it). */
export const MAX_REPORT_SAMPLES = 400;

/** An open report as kernel points and what weighs it. */
export interface ReportRiskRow {
  id: number;
  /** The representative point (ST_PointOnSurface), metres, EPSG:32648. */
  x: number;
  y: number;
  /**
   * Where its weight is spread, metres: a point report has none (its point stands for it), a
   * line its samples every REPORT_SAMPLE_M at the middles of equal pieces, an area the nodes of
   * a REPORT_SAMPLE_M square grid inside it (none when it is smaller than the grid).
   */
  xs: number[] | null;
  ys: number[] | null;
  reliability: 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
  credibility: 1 | 2 | 3 | 4 | 5 | 6;
  received_at: Date;
  observed_from: Date | null;
  observed_to: Date | null;
}

export interface ReportRiskFilter {
  province: string;
  /** Goods categories: reports of these, and reports that name none (any goods). */
  categories?: readonly string[];
  /** The reporting agencies (the author's); `joint` names no report. */
  agencies?: readonly string[];
  /** Reports whose window ended before this weigh nothing (analysis/report-weight.ts). */
  since: Date;
}

/**
 * The open reports of a province the viewer can see, with their sample points, rating and
 * times. No viewer (an export, a scheduled job) reads none: risk from reports is per caller.
 */
export async function openReportPoints(
  sql: Sql,
  viewer: Viewer | undefined,
  filter: ReportRiskFilter,
): Promise<ReportRiskRow[]> {
  if (!viewer) return [];
  const step = sql`${REPORT_SAMPLE_M}::float8`;
  const cap = sql`${MAX_REPORT_SAMPLES}::int`;
  const rows = await sql<ReportRiskRow[]>`
    select r.id, r.x_utm as x, r.y_utm as y, s.xs, s.ys, r.reliability, r.credibility,
      r.received_at, r.observed_from, r.observed_to
    from reports r
      cross join lateral (select ST_Transform(r.geom, 32648) as g) u
      left join lateral (
        select array_agg(ST_X(p.q) order by p.k) as xs, array_agg(ST_Y(p.q) order by p.k) as ys
        from (
          select i as k, ST_LineInterpolatePoint(u.g, (i + 0.5) / c.n) as q
          from (select least(${cap}, greatest(1, ceil(ST_Length(u.g) / ${step})))::int as n) c,
            generate_series(0, c.n - 1) i
          where GeometryType(u.g) = 'LINESTRING'
          union all
          select ix * 100000 + iy, pt.q
          from (
            select greatest(${step},
              sqrt((ST_XMax(u.g) - ST_XMin(u.g)) * (ST_YMax(u.g) - ST_YMin(u.g)) / ${cap})) as s,
              ST_XMin(u.g) as x0, ST_YMin(u.g) as y0, ST_XMax(u.g) as x1, ST_YMax(u.g) as y1
            where GeometryType(u.g) = 'POLYGON'
          ) b
            cross join generate_series(0, floor((b.x1 - b.x0) / b.s)::int) ix
            cross join generate_series(0, floor((b.y1 - b.y0) / b.s)::int) iy
            cross join lateral (
              select ST_SetSRID(ST_MakePoint(b.x0 + b.s / 2 + ix * b.s, b.y0 + b.s / 2 + iy * b.s), 32648) as q
            ) pt
          where ST_Intersects(u.g, pt.q)
        ) p
      ) s on true
    where ${visibleTo(sql, viewer, 'reports', 'r')}
      and r.status = 'open'
      and r.province = ${filter.province}
      and coalesce(r.observed_to, r.observed_from, r.received_at) >= ${filter.since}
      ${
        filter.categories
          ? sql`and (r.category is null or r.category in ${sql([...filter.categories])})`
          : sql``
      }
      ${filter.agencies ? sql`and r.agency in ${sql([...filter.agencies])}` : sql``}
    order by r.id`;
  return rows.map((r) => ({
    ...r,
    credibility: Number(r.credibility) as ReportRiskRow['credibility'],
  }));
}
