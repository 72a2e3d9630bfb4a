import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hexAreaM2 } from '../../src/lib/analysis';
import {
  agCells,
  agOutlineUtm,
  cellAt,
  inCell,
  loadMiniPlaces,
  placeSeizures,
} from '../fixtures/hotspots';
import { addUser, signIn } from '../setup/auth';
import { testApp, testDb, type TestDb } from '../setup/test-db';

/**
 * GET /api/hotspots/forecast on a fixture worked by hand. Before the split (15 June 2024): c0 5
 * seizures, far 2, mid 1. After it (15 July): c0 3, c0's east neighbour 1, far 1, other 1
 * (6 in all). One more in c0 on 15 November, outside a 3-month horizon.
 */
let db: TestDb;
let app: ReturnType<typeof testApp>['app'];
let cookie: string;

const S = 1000;
const c0 = cellAt(105.03, 10.6, S);
const far = cellAt(105.15, 10.55, S);
const mid = cellAt(105.1, 10.65, S);
const other = cellAt(105.08, 10.53, S);
const JUNE = { at: '2024-06-15T05:00:00Z' };
const JULY = { at: '2024-07-15T05:00:00Z' };

beforeAll(async () => {
  db = await testDb();
  await loadMiniPlaces(db.sql);
  await placeSeizures(db.sql, 'an_giang', [
    ...inCell(c0.q, c0.r, S, 5, JUNE),
    ...inCell(far.q, far.r, S, 2, JUNE),
    ...inCell(mid.q, mid.r, S, 1, JUNE),
    ...inCell(c0.q, c0.r, S, 3, JULY),
    ...inCell(c0.q + 1, c0.r, S, 1, JULY),
    ...inCell(far.q, far.r, S, 1, JULY),
    ...inCell(other.q, other.r, S, 1, JULY),
    ...inCell(c0.q, c0.r, S, 1, { at: '2024-11-15T05:00:00Z' }),
  ]);
  app = testApp(db).app;
  await addUser(db.sql, 'viewer', 'commander');
  cookie = await signIn(app, 'viewer');
});
afterAll(() => db.close());

const get = (query: string) =>
  app.request(`/api/hotspots/forecast?${query}`, { headers: { cookie } });

async function forecast(query: string) {
  const res = await get(query);
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
}

// The study area: the outline's area by the shoelace formula over its projected corners (what
// ST_Area of ST_Transform measures), the cell count, and the cells flagged at 1, 5 and 10 %.
const ring = agOutlineUtm().coordinates[0];
let twice = 0;
for (let i = 0; i + 1 < ring.length; i++)
  twice += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
const A = Math.abs(twice) / 2;
const n = agCells(S).length;
const cellArea = hexAreaM2(S);
const flagged = (k: number) => Math.max(1, Math.floor(((k / 100) * A) / cellArea + 0.5));
const pai = (hits: number, total: number, m: number) => hits / total / ((m * cellArea) / A);

type Result = {
  ranker: string;
  share_pct: number;
  hits: number;
  total: number;
  hit_rate: number;
  pai: number;
  flagged_cells: number;
};
const pick = (results: Result[], ranker: string, share: number) =>
  results.find((r) => r.ranker === ranker && r.share_pct === share)!;

/** Hits by hand for the count ranker (and density with a 400 m bandwidth: the same order). */
function countHits(m: number) {
  // c0 (3 after), far (1), mid (0) flagged; the other m - 3 slots tie among n - 3 empty cells,
  // two of which (c0's east neighbour, other) hold a seizure after the split.
  return 3 + 1 + ((m - 3) / (n - 3)) * 2;
}

describe('GET /api/hotspots/forecast', () => {
  it('scores one split by hand: hit rate and PAI at 1, 5 and 10 % for each ranker', async () => {
    const body = await forecast('province=an_giang&distance=1000&bandwidth=400&split=2024-07-01');
    expect(body).toMatchObject({
      mode: 'split',
      horizon_months: 3,
      cells: n,
      shares_pct: [1, 5, 10],
    });
    expect(body.study_area_km2).toBeCloseTo(A / 1e6, 3);
    expect(body.result.scored).toEqual({ start: '2024-07-01', end: '2024-09-30' });
    expect(body.result.training).toEqual({ start: null, end: '2024-06-30' });
    const [m1, m5, m10] = [flagged(1), flagged(5), flagged(10)];
    expect([m1, m5, m10]).toEqual([6, 28, 56]); // 484 km^2 of 0.866 km^2 cells
    for (const ranker of ['count', 'density']) {
      for (const [k, m] of [
        [1, m1],
        [5, m5],
        [10, m10],
      ]) {
        const r = pick(body.result.results, ranker, k);
        expect(r.flagged_cells).toBe(m);
        expect(r.total).toBe(6);
        expect(r.hits).toBeCloseTo(countHits(m), 12);
        expect(r.hit_rate).toBeCloseTo(countHits(m) / 6, 12);
        expect(r.pai).toBeCloseTo(pai(countHits(m), 6, m), 9);
      }
    }
    // Gi* z (band 1 km): c0 and its six neighbours tie at the top (lag 5), then far's band
    // (lag 2), mid's (lag 1), then border cells (fewer neighbours: a lag of 0 is less negative).
    // 1 %: 6 of the 7 tied cells, which hold 4 seizures after: 4 x 6/7. 5 and 10 %: the 21 band
    // cells (4 + 1 + 0) and border cells, which hold none.
    const g1 = pick(body.result.results, 'gi_z', 1);
    expect(g1.hits).toBeCloseTo((4 * 6) / 7, 12);
    expect(g1.pai).toBeCloseTo(pai((4 * 6) / 7, 6, 6), 9);
    expect(pick(body.result.results, 'gi_z', 5).hits).toBeCloseTo(5, 12);
    expect(pick(body.result.results, 'gi_z', 10).hits).toBeCloseTo(5, 12);
  });

  it('rolls monthly splits over the window, with the summary and the last quarter', async () => {
    const body = await forecast(
      'province=an_giang&distance=1000&bandwidth=400&from=2024-04-01&to=2024-11-30',
    );
    expect(body).toMatchObject({ mode: 'rolling', training_months: 3, horizon_months: 1 });
    expect(body.splits.map((s: { split: string }) => s.split)).toEqual([
      '2024-07-01',
      '2024-08-01',
      '2024-09-01',
      '2024-10-01',
      '2024-11-01',
    ]);
    const july = body.splits[0];
    expect(july.training).toEqual({ start: '2024-04-01', end: '2024-06-30' });
    expect(july.scored).toEqual({ start: '2024-07-01', end: '2024-07-31' });
    // July learns from June and is scored on July: the single split's numbers.
    expect(pick(july.results, 'count', 5).hits).toBeCloseTo(countHits(flagged(5)), 12);
    expect(pick(july.results, 'gi_z', 1).hits).toBeCloseTo((4 * 6) / 7, 12);
    // August to October: nothing to score.
    expect(pick(body.splits[1].results, 'count', 5)).toMatchObject({
      total: 0,
      hit_rate: null,
      pai: null,
    });
    // November learns from three empty months: every cell ties, so chance: m/n of the one
    // seizure, PAI = A / (n x cell area), for every ranker.
    for (const ranker of ['count', 'density', 'gi_z']) {
      const r = pick(body.splits[4].results, ranker, 5);
      expect(r.hits).toBeCloseTo(flagged(5) / n, 12);
      expect(r.pai).toBeCloseTo(A / (n * cellArea), 9);
    }
    const summary = body.summary.find(
      (s: { ranker: string; share_pct: number }) => s.ranker === 'count' && s.share_pct === 5,
    );
    expect(summary.splits).toBe(2);
    expect(summary.mean_hit_rate).toBeCloseTo((countHits(flagged(5)) / 6 + flagged(5) / n) / 2, 12);
    // Last quarter: September to November scored on June to August (c0 8, far 3, mid, c0's east
    // neighbour and other 1 each). At 1 %, six cells: those five and one empty one; the November
    // seizure is in c0: a hit rate of 1.
    expect(body.last_quarter.split).toBe('2024-09-01');
    expect(body.last_quarter.training).toEqual({ start: '2024-06-01', end: '2024-08-31' });
    expect(body.last_quarter.scored).toEqual({ start: '2024-09-01', end: '2024-11-30' });
    const q1 = pick(body.last_quarter.results, 'count', 1);
    expect(q1).toMatchObject({ hits: 1, total: 1, hit_rate: 1, flagged_cells: 6 });
    expect(q1.pai).toBeCloseTo(A / (6 * cellArea), 9);
  });

  it('refuses bad splits, horizons and short windows with a code naming the reason', async () => {
    const cases: [string, string, RegExp][] = [
      ['province=an_giang&split=2024-7-1', 'bad_parameter', /split/],
      ['province=an_giang&split=2024-02-30', 'bad_parameter', /split/],
      ['province=an_giang&split=2024-07-01&from=2024-08-01', 'split_outside_window', /split/],
      ['province=an_giang&split=2024-07-01&horizon=0', 'bad_parameter', /horizon/],
      ['province=an_giang&training=x', 'bad_parameter', /training/],
      ['province=an_giang&from=2024-06-01&to=2024-08-31', 'window_too_short', /3 months/],
      ['split=2024-07-01', 'province_required', /province/],
    ];
    for (const [query, code, message] of cases) {
      const res = await get(query);
      expect(res.status, query).toBe(400);
      const { error } = await res.json();
      expect(error.code, query).toBe(code);
      expect(error.message, query).toMatch(message);
    }
  });
});
