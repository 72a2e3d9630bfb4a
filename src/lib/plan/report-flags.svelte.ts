/**
 * The report flags of the open plan: asked again whenever the plan or its draft changes (after
 * the same pause as the coverage figures), a newer request aborting the older.
 */
import { untrack } from 'svelte';
import { isAbort } from '$lib/api';
import type { PlanState } from './plan-state.svelte';
import { COVERAGE_DEBOUNCE_MS } from './plan-state.svelte';
import { draftCollection } from './route-ops';
import { fetchReportFlags, type FlagsRequest, type ReportFlags } from './report-flags';

export class ReportFlagsState {
  data = $state.raw<ReportFlags | null>(null);
  status = $state<'idle' | 'loading' | 'ready' | 'error'>('idle');
  error = $state.raw<unknown>(null);
  onError: (error: unknown) => void = () => {};

  constructor(private readonly plan: PlanState) {}

  /** What to ask for: the saved plan as saved, the draft while it differs. */
  request(): FlagsRequest | null {
    const base = this.plan.base;
    if (!base) return null;
    if (!this.plan.dirty && !this.plan.drawing) return { province: base.province, plan: base.id };
    return { province: base.province, draft: draftCollection(this.plan.draftRoutes) };
  }

  async load(request: FlagsRequest, signal: AbortSignal): Promise<void> {
    this.status = 'loading';
    try {
      const flags = await fetchReportFlags(request, signal);
      if (signal.aborted) return;
      this.data = flags;
      this.status = 'ready';
      this.error = null;
    } catch (error) {
      if (isAbort(error) || signal.aborted) return;
      this.data = null;
      this.status = 'error';
      this.error = error;
      this.onError(error);
    }
  }

  watch(): void {
    $effect(() => {
      const request = this.request();
      const key = JSON.stringify(request);
      if (!this.plan.enabled || !request) {
        untrack(() => {
          this.data = null;
          this.status = 'idle';
        });
        return;
      }
      const controller = new AbortController();
      const timer = setTimeout(() => {
        untrack(() => void this.load(JSON.parse(key) as FlagsRequest, controller.signal));
      }, COVERAGE_DEBOUNCE_MS);
      return () => {
        clearTimeout(timer);
        controller.abort();
      };
    });
  }
}
