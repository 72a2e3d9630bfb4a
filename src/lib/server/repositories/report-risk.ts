import type { Sql } from '../db/client';
import { visibleTo, type Viewer } from './visibility';

/** An open report as a kernel point: its representative point (metres) and what weighs it. */
export interface ReportRiskRow {
  id: number;
  x: number;
  y: number;
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
 * The open reports of a province the viewer can see, with the point that stands for them
 * (x_utm, y_utm: ST_PointOnSurface, on the line or inside the area) and their rating and times.
 * No viewer (an export, a scheduled job) reads none: risk from reports is per caller.
 */
export async function openReportPoints(
  sql: Sql,
  viewer: Viewer | undefined,
  filter: ReportRiskFilter,
): Promise<ReportRiskRow[]> {
  if (!viewer) return [];
  const rows = await sql<ReportRiskRow[]>`
    select r.id, r.x_utm as x, r.y_utm as y, r.reliability, r.credibility, r.received_at,
      r.observed_from, r.observed_to
    from reports r
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
