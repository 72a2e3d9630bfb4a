import type { Sql } from '../db/client';
import { notFound } from '../errors';
import { can } from '../auth/roles';
import * as handovers from '../repositories/report-handovers';
import { eventsOf, type EventActor, type ReportEvent } from '../repositories/report-events';
import * as links from '../repositories/report-links';
import * as repo from '../repositories/reports';
import type { ReportRow } from '../repositories/reports';
import { viewerOf, type Viewer } from '../repositories/visibility';
import type { SessionUser } from './auth';

/**
 * A report as the API shows it to one caller: its row, the units it is distributed to, its
 * handovers, links and the objects sighted in it that the caller may see, and what the caller
 * may do with it. A report the caller cannot see is "not found", worded exactly as a missing id.
 */

export interface ReportView extends Omit<ReportRow, 'author_id'> {
  units: string[];
  handovers: handovers.Handover[];
  seizures: number[];
  patrols: number[];
  objects: { id: number; kind: string }[];
  can: { edit: boolean; close: boolean; acknowledge: boolean; assess: boolean; link: boolean };
  history?: ReportEvent[];
}

/** The same 404 for a report that does not exist and one the caller may not see. */
export const reportNotFound = (id: number | string) => notFound(`No report ${id}`);

export const viewer = (user: SessionUser): Viewer => viewerOf(user);

export const actorOf = (user: SessionUser): EventActor => ({
  id: user.id,
  username: user.username,
  agency: user.agency,
  unit: user.unit,
});

/** Roles that may change a report of their own agency they did not write themselves. */
const AGENCY_EDITORS = ['commander', 'analyst', 'admin'];

/** Whether `user` may edit, close or reopen `row`: its author, or a senior of its agency. */
export function mayEdit(user: SessionUser, row: Pick<ReportRow, 'author_id' | 'agency'>): boolean {
  if (!can(user.role, 'share_info')) return false;
  if (row.author_id === user.id) return true;
  return row.agency === user.agency && AGENCY_EDITORS.includes(user.role);
}

/** The report row if `user` sees it (locked with `lock`), else the not-found error. */
export async function loadReport(
  sql: Sql,
  user: SessionUser,
  id: number,
  lock = false,
): Promise<ReportRow> {
  const row = await repo.getReport(sql, viewer(user), id, lock);
  if (!row) throw reportNotFound(id);
  return row;
}

/** Rows the caller already sees, completed for the API in a fixed number of queries. */
export async function present(
  sql: Sql,
  user: SessionUser,
  rows: ReportRow[],
): Promise<ReportView[]> {
  const ids = rows.map((r) => r.id);
  const [units, handed, seizures, patrols, objects] = [
    await repo.unitsOf(sql, ids),
    await handovers.handoversOf(sql, ids),
    await links.linkedIds(sql, 'seizure', ids),
    await links.linkedIds(sql, 'patrol', ids),
    await links.visibleObjects(sql, viewer(user), ids),
  ];
  const share = can(user.role, 'share_info');
  return rows.map(({ author_id, ...row }) => {
    const own = (handed.get(row.id) ?? []).find((h) => h.agency === user.agency);
    const edit = mayEdit(user, { author_id, agency: row.agency });
    return {
      ...row,
      units: row.distribution === 'units' ? (units.get(row.id) ?? []) : [],
      handovers: handed.get(row.id) ?? [],
      seizures: seizures.get(row.id) ?? [],
      patrols: patrols.get(row.id) ?? [],
      objects: objects.get(row.id) ?? [],
      can: {
        edit,
        close: edit,
        acknowledge: share && own !== undefined && own.acknowledged_at === null,
        assess: share && own !== undefined,
        link: share,
      },
    };
  });
}

/** One report with its history (oldest first), as GET /api/reports/{id} and writes answer. */
export async function reportView(sql: Sql, user: SessionUser, id: number): Promise<ReportView> {
  const [view] = await present(sql, user, [await loadReport(sql, user, id)]);
  return { ...view, history: await eventsOf(sql, id) };
}
