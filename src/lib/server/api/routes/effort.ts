import { Hono } from 'hono';
import type { AppEnv, RouteDeps } from '../types';
import { requirePermission } from '../middleware/authorize';
import { readQuery } from '../query';
import { EFFORT_PARAMS, effortQuery } from '../effort-params';
import { effort } from '../../services/effort';

const GEOJSON = 'application/geo+json; charset=utf-8';

/** Patrol effort and effort-aware rates per hex cell (DESIGN.md section 6). */
export function effortRoutes(deps: RouteDeps) {
  const view = requirePermission('view', deps.auditDenied);
  return new Hono<AppEnv>().get('/effort', view, async function effortMap(c) {
    const q = readQuery(c, EFFORT_PARAMS);
    const result = await effort(deps.db.sql, effortQuery(q));
    // Seizures per cell and where patrols went: audited like a read of both.
    await deps.audit(c, {
      action: 'effort.read',
      target: 'seizures',
      outcome: 'ok',
      details: {
        filters: q,
        cells: result.summary.cells,
        seizures: result.summary.seizures,
        patrols: result.summary.patrols,
      },
    });
    c.header('Content-Type', GEOJSON);
    return c.body(JSON.stringify(result));
  });
}
