import { Hono } from 'hono';
import type { AppEnv, RouteDeps } from '../types';
import { requirePermission } from '../middleware/authorize';
import { readQuery } from '../query';
import { HOTSPOT_PARAMS, hotspotQuery } from '../hotspot-params';
import { badParameter } from '../../errors';
import * as hotspots from '../../services/hotspots';
import { emerging } from '../../services/hotspots-emerging';
import { forecast } from '../../services/hotspots-forecast';
import * as p from '../params';

const GEOJSON = 'application/geo+json; charset=utf-8';

/** `step`: month (default) or quarter. */
function stepOf(value: string | undefined): 'month' | 'quarter' {
  if (value === undefined || value === '' || value === 'month') return 'month';
  if (value === 'quarter') return 'quarter';
  throw badParameter('step', 'must be month or quarter');
}

/** `split`: a calendar day, `YYYY-MM-DD` (midnight in Vietnam); absent for rolling splits. */
function splitOf(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value))
    throw badParameter('split', 'expected a date, YYYY-MM-DD');
  p.instant('split', value);
  return value;
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
    })
    .get('/hotspots/forecast', view, async function forecastCheck(c) {
      const q = readQuery(c, [...HOTSPOT_PARAMS, 'split', 'horizon', 'training']);
      const split = splitOf(q.split);
      const options = {
        split,
        horizonMonths: q.horizon ? p.integer('horizon', q.horizon, 1, 24, 0) : undefined,
        trainingMonths: p.integer('training', q.training, 1, 24, 3),
      };
      const result = await forecast(deps.db.sql, hotspotQuery(q), options);
      await deps.audit(c, {
        action: 'hotspots.forecast.read',
        target: 'seizures',
        outcome: 'ok',
        details: { filters: q, mode: result.mode, cells: result.cells },
      });
      return c.json(result);
    });
}
