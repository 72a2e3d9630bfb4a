import { Hono, type Context } from 'hono';
import type { AppEnv, RouteDeps } from '../types';
import { requirePermission } from '../middleware/authorize';
import { readQuery } from '../query';
import { INT4_MAX } from '../params';
import { notFound } from '../../errors';
import { layerDef } from '../../services/layers';
import { selectFeature } from '../../repositories/layers';
import { outputGeometry } from '../../repositories/ogc-items';
import { collectionOf, collections } from '../../ogc/collections';
import { conformance } from '../../ogc/conformance';
import { contentCrs, parseCrs } from '../../ogc/crs';
import { FILTER_SUPPORTED } from '../../ogc/filter';
import { itemsPage } from '../../ogc/items';
import { checkFormat, itemsParams, parseItems } from '../../ogc/items-params';
import { landingPage } from '../../ogc/landing';
import { publicOrigin, publicUrl } from '../../ogc/base-url';
import { openapi } from '../../ogc/openapi';
import { featureSchema, queryablesSchema } from '../../ogc/queryables';
import { requestViewer } from '../viewer';

const GEOJSON = 'application/geo+json; charset=utf-8';
const OPENAPI = 'application/vnd.oai.openapi+json;version=3.0';
/** Deeper than this, clients follow the `next` link (a cursor), which costs the same at any depth. */
const MAX_OFFSET = 100_000;

/** The API's root as the client reached it, for absolute links. */
const baseOf = (c: Context) =>
  `${publicOrigin(c.req.url, c.req.header('x-forwarded-proto'))}/api/ogc`;

/** Metadata resources take only `f` (JSON whatever it asks for JSON). */
function metadataQuery(c: Context) {
  checkFormat(readQuery(c, ['f']).f);
}

/**
 * OGC API - Features (parts 1, 2 and 3) over every layer of the layers registry, read as
 * `/api/layers` reads them; JSON only. Unknown parameters are a 400, as part 1 asks.
 */
export function ogcRoutes(deps: RouteDeps) {
  const { db, config } = deps;
  const view = requirePermission('view', deps.auditDenied);
  const limits = {
    defaultLimit: config.defaultLimit,
    maxLimit: config.maxLimit,
    maxOffset: MAX_OFFSET,
  };
  return new Hono<AppEnv>()
    .get('/ogc', view, function landing(c) {
      metadataQuery(c);
      return c.json(landingPage(baseOf(c)));
    })
    .get('/ogc/conformance', view, function conformanceClasses(c) {
      metadataQuery(c);
      return c.json(conformance(FILTER_SUPPORTED));
    })
    .get('/ogc/api', view, function apiDefinition(c) {
      metadataQuery(c);
      return c.body(JSON.stringify(openapi(baseOf(c), FILTER_SUPPORTED)), 200, {
        'content-type': OPENAPI,
      });
    })
    .get('/ogc/collections', view, async function listCollections(c) {
      metadataQuery(c);
      return c.json(await collections(db.sql, baseOf(c), requestViewer(c)));
    })
    .get('/ogc/collections/:id', view, async function describeCollection(c) {
      const layer = layerDef(c.req.param('id'));
      metadataQuery(c);
      return c.json(await collectionOf(db.sql, layer, baseOf(c), requestViewer(c)));
    })
    .get('/ogc/collections/:id/queryables', view, function queryables(c) {
      const layer = layerDef(c.req.param('id'));
      metadataQuery(c);
      const href = `${baseOf(c)}/collections/${layer.id}/queryables`;
      return c.body(JSON.stringify(queryablesSchema(layer, href)), 200, {
        'content-type': 'application/schema+json',
      });
    })
    .get('/ogc/collections/:id/schema', view, function schema(c) {
      const layer = layerDef(c.req.param('id'));
      metadataQuery(c);
      const href = `${baseOf(c)}/collections/${layer.id}/schema`;
      return c.body(JSON.stringify(featureSchema(layer, href)), 200, {
        'content-type': 'application/schema+json',
      });
    })
    .get('/ogc/collections/:id/items', view, async function items(c) {
      const layer = layerDef(c.req.param('id'));
      const q = readQuery(c, itemsParams(layer));
      const parsed = parseItems(layer, q, limits);
      // The reports collection shows each caller only what they may see.
      const params = { ...parsed, filter: { ...parsed.filter, viewer: requestViewer(c) } };
      const url = publicUrl(c.req.url, c.req.header('x-forwarded-proto'));
      const result = await itemsPage(db.sql, layer, params, url, deps.now());
      await deps.audit(c, {
        action: 'ogc.read',
        target: layer.id,
        outcome: 'ok',
        details: {
          collection: layer.id,
          query: q,
          filter: q.filter ?? null,
          number_returned: result.numberReturned,
          number_matched: result.numberMatched,
        },
      });
      return c.body(result.body, 200, {
        'content-type': GEOJSON,
        'content-crs': contentCrs(params.crs),
      });
    })
    .get('/ogc/collections/:id/items/:fid', view, async function item(c) {
      const layer = layerDef(c.req.param('id'));
      const fid = c.req.param('fid');
      const q = readQuery(c, ['f', 'crs']);
      checkFormat(q.f);
      const crs = parseCrs('crs', q.crs);
      // Every layer but provinces (keyed by its text code) has integer ids.
      const textId = layer.provinceColumn === 'id';
      const valid = textId
        ? /^[a-z_]{1,64}$/.test(fid)
        : /^\d{1,10}$/.test(fid) && Number(fid) <= INT4_MAX;
      const feature = valid
        ? await selectFeature(
            db.sql,
            layer,
            textId ? fid : Number(fid),
            {
              geometry: outputGeometry(db.sql, crs.srid, crs.latFirst),
              decimals: crs.decimals,
            },
            requestViewer(c),
          )
        : undefined;
      if (feature === undefined) throw notFound(`No feature ${fid} in collection '${layer.id}'`);
      await deps.audit(c, {
        action: 'ogc.read',
        target: layer.id,
        outcome: 'ok',
        details: { collection: layer.id, feature: fid, number_returned: 1 },
      });
      const base = `${baseOf(c)}/collections/${layer.id}`;
      const links = [
        { rel: 'self', type: 'application/geo+json', href: `${base}/items/${fid}` },
        { rel: 'collection', type: 'application/json', href: base },
      ];
      // The feature text PostGIS wrote, with links added before its closing brace.
      const body = `${feature.slice(0, -1)},"links":${JSON.stringify(links)}}`;
      return c.body(body, 200, { 'content-type': GEOJSON, 'content-crs': contentCrs(crs) });
    });
}
