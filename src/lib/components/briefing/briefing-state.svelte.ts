/**
 * The briefing page's request state: the latest answer for the chosen province and period, a
 * refusal (403) kept apart from failures, and the last day with data for the default period.
 */
import { ApiError, fetchStats, isAbort } from '$lib/api';
import type { Province } from '$lib/domain';
import { fetchBriefing, type Briefing, type BriefingQuery } from './briefing-api';

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
