import { Hono } from 'hono';
import { ApiError } from '../../errors';
import { CSV_CONTENT_TYPE, attachment } from '../../io/csv-safe';
import { queryAudit } from '../../repositories/audit-query';
import { openAuditExport } from '../../services/audit-export';
import { AUDIT_GROUP_MAX_ROWS, auditGroups, groupFilter } from '../../services/audit-log';
import { FILTER_PARAMS, auditFilterOf, givenFilters, groupKeyOf } from '../audit-filter';
import type { AppEnv, RouteDeps } from '../types';
import { requirePermission } from '../middleware/authorize';
import * as p from '../params';
import { readQuery } from '../query';

const PAGE_PARAMS = ['limit', 'offset'] as const;
/** Deeper than this, narrow the filters: each skipped row is still read. */
const MAX_OFFSET = 100_000;

export function auditRoutes(deps: RouteDeps) {
  const { sql } = deps.db;
  const admin = requirePermission('view_audit', deps.auditDenied);
  // A download fails after its status has gone: the log is the only place the cause shows.
  const logError = deps.logError ?? ((e: unknown, id: string) => console.error(`[${id}]`, e));
  const entriesPage = (q: p.Query) => ({
    limit: p.integer('limit', q.limit, 1, 1000, 100),
    offset: p.integer('offset', q.offset, 0, MAX_OFFSET, 0),
  });

  return new Hono<AppEnv>()
    .get('/audit', admin, async function audit(c) {
      const q = readQuery(c, [...FILTER_PARAMS, ...PAGE_PARAMS]);
      const result = await queryAudit(sql, { ...auditFilterOf(q), ...entriesPage(q) });
      return c.json({ total: result.total, entries: result.rows });
    })
    .get('/audit/groups', admin, async function auditGroupPage(c) {
      const q = readQuery(c, [...FILTER_PARAMS, ...PAGE_PARAMS]);
      const filter = auditFilterOf(q);
      const page = {
        limit: p.integer('limit', q.limit, 1, 200, 50),
        offset: p.integer('offset', q.offset, 0, AUDIT_GROUP_MAX_ROWS, 0),
      };
      return c.json(await auditGroups(sql, filter, page));
    })
    .get('/audit/groups/entries', admin, async function auditGroupEntries(c) {
      const q = readQuery(c, ['hour', ...FILTER_PARAMS, ...PAGE_PARAMS]);
      const { from, to } = p.timeRange(q.from, q.to);
      const filter = groupFilter(groupKeyOf(q), { from, to });
      const result = await queryAudit(sql, { ...filter, ...entriesPage(q) });
      return c.json({ total: result.total, entries: result.rows });
    })
    .get('/audit/export.csv', admin, async function auditExport(c) {
      const q = readQuery(c, FILTER_PARAMS);
      const filter = auditFilterOf(q);
      const filters = givenFilters(q);
      const record = { action: 'audit.export', target: 'audit_log' };
      let file;
      try {
        file = await openAuditExport(sql, filter, {
          now: deps.now(),
          given: { from: q.from, to: q.to },
          onError: (e) => logError(e, c.get('requestId')),
        });
      } catch (error) {
        if (error instanceof ApiError) {
          const details = { filters, status: error.status, code: error.code };
          await deps.audit(c, { ...record, outcome: 'failed', details });
        }
        throw error;
      }
      // Recorded before the first byte leaves: no export without its entry.
      await deps.audit(c, { ...record, outcome: 'ok', details: { filters, row_count: file.rows } });
      return c.body(file.body, 200, {
        'content-type': CSV_CONTENT_TYPE,
        'content-disposition': attachment(file.filename),
      });
    });
}
