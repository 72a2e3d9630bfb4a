import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPECTED, loadCoverageWorld } from '../fixtures/coverage/world';
import { addUser, signIn } from '../setup/auth';
import { testApp, testDb, type TestDb } from '../setup/test-db';

let db: TestDb;
let app: ReturnType<typeof testApp>['app'];
let viewer: string;

beforeAll(async () => {
  db = await testDb();
  await loadCoverageWorld(db.sql);
  app = testApp(db).app;
  await addUser(db.sql, 'cmd', 'commander', 'customs');
  viewer = await signIn(app, 'cmd');
});
afterAll(() => db.close());

const get = (q: string, cookie: string | undefined = viewer) =>
  app.request(`/api/crossings${q}`, { headers: cookie ? { cookie } : {} });

describe('GET /api/crossings', () => {
  it('lists every gate and each place a canal or trail meets or nears the frontier, by name', async () => {
    const res = await get('?province=an_giang');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/geo+json');
    const fc = await res.json();
    // expected.py works the same definition out with shapely: gates, An and Binh canals crossing,
    // Chau canal 164 m off (nearest frontier point), the Zig path crossing twice, the Border track
    // sharing 1.1 km of frontier (middle of the shared stretch); Dong river 11 km away is none.
    const expected = EXPECTED.cases[0].crossings.items;
    expect(
      fc.features.map((f: { properties: { name_vi: string } }) => f.properties.name_vi),
    ).toEqual(expected.map((c: { name_vi: string }) => c.name_vi));
    fc.features.forEach((f: { geometry: { coordinates: number[] } }, i: number) => {
      expect(f.geometry.coordinates[0]).toBeCloseTo(expected[i].lonlat[0], 6);
      expect(f.geometry.coordinates[1]).toBeCloseTo(expected[i].lonlat[1], 6);
    });
    const byName = Object.fromEntries(
      fc.features.map((f: { properties: { name_en: string } }) => [
        f.properties.name_en,
        f.properties,
      ]),
    );
    expect(byName['Gamma gate']).toMatchObject({ kind: 'gate', detail: 'international, road' });
    expect(byName['An canal']).toMatchObject({ kind: 'waterway', detail: 'canal', distance_m: 0 });
    expect(byName['Chau canal'].detail).toBe('canal, near');
    expect(byName['Chau canal'].distance_m).toBeGreaterThan(150);
    expect(byName['Chau canal'].distance_m).toBeLessThan(200);
    expect(byName['Border track']).toMatchObject({ kind: 'trail', detail: 'trail, along' });
    expect(byName['Zig path (2)']).toMatchObject({ kind: 'trail', detail: 'path' });
    expect(byName['Dong river']).toBeUndefined();
  });

  it('needs a known province and a signed-in user', async () => {
    expect((await get('')).status).toBe(400);
    expect((await get('?province=hanoi')).status).toBe(400);
    expect((await get('?province=an_giang', '')).status).toBe(401);
    const empty = await (await get('?province=lang_son')).json();
    expect(empty.features).toEqual([]);
  });
});
