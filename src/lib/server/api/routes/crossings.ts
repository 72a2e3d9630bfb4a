import { Hono } from 'hono';
import type { AppEnv, RouteDeps } from '../types';
import { requirePermission } from '../middleware/authorize';
import { readQuery } from '../query';
import * as p from '../params';
import { crossings } from '../../services/crossings';

const GEOJSON = 'application/geo+json; charset=utf-8';

/** Where the frontier can be crossed (gates, waterways, trails): reference data for the map. */
export function crossingRoutes(deps: RouteDeps) {
  const view = requirePermission('view', deps.auditDenied);
  return new Hono<AppEnv>().get('/crossings', view, async function listCrossings(c) {
    const q = readQuery(c, ['province']);
    const province = p.province(q.province);
    if (!province) throw p.missing('province', 'the province, an_giang or lang_son');
    c.header('Content-Type', GEOJSON);
    return c.body(JSON.stringify(await crossings(deps.db.sql, province)));
  });
}
