import { LAYER_IDS } from '../../domain';
import { LAYERS, type LayerDef } from '../repositories/layer-registry';
import { SUPPORTED_CRS } from './crs';
import { FILTER_LANGS, itemsParams } from './items-params';
import { queryablesOf } from './queryables';

type Schema = Record<string, unknown>;

const query = (name: string, schema: Schema, description: string, style?: object) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
  ...(style ?? {}),
});

const str = { type: 'string' };

/** The parameters of a layer's `/items`, described: the same list the route accepts. */
function itemsParameters(layer: LayerDef, filter: boolean) {
  const q = queryablesOf(layer);
  const sortable = Object.keys(q).filter((n) => q[n].type !== 'geometry' && n !== 'id');
  const crs = { type: 'string', format: 'uri', enum: [...SUPPORTED_CRS] };
  const all: Record<string, object> = {
    f: query('f', { type: 'string', enum: ['json'] }, 'Answers are GeoJSON whatever is asked.'),
    bbox: query(
      'bbox',
      { type: 'array', minItems: 4, maxItems: 4, items: { type: 'number' } },
      'Features meeting this box (west,south,east,north in bbox-crs).',
      { style: 'form', explode: false },
    ),
    'bbox-crs': query('bbox-crs', crs, 'The CRS of bbox (default CRS84).'),
    crs: query('crs', crs, 'The CRS of the coordinates returned (default CRS84).'),
    limit: query(
      'limit',
      { type: 'integer', minimum: 1, maximum: 10000, default: 1000 },
      'Features per page.',
    ),
    offset: query(
      'offset',
      { type: 'integer', minimum: 0 },
      'Features to skip (next links use cursor).',
    ),
    cursor: query('cursor', str, 'Where a page starts; opaque, from a next or prev link.'),
    filter: query('filter', str, 'A CQL2 text filter over the queryables.'),
    'filter-lang': query('filter-lang', { type: 'string', enum: FILTER_LANGS }, 'cql2-text.'),
    'filter-crs': query(
      'filter-crs',
      { type: 'string', format: 'uri', enum: [SUPPORTED_CRS[0], SUPPORTED_CRS[2]] },
      'The CRS of geometries in the filter.',
    ),
    sortby: query(
      'sortby',
      {
        type: 'array',
        items: { type: 'string', enum: sortable.flatMap((n) => [n, `+${n}`, `-${n}`]) },
      },
      'Sort keys, + ascending (default) or - descending.',
      { style: 'form', explode: false },
    ),
    properties: query('properties', { type: 'array', items: str }, 'Only these properties.', {
      style: 'form',
      explode: false,
    }),
    datetime: query(
      'datetime',
      str,
      'An instant or interval (a/b, ../b, a/..) of the time column.',
    ),
    province: query('province', str, 'Province id.'),
    category: query('category', str, 'Categories, comma-separated.'),
    agency: query('agency', str, 'Agencies, comma-separated.'),
  };
  return itemsParams(layer)
    .filter((n) => filter || !n.startsWith('filter'))
    .map((n) => all[n]);
}

const ok = (description: string, type: string) => ({
  200: { description, content: { [type]: { schema: { type: 'object' } } } },
  400: { description: 'A parameter the API does not accept, or a bad value.' },
  401: { description: 'Not signed in.' },
});

/** The OpenAPI 3.0 description of the OGC API, generated from the layers registry. */
export function openapi(base: string, filter: boolean) {
  const json = 'application/json';
  const paths: Record<string, object> = {
    '/': {
      get: {
        summary: 'Landing page',
        operationId: 'getLandingPage',
        responses: ok('Landing page', json),
      },
    },
    '/conformance': {
      get: {
        summary: 'Conformance classes',
        operationId: 'getConformance',
        responses: ok('Conformance', json),
      },
    },
    '/api': {
      get: {
        summary: 'This document',
        operationId: 'getApi',
        responses: ok('OpenAPI', 'application/vnd.oai.openapi+json;version=3.0'),
      },
    },
    '/collections': {
      get: {
        summary: 'Collections',
        operationId: 'getCollections',
        responses: ok('Collections', json),
      },
    },
  };
  for (const id of LAYER_IDS) {
    const layer = LAYERS[id];
    const at = `/collections/${id}`;
    paths[at] = {
      get: {
        summary: `${layer.title_en} (${layer.title_vi})`,
        operationId: `describe_${id}`,
        responses: ok('Collection', json),
      },
    };
    paths[`${at}/queryables`] = {
      get: {
        summary: `Queryables of ${id}`,
        operationId: `queryables_${id}`,
        responses: ok('Queryables', 'application/schema+json'),
      },
    };
    paths[`${at}/items`] = {
      get: {
        summary: `Features of ${id}`,
        operationId: `items_${id}`,
        parameters: itemsParameters(layer, filter),
        responses: ok('Features', 'application/geo+json'),
      },
    };
    paths[`${at}/items/{featureId}`] = {
      get: {
        summary: `One feature of ${id}`,
        operationId: `item_${id}`,
        parameters: [
          { name: 'featureId', in: 'path', required: true, schema: str },
          query('crs', { type: 'string', format: 'uri', enum: [...SUPPORTED_CRS] }, 'Output CRS.'),
        ],
        responses: {
          ...ok('Feature', 'application/geo+json'),
          404: { description: 'No such feature.' },
        },
      },
    };
  }
  return {
    openapi: '3.0.3',
    info: { title: 'Border Risk Map: OGC API - Features', version: '1.0.0' },
    servers: [{ url: base }],
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'brm_session' },
        basic: { type: 'http', scheme: 'basic' },
      },
    },
    security: [{ session: [] }, { basic: [] }],
    paths,
  };
}
