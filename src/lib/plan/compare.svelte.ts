/**
 * Two plans side by side: their figures from POST /api/coverage (each saved plan on its own)
 * and their coverage areas on the one map in two colours.
 */
import { isAbort } from '$lib/api';
import type { Province } from '$lib/domain';
import { fetchCoverage } from './plan-api';
import type { Coverage } from './types';

export class PlanComparison {
  ids = $state<number[]>([]);
  figures = $state.raw<Record<number, Coverage>>({});
  status = $state<'idle' | 'loading' | 'ready' | 'error'>('idle');
  onError: (error: unknown) => void = () => {};

  /** Ticks a plan in or out; the third tick drops the oldest. */
  toggle(id: number): void {
    this.ids = this.ids.includes(id)
      ? this.ids.filter((x) => x !== id)
      : [...this.ids, id].slice(-2);
  }

  clear(): void {
    this.ids = [];
    this.figures = {};
    this.status = 'idle';
  }

  async load(province: Province, signal?: AbortSignal): Promise<void> {
    const ids = [...this.ids];
    if (ids.length !== 2) return;
    this.status = 'loading';
    try {
      const answers = await Promise.all(
        ids.map((plan) => fetchCoverage({ province, plan }, signal)),
      );
      this.figures = Object.fromEntries(ids.map((id, i) => [id, answers[i]]));
      this.status = 'ready';
    } catch (error) {
      if (isAbort(error)) return;
      this.status = 'error';
      this.onError(error);
    }
  }
}
