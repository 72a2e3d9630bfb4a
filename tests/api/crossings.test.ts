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

  it('counts a river that follows the frontier, crossing it again and again, as one place', async () => {
    // A river zigzagging 100 m either side of the frontier (105 E) from 10.60 to 10.62 N: it
    // meets the line 8 times, but it never leaves the 200 m band, so it is one crossing.
    const zig = Array.from({ length: 9 }, (_, k) => [
      105 + (k % 2 === 0 ? -0.0009 : 0.0009),
      10.6 + k * 0.0025,
    ]);
    const line = JSON.stringify({ type: 'LineString', coordinates: zig });
    await db.sql`
      insert into waterways (code, province, name_vi, name_en, kind, geom)
      values ('zz', 'an_giang', 'Sông Ngoằn', 'Winding river', 'river',
        ST_SetSRID(ST_GeomFromGeoJSON(${line}), 4326))`;
    try {
      const fc = await (await get('?province=an_giang')).json();
      const winding = fc.features.filter((f: { properties: { name_en: string } }) =>
        f.properties.name_en.startsWith('Winding river'),
      );
      expect(winding).toHaveLength(1);
      expect(winding[0].properties.name_en).toBe('Winding river');
      expect(winding[0].properties.detail).toBe('river');
      // The meeting point nearest the middle of the stretch (10.61 N).
      expect(winding[0].geometry.coordinates[0]).toBeCloseTo(105, 6);
      expect(Math.abs(winding[0].geometry.coordinates[1] - 10.61)).toBeLessThan(0.0015);
    } finally {
      await db.sql`delete from waterways where code = 'zz'`;
    }
  });

  it('needs a known province and a signed-in user', async () => {
    expect((await get('')).status).toBe(400);
    expect((await get('?province=hanoi')).status).toBe(400);
    expect((await get('?province=an_giang', '')).status).toBe(401);
    const empty = await (await get('?province=lang_son')).json();
    expect(empty.features).toEqual([]);
  });
});
