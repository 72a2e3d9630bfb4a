import { Hono } from 'hono';
import type { AppEnv, RouteDeps } from '../types';
import { requirePermission } from '../middleware/authorize';
import * as p from '../params';
import { readQuery } from '../query';
import { SEIZURE_POINTS_TYPE } from '../../../seizure-points';
import { recordFeature } from '../../services/seizure-records';
import { seizurePoints } from '../../services/seizure-points';

const GEOJSON = 'application/geo+json; charset=utf-8';

/**
 * Seizures for the map: every point of a province as binary columns (the map filters time,
 * category and agency itself, on the GPU), and one record for a popup (with its `version`, which
 * an edit names). Both reads are audited
 * as reads of the seizure layer are.
 */
export function seizureRoutes(deps: RouteDeps) {
  const view = requirePermission('view', deps.auditDenied);
  return new Hono<AppEnv>()
    .get('/seizures/points', view, async function points(c) {
      const q = readQuery(c, ['province']);
      const province = p.province(q.province);
      const result = await seizurePoints(deps.db.sql, province);
      await deps.audit(c, {
        action: 'layer.read',
        target: 'seizures',
        outcome: 'ok',
        details: { filters: q, format: 'points', number_returned: result.count },
      });
      return c.body(result.body, 200, { 'content-type': SEIZURE_POINTS_TYPE });
    })
    .get('/seizures/:id', view, async function seizure(c) {
      readQuery(c, []);
      const id = p.integer('id', c.req.param('id'), 1, p.INT4_MAX, 0);
      const body = await recordFeature(deps.db.sql, id);
      await deps.audit(c, {
        action: 'layer.read',
        target: 'seizures',
        outcome: 'ok',
        details: { id, number_returned: 1 },
      });
      return c.body(body, 200, { 'content-type': GEOJSON });
    });
}
