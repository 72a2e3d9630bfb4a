import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGeodata, seedSeizures } from '../../src/lib/server/services/demo-data';
import { seedReports } from '../../src/lib/server/services/demo-reports';
import { listObjects } from '../../src/lib/server/services/objects';
import { createDemoUsers } from '../../src/lib/server/services/users';
import { SYNTHETIC_TAG } from '../../src/lib/server/seed/reports';
import { testDb, type TestDb } from '../setup/test-db';

/**
 * The demo's synthetic information reports and objects on the project's own geodata, written
 * by SQL as the reports API would have left them (units, handovers, events, seizure links).
 */
let db: TestDb;
const NOW = new Date('2026-12-01T09:00:00Z');
let first: Awaited<ReturnType<typeof seedReports>>;

beforeAll(async () => {
  db = await testDb();
  await loadGeodata(db.sql);
  await seedSeizures(db.sql);
  await createDemoUsers(db.sql);
  first = await seedReports(db.sql, { now: NOW });
}, 180_000);
afterAll(() => db.close());

/** Everything the seed wrote, without ids, for comparing two runs. */
const fingerprint = async () => ({
  reports: await db.sql`
    select title, kind, category, province, ST_AsText(geom) as wkt, place, reliability,
      credibility, distribution, tlp, observed_from, observed_to, received_at, agency, unit,
      author_name, status, closed_at, version,
      (select array_agg(unit order by unit) from report_units u where u.report_id = r.id) as units
    from reports r order by received_at, title`,
  handovers: await db.sql`
    select h.agency, h.delivered_at, h.acknowledged_at, h.assessment, h.assessed_at
    from report_handovers h order by delivered_at`,
  sightings: await db.sql`
    select o.identifier, s.seen_at, ST_AsText(s.geom) as wkt, s.source
    from object_sightings s join suspicious_objects o on o.id = s.object_id
    order by o.identifier, s.seen_at, wkt`,
});

describe('synthetic reports', () => {
  it('writes 40 reports, 20 per province, labelled synthetic, fitting each frontier', async () => {
    expect(first).toMatchObject({ reports: 40, objects: 8, linked: 10 });
    const rows = await db.sql<{ province: string; kind: string; n: number }[]>`
      select province, kind, count(*)::int as n from reports group by province, kind
      order by province, n desc, kind`;
    const top = (p: string) => rows.find((r) => r.province === p)!;
    expect(top('an_giang').kind).toBe('boat');
    expect(top('lang_son').kind).toBe('porter_group');
    expect(rows.filter((r) => r.province === 'an_giang').reduce((a, r) => a + r.n, 0)).toBe(20);
    const [labels] = await db.sql<{ untagged: number; plain_text: number }[]>`
      select count(*) filter (where not starts_with(title, ${SYNTHETIC_TAG}))::int as untagged,
        count(*) filter (where text not like '%Synthetic demo data%')::int as plain_text
      from reports`;
    expect(labels).toEqual({ untagged: 0, plain_text: 0 });
    // Every geometry lies in its province (points on canals and trails, gate areas, places).
    const [outside] = await db.sql<{ n: number }[]>`
      select count(*)::int as n from reports r join provinces p on p.id = r.province
      where not ST_Intersects(p.geom, r.geom)`;
    expect(outside.n).toBe(0);
  });

  it('keeps the contract of the reports API: units, handovers, events', async () => {
    const [checks] = await db.sql`
      select
        count(*) filter (where not exists (select 1 from report_units u
          where u.report_id = r.id and u.unit = r.unit))::int as author_unit_missing,
        count(*) filter (where r.author_id is null)::int as no_author,
        count(*) filter (where (r.distribution = 'both' or exists (select 1 from report_units u
            join units un on un.id = u.unit where u.report_id = r.id and un.agency <> r.agency))
          <> exists (select 1 from report_handovers h where h.report_id = r.id))::int
          as handover_mismatch,
        count(*) filter (where not exists (select 1 from report_events e
          where e.report_id = r.id and e.action = 'created' and e.at = r.received_at))::int
          as no_created_event,
        count(*) filter (where r.tlp = 'red' and r.distribution <> 'units')::int as red_wide,
        count(*) filter (where r.received_at > ${NOW})::int as future
      from reports r`;
    expect(checks).toEqual({
      author_unit_missing: 0,
      no_author: 0,
      handover_mismatch: 0,
      no_created_event: 0,
      red_wide: 0,
      future: 0,
    });
    const [h] = await db.sql`
      select count(*)::int as handed,
        count(acknowledged_at)::int as acknowledged,
        count(assessment)::int as assessed,
        count(*) filter (where acknowledged_at < delivered_at or assessed_at < acknowledged_at
          or acknowledged_at > ${NOW} or assessed_at > ${NOW})::int as out_of_order,
        count(*) filter (where h.agency = r.agency)::int as to_own_force,
        count(*) filter (where acknowledged_at is not null and not exists (select 1
          from report_events e where e.report_id = h.report_id and e.action = 'acknowledged'
          and e.at = h.acknowledged_at and e.agency = h.agency))::int as ack_without_event
      from report_handovers h join reports r on r.id = h.report_id`;
    expect(h.out_of_order).toBe(0);
    expect(h.to_own_force).toBe(0);
    expect(h.ack_without_event).toBe(0);
    // Most are acknowledged and assessed, some still unread: both sides have work to show.
    expect(h.handed).toBeGreaterThan(20);
    expect(h.acknowledged).toBeLessThan(h.handed);
    expect(h.assessed).toBeGreaterThan(h.handed / 2);
  });

  it('closes the older tips after the seizure they led to, received before it', async () => {
    const rows = await db.sql<{ before: boolean; closed: boolean; valuable: boolean }[]>`
      select r.received_at < s.occurred_at as before, r.status = 'closed' as closed,
        h.assessment = 'valuable' as valuable
      from report_seizures l join reports r on r.id = l.report_id
      join seizures s on s.id = l.seizure_id and s.province = r.province
      join report_handovers h on h.report_id = r.id`;
    expect(rows).toHaveLength(10);
    expect(rows.every((r) => r.before && r.closed && r.valuable)).toBe(true);
  });

  it('registers 8 objects; 5 of them cluster near the frontier', async () => {
    const [analyst] = await db.sql<
      { id: number; username: string; role: 'analyst'; agency: 'border_guard'; unit: string }[]
    >`select id, username, role, agency, unit from users where username = 'demo.bg.analyst'`;
    const all = await listObjects(db.sql, analyst, { nearFrontier: false, limit: 50, offset: 0 });
    // The eighth is Customs' own in Lang Son.
    expect(all.total).toBe(7);
    expect(all.items.every((o) => o.description!.startsWith(SYNTHETIC_TAG))).toBe(true);
    const near = await listObjects(db.sql, analyst, { nearFrontier: true, limit: 50, offset: 0 });
    expect(near.items.map((o) => o.identifier).sort()).toEqual([
      'SYN-12C-456.78',
      'SYN-67C-123.45',
      'SYN-AG-1021',
      'SYN-AG-3390',
      'SYN-LS-NHOM-04',
    ]);
    const [fromReports] = await db.sql<{ n: number }[]>`
      select count(*)::int as n from object_sightings where source = 'report'`;
    expect(fromReports.n).toBeGreaterThan(0);
  });

  it('gives the demo users their units, and is reproducible', async () => {
    const users = await db.sql`select username, role, agency, unit from users order by id`;
    expect(users.map((u) => `${u.username} ${u.role} ${u.agency} ${u.unit}`)).toEqual([
      'demo.admin admin customs kshq_an_giang',
      'demo.commander commander border_guard bdbp_lang_son',
      'demo.planner planner border_guard bp_tinh_bien',
      'demo.analyst analyst customs kshq_lang_son',
      'demo.bg.analyst analyst border_guard bp_vinh_xuong',
      'demo.hq.commander commander customs hq_tinh_bien',
    ]);
    const before = await fingerprint();
    const again = await seedReports(db.sql, { now: NOW });
    expect(again).toEqual(first);
    expect(await fingerprint()).toEqual(before);
  });
});
