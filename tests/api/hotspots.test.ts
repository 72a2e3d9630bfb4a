import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellsInArea, hexCentre, utmToWgs84, wgs84ToUtm } from '../../src/lib/analysis';
import { agCells, cellAt, inCell, loadMiniPlaces, placeSeizures } from '../fixtures/hotspots';
import { addUser, signIn } from '../setup/auth';
import { testApp, testDb, type TestDb } from '../setup/test-db';

/**
 * GET /api/hotspots on seizures placed in chosen cells of the MINI An Giang (a 0.2 degree
 * square, about 550 cells of 1 km), with counts, Gi* z, density and the nearest gate worked out
 * by hand below.
 */
let db: TestDb;
let app: ReturnType<typeof testApp>['app'];
let cookie: string;

const S = 1000;
const c0 = cellAt(105.03, 10.6, S); // the hot cell, about 3.3 km east of Gate B (105.0, 10.6)
const far = cellAt(105.15, 10.55, S);
const id = (q: number, r: number) => `${S}:${q}:${r}`;

beforeAll(async () => {
  db = await testDb();
  await loadMiniPlaces(db.sql);
  await placeSeizures(db.sql, 'an_giang', [
    ...inCell(c0.q, c0.r, S, 6),
    ...inCell(c0.q + 1, c0.r, S, 3),
    ...inCell(c0.q - 1, c0.r, S, 2),
    ...inCell(far.q, far.r, S, 1),
    // Filtered out by category=cigarettes or from=2024-01-01.
    ...inCell(far.q, far.r, S, 2, { category: 'sugar', at: '2023-06-01T00:00:00Z' }),
  ]);
  // Another province: never counted in An Giang's cells.
  const [x, y] = wgs84ToUtm(106.7, 21.9);
  await placeSeizures(db.sql, 'lang_son', [{ x, y }]);
  app = testApp(db).app;
  await addUser(db.sql, 'viewer', 'commander');
  cookie = await signIn(app, 'viewer');
});
afterAll(() => db.close());

const get = (query: string) => app.request(`/api/hotspots?${query}`, { headers: { cookie } });

async function hotspots(query: string) {
  const res = await get(query);
  expect(res.status, await res.clone().text()).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/geo\+json/);
  return res.json();
}

/** Gi* z by DESIGN.md's formula for an interior cell (7 neighbours at a 1 km band). */
function zInterior(lag: number, values: number[], n: number) {
  const sum = values.reduce((a, b) => a + b, 0);
  const xbar = sum / n;
  const s = Math.sqrt(values.reduce((a, v) => a + v * v, 0) / n - xbar * xbar);
  const w = 7;
  return (lag - xbar * w) / (s * Math.sqrt((n * w - w * w) / (n - 1)));
}

describe('GET /api/hotspots', () => {
  const counts = [6, 3, 2, 1];

  it('lists every cell of the study area with hand-computed counts, zeros included', async () => {
    const body = await hotspots('province=an_giang&distance=1000&category=cigarettes');
    const cells = agCells(S);
    expect(body.type).toBe('FeatureCollection');
    expect(body.features).toHaveLength(cells.length);
    expect(body.features.map((f: { id: string }) => f.id)).toEqual(cells.map((c) => c.id));
    const byId = new Map(body.features.map((f: { id: string }) => [f.id, f]));
    const count = (cell: string) =>
      (byId.get(cell) as { properties: { count: number } }).properties.count;
    expect(count(id(c0.q, c0.r))).toBe(6);
    expect(count(id(c0.q + 1, c0.r))).toBe(3);
    expect(count(id(c0.q - 1, c0.r))).toBe(2);
    expect(count(id(far.q, far.r))).toBe(1);
    const zeros = body.features.filter(
      (f: { properties: { count: number } }) => f.properties.count === 0,
    );
    expect(zeros).toHaveLength(cells.length - 4);
    expect(body.summary).toMatchObject({
      province: 'an_giang',
      cell_m: 1000,
      distance_m: 1000,
      bandwidth_m: 1000,
      fdr: false,
      from: null,
      to: null,
      cells: cells.length,
      points: 12,
      cold: 0,
    });
    // A feature is the hexagon of its cell, in lon/lat: its north vertex above the centre.
    const f0 = byId.get(id(c0.q, c0.r)) as {
      geometry: { type: string; coordinates: number[][][] };
    };
    expect(f0.geometry.type).toBe('Polygon');
    const [cx, cy] = hexCentre(c0.q, c0.r, S);
    const north = utmToWgs84(cx, cy + S / Math.sqrt(3));
    expect(f0.geometry.coordinates[0][1][0]).toBeCloseTo(north[0], 6);
    expect(f0.geometry.coordinates[0][1][1]).toBeCloseTo(north[1], 6);
  });

  it('gives Gi* z, density and classes by hand, and names the nearest gate of the top hot spot', async () => {
    const body = await hotspots(
      'province=an_giang&distance=1000&bandwidth=500&category=cigarettes',
    );
    const n = agCells(S).length;
    const props = new Map(
      body.features.map((f: { id: string; properties: object }) => [f.id, f.properties]),
    );
    const at = (q: number, r: number) => props.get(id(q, r)) as Record<string, number>;
    // c0's band holds itself (6) and (q+1, r) (3), (q-1, r) (2): lag 11.
    const z0 = zInterior(11, counts, n);
    expect(at(c0.q, c0.r).gi_z).toBeCloseTo(z0, 9);
    expect(at(c0.q, c0.r).class).toBe(3);
    // (q+1, r): itself 3 + c0 6 = 9; (q, r - 1) touches c0 and (q-1, r): 8.
    expect(at(c0.q + 1, c0.r).gi_z).toBeCloseTo(zInterior(9, counts, n), 9);
    expect(at(c0.q, c0.r - 1).gi_z).toBeCloseTo(zInterior(8, counts, n), 9);
    // An empty cell far from everything: lag 0.
    expect(at(far.q - 5, far.r + 5).gi_z).toBeCloseTo(zInterior(0, counts, n), 9);
    // Density at c0 with h = 500 m: only its own six points, each 80 m from the centre.
    const k = (3 / (Math.PI * 0.25)) * (1 - (80 / 500) ** 2) ** 2; // per km^2
    expect(at(c0.q, c0.r).density).toBeCloseTo(6 * k, 6);
    expect(at(far.q - 5, far.r + 5).density).toBe(0);

    const top = body.summary.top;
    expect(top[0]).toMatchObject({ cell_id: id(c0.q, c0.r), count: 6, class: 3 });
    expect(top[0].gi_z).toBeCloseTo(z0, 9);
    expect(top.map((t: { gi_z: number }) => t.gi_z)).toEqual(
      [...top.map((t: { gi_z: number }) => t.gi_z)].sort((a, b) => b - a),
    );
    // Gate B at 105.0 E, 10.6 N, measured here in TypeScript's own projection, not PostGIS's.
    const [gx, gy] = wgs84ToUtm(105.0, 10.6);
    const hand = Math.hypot(c0.x - gx, c0.y - gy);
    expect(hand).toBeGreaterThan(3000);
    expect(top[0].nearest).toMatchObject({
      layer: 'border_gates',
      name_vi: 'Cửa khẩu B',
      name_en: 'Gate B',
    });
    expect(Math.abs(top[0].nearest.distance_m - hand)).toBeLessThanOrEqual(1);
    const centre = utmToWgs84(c0.x, c0.y);
    expect(top[0].centre[0]).toBeCloseTo(centre[0], 6);
    expect(top[0].centre[1]).toBeCloseTo(centre[1], 6);
    expect(body.summary.hot).toBe(
      body.features.filter((f: { properties: { class: number } }) => f.properties.class > 0).length,
    );
    const byClass = body.summary.by_class;
    expect(Object.keys(byClass).sort()).toEqual(['-1', '-2', '-3', '0', '1', '2', '3']);
    expect(Object.values(byClass).reduce((a: number, b) => a + (b as number), 0)).toBe(n);
  });

  it('applies FDR: a cell significant at 95 % alone is not after Benjamini-Hochberg', async () => {
    const q = 'province=an_giang&distance=1000&category=cigarettes';
    const plain = await hotspots(q);
    const fdr = await hotspots(`${q}&fdr=true`);
    const n = agCells(S).length;
    const cls = (
      body: { features: { id: string; properties: { class: number } }[] },
      cell: string,
    ) => body.features.find((f) => f.id === cell)!.properties.class;
    // (q-2, r) has only (q-1, r)'s 2 seizures in its band: z about 2.2, p about 0.03.
    const z = zInterior(2, counts, n);
    expect(z).toBeGreaterThan(1.96);
    expect(z).toBeLessThan(2.576);
    expect(cls(plain, id(c0.q - 2, c0.r))).toBe(2);
    // Over ~550 tests, p 0.03 at rank ~20 adjusts to about 0.8: not significant.
    expect(cls(fdr, id(c0.q - 2, c0.r))).toBe(0);
    expect(cls(fdr, id(c0.q, c0.r))).toBe(3);
    expect(fdr.summary.fdr).toBe(true);
    expect(fdr.summary.hot).toBeLessThan(plain.summary.hot);
  });

  it('filters by date, category and agency like the layers', async () => {
    const all = await hotspots('province=an_giang&distance=1000');
    expect(all.summary.points).toBe(14);
    const cnt = (b: { features: { id: string; properties: { count: number } }[] }) =>
      b.features.find((f) => f.id === id(far.q, far.r))!.properties.count;
    expect(cnt(all)).toBe(3);
    const recent = await hotspots('province=an_giang&distance=1000&from=2024-01-01&to=2024-12-31');
    expect(recent.summary).toMatchObject({ points: 12, from: '2024-01-01', to: '2024-12-31' });
    expect(cnt(recent)).toBe(1);
    const joint = await hotspots('province=an_giang&distance=1000&agency=joint');
    expect(joint.summary.points).toBe(0);
    expect(joint.summary.hot).toBe(0);
    expect(joint.summary.top).toEqual([]);
    expect(
      joint.features.every((f: { properties: { gi_z: number } }) => f.properties.gi_z === 0),
    ).toBe(true);
  });

  it('defaults the band to 3 cells and the bandwidth to the band', async () => {
    const body = await hotspots('province=an_giang&cell=500');
    expect(body.summary).toMatchObject({ cell_m: 500, distance_m: 1500, bandwidth_m: 1500 });
    expect(body.features).toHaveLength(agCells(500).length);
    expect(body.summary.points).toBe(14);
  });

  it('follows a changed province outline (the grid is cached by outline)', async () => {
    await hotspots('province=an_giang');
    const half = {
      type: 'Polygon',
      coordinates: [
        [
          [105, 10.5],
          [105.1, 10.5],
          [105.1, 10.7],
          [105, 10.7],
          [105, 10.5],
        ],
      ],
    };
    await db.sql`update provinces set geom = ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(half)}), 4326))
      where id = 'an_giang'`;
    try {
      const body = await hotspots('province=an_giang');
      const [w, s, e, n] = [105, 10.5, 105.1, 10.7];
      const ring = [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ].map(([lon, lat]) => wgs84ToUtm(lon, lat));
      expect(body.features).toHaveLength(
        cellsInArea({ type: 'Polygon', coordinates: [ring] }, S).length,
      );
      expect(body.features.length).toBeLessThan(agCells(S).length * 0.6);
    } finally {
      const full = {
        type: 'Polygon',
        coordinates: [
          [
            [105, 10.5],
            [105.2, 10.5],
            [105.2, 10.7],
            [105, 10.7],
            [105, 10.5],
          ],
        ],
      };
      await db.sql`update provinces set geom = ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(full)}), 4326))
        where id = 'an_giang'`;
    }
  });

  it('audits each read', async () => {
    await hotspots('province=an_giang');
    const [row] = await db.sql<{ action: string; outcome: string }[]>`
      select action, outcome from audit_log where action = 'hotspots.read' order by id desc limit 1`;
    expect(row).toEqual({ action: 'hotspots.read', outcome: 'ok' });
  });
});

describe('GET /api/hotspots refuses bad parameters with a code naming the reason', () => {
  const cases: [string, string, RegExp][] = [
    ['', 'province_required', /province/],
    ['province=hanoi', 'bad_parameter', /province/],
    ['province=an_giang&cell=abc', 'bad_parameter', /cell/],
    ['province=an_giang&cell=0', 'cell_not_positive', /cell/],
    ['province=an_giang&cell=-100', 'cell_not_positive', /cell/],
    ['province=an_giang&cell=20', 'cell_too_small', /cell=\d+ or more/],
    ['province=an_giang&cell=10000', 'cell_too_large', /cell=\d+ or less/],
    ['province=an_giang&distance=0', 'distance_not_positive', /distance/],
    ['province=an_giang&distance=-3000', 'distance_not_positive', /distance/],
    ['province=an_giang&distance=500', 'distance_under_cell', /under the cell size/],
    ['province=an_giang&distance=100000', 'band_too_wide', /distance=\d+ or less/],
    ['province=an_giang&cell=4000&distance=40000', 'band_covers_study_area', /every one/],
    ['province=an_giang&bandwidth=0', 'bandwidth_not_positive', /bandwidth/],
    ['province=an_giang&bandwidth=60000', 'bandwidth_too_large', /bandwidth/],
    ['province=an_giang&fdr=yes', 'bad_parameter', /fdr/],
    ['province=an_giang&category=opium', 'bad_parameter', /category/],
    ['province=an_giang&agency=police', 'bad_parameter', /agency/],
    ['province=an_giang&from=2024-02-30', 'bad_parameter', /from/],
    ['province=an_giang&from=2024-05-01&to=2024-04-01', 'bad_parameter', /before to/],
    ['province=an_giang&size=1000', 'bad_parameter', /size/],
  ];
  it.each(cases)('%s -> %s', async (query, code, message) => {
    const res = await get(query);
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it('names a cell size that fits, and that size is accepted', async () => {
    const small = (await (await get('province=an_giang&cell=20')).json()).error;
    expect(small.details.max_cells).toBe(50_000);
    const min = small.details.min_cell_m;
    // 480 km^2 / 50,000 cells: about 105 m.
    expect(min).toBeGreaterThan(100);
    expect(min).toBeLessThan(112);
    expect(agCells(min).length).toBeLessThanOrEqual(50_000);
    expect(agCells(min - 4).length).toBeGreaterThan(50_000);
    const large = (await (await get('province=an_giang&cell=10000')).json()).error;
    const max = large.details.max_cell_m;
    expect(agCells(max).length).toBeGreaterThanOrEqual(30);
    expect((await get(`province=an_giang&cell=${max}`)).status).toBe(200);
  });
});
