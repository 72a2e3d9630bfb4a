import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../src/lib/api';
import { MapState } from '../../src/lib/map/context.svelte';
import { DEFAULT_VIEW } from '../../src/lib/map/url-state';

const figures = (cases: number, period: { first: string; last: string } | null = null) => ({
  cases,
  value_vnd: cases * 1_000_000,
  subjects: cases,
  synthetic: 0,
  period,
  by_category: [],
  by_agency: [],
  by_province: [],
  by_month: [],
});

interface Pending {
  url: URL;
  signal: AbortSignal | null | undefined;
  answer: (status: number, body: unknown) => void;
}

/** A server whose answers the test gives by hand; an aborted request fails as fetch's would. */
function fakeServer() {
  const pending: Pending[] = [];
  const fetchFn = vi.fn(
    (input: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((resolve, reject) => {
        const signal = init?.signal;
        signal?.addEventListener('abort', () =>
          reject(new DOMException('The operation was aborted.', 'AbortError')),
        );
        pending.push({
          url: new URL(String(input), 'http://test'),
          signal,
          answer: (status, body) => resolve(new Response(JSON.stringify(body), { status })),
        });
      }),
  );
  return { fetchFn, pending };
}

// The page's effect calls stats.refresh() on every filter change and cancels the previous one
// (stats-state.svelte.ts); effects run only in a browser build, so the tests do the same by hand.
describe('the stats panel state', () => {
  let server: ReturnType<typeof fakeServer>;
  let map: MapState;

  beforeEach(() => {
    vi.useFakeTimers();
    server = fakeServer();
    vi.stubGlobal('fetch', server.fetchFn);
    map = new MapState({ ...DEFAULT_VIEW });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it("asks /api/stats with the map's filters, both provinces as none", async () => {
    map.setProvince('all');
    map.setDates('2023-01-01', '2023-06-30');
    map.categories = ['drugs', 'fuel'];
    map.agencies = ['joint'];
    map.stats.refresh();
    expect(map.stats.status).toBe('loading');
    await vi.advanceTimersByTimeAsync(150);
    expect(server.pending).toHaveLength(1);
    const { url } = server.pending[0];
    expect(url.pathname).toBe('/api/stats');
    expect(url.search).toBe('?from=2023-01-01&to=2023-06-30&category=drugs%2Cfuel&agency=joint');
    server.pending[0].answer(200, figures(12));
    await vi.advanceTimersByTimeAsync(0);
    expect(map.stats.status).toBe('ready');
    expect(map.stats.data?.cases).toBe(12);
  });

  it('asks once for quick successive edits and never shows a stale answer', async () => {
    const cancelFirst = map.stats.refresh();
    await vi.advanceTimersByTimeAsync(150);
    const first = server.pending[0];
    // Two edits within the pause: the first is cancelled before it asks.
    cancelFirst();
    map.categories = ['sugar'];
    const cancelSecond = map.stats.refresh();
    await vi.advanceTimersByTimeAsync(100);
    cancelSecond();
    map.agencies = ['customs'];
    map.stats.refresh();
    await vi.advanceTimersByTimeAsync(150);
    expect(server.pending).toHaveLength(2);
    expect(first.signal?.aborted).toBe(true);
    const latest = server.pending[1];
    expect(latest.url.searchParams.get('category')).toBe('sugar');
    expect(latest.url.searchParams.get('agency')).toBe('customs');
    // The stale answer arrives last and must not replace the newer one.
    latest.answer(200, figures(3));
    await vi.advanceTimersByTimeAsync(0);
    first.answer(200, figures(99));
    await vi.advanceTimersByTimeAsync(0);
    expect(map.stats.data?.cases).toBe(3);
  });

  it('reports a failure, drops the old figures and tells the page', async () => {
    const seen: unknown[] = [];
    map.onError = (e) => seen.push(e);
    map.stats.refresh();
    await vi.advanceTimersByTimeAsync(150);
    server.pending[0].answer(200, figures(5));
    await vi.advanceTimersByTimeAsync(0);
    map.categories = ['gold'];
    map.stats.refresh();
    await vi.advanceTimersByTimeAsync(150);
    server.pending[1].answer(503, {
      error: { code: 'busy', message: 'The server is busy.', details: { retry_after_s: 2 } },
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(map.stats.status).toBe('error');
    expect(map.stats.data).toBeNull();
    expect(map.stats.error).toBeInstanceOf(ApiError);
    expect(seen).toEqual([map.stats.error]);
    expect((map.stats.error as ApiError).code).toBe('busy');
  });

  it("keeps the figures' period as the province's full period only without dates", async () => {
    map.stats.refresh();
    await vi.advanceTimersByTimeAsync(150);
    server.pending[0].answer(200, figures(4, { first: '2020-01-05', last: '2024-11-30' }));
    await vi.advanceTimersByTimeAsync(0);
    expect(map.period).toEqual(['2020-01-05', '2024-11-30']);
    map.setDates('2022-01-01', '2022-12-31');
    map.stats.refresh();
    await vi.advanceTimersByTimeAsync(150);
    server.pending[1].answer(200, figures(1, { first: '2022-03-03', last: '2022-03-03' }));
    await vi.advanceTimersByTimeAsync(0);
    expect(map.period).toEqual(['2020-01-05', '2024-11-30']);
  });

  it('asks nothing and shows nothing while the dates cannot be applied', async () => {
    map.stats.refresh();
    await vi.advanceTimersByTimeAsync(150);
    server.pending[0].answer(200, figures(5));
    await vi.advanceTimersByTimeAsync(0);
    map.setDates('2024-05-01', '2024-01-01');
    map.stats.refresh();
    await vi.advanceTimersByTimeAsync(500);
    expect(server.pending).toHaveLength(1);
    expect(map.stats.status).toBe('idle');
    expect(map.stats.data).toBeNull();
  });

  it('forgets the figures on sign-out', async () => {
    map.stats.refresh();
    await vi.advanceTimersByTimeAsync(150);
    server.pending[0].answer(200, figures(5));
    await vi.advanceTimersByTimeAsync(0);
    map.clearData();
    expect(map.stats.data).toBeNull();
    expect(map.stats.status).toBe('idle');
  });
});
