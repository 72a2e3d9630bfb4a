import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMini } from '../fixtures/mini';
import { addUser, signIn } from '../setup/auth';
import { testApp, testDb, type TestDb } from '../setup/test-db';
import { readWithGdal } from './export-gdal';

let db: TestDb;
let app: ReturnType<typeof testApp>['app'];
let analyst: string;

beforeAll(async () => {
  db = await testDb();
  await loadMini(db.sql);
  app = testApp(db, {}, () => new Date('2024-06-30T18:00:00Z')).app;
  await addUser(db.sql, 'ana', 'analyst');
  analyst = await signIn(app, 'ana');
});
afterAll(() => db.close());

const get = (url: string) => app.request(url, { headers: { cookie: analyst } });

describe('smoke', () => {
  it('writes each format', async () => {
    for (const fmt of ['geojson', 'fgb', 'kml', 'csv', 'shp.zip']) {
      const res = await get(`/api/export/seizures.${fmt}?province=an_giang`);
      expect(res.status, fmt).toBe(200);
      const read = await readWithGdal(res, `seizures.${fmt}`);
      console.log(fmt, read.epsg, read.layers, JSON.stringify(read.features[0]));
    }
  });
});
