import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MapState } from '../../src/lib/map/context.svelte';
import { dateFilterProblem } from '../../src/lib/map/date-filter';
import { DEFAULT_VIEW } from '../../src/lib/map/url-state';

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

/** A server answering every layer with one seizure-like feature, recording what was asked. */
function fakeApi() {
  const asked: URL[] = [];
  const fetchFn = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://test');
    asked.push(url);
    const body =
      url.pathname === '/api/layers'
        ? { layers: [] }
        : url.pathname === '/api/stats'
          ? ONE_CASE
          : {
              type: 'FeatureCollection',
              numberMatched: 1,
              numberReturned: 1,
              features: [
                {
                  type: 'Feature',
                  id: 1,
                  geometry: { type: 'Point', coordinates: [105, 10.5] },
                  properties: {
                    occurred_at: '2022-06-01T03:00:00Z',
                    value_vnd: 5_000_000,
                    subjects: 2,
                    lead_agency: 'customs',
                    category: 'sugar',
                  },
                },
              ],
            };
    return new Response(JSON.stringify(body), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  });
  const seizureRequests = () => asked.filter((u) => u.pathname === '/api/layers/seizures');
  const statsRequests = () => asked.filter((u) => u.pathname === '/api/stats');
  return { fetchFn, seizureRequests, statsRequests };
}

// The page's effects call refreshSeizures() and stats.refresh() whenever a filter changes
// (context.svelte.ts); the tests call them the same way, as effects run only in a browser build.
describe('the map state with a date filter that cannot be applied', () => {
  let api: ReturnType<typeof fakeApi>;
  let state: MapState;

  /** What the page's effect does on a filter change: refresh, then let the request finish. */
  async function settle() {
    state.refreshSeizures();
    state.stats.refresh();
    await vi.advanceTimersByTimeAsync(200);
  }

  beforeEach(async () => {
    vi.useFakeTimers();
    api = fakeApi();
    vi.stubGlobal('fetch', api.fetchFn);
    state = new MapState({ ...DEFAULT_VIEW, from: '2022-01-01', to: '2022-12-31' });
    await settle();
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('shows results for a valid range', () => {
    const [first] = api.seizureRequests();
    expect(first.searchParams.get('from')).toBe('2022-01-01');
    expect(first.searchParams.get('to')).toBe('2022-12-31');
    expect(state.loads.seizures.status).toBe('ready');
    expect(api.statsRequests().at(-1)!.search).toBe(
      '?province=an_giang&from=2022-01-01&to=2022-12-31',
    );
    expect(state.stats.status).toBe('ready');
    expect(state.stats.data).toMatchObject({ cases: 1, value_vnd: 5_000_000 });
  });

  it('clears the results and asks nothing when the range ends before it starts', async () => {
    const before = api.seizureRequests().length;
    const statsBefore = api.statsRequests().length;
    state.setDate('to', '2021-06-30');
    await settle();
    expect(state.filterProblem).toBe('range');
    expect(api.seizureRequests()).toHaveLength(before);
    expect(api.statsRequests()).toHaveLength(statsBefore);
    expect(state.data.seizures).toBeUndefined();
    expect(state.loads.seizures.status).toBe('idle');
    expect(state.stats.status).toBe('idle');
    expect(state.stats.data).toBeNull();
  });

  it('clears the results and asks nothing while a date field holds text that is not a day', async () => {
    const before = api.seizureRequests().length;
    state.setDate('from', undefined);
    await settle();
    expect(state.filterProblem).toBe('malformed');
    // The last good value stays in the state, but is not applied.
    expect(state.from).toBe('2022-01-01');
    expect(api.seizureRequests()).toHaveLength(before);
    expect(state.data.seizures).toBeUndefined();
    expect(state.filtersActive).toBe(true);
  });

  it('loads again with the corrected dates', async () => {
    state.setDate('to', '2021-06-30');
    await settle();
    state.setDate('to', '2022-06-30');
    await settle();
    expect(state.filterProblem).toBeNull();
    const last = api.seizureRequests().at(-1)!;
    expect(last.searchParams.get('from')).toBe('2022-01-01');
    expect(last.searchParams.get('to')).toBe('2022-06-30');
    expect(api.statsRequests().at(-1)!.searchParams.get('to')).toBe('2022-06-30');
    expect(state.stats.data?.cases).toBe(1);
  });

  it('never sends a request for an invalid range, even when a load is asked for directly', async () => {
    state.setDate('to', '2021-06-30');
    const before = api.seizureRequests().length;
    await state.load('seizures', new AbortController().signal);
    expect(api.seizureRequests()).toHaveLength(before);
  });

  it('forgets mistyped text when the dates are set from outside the fields', async () => {
    state.setDate('from', undefined);
    const resets = state.dateResets;
    state.setDates('2023-01-01', '2023-12-31');
    await settle();
    expect(state.malformed).toEqual({ from: false, to: false });
    expect(state.dateResets).toBe(resets + 1);
    expect(api.seizureRequests().at(-1)!.searchParams.get('from')).toBe('2023-01-01');
  });
});
