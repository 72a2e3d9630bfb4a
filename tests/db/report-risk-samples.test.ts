import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { utmToWgs84, wgs84ToUtm } from '../../src/lib/analysis';
import { openReportPoints } from '../../src/lib/server/repositories/report-risk';
import { reportPoints } from '../../src/lib/server/services/report-risk';
import { insertReport, point } from '../fixtures/report-rows';
import { addUser } from '../setup/auth';
import { testDb, type TestDb } from '../setup/test-db';

/**
 * Where a line or an area report puts its weight: shapes drawn in UTM 48N metres from
 * (x0, y0) = (105.1 E, 10.6 N), so the samples can be placed by hand.
 *
 *   line  2000 m east        4 pieces of 500 m: samples at x0 + 250, 750, 1250, 1750
 *   big   1500 m square      500 m grid from x0 + 250: 3 x 3 = 9 nodes inside
 *   small 300 m square       one node, (x0 + 250, y0 + 250)
 *   tiny  200 m square       no node inside: its representative point stands for it
 */
let db: TestDb;
let viewer: { userId: number; agency: 'border_guard'; unit: string };
const ids: Record<string, number> = {};
const [x0, y0] = wgs84ToUtm(105.1, 10.6);
const at = (dx: number, dy: number) => utmToWgs84(x0 + dx, y0 + dy);
const square = (side: number) => ({
  type: 'Polygon',
  coordinates: [[at(0, 0), at(side, 0), at(side, side), at(0, side), at(0, 0)]],
});
const NOW = new Date('2026-12-01T00:00:00Z');

beforeAll(async () => {
  db = await testDb();
  const u = await addUser(db.sql, 'bg.analyst', 'analyst', 'border_guard');
  await db.sql`update users set unit = 'bp_vinh_xuong' where id = ${u.id}`;
  viewer = { userId: u.id, agency: 'border_guard', unit: 'bp_vinh_xuong' };
  const author = {
    id: u.id,
    username: 'bg.analyst',
    agency: 'border_guard',
    unit: 'bp_vinh_xuong',
  };
  const add = async (name: string, geometry: object) => {
    ids[name] = await insertReport(db.sql, {
      author,
      geometry,
      reliability: 'A',
      credibility: 1,
      received_at: NOW.toISOString(),
    });
  };
  await add('point', point(...at(0, 0)));
  await add('line', { type: 'LineString', coordinates: [at(0, 0), at(2000, 0)] });
  await add('big', square(1500));
  await add('small', square(300));
  await add('tiny', square(200));
});
afterAll(() => db.close());

const rows = () =>
  openReportPoints(db.sql, viewer, { province: 'an_giang', since: new Date('2026-01-01') });
const byName = async () => {
  const all = await rows();
  return Object.fromEntries(
    Object.entries(ids).map(([name, id]) => [name, all.find((r) => r.id === id)!]),
  );
};
const offsets = (xs: number[] | null, ys: number[] | null) =>
  (xs ?? []).map((x, i) => [Math.round(x - x0) + 0, Math.round((ys ?? [])[i] - y0) + 0]);

describe('report samples for the risk surface', () => {
  it('samples a line at the middles of 500 m pieces', async () => {
    const { line, point: p } = await byName();
    expect(p.xs).toBeNull();
    expect(offsets(line.xs, line.ys)).toEqual([
      [250, 0],
      [750, 0],
      [1250, 0],
      [1750, 0],
    ]);
  });

  it('samples an area on a 500 m grid, or its representative point when smaller', async () => {
    const { big, small, tiny } = await byName();
    const grid = [250, 750, 1250].flatMap((dx) => [250, 750, 1250].map((dy) => [dx, dy]));
    expect(offsets(big.xs, big.ys).sort((a, b) => a[0] - b[0] || a[1] - b[1])).toEqual(grid);
    expect(offsets(small.xs, small.ys)).toEqual([[250, 250]]);
    expect(tiny.xs).toBeNull();
  });

  it('spreads each report weight evenly over its points', async () => {
    const pts = await reportPoints(db.sql, viewer, { province: 'an_giang' }, NOW);
    // Five A1 reports of today: weight 5 over 1 + 4 + 9 + 1 + 1 points.
    expect(pts.ids).toHaveLength(5);
    expect(pts.weight).toBe(5);
    expect(pts.xy).toHaveLength(16);
    expect(pts.weights.filter((w) => Math.abs(w - 0.25) < 1e-12)).toHaveLength(4);
    expect(pts.weights.filter((w) => Math.abs(w - 1 / 9) < 1e-12)).toHaveLength(9);
    expect(pts.weights.reduce((a, w) => a + w, 0)).toBeCloseTo(5, 12);
  });
});
