import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMini } from '../fixtures/mini';
import { addUser, signIn } from '../setup/auth';
import { testApp, testDb, type TestDb } from '../setup/test-db';
import { LAYERS } from '../../src/lib/server/repositories/layer-registry';

let db: TestDb;
let app: ReturnType<typeof testApp>['app'];
let cookie: string;

beforeAll(async () => {
  db = await testDb();
  await loadMini(db.sql);
  app = testApp(db).app;
  await addUser(db.sql, 'viewer', 'commander');
  cookie = await signIn(app, 'viewer');
});
afterAll(() => db.close());

const BASE = 'http://localhost/api/ogc';
const get = (path: string) => app.request(`${BASE}${path}`, { headers: { cookie } });
const LAYER_IDS = [
  'provinces',
  'frontier',
  'border_gates',
  'waterways',
  'trails',
  'seizures',
  'patrol_routes',
  'reports',
];

describe('OGC metadata', () => {
  it('links the landing page to the API definition, conformance and data', async () => {
    const res = await get('');
    expect(res.status).toBe(200);
    const { links } = await res.json();
    const byRel = Object.fromEntries(links.map((l: { rel: string }) => [l.rel, l]));
    expect(byRel.self.href).toBe(BASE);
    expect(byRel['service-desc']).toMatchObject({
      href: `${BASE}/api`,
      type: 'application/vnd.oai.openapi+json;version=3.0',
    });
    expect(byRel.conformance.href).toBe(`${BASE}/conformance`);
    expect(byRel.data.href).toBe(`${BASE}/collections`);
    expect((await get('/?f=html')).status).toBe(400);
    expect((await get('/?page=2')).status).toBe(400);
    expect((await app.request(`${BASE}/conformance`)).status).toBe(401);
  });

  it('declares the conformance classes it implements', async () => {
    const { conformsTo } = await (await get('/conformance')).json();
    for (const uri of [
      'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
      'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
      'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
      'http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs',
      'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables',
      // QGIS pushes filters down only when all four of these are declared.
      'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter',
      'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter',
      'http://www.opengis.net/spec/cql2/1.0/conf/cql2-text',
      'http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2',
      'http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions',
    ])
      expect(conformsTo).toContain(uri);
  });

  it('describes itself in OpenAPI 3.0 with every collection', async () => {
    const res = await get('/api');
    expect(res.headers.get('content-type')).toBe('application/vnd.oai.openapi+json;version=3.0');
    const doc = await res.json();
    expect(doc.openapi).toMatch(/^3\.0\./);
    for (const id of LAYER_IDS) {
      const params = doc.paths[`/collections/${id}/items`].get.parameters.map(
        (p: { name: string }) => p.name,
      );
      expect(params).toContain('bbox');
      // The layers with a time column: seizures (occurred_at) and reports (received_at).
      expect(params.includes('datetime')).toBe(id === 'seizures' || id === 'reports');
    }
  });

  it('lists every layer as a collection with extents and CRSs', async () => {
    const { collections } = await (await get('/collections')).json();
    expect(collections.map((c: { id: string }) => c.id)).toEqual(LAYER_IDS);
    const seizures = collections.find((c: { id: string }) => c.id === 'seizures');
    expect(seizures).toMatchObject({
      title: 'Seizures',
      'title:vi': 'Vụ bắt giữ',
      itemType: 'feature',
      storageCrs: 'http://www.opengis.net/def/crs/EPSG/0/4326',
      crs: [
        'http://www.opengis.net/def/crs/OGC/1.3/CRS84',
        'http://www.opengis.net/def/crs/EPSG/0/4326',
        'http://www.opengis.net/def/crs/EPSG/0/3405',
      ],
      extent: {
        spatial: { bbox: [[105.05, 10.55, 106.75, 21.95]] },
        // The first and last seizures of the fixture (bare dates, which the importer stores at
        // midnight UTC).
        temporal: { interval: [['2020-01-15T00:00:00.000Z', '2024-05-05T00:00:00.000Z']] },
      },
    });
    const rels = seizures.links.map((l: { rel: string }) => l.rel);
    expect(rels).toEqual([
      'self',
      'items',
      'describedBy',
      'http://www.opengis.net/def/rel/ogc/1.0/queryables',
    ]);
    const gates = collections.find((c: { id: string }) => c.id === 'border_gates');
    expect(gates.extent.temporal).toBeUndefined();
    const routes = await (await get('/collections/patrol_routes')).json();
    expect(routes.extent.spatial.bbox).toEqual([]);
    expect((await get('/collections/nothing')).status).toBe(404);
  });

  it('describes a feature of each layer in JSON Schema, VND amounts as numbers', async () => {
    const schema = await (await get('/collections/seizures/schema')).json();
    const props = schema.properties.properties.properties;
    expect(Object.keys(props)).toEqual([...LAYERS.seizures.columns]);
    expect(props.value_vnd.type).toBe('number');
    expect(props.subjects.type).toBe('integer');
    const frontier = await (await get('/collections/frontier/schema')).json();
    expect(frontier.properties.properties.properties.length_km.type).toBe('number');
  });

  it('publishes queryables as JSON Schema from the registry', async () => {
    const res = await get('/collections/seizures/queryables');
    expect(res.headers.get('content-type')).toBe('application/schema+json');
    const schema = await res.json();
    expect(schema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: `${BASE}/collections/seizures/queryables`,
      type: 'object',
    });
    expect(Object.keys(schema.properties).sort()).toEqual(
      [...LAYERS.seizures.columns, 'id', 'geometry'].sort(),
    );
    expect(schema.properties.occurred_at).toMatchObject({ type: 'string', format: 'date-time' });
    expect(schema.properties.value_vnd.type).toBe('integer');
    expect(schema.properties.geometry['x-ogc-role']).toBe('primary-geometry');
    expect(schema.properties.category.enum).toContain('drugs');
    const provinces = await (await get('/collections/provinces/queryables')).json();
    expect(provinces.properties.id.type).toBe('string');
    for (const id of LAYER_IDS)
      expect((await get(`/collections/${id}/queryables`)).status).toBe(200);
  });
});
