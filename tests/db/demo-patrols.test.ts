import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGeodata, seedSeizures } from '../../src/lib/server/services/demo-data';
import { seedPlansAndPatrols } from '../../src/lib/server/services/demo-patrols';
import { testDb, type TestDb } from '../setup/test-db';

/** The demo's plans and joint patrols: the reported counts, placed and timed sensibly. */
let db: TestDb;
let first: { plans: number; patrols: number; linked: number };
beforeAll(async () => {
  db = await testDb();
  await loadGeodata(db.sql);
  await seedSeizures(db.sql);
  first = await seedPlansAndPatrols(db.sql);
});
afterAll(() => db.close());

const digest = async () =>
  (
    await db.sql<{ d: string }[]>`
      select md5(string_agg(concat_ws('|', r.name, t.started_at, t.ended_at, t.result,
        (select string_agg(seizure_id::text, ',') from patrol_seizures ps where ps.patrol_id = t.id)),
        ';' order by t.started_at, r.name, t.id)) as d
      from patrols t join patrol_routes r on r.id = t.route_id where t.synthetic`
  )[0].d;

describe('demo plans and patrols', () => {
  it('writes two plans of three routes per province, inside the province', async () => {
    expect(first.plans).toBe(4);
    const rows = await db.sql`
      select p.province, p.agency, p.synthetic, count(r.id)::int as routes,
        bool_and(r.province = p.province) as same_province,
        bool_and((select ST_DWithin(v.geom::geography, r.geom::geography, 5000)
          from provinces v where v.id = p.province)) as near
      from patrol_plans p join patrol_routes r on r.plan_id = p.id
      group by p.id order by p.id`;
    expect(rows.map((r) => [r.province, r.agency, r.routes])).toEqual([
      ['an_giang', 'joint', 3],
      ['an_giang', 'customs', 3],
      ['lang_son', 'joint', 3],
      ['lang_son', 'border_guard', 3],
    ]);
    expect(rows.every((r) => r.synthetic && r.same_province && r.near)).toBe(true);
  });

  it('writes the reported joint patrols per province, inside the reporting windows', async () => {
    const rows = await db.sql`
      select province, count(*)::int as n, bool_and(agency = 'joint' and synthetic) as joint,
        min(started_at) >= case province when 'an_giang' then '2019-09-04T00:00+07:00'::timestamptz
          else '2019-01-01T00:00+07:00'::timestamptz end as after_start,
        max(ended_at) < case province when 'an_giang' then '2024-09-26T00:00+07:00'::timestamptz
          else '2024-07-01T00:00+07:00'::timestamptz end as before_end,
        min(extract(epoch from ended_at - started_at))::int as shortest_s,
        max(extract(epoch from ended_at - started_at))::int as longest_s
      from patrols group by province order by province`;
    expect(rows.map((r) => [r.province, r.n])).toEqual([
      ['an_giang', 4071],
      ['lang_son', 3083],
    ]);
    for (const r of rows) {
      expect(r).toMatchObject({ joint: true, after_start: true, before_end: true });
      expect(r.shortest_s).toBeGreaterThanOrEqual(15 * 60);
      expect(r.longest_s).toBeLessThanOrEqual(6 * 3600);
    }
    expect(first.patrols).toBe(7154);
  });

  it('links every joint-led seizure to one patrol that was out when it happened', async () => {
    const [row] = await db.sql`
      select (select count(*)::int from seizures where synthetic and lead_agency = 'joint') as joint,
        (select count(*)::int from patrol_seizures) as links,
        (select count(*)::int from patrols where result = 'seizures') as found,
        (select count(*)::int from patrol_seizures ps join patrols t on t.id = ps.patrol_id
          join seizures s on s.id = ps.seizure_id
          where s.occurred_at between t.started_at and t.ended_at and s.province = t.province) as during`;
    // 17 joint-led cases in An Giang and the 7 joint drug cases in Lang Son (calibration.ts).
    expect(row).toEqual({ joint: 24, links: 24, found: 24, during: 24 });
    expect(first.linked).toBe(24);
  });

  it('gives the same patrols for the same seed, and keeps recorded patrols on a re-seed', async () => {
    const before = await digest();
    await db.sql`
      insert into patrols (province, agency, started_at, ended_at, geom, source)
      values ('an_giang', 'customs', '2024-01-01T06:00Z', '2024-01-01T08:00Z',
        ST_GeomFromText('LINESTRING(105.01 10.52, 105.05 10.6)', 4326), 'geojson')`;
    await seedPlansAndPatrols(db.sql);
    expect(await digest()).toBe(before);
    const [row] = await db.sql`
      select count(*) filter (where not synthetic)::int as real,
        count(*)::int as total from patrols`;
    expect(row).toEqual({ real: 1, total: 7155 });
    const [plans] = await db.sql`select count(*)::int as n from patrol_plans`;
    expect(plans.n).toBe(4);
    await seedPlansAndPatrols(db.sql, { seed: 7 });
    expect(await digest()).not.toBe(before);
  });
});
