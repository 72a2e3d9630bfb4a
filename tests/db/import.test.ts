import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importGeoJson } from '../../src/lib/server/services/import';
import { MINI, loadMini } from '../fixtures/mini';
import { testDb, type TestDb } from '../setup/test-db';

let db: TestDb;
beforeAll(async () => {
  db = await testDb();
  await loadMini(db.sql);
});
afterAll(() => db.close());

const count = async (table: string) =>
  (await db.sql<{ n: number }[]>`select count(*)::int as n from ${db.sql(table)}`)[0].n;

const gate = (id: string, coordinates: unknown, extra: object = {}) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates },
  properties: {
    id,
    province: 'an_giang',
    name_vi: 'Cửa khẩu',
    name_en: 'Gate',
    kind: 'main',
    mode: 'road',
    ...extra,
  },
});
const fc = (...features: object[]) => JSON.stringify({ type: 'FeatureCollection', features });

describe('importGeoJson', () => {
  it('writes nothing when any feature is rejected, and says why for each', async () => {
    const before = await count('border_gates');
    const report = await importGeoJson(
      db.sql,
      'border_gates',
      fc(
        gate('ok-1', [105.1, 10.6]),
        gate('bad-1', [10.6, 105.1]),
        gate('bad-2', [105.1, 10.6], { kind: 'tunnel' }),
      ),
    );
    expect(report).toMatchObject({ total: 3, accepted: 1, inserted: 0, updated: 0 });
    expect(report.rejected).toEqual([
      {
        index: 1,
        ref: 'bad-1',
        problems: [
          'coordinates: [10.6, 105.1] looks like [latitude, longitude]; GeoJSON positions are [longitude, latitude]',
        ],
      },
      {
        index: 2,
        ref: 'bad-2',
        problems: [
          expect.stringMatching(/^kind: Invalid option: expected one of "international"\|"main"/),
        ],
      },
    ]);
    expect(await count('border_gates')).toBe(before);
  });

  it('lets PostGIS reject a self-intersecting polygon (a bow tie)', async () => {
    const bowTie = {
      type: 'Feature',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [105, 10],
            [105.1, 10.1],
            [105.1, 10],
            [105, 10.1],
            [105, 10],
          ],
        ],
      },
      properties: { id: 'an_giang', name_vi: 'An Giang', name_en: 'An Giang', neighbour: 'KH' },
    };
    const report = await importGeoJson(db.sql, 'provinces', fc(bowTie));
    expect(report.rejected).toHaveLength(1);
    expect(report.rejected[0].problems[0]).toMatch(/^invalid geometry: Self-intersection/);
    // The stored outline is unchanged: still the 0.2 degree square.
    const [row] = await db.sql<
      { area: number }[]
    >`select ST_Area(geom)::float8 as area from provinces where id = 'an_giang'`;
    expect(row.area).toBeCloseTo(0.04, 10);
  });

  it('updates reference features by code instead of duplicating them', async () => {
    const before = await count('border_gates');
    const moved = gate('g1', [105.01, 10.56], { name_en: 'Gate A (moved)' });
    const report = await importGeoJson(
      db.sql,
      'border_gates',
      fc(moved, gate('new-1', [105.02, 10.57])),
    );
    expect(report).toMatchObject({ inserted: 1, updated: 1, rejected: [] });
    expect(await count('border_gates')).toBe(before + 1);
    const [g1] =
      await db.sql`select name_en, ST_X(geom)::float8 as x from border_gates where code = 'g1'`;
    expect(g1).toEqual({ name_en: 'Gate A (moved)', x: 105.01 });
  });

  it("stores a frontier segment's accuracy, and refuses an impossible one", async () => {
    const segment = (id: string, extra: object) => ({
      type: 'Feature',
      geometry: {
        type: 'LineString',
        coordinates: [
          [105.0, 10.6],
          [105.0, 10.65],
        ],
      },
      properties: {
        id,
        province: 'an_giang',
        neighbour: 'KH',
        name_vi: 'Đoạn thử',
        name_en: 'Test segment',
        ...extra,
      },
    });
    const accurate = {
      accuracy_m: 2500,
      accuracy_note_vi: 'Sai số khoảng 2,5 km.',
      accuracy_note_en: 'Within about 2.5 km.',
    };
    const refused = await importGeoJson(
      db.sql,
      'frontier',
      fc(
        segment('acc-1', accurate),
        segment('acc-2', { accuracy_m: -5 }),
        segment('acc-3', { accuracy_m: '2 km' }),
        segment('acc-4', { accuracy_note_en: 'x'.repeat(501) }),
      ),
    );
    expect(refused.inserted).toBe(0);
    expect(refused.rejected.map((r) => [r.ref, r.problems.length])).toEqual([
      ['acc-2', 1],
      ['acc-3', 1],
      ['acc-4', 1],
    ]);
    for (const r of refused.rejected.slice(0, 2)) expect(r.problems[0]).toMatch(/^accuracy_m: /);
    expect(refused.rejected[2].problems[0]).toMatch(/^accuracy_note_en: /);

    expect(await importGeoJson(db.sql, 'frontier', fc(segment('acc-1', accurate)))).toMatchObject({
      inserted: 1,
      rejected: [],
    });
    const read = async () =>
      (
        await db.sql`
          select accuracy_m, accuracy_note_vi, accuracy_note_en
          from frontier_segments where code = 'acc-1'`
      )[0];
    expect(await read()).toEqual(accurate);
    // Re-importing the segment replaces all its properties: without an accuracy, it has none.
    expect(await importGeoJson(db.sql, 'frontier', fc(segment('acc-1', {})))).toMatchObject({
      updated: 1,
    });
    expect(await read()).toEqual({
      accuracy_m: null,
      accuracy_note_vi: null,
      accuracy_note_en: null,
    });
  });

  it('writes nothing on a dry run', async () => {
    const before = await count('seizures');
    const report = await importGeoJson(db.sql, 'seizures', MINI.seizures, { dryRun: true });
    expect(report).toMatchObject({ total: 6, accepted: 6, inserted: 0, dryRun: true });
    expect(await count('seizures')).toBe(before);
  });

  it('names the source file of imported seizures unless they name their own source', async () => {
    const seizure = (source?: string) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [105.12, 10.62] },
      properties: {
        occurred_at: '2023-03-03',
        category: 'fuel',
        lead_agency: 'customs',
        transport_mode: 'boat',
        ...(source ? { source } : {}),
      },
    });
    const report = await importGeoJson(
      db.sql,
      'seizures',
      fc(seizure(), seizure('Đồn BP Vĩnh Xương')),
      {
        source: 'import:march.geojson',
      },
    );
    expect(report.inserted).toBe(2);
    const rows =
      await db.sql`select source from seizures where occurred_at = '2023-03-03' order by id`;
    expect(rows.map((r) => r.source)).toEqual(['import:march.geojson', 'Đồn BP Vĩnh Xương']);
  });

  it('rejects a seizure outside both provinces when no province is given', async () => {
    const outside = {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [104.5, 10.0] },
      properties: {
        occurred_at: '2022-01-01',
        category: 'fuel',
        lead_agency: 'customs',
        transport_mode: 'boat',
      },
    };
    const report = await importGeoJson(db.sql, 'seizures', fc(outside));
    expect(report.rejected).toEqual([
      {
        index: 0,
        problems: ['province: not given, and the point lies in neither province outline'],
      },
    ]);
  });

  it('stores UTM 48N coordinates beside each seizure point', async () => {
    const [row] = await db.sql<{ x: number; y: number }[]>`
      select x_utm as x, y_utm as y from seizures where case_ref = 'LS-6'`;
    // 106.65 E 21.85 N in EPSG:32648 (central meridian 105 E, k0 0.9996), computed by hand with
    // the Krueger series for the transverse Mercator (Karney 2011): E 670,510.08 m, N 2,417,138.15 m.
    expect(row.x).toBeCloseTo(670_510.08, 1);
    expect(row.y).toBeCloseTo(2_417_138.15, 1);
  });

  it('refuses text that is not a GeoJSON object', async () => {
    await expect(importGeoJson(db.sql, 'trails', '{"type": "Topology"}')).rejects.toThrow(
      'Expected a FeatureCollection (got type Topology)',
    );
    await expect(importGeoJson(db.sql, 'trails', '{nope')).rejects.toThrow(/^Not valid JSON/);
  });
});

describe('importGeoJson into an empty database', () => {
  it('asks for the provinces first instead of failing on a foreign key', async () => {
    const empty = await testDb();
    try {
      const report = await importGeoJson(empty.sql, 'border_gates', fc(gate('g-1', [105.1, 10.6])));
      expect(report.rejected).toEqual([
        {
          index: 0,
          ref: 'g-1',
          problems: [
            "province: 'an_giang' has no outline loaded yet; import the provinces layer first",
          ],
        },
      ]);
    } finally {
      await empty.close();
    }
  });
});
