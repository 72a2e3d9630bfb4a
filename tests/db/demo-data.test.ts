import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGeodata, seedSeizures } from '../../src/lib/server/services/demo-data';
import { testDb, type TestDb } from '../setup/test-db';

/** The project's own geodata and synthetic seizures, judged by PostGIS rather than by Turf. */
let db: TestDb;
beforeAll(async () => {
  db = await testDb();
  await loadGeodata(db.sql);
  await seedSeizures(db.sql, { count: 3000, seed: 11 });
});
afterAll(() => db.close());

describe('demo data in PostGIS', () => {
  it('loads every authored feature', async () => {
    const [row] = await db.sql`
      select (select count(*)::int from provinces) as provinces,
        (select count(*)::int from frontier_segments) as frontier,
        (select count(*)::int from border_gates where province = 'an_giang') as ag_gates,
        (select count(*)::int from border_gates where province = 'lang_son') as ls_gates`;
    expect(row.provinces).toBe(2);
    expect(row.frontier).toBe(13);
    expect(row.ag_gates).toBeGreaterThanOrEqual(6);
    expect(row.ls_gates).toBeGreaterThanOrEqual(6);
  });

  it('measures each frontier as drawn, shorter than its reported length', async () => {
    const rows = await db.sql<{ province: string; km: number }[]>`
      select province, (sum(ST_Length(geom::geography)) / 1000)::float8 as km
      from frontier_segments group by province order by province`;
    // The line is drawn smooth, without the bends of streams and ridges it cannot place
    // (geodata/README.md): An Giang 130 km of about 153 reported, Lang Son 158 of about 231.
    expect(rows[0].province).toBe('an_giang');
    expect(rows[0].km).toBeGreaterThan(125);
    expect(rows[0].km).toBeLessThan(135);
    expect(rows[1].km).toBeGreaterThan(152);
    expect(rows[1].km).toBeLessThan(164);
  });

  it('keeps the accuracy each frontier segment claims', async () => {
    const rows = await db.sql<
      { code: string; accuracy_m: number; note_vi: string; note_en: string }[]
    >`
      select code, accuracy_m, accuracy_note_vi as note_vi, accuracy_note_en as note_en
      from frontier_segments order by code`;
    expect(rows).toHaveLength(13);
    const byCode = Object.fromEntries(rows.map((r) => [r.code, r]));
    // Where the line runs through the published Huu Nghi gate it claims more than elsewhere.
    expect(byCode['ls-4'].accuracy_m).toBe(1500);
    expect(byCode['ls-1'].accuracy_m).toBe(2500);
    for (const r of rows) {
      expect(r.note_en).toMatch(/^Within about [\d.]+ km\./);
      expect(r.note_vi).toMatch(/^Sai số khoảng [\d,]+ km\./);
    }
  });

  it('places every synthetic seizure inside its own province outline', async () => {
    const [row] = await db.sql`
      select count(*)::int as n,
        count(*) filter (where ST_Intersects(s.geom, p.geom))::int as inside,
        count(*) filter (where s.synthetic and s.source = 'synthetic-demo')::int as labelled
      from seizures s join provinces p on p.id = s.province`;
    expect(row).toEqual({ n: 3000, inside: 3000, labelled: 3000 });
  });

  it('keeps most seizures near the frontier, not spread uniformly', async () => {
    const [row] = await db.sql`
      select (count(*) filter (where ST_DWithin(s.geom::geography, f.geom::geography, 10000))::float8
        / count(*))::float8 as share
      from seizures s
      cross join lateral (select ST_Collect(geom) as geom from frontier_segments where province = s.province) f`;
    // Uniform points would put well under half of An Giang's area within 10 km of the frontier.
    expect(row.share).toBeGreaterThan(0.85);
  });
});
