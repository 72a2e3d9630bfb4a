import { Hono } from 'hono';
import type { AppEnv, RouteDeps } from '../types';
import { requirePermission } from '../middleware/authorize';
import { readQuery } from '../query';
import { SEIZURE_FILTER_PARAMS, monthWindow, seizureFilter } from '../seizure-filter';
import * as stats from '../../services/stats';

/** The stats panel's figures over every seizure that matches the layer filters. */
export function statsRoutes(deps: RouteDeps) {
  const view = requirePermission('view', deps.auditDenied);
  return new Hono<AppEnv>().get('/stats', view, async function seizureStats(c) {
    const q = readQuery(c, SEIZURE_FILTER_PARAMS);
    const filter = seizureFilter(q);
    const result = await stats.seizureStats(deps.db.sql, filter, monthWindow(q, filter));
    // Figures of seizures are as sensitive as the seizures: audited like a read of the layer.
    await deps.audit(c, {
      action: 'stats.read',
      target: 'seizures',
      outcome: 'ok',
      details: { filters: q, cases: result.cases },
    });
    return c.json(result);
  });
}
