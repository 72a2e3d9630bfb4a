import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MapState } from '../../src/lib/map/context.svelte';
import { dateFilterProblem } from '../../src/lib/map/date-filter';
import { DEFAULT_VIEW } from '../../src/lib/map/url-state';
import { AGENCIES, CATEGORIES } from '../../src/lib/domain';
import { SEIZURE_POINTS_TYPE, encodeSeizurePoints } from '../../src/lib/seizure-points';

const ok = { from: false, to: false };

describe('dateFilterProblem', () => {
  it('accepts open bounds, one day and an ordered range', () => {
    expect(dateFilterProblem({ from: '', to: '', malformed: ok })).toBeNull();
    expect(dateFilterProblem({ from: '2024-01-01', to: '', malformed: ok })).toBeNull();
    expect(dateFilterProblem({ from: '', to: '2024-01-01', malformed: ok })).toBeNull();
    expect(dateFilterProblem({ from: '2024-03-05', to: '2024-03-05', malformed: ok })).toBeNull();
    expect(dateFilterProblem({ from: '2023-12-31', to: '2024-01-01', malformed: ok })).toBeNull();
  });

  it('refuses a range that ends before it starts', () => {
    expect(dateFilterProblem({ from: '2024-01-02', to: '2024-01-01', malformed: ok })).toBe(
      'range',
    );
  });

  it('refuses a field whose text is not a day, before looking at the range', () => {
    const malformed = { from: false, to: true };
    expect(dateFilterProblem({ from: '2024-01-02', to: '2024-01-01', malformed })).toBe(
      'malformed',
    );
    expect(dateFilterProblem({ from: '', to: '', malformed: { from: true, to: false } })).toBe(
      'malformed',
    );
  });
});

/** The figures of one seizure, as /api/stats gives them. */
const ONE_CASE = {
  cases: 1,
  value_vnd: 5_000_000,
  subjects: 2,
  synthetic: 0,
  period: { first: '2022-06-01', last: '2022-06-01' },
  by_category: [{ category: 'sugar', cases: 1, value_vnd: 5_000_000 }],
  by_agency: [],
  by_province: [],
  by_month: [],
};

/** One seizure on 1 June 2022 (Vietnam time), as the points endpoint sends it. */
const POINTS = encodeSeizurePoints(
  [
    {
      id: 1,
      lon: 105,
      lat: 10.5,
      day: '2022-06-01',
      category: 'sugar',
      agency: 'customs',
      valueClass: 0,
    },
  ],
  {
    origin: [105, 10.5],
    categories: [...CATEGORIES],
    agencies: [...AGENCIES],
    value_breaks_vnd: [50_000_000, 200_000_000, 1_000_000_000],
  },
);

/** A server answering the points, the stats and the layer list, recording what was asked. */
function fakeApi() {
  const asked: URL[] = [];
  const fetchFn = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://test');
    asked.push(url);
    if (url.pathname === '/api/seizures/points') {
      return new Response(POINTS.slice(), {
        status: 200,
        headers: { 'content-type': SEIZURE_POINTS_TYPE },
      });
    }
    const body = url.pathname === '/api/stats' ? ONE_CASE : { layers: [] };
    return new Response(JSON.stringify(body), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  });
  const seizureRequests = () =>
    asked.filter(
      (u) => u.pathname.startsWith('/api/seizures') || u.pathname.startsWith('/api/layers/'),
    );
  const statsRequests = () => asked.filter((u) => u.pathname === '/api/stats');
  return { fetchFn, seizureRequests, statsRequests };
}

// The page's effects load the points on a province change and call stats.refresh() whenever a
// filter changes (context.svelte.ts); the tests do the same, as effects run only in a browser build.
describe('the map state with a date filter that cannot be applied', () => {
  let api: ReturnType<typeof fakeApi>;
  let state: MapState;

  /** What the page's effect does on a filter change: refresh, then let the request finish. */
  async function settle() {
    state.stats.refresh();
    await vi.advanceTimersByTimeAsync(200);
  }

  beforeEach(async () => {
    vi.useFakeTimers();
    api = fakeApi();
    vi.stubGlobal('fetch', api.fetchFn);
    state = new MapState({ ...DEFAULT_VIEW, from: '2022-01-01', to: '2022-12-31' });
    await state.points.load(new AbortController().signal);
    await settle();
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('draws the seizures of a valid range, fetched once for the province', () => {
    expect(api.seizureRequests().map((u) => u.pathname + u.search)).toEqual([
      '/api/seizures/points?province=an_giang',
    ]);
    expect(state.points.status).toBe('ready');
    expect(state.points.counts?.total).toBe(1);
    expect(state.points.filter?.days).toEqual([-151, 213]);
    expect(api.statsRequests().at(-1)!.search).toBe(
      '?province=an_giang&from=2022-01-01&to=2022-12-31',
    );
    expect(state.stats.status).toBe('ready');
    expect(state.stats.data).toMatchObject({ cases: 1, value_vnd: 5_000_000 });
  });

  it('draws nothing and asks nothing when the range ends before it starts', async () => {
    const statsBefore = api.statsRequests().length;
    state.setDate('to', '2021-06-30');
    await settle();
    expect(state.filterProblem).toBe('range');
    expect(api.seizureRequests()).toHaveLength(1);
    expect(api.statsRequests()).toHaveLength(statsBefore);
    expect(state.points.filter).toBeNull();
    expect(state.points.counts).toBeNull();
    expect(state.points.layer()).toBeNull();
    expect(state.stats.status).toBe('idle');
    expect(state.stats.data).toBeNull();
  });

  it('draws nothing while a date field holds text that is not a day', async () => {
    state.setDate('from', undefined);
    await settle();
    expect(state.filterProblem).toBe('malformed');
    // The last good value stays in the state, but is not applied.
    expect(state.from).toBe('2022-01-01');
    expect(state.points.counts).toBeNull();
    expect(state.filtersActive).toBe(true);
  });

  it('draws again with the corrected dates, without fetching the points again', async () => {
    state.setDate('to', '2021-06-30');
    await settle();
    state.setDate('to', '2022-05-31');
    await settle();
    expect(state.filterProblem).toBeNull();
    expect(state.points.counts?.total).toBe(0);
    state.setDate('to', '2022-06-01'); // a bare `to` day is included whole
    await settle();
    expect(state.points.counts?.total).toBe(1);
    expect(api.seizureRequests()).toHaveLength(1);
    expect(api.statsRequests().at(-1)!.searchParams.get('to')).toBe('2022-06-01');
    expect(state.stats.data?.cases).toBe(1);
  });

  it('filters categories and agencies on the points, not by asking', async () => {
    state.categories = ['fuel'];
    expect(state.points.counts?.total).toBe(0);
    state.categories = ['sugar'];
    state.agencies = ['customs'];
    expect(state.points.counts?.total).toBe(1);
    state.agencies = ['joint'];
    expect(state.points.counts?.total).toBe(0);
    expect(api.seizureRequests()).toHaveLength(1);
  });

  it('forgets mistyped text when the dates are set from outside the fields', async () => {
    state.setDate('from', undefined);
    const resets = state.dateResets;
    state.setDates('2023-01-01', '2023-12-31');
    await settle();
    expect(state.malformed).toEqual({ from: false, to: false });
    expect(state.dateResets).toBe(resets + 1);
    expect(state.points.counts?.total).toBe(0);
  });
});
