import { Hono } from 'hono';
import type { AppEnv, RouteDeps } from '../types';
import { requirePermission } from '../middleware/authorize';
import { readQuery } from '../query';
import { HOTSPOT_PARAMS, hotspotQuery } from '../hotspot-params';
import { badParameter } from '../../errors';
import * as hotspots from '../../services/hotspots';
import { emerging } from '../../services/hotspots-emerging';

const GEOJSON = 'application/geo+json; charset=utf-8';

/** `step`: month (default) or quarter. */
function stepOf(value: string | undefined): 'month' | 'quarter' {
  if (value === undefined || value === '' || value === 'month') return 'month';
  if (value === 'quarter') return 'quarter';
  throw badParameter('step', 'must be month or quarter');
}

/** Hot spots over a province's hex grid (DESIGN.md sections 6 and 7). */
export function hotspotRoutes(deps: RouteDeps) {
  const view = requirePermission('view', deps.auditDenied);
  return new Hono<AppEnv>()
    .get('/hotspots', view, async function hotspotMap(c) {
      const q = readQuery(c, HOTSPOT_PARAMS);
      const result = await hotspots.hotspots(deps.db.sql, hotspotQuery(q));
      // Where seizures concentrate is as sensitive as the seizures: audited like a read of them.
      await deps.audit(c, {
        action: 'hotspots.read',
        target: 'seizures',
        outcome: 'ok',
        details: { filters: q, cells: result.summary.cells, points: result.summary.points },
      });
      c.header('Content-Type', GEOJSON);
      return c.body(JSON.stringify(result));
    })
    .get('/hotspots/emerging', view, async function emergingHotspots(c) {
      const q = readQuery(c, [...HOTSPOT_PARAMS, 'step']);
      const step = stepOf(q.step);
      const result = await emerging(deps.db.sql, hotspotQuery(q), step);
      await deps.audit(c, {
        action: 'hotspots.emerging.read',
        target: 'seizures',
        outcome: 'ok',
        details: {
          filters: q,
          cells: result.summary.cells,
          points: result.summary.points,
          steps: result.summary.steps.length,
        },
      });
      c.header('Content-Type', GEOJSON);
      return c.body(JSON.stringify(result));
    });
}
