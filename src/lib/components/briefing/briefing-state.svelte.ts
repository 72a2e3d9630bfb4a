/**
 * The briefing page's request state: the latest answer for the chosen province and period, a
 * refusal (403) kept apart from failures, and the window a bare address opens on.
 */
import { ApiError, fetchStats, isAbort } from '$lib/api';
import { PROVINCES, type Province } from '$lib/domain';
import { fetchBriefing, type Briefing, type BriefingQuery } from './briefing-api';

export interface BriefingChoice {
  province: Province;
  /** `YYYY-MM-DD` or '' for an open bound. */
  from: string;
  to: string;
}

/** The choice a URL names; missing dates stay '' (the page then picks the latest year). */
export function decodeChoice(params: URLSearchParams): BriefingChoice {
  const p = params.get('province');
  const day = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : '');
  return {
    province: (PROVINCES as readonly string[]).includes(p ?? '') ? (p as Province) : 'an_giang',
    from: day(params.get('from')),
    to: day(params.get('to')),
  };
}

/**
 * Twelve calendar months ending on the last day with a seizure: the default briefing period,
 * long enough for an emerging trend (10 months) and short enough for a monthly chart.
 * @example latestYear('2024-06-30') // { from: '2023-07-01', to: '2024-06-30' }
 */
export function latestYear(lastDay: string): { from: string; to: string } {
  const y = Number(lastDay.slice(0, 4));
  const m = Number(lastDay.slice(5, 7));
  const start = y * 12 + (m - 1) - 11;
  const from = `${Math.floor(start / 12)}-${String((start % 12) + 1).padStart(2, '0')}-01`;
  return { from, to: lastDay };
}

export class BriefingLoad {
  data = $state.raw<Briefing | null>(null);
  loading = $state(false);
  error = $state.raw<unknown>(null);
  forbidden = $state(false);
  onError: (error: unknown) => void = () => {};
  #abort: AbortController | null = null;

  async show(q: BriefingQuery): Promise<void> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.loading = true;
    try {
      this.data = await fetchBriefing(q, { signal: abort.signal });
      this.error = null;
      this.forbidden = false;
    } catch (e) {
      if (isAbort(e)) return;
      this.forbidden = e instanceof ApiError && e.status === 403;
      this.error = e;
      this.onError(e);
    } finally {
      if (this.#abort === abort) this.loading = false;
    }
  }

  /** The last day with a seizure in the province, for the default period; null if none. */
  async lastDay(province: Province): Promise<string | null> {
    try {
      return (await fetchStats({ province })).period?.last ?? null;
    } catch (e) {
      this.onError(e);
      return null;
    }
  }

  clear(): void {
    this.#abort?.abort();
    this.data = null;
    this.error = null;
    this.forbidden = false;
    this.loading = false;
  }
}
