import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, testDb, type TestDb } from '../setup/test-db';

let db: TestDb;
beforeAll(async () => {
  db = await testDb();
});
afterAll(() => db.close());

describe('GET /api/health', () => {
  it('names the engine and a PostGIS 3 version', async () => {
    const { app } = testApp(db);
    const res = await app.request('/api/health');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.status).toBe('ok');
    expect(body.engine).toBe(process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite');
    expect(body.postgis).toMatch(/^3\.\d+\.\d+/);
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const { app } = testApp(db);
    const res = await app.request('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: { code: 'not_found', message: 'No API route GET /api/nothing-here' },
    });
  });
});
