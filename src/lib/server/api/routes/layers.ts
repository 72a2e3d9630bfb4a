import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app';
import * as p from '../params';
import * as layers from '../../services/layers';

const GEOJSON = 'application/geo+json; charset=utf-8';
const LAYER_PARAMS = ['province', 'bbox', 'from', 'to', 'category', 'agency', 'limit', 'offset'] as const;

export function layerRoutes({ db, config }: AppDeps) {
  return new Hono<AppEnv>()
    .get('/layers', async function listLayers(c) {
      return c.json({ layers: await layers.listLayers(db.sql) });
    })
    .get('/layers/:id', async function layerFeatures(c) {
      const id = c.req.param('id');
      layers.layerDef(id); // 404 for an unknown layer before complaining about its parameters
      const q = c.req.query();
      p.onlyKnown(q, LAYER_PARAMS);
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
      const body = await layers.featureCollection(db.sql, id, filter, page);
      return c.body(body, 200, { 'content-type': GEOJSON });
    });
}
