import { Hono, type Context } from 'hono';
import type { AppEnv, RouteDeps } from '../types';
import { requirePermission } from '../middleware/authorize';
import * as p from '../params';
import { readQuery } from '../query';
import { viewerOf } from '../../repositories/visibility';
import { exchangeFigures } from '../../services/report-exchange';

const EXCHANGE_PARAMS = ['from', 'to', 'province'] as const;

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
  return new Hono<AppEnv>().get('/reports/exchange', view, async function readExchange(c) {
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
  });
}
