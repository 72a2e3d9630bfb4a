import { Hono } from 'hono';
import type { AppEnv, RouteDeps } from '../types';
import { requirePermission } from '../middleware/authorize';
import { afterHref } from '../paging';
import * as p from '../params';
import { readQuery } from '../query';
import { SEIZURE_FILTER_PARAMS, seizureFilter } from '../seizure-filter';
import * as layers from '../../services/layers';
import { requestViewer } from '../viewer';

const GEOJSON = 'application/geo+json; charset=utf-8';
const LAYER_PARAMS = [...SEIZURE_FILTER_PARAMS, 'bbox', 'limit', 'offset', 'after'] as const;
/** Deeper pages than this go by `after` (the `next` link), which costs the same at any depth. */
const MAX_OFFSET = 100_000;
/** Reads of these layers are sensitive and go to the audit log with their filters and size. */
const AUDITED_LAYERS = new Set(['seizures', 'patrol_routes', 'reports']);

export function layerRoutes(deps: RouteDeps) {
  const { db, config } = deps;
  const view = requirePermission('view', deps.auditDenied);
  return new Hono<AppEnv>()
    .get('/layers', view, async function listLayers(c) {
      return c.json({ layers: await layers.listLayers(db.sql, requestViewer(c)) });
    })
    .get('/layers/:id', view, async function layerFeatures(c) {
      const id = c.req.param('id');
      layers.layerDef(id); // 404 for an unknown layer before complaining about its parameters
      const q = readQuery(c, LAYER_PARAMS);
      const filter = { ...seizureFilter(q), bbox: p.bbox(q.bbox), viewer: requestViewer(c) };
      const page = {
        limit: p.integer('limit', q.limit, 1, config.maxLimit, config.defaultLimit),
        offset: p.integer('offset', q.offset, 0, MAX_OFFSET, 0),
        after: p.integer('after', q.after, 0, p.INT4_MAX, 0),
      };
      const result = await layers.featureCollection(db.sql, id, filter, page, (after) =>
        afterHref(c.req.url, after),
      );
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
