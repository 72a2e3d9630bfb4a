/**
 * The forecast check of the hot-spot panel: `GET /api/hotspots/forecast` for the province and
 * filters shown, refetched when they change (the stale request aborted), with a retry.
 */
import { untrack } from 'svelte';
import { isAbort } from '$lib/api';
import { fetchForecast, type ForecastAnswer } from '$lib/hotspots-api';
import type { HotspotsState } from './hotspots-state.svelte';

const SETTLE_MS = 300;

export class ForecastState {
  data = $state.raw<ForecastAnswer | null>(null);
  status = $state<'idle' | 'loading' | 'ready' | 'error'>('idle');
  error = $state.raw<unknown>(null);
  #reloads = $state(0);
  readonly hotspots: HotspotsState;

  constructor(hotspots: HotspotsState) {
    this.hotspots = hotspots;
  }

  retry(): void {
    this.#reloads++;
  }

  clear(): void {
    this.data = null;
    this.status = 'idle';
    this.error = null;
  }

  refresh(): () => void {
    const map = this.hotspots.map;
    // One study area per check: the side-by-side view has none.
    if (map.province === 'all' || map.filterProblem || this.hotspots.mode === 'off') {
      this.clear();
      return () => {};
    }
    const { step: _step, ...query } = this.hotspots.query(map.province);
    this.status = 'loading';
    this.error = null;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const data = await fetchForecast(query, { signal: controller.signal });
        if (controller.signal.aborted) return;
        this.data = data;
        this.status = 'ready';
      } catch (error) {
        if (isAbort(error) || controller.signal.aborted) return;
        this.data = null;
        this.status = 'error';
        this.error = error;
        map.onError(error);
      }
    }, SETTLE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }

  watch(): void {
    $effect(() => {
      const map = this.hotspots.map;
      if (map.province !== 'all') this.hotspots.query(map.province);
      void (this.hotspots.mode === 'off');
      void this.#reloads;
      void map.filterProblem;
      if (!map.enabled) return;
      return untrack(() => this.refresh());
    });
  }
}
