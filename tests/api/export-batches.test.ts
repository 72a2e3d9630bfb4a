import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMini } from '../fixtures/mini';
import { addUser, signIn } from '../setup/auth';
import { testApp, testDb, type TestDb } from '../setup/test-db';

/**
 * A layer larger than one batch (5,000 points), with a hole of ids wider than a batch and a
 * filter that skips rows: every matching row arrives once, in id order.
 */
let db: TestDb;
let app: ReturnType<typeof testApp>['app'];
let cookie: string;

beforeAll(async () => {
  db = await testDb();
  await loadMini(db.sql);
  await db.sql`
    insert into seizures (occurred_at, province, category, subjects, transport_mode,
      lead_agency, source, geom, x_utm, y_utm)
    select timestamptz '2022-01-01' + g * interval '1 minute',
      case when g % 3 = 0 then 'lang_son' else 'an_giang' end, 'sugar', 0, 'boat',
      'customs', 'test', ST_SetSRID(ST_MakePoint(105.1, 10.6), 4326), 0, 0
    from generate_series(1, 14000) g`;
  await db.sql`delete from seizures where id between 4000 and 10500`;
  app = testApp(db).app;
  await addUser(db.sql, 'ana', 'analyst');
  cookie = await signIn(app, 'ana');
});
afterAll(() => db.close());

const get = (url: string) => app.request(url, { headers: { cookie } });

describe('exports larger than a batch', () => {
  it.each(['', '?province=an_giang'])(
    'GeoJSON%s: each matching row once, in id order',
    async (q) => {
      const where = q ? db.sql`where province = 'an_giang'` : db.sql``;
      const ids = (
        await db.sql<{ id: number }[]>`select id from seizures ${where} order by id`
      ).map((r) => r.id);
      expect(ids.length).toBeGreaterThan(5000);
      const res = await get(`/api/export/seizures.geojson${q}`);
      expect(res.headers.get('x-number-matched')).toBe(String(ids.length));
      const fc = await res.json();
      expect(fc.features.map((f: { id: number }) => f.id)).toEqual(ids);
    },
  );

  it('CSV: as many records as matched', async () => {
    const res = await get('/api/export/seizures.csv?province=an_giang');
    const lines = (await res.text()).trimEnd().split('\r\n');
    expect(lines.length - 1).toBe(Number(res.headers.get('x-number-matched')));
    const ids = lines.slice(1).map((l) => Number(l.split(',')[0]));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
