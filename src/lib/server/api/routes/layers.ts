import { Hono } from 'hono';
import type { AppEnv, RouteDeps } from '../app';
import { requirePermission } from '../middleware/authorize';
import * as p from '../params';
import { readQuery } from '../query';
import * as layers from '../../services/layers';

const GEOJSON = 'application/geo+json; charset=utf-8';
const LAYER_PARAMS = [
  'province',
  'bbox',
  'from',
  'to',
  'category',
  'agency',
  'limit',
  'offset',
] as const;
/** Reads of these layers are sensitive and go to the audit log with their filters and size. */
const AUDITED_LAYERS = new Set(['seizures', 'patrol_routes']);

export function layerRoutes(deps: RouteDeps) {
  const { db, config } = deps;
  const view = requirePermission('view', deps.auditDenied);
  return new Hono<AppEnv>()
    .get('/layers', view, async function listLayers(c) {
      return c.json({ layers: await layers.listLayers(db.sql) });
    })
    .get('/layers/:id', view, async function layerFeatures(c) {
      const id = c.req.param('id');
      layers.layerDef(id); // 404 for an unknown layer before complaining about its parameters
      const q = readQuery(c, LAYER_PARAMS);
      const filter = {
        province: p.province(q.province),
        bbox: p.bbox(q.bbox),
        ...p.timeRange(q.from, q.to),
        categories: p.categories(q.category),
        agencies: p.agencies(q.agency),
      };
      const page = {
        limit: p.integer('limit', q.limit, 1, config.maxLimit, config.defaultLimit),
        offset: p.integer('offset', q.offset, 0, 100_000_000, 0),
      };
      const result = await layers.featureCollection(db.sql, id, filter, page);
      if (AUDITED_LAYERS.has(id)) {
        await deps.audit(c, {
          action: 'layer.read',
          target: id,
          outcome: 'ok',
          details: {
            filters: q,
            number_returned: result.numberReturned,
            number_matched: result.numberMatched,
          },
        });
      }
      return c.body(result.body, 200, { 'content-type': GEOJSON });
    });
}
