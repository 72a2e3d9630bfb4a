import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv, RouteDeps } from '../types';
import { requirePermission } from '../middleware/authorize';
import * as p from '../params';
import { readQuery } from '../query';
import { jsonBody } from '../validate';
import { viewerOf } from '../../repositories/visibility';
import { exchangeFigures } from '../../services/report-exchange';
import { reportFlags } from '../../services/report-flags';
// The lines of POST /api/coverage, read the same way here.
import { planLines } from '../plan-lines-body';

const EXCHANGE_PARAMS = ['from', 'to', 'province'] as const;

/** The inputs of POST /api/coverage that name lines; none is fine (hot spots only). */
const flagsBody = z
  .object({
    ...planLines,
  })
  .strict();

/** The caller as a viewer of reports: the permission check has made sure there is one. */
function viewer(c: Context<AppEnv>) {
  const user = c.get('user');
  return user ? viewerOf(user) : undefined;
}

/**
 * The analysis of the information register: the exchange figures and the planner's flags.
 * Mounted before the report routes, so `/reports/exchange` and `/reports/flags` are never read
 * as a report id.
 */
export function reportAnalysisRoutes(deps: RouteDeps) {
  const view = requirePermission('view', deps.auditDenied);
  return new Hono<AppEnv>()
    .get('/reports/exchange', view, async function readExchange(c) {
      const q = readQuery(c, EXCHANGE_PARAMS);
      const query = {
        from: q.from || undefined,
        to: q.to || undefined,
        province: p.province(q.province),
      };
      const result = await exchangeFigures(deps.db.sql, viewer(c), query);
      // Counts of reports the caller may see are still a read of the register.
      await deps.audit(c, {
        action: 'report.exchange.read',
        target: 'reports',
        outcome: 'ok',
        details: {
          filters: query,
          passed: Object.fromEntries(result.agencies.map((a) => [a.agency, a.passed])),
        },
      });
      return c.json(result);
    })
    .post('/reports/flags', view, async function readFlags(c) {
      const b = await jsonBody(c, flagsBody);
      const result = await reportFlags(deps.db.sql, viewer(c), b, deps.now());
      await deps.audit(c, {
        action: 'report.flags.read',
        target: 'reports',
        outcome: 'ok',
        details: {
          province: b.province,
          plan: b.plan ?? null,
          routes: b.routes?.length ?? 0,
          draft_lines: b.draft?.features.length ?? 0,
          near_route: result.near_route.map((r) => r.id),
          in_hotspot: result.in_hotspot.map((r) => r.id),
        },
      });
      return c.json(result);
    });
}
