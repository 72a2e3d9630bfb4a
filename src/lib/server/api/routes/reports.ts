import { Hono, type Context } from 'hono';
import { ApiError } from '../../errors';
import type { Sql } from '../../db/client';
import type { LinkKind } from '../../repositories/report-links';
import { listUnits } from '../../repositories/units';
import * as handover from '../../services/report-handover';
import * as reports from '../../services/report-view';
import * as register from '../../services/reports';
import { requirePermission } from '../middleware/authorize';
import * as p from '../params';
import { readQuery } from '../query';
import { DEFAULT_PAGE, LIST_PARAMS, listQuery, MAX_OFFSET, MAX_PAGE } from '../report-filter';
import {
  acknowledgeBody,
  assessmentBody,
  closeReportBody,
  createReportBody,
  linkBody,
  reopenReportBody,
  updateReportBody,
} from '../report-body';
import type { AppEnv, RouteDeps } from '../types';
import { jsonBody } from '../validate';

/** Only digits reach the id routes, so /reports/inbox and other fixed paths stay their own. */
const ID = '{[0-9]+}';

/** The report id of the path; one too large for a column is as missing as any other. */
function reportId(c: Context<AppEnv>): number {
  const raw = c.req.param('id') ?? '';
  const n = Number(raw);
  if (raw.length > 10 || n < 1 || n > p.INT4_MAX) throw reports.reportNotFound(raw);
  return n;
}

/** A linked seizure's or patrol's id in the path (digits only, by the route pattern). */
function targetId(c: Context<AppEnv>, kind: LinkKind): number {
  const raw = c.req.param('target') ?? '';
  const n = Number(raw);
  if (raw.length > 10 || n < 1 || n > p.INT4_MAX)
    throw new ApiError(404, 'not_found', `No ${kind} ${raw}`);
  return n;
}

/** The summary of a report the audit log keeps for a write (not its free text). */
const summary = (r: {
  id: number;
  version: number;
  distribution: string;
  units: string[];
  tlp: string;
}) => ({
  id: r.id,
  version_after: r.version,
  distribution: r.distribution,
  units: r.units,
  tlp: r.tlp,
});

/**
 * The information register's reports: the list, one report with its history, creating and
 * editing (versioned), closing and reopening, the receiving force's acknowledgement and
 * assessment, links to seizures and patrols, the inbox and its unread count, and the units a
 * report may be distributed to. Every read of a report is audited and every write lands with
 * its audit row; a report the caller may not see answers exactly as a missing one.
 */
export function reportRoutes(deps: RouteDeps) {
  const { sql } = deps.db;
  const view = requirePermission('view', deps.auditDenied);
  const share = requirePermission('share_info', deps.auditDenied);
  const user = (c: Context<AppEnv>) => c.get('user')!;

  /** A write on report `id`: its own audit action, the report as the answer. */
  const write = <T>(
    c: Context<AppEnv>,
    action: string,
    id: number,
    run: (tx: Sql) => Promise<T>,
    details: (r: T) => object,
  ) => deps.auditedWrite(c, { action, target: `reports/${id}` }, run, details);

  const linkRoute = (kind: LinkKind) =>
    async function unlinkReport(c: Context<AppEnv>) {
      const id = reportId(c);
      const target = targetId(c, kind);
      const row = await write(
        c,
        'report.unlink',
        id,
        (tx) => register.unlink(tx, user(c), id, kind, target, deps.now()),
        () => ({ id, [`${kind}_id`]: target }),
      );
      return c.json(row);
    };

  return (
    new Hono<AppEnv>()
      .get('/units', view, async function units(c) {
        readQuery(c, []);
        return c.json(await listUnits(sql));
      })
      .get('/reports', view, async function listReports(c) {
        const q = readQuery(c, LIST_PARAMS);
        const query = listQuery(q);
        const { items, total } = await register.listReports(sql, user(c), query);
        await deps.audit(c, {
          action: 'report.list',
          target: 'reports',
          outcome: 'ok',
          details: { filters: q, number_returned: items.length, ids: items.map((r) => r.id) },
        });
        return c.json({ items, total, limit: query.limit, offset: query.offset });
      })
      .get('/reports/inbox', view, async function reportInbox(c) {
        const q = readQuery(c, ['limit', 'offset']);
        const limit = p.integer('limit', q.limit, 1, MAX_PAGE, DEFAULT_PAGE);
        const offset = p.integer('offset', q.offset, 0, MAX_OFFSET, 0);
        const page = await sql.begin('isolation level repeatable read read only', (tx) =>
          handover.inbox(tx, user(c), limit, offset),
        );
        await deps.audit(c, {
          action: 'report.list',
          target: 'reports/inbox',
          outcome: 'ok',
          details: {
            view: 'inbox',
            number_returned: page.items.length,
            ids: page.items.map((r) => r.id),
          },
        });
        return c.json({ unread: page.unread, total: page.total, items: page.items, limit, offset });
      })
      // Polled by the header on every screen: it names no report, so it is not audited.
      .get('/reports/inbox/count', view, async function inboxCount(c) {
        readQuery(c, []);
        return c.json({ unread: await handover.inboxCount(sql, user(c)) });
      })
      .post('/reports', share, async function createReport(c) {
        const input = await jsonBody(c, createReportBody);
        const row = await deps.auditedWrite(
          c,
          { action: 'report.create', target: 'reports' },
          (tx) => register.createReport(tx, user(c), input, deps.now()),
          (r) => ({ ...summary(r), handed_over_to: r.handovers.map((h) => h.agency) }),
        );
        return c.json(row, 201, { Location: `/api/reports/${row.id}` });
      })
      .get(`/reports/:id${ID}`, view, async function getReport(c) {
        const id = reportId(c);
        readQuery(c, []);
        // Missing and invisible reports leave the same `failed` row (status 404).
        const row = await deps.auditedRead(
          c,
          { action: 'report.read', target: `reports/${id}` },
          () => reports.reportView(sql, user(c), id),
        );
        return c.json(row);
      })
      .put(`/reports/:id${ID}`, share, async function updateReport(c) {
        const id = reportId(c);
        const { version, ...input } = await jsonBody(c, updateReportBody);
        const { after } = await deps.auditedWrite(
          c,
          { action: 'report.update', target: `reports/${id}` },
          (tx) => register.updateReport(tx, user(c), id, version, input, deps.now()),
          (r) => ({
            ...summary(r.after),
            version_before: r.before.version,
            changed: r.changed,
            handed_over_to: r.after.handovers.map((h) => h.agency),
          }),
        );
        return c.json(after);
      })
      .post(`/reports/:id${ID}/close`, share, async function closeReport(c) {
        const id = reportId(c);
        const { version, reason } = await jsonBody(c, closeReportBody);
        const row = await write(
          c,
          'report.close',
          id,
          (tx) =>
            register.setStatus(tx, user(c), id, version, { status: 'closed', reason }, deps.now()),
          (r) => ({ id, version_before: version, version_after: r.version, reason }),
        );
        return c.json(row);
      })
      .post(`/reports/:id${ID}/reopen`, share, async function reopenReport(c) {
        const id = reportId(c);
        const { version } = await jsonBody(c, reopenReportBody);
        const row = await write(
          c,
          'report.reopen',
          id,
          (tx) =>
            register.setStatus(
              tx,
              user(c),
              id,
              version,
              { status: 'open', reason: null },
              deps.now(),
            ),
          (r) => ({ id, version_before: version, version_after: r.version }),
        );
        return c.json(row);
      })
      .post(`/reports/:id${ID}/acknowledge`, share, async function acknowledgeReport(c) {
        const id = reportId(c);
        await jsonBody(c, acknowledgeBody);
        const row = await write(
          c,
          'report.acknowledge',
          id,
          (tx) => handover.acknowledgeReport(tx, user(c), id, deps.now()),
          () => ({ id, agency: user(c).agency }),
        );
        return c.json(row);
      })
      .post(`/reports/:id${ID}/assessment`, share, async function assessReport(c) {
        const id = reportId(c);
        const input = await jsonBody(c, assessmentBody);
        const row = await write(
          c,
          'report.assess',
          id,
          (tx) => handover.assessReport(tx, user(c), id, input, deps.now()),
          () => ({ id, agency: user(c).agency, value: input.value }),
        );
        return c.json(row);
      })
      .post(`/reports/:id${ID}/links`, share, async function linkReport(c) {
        const id = reportId(c);
        const body = await jsonBody(c, linkBody);
        const kind: LinkKind = body.seizure_id !== undefined ? 'seizure' : 'patrol';
        const targetId = (body.seizure_id ?? body.patrol_id)!;
        const row = await write(
          c,
          'report.link',
          id,
          (tx) => register.link(tx, user(c), id, kind, targetId, deps.now()),
          () => ({ id, [`${kind}_id`]: targetId }),
        );
        return c.json(row);
      })
      .delete(`/reports/:id${ID}/links/seizures/:target${ID}`, share, linkRoute('seizure'))
      .delete(`/reports/:id${ID}/links/patrols/:target${ID}`, share, linkRoute('patrol'))
  );
}
