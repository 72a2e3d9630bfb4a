import type { Fragment } from 'postgres';
import type { Sql } from '../db/client';

/**
 * The one rule of who may see a report or a suspicious object, as SQL. Every path that reads
 * them (lists, layers, counts, exports, the OGC API, the briefing, the inbox) puts this predicate
 * in its WHERE clause, so a record outside the caller's distribution leaves no trace anywhere.
 *
 * A viewer sees a record when they wrote it, or its distribution is `both`, or it is `own_agency`
 * and the viewer is of the author's agency, or it is `units` and the viewer's unit is listed.
 * No viewer (an anonymous path) sees nothing: the rule fails closed.
 */
export interface Viewer {
  userId: number;
  agency: 'customs' | 'border_guard';
  unit: string | null;
}

/** Tables whose rows carry a distribution, and the table listing each row's named units. */
const SUBJECTS = {
  reports: { units: 'report_units', key: 'report_id' },
  suspicious_objects: { units: 'object_units', key: 'object_id' },
} as const;
export type DistributedTable = keyof typeof SUBJECTS;

/**
 * `(alias.author_id = ... or ...)` for rows of `table` under `alias`. `alias` and `table` come
 * from code, never from a request.
 */
export function visibleTo(
  sql: Sql,
  viewer: Viewer | undefined,
  table: DistributedTable = 'reports',
  alias = 't',
): Fragment {
  if (!viewer) return sql`false`;
  const { units, key } = SUBJECTS[table];
  const a = sql(alias);
  const unitClause =
    viewer.unit === null
      ? sql`false`
      : sql`exists (select 1 from ${sql(units)} vu
          where vu.${sql(key)} = ${a}.id and vu.unit = ${viewer.unit})`;
  return sql`(${a}.author_id = ${viewer.userId}
    or ${a}.distribution = 'both'
    or (${a}.distribution = 'own_agency' and ${a}.agency = ${viewer.agency})
    or (${a}.distribution = 'units' and ${unitClause}))`;
}

/** The viewer a signed-in user is. */
export function viewerOf(user: {
  id: number;
  agency: Viewer['agency'];
  unit: string | null;
}): Viewer {
  return { userId: user.id, agency: user.agency, unit: user.unit };
}
