import { Hono } from 'hono';
import { queryAudit, type Outcome } from '../../repositories/audit';
import type { AppEnv, RouteDeps } from '../types';
import { requirePermission } from '../middleware/authorize';
import * as p from '../params';
import { readQuery } from '../query';

const OUTCOMES: Outcome[] = ['ok', 'denied', 'failed', 'error'];

export function auditRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>().get(
    '/audit',
    requirePermission('view_audit', deps.auditDenied),
    async function audit(c) {
      const q = readQuery(c, ['from', 'to', 'username', 'action', 'outcome', 'limit', 'offset']);
      if (q.outcome && !OUTCOMES.includes(q.outcome as Outcome)) {
        throw p.badParameterOf('outcome', `must be one of ${OUTCOMES.join(', ')}`);
      }
      for (const k of ['username', 'action'] as const) {
        if (q[k] !== undefined && q[k]!.length > 100)
          throw p.badParameterOf(k, 'at most 100 characters');
      }
      const result = await queryAudit(deps.db.sql, {
        ...p.timeRange(q.from, q.to),
        username: q.username || undefined,
        action: q.action || undefined,
        outcome: (q.outcome as Outcome) || undefined,
        limit: p.integer('limit', q.limit, 1, 1000, 100),
        // Deeper than this, narrow the filters: each skipped row is still read.
        offset: p.integer('offset', q.offset, 0, 100_000, 0),
      });
      return c.json({ total: result.total, entries: result.rows });
    },
  );
}
