import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  binPoints,
  cellId,
  hexCentre,
  hexOfPoint,
  hexPolygon,
  HEX_SQRT3,
} from '../../src/lib/analysis';
import { binSeizures, binSeizuresByStep } from '../../src/lib/server/repositories/hotspot-bins';
import { loadMiniPlaces, placeSeizures } from '../fixtures/hotspots';
import { testDb, type TestDb } from '../setup/test-db';

/**
 * The SQL binning (repositories/hotspot-bins.ts) gives the cell hexOfPoint gives, point for
 * point, on stored x_utm / y_utm values chosen to be hard: cell vertices, edge midpoints, exact
 * half-way ties of the rounding, negative q and r, and random points, at several sizes.
 */
let db: TestDb;

/** Park-Miller, so a failure can be replayed. */
function random(seed: number) {
  return () => (seed = (seed * 16807) % 2147483647) / 2147483647;
}

const SIZES = [1000, 500, 250, 1234.5];

function hardPoints(sizeM: number): [number, number][] {
  const rnd = random(17 + Math.round(sizeM));
  const pts: [number, number][] = [];
  for (let i = 0; i < 1500; i++) {
    // Around An Giang, and around the origin where q and r change sign.
    const [ox, oy] = i % 2 ? [540000, 1160000] : [0, 0];
    pts.push([ox + (rnd() - 0.5) * 40 * sizeM, oy + (rnd() - 0.5) * 40 * sizeM]);
  }
  for (const [q, r] of [
    [-115, 1326],
    [0, 0],
    [-1, -1],
    [3, -4],
    [-7, 2],
    [600, 1340],
  ]) {
    const ring = hexPolygon(q, r, sizeM);
    for (let k = 0; k < 6; k++) {
      const [ax, ay] = ring[k];
      const [bx, by] = ring[k + 1];
      pts.push([ax, ay], [(ax + bx) / 2, (ay + by) / 2]); // vertex and edge midpoint
    }
    pts.push(hexCentre(q, r, sizeM));
  }
  // Exact ties of floor(v + 0.5): qf or rf exactly k + 0.5.
  const rowH = (HEX_SQRT3 * sizeM) / 2;
  for (let k = -3; k <= 3; k++) {
    pts.push([(k + 0.5) * sizeM, 0]); // rf = 0, qf = k + 0.5
    pts.push([0, (k + 0.5) * rowH]); // rf close to k + 0.5
  }
  return pts;
}

beforeAll(async () => {
  db = await testDb();
  await loadMiniPlaces(db.sql);
});
afterAll(() => db.close());

/** Stores the points' x_utm / y_utm exactly (the geometry is a placeholder). */
async function storeExact(points: [number, number][]) {
  await db.sql`delete from seizures`;
  await placeSeizures(
    db.sql,
    'an_giang',
    points.map(() => ({ x: 540000, y: 1160000 })),
  );
  const json = JSON.stringify(points.map(([x, y], i) => ({ i: i + 1, x, y })));
  // Updating x_utm / y_utm does not fire the trigger (it watches geom): the values stay exact.
  await db.sql`
    with v as (select * from json_to_recordset(${json}::text::json) as v(i int, x float8, y float8)),
    s as (select id, row_number() over (order by id) as i from seizures)
    update seizures t set x_utm = v.x, y_utm = v.y from s join v on v.i = s.i where t.id = s.id`;
  const [{ n }] = await db.sql<{ n: number }[]>`
    select count(*)::int as n from seizures where (x_utm, y_utm) in (select x, y from
      json_to_recordset(${json}::text::json) as v(i int, x float8, y float8))`;
  expect(n).toBe(points.length);
}

describe('hex binning in SQL', () => {
  it.each(SIZES)('gives the cell of hexOfPoint for every point at %s m', async (sizeM) => {
    const points = hardPoints(sizeM);
    await storeExact(points);
    const rows = await binSeizures(db.sql, {}, sizeM);
    const sqlCounts = new Map(rows.map((r) => [cellId(r.q, r.r, sizeM), r.n]));
    expect(sqlCounts).toEqual(binPoints(points, sizeM));
    // Negative q and r were exercised.
    expect(rows.some((r) => r.q < 0 && r.r < 0)).toBe(true);
    expect(rows.some((r) => r.q > 0 && r.r < 0)).toBe(true);
  });

  it('agrees on the vertices, midpoints and ties alone, where a swap would show', async () => {
    for (const sizeM of SIZES) {
      const points = hardPoints(sizeM).slice(1500);
      await storeExact(points);
      const rows = await binSeizures(db.sql, { province: 'an_giang' }, sizeM);
      const sqlCounts = new Map(rows.map((r) => [cellId(r.q, r.r, sizeM), r.n]));
      expect(sqlCounts).toEqual(binPoints(points, sizeM));
      // A vertex is shared by three cells: the rule picks one, the same one in both.
      expect(sqlCounts.size).toBeGreaterThan(20);
    }
  });

  it('bins by calendar month and quarter in Vietnam time', async () => {
    await db.sql`delete from seizures`;
    await placeSeizures(db.sql, 'an_giang', [
      { x: 540000, y: 1160000, at: '2024-01-31T16:59:59Z' }, // 23:59:59 on 31 Jan in Hanoi
      { x: 540000, y: 1160000, at: '2024-01-31T17:00:00Z' }, // 00:00 on 1 Feb in Hanoi
      { x: 540000, y: 1160000, at: '2024-03-31T17:30:00Z' }, // 1 Apr: second quarter
    ]);
    const { q, r } = hexOfPoint(540000, 1160000, 1000);
    const months = await binSeizuresByStep(db.sql, {}, 1000, 1);
    const m = (y: number, mo: number) => y * 12 + mo - 1;
    expect(months.sort((a, b) => a.month - b.month)).toEqual([
      { month: m(2024, 1), q, r, n: 1 },
      { month: m(2024, 2), q, r, n: 1 },
      { month: m(2024, 4), q, r, n: 1 },
    ]);
    const quarters = await binSeizuresByStep(db.sql, {}, 1000, 3);
    expect(quarters.sort((a, b) => a.month - b.month)).toEqual([
      { month: m(2024, 1), q, r, n: 2 },
      { month: m(2024, 4), q, r, n: 1 },
    ]);
  });
});
