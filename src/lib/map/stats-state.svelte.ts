/**
 * The stats panel's figures, from `GET /api/stats` with the map's filters: counted by the server
 * over every matching seizure, so they hold however few of them the map has loaded.
 */
import { untrack } from 'svelte';
import { fetchStats, isAbort, type SeizureStats, type StatsQuery } from '$lib/api';
import type { MapState } from './context.svelte';

export type StatsStatus = 'idle' | 'loading' | 'ready' | 'error';

/** Quick successive edits (typing a date, ticking boxes) end in one request after this pause. */
const SETTLE_MS = 150;

export class StatsState {
  /** The latest figures; kept while newer ones load, dropped when they no longer apply. */
  data = $state.raw<SeizureStats | null>(null);
  status = $state<StatsStatus>('idle');
  error = $state.raw<unknown>(null);
  #reloads = $state(0);
  readonly map: MapState;

  constructor(map: MapState) {
    this.map = map;
  }

  /** The filters as the API takes them (province `all` is no province). */
  query(): StatsQuery {
    const m = this.map;
    return {
      province: m.province === 'all' ? undefined : m.province,
      from: m.from || undefined,
      to: m.to || undefined,
      category: [...m.categories],
      agency: [...m.agencies],
    };
  }

  retry(): void {
    this.#reloads++;
  }

  /** Forgets the figures (signed out, or filters that cannot be applied). */
  clear(): void {
    this.data = null;
    this.status = 'idle';
    this.error = null;
  }

  #loading(): void {
    this.status = 'loading';
    this.error = null;
  }

  async load(query: StatsQuery, signal: AbortSignal): Promise<void> {
    const province = this.map.province;
    this.#loading();
    try {
      const stats = await fetchStats(query, { signal });
      if (signal.aborted) return;
      this.data = stats;
      this.status = 'ready';
      // Without dates, the figures' first and last day are the province's whole period.
      if (!query.from && !query.to && stats.period) {
        this.map.periods[province] = [stats.period.first, stats.period.last];
      }
    } catch (error) {
      if (isAbort(error) || signal.aborted) return;
      // The figures shown belong to other filters: drop them rather than mislabel them.
      this.data = null;
      this.status = 'error';
      this.error = error;
      this.map.onError(error);
    }
  }

  /**
   * Brings the figures in line with the filters: drops them at once while the dates cannot be
   * applied, otherwise marks them loading and asks after a short pause, so quick successive edits
   * end in one request. Returns what cancels the pending request.
   */
  refresh(): () => void {
    if (this.map.filterProblem) {
      this.clear();
      return () => {};
    }
    // Figures of other filters are not shown as current while the new ones settle.
    this.#loading();
    const query = this.query();
    const controller = new AbortController();
    const timer = setTimeout(() => void this.load(query, controller.signal), SETTLE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }

  /**
   * Starts the effect that follows the filters; call during component initialisation. A newer
   * request aborts the older, so a late answer never replaces a newer one.
   */
  watch(): void {
    $effect(() => {
      this.query();
      void this.#reloads;
      void this.map.filterProblem;
      if (!this.map.enabled) return;
      return untrack(() => this.refresh());
    });
  }
}
