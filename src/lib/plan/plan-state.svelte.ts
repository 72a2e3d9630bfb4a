/**
 * The planner's state: the province's plans, the open plan as saved (`base`) and as edited
 * (`routes`), the line being drawn, the coverage of the draft and of the saved plan, a 409's
 * explanation and the suggestions. Shared with the panels through context. Pages talk only to
 * the API (plan-api.ts).
 */
import { getContext, setContext, untrack } from 'svelte';
import type { Position } from 'geojson';
import { ApiError, isAbort } from '$lib/api';
import type { Agency, Province } from '$lib/domain';
import * as api from './plan-api';
import { conflictSummary, coverageDelta, nothingCovered, type ConflictSummary } from './plan-diff';
import { newRouteKey, planBody, routesOf } from './plan-routes';
import {
  draftCollection,
  nextRouteName,
  routesDiffer,
  splitAt,
  withoutDeletedIds,
} from './route-ops';
import type { Coverage, Plan, PlanRoute, PlanSummary, Suggestion, Suggestions } from './types';

/** Pause after the last edit before the server is asked for the authoritative figures. */
export const COVERAGE_DEBOUNCE_MS = 400;

export interface RouteDefaults {
  agency: Agency;
  unit: string | null;
  radius_m: number;
  shifts_per_week: number;
}

type Status = 'idle' | 'loading' | 'ready' | 'error';

export class PlanState {
  province = $state<Province>('an_giang');
  enabled = $state(false);
  plans = $state.raw<PlanSummary[]>([]);
  listStatus = $state<Status>('idle');
  /** The plan as the server last gave it; edits are measured against it. */
  base = $state.raw<Plan | null>(null);
  routes = $state<PlanRoute[]>([]);
  selectedKey = $state<string | null>(null);
  /** The line being drawn, before it is finished. */
  drawing = $state.raw<{ key: string; coordinates: Position[] } | null>(null);
  /** What a new route gets: the form's values when nothing is selected. */
  defaults = $state<RouteDefaults>({
    agency: 'joint',
    unit: null,
    radius_m: 2000,
    shifts_per_week: 7,
  });
  coverage = $state.raw<Coverage | null>(null);
  coverageStatus = $state<Status>('idle');
  savedCoverage = $state.raw<Coverage | null>(null);
  saving = $state(false);
  /** A 409: what the other planner changed, and the plan as it now is. */
  conflict = $state.raw<{ summary: ConflictSummary; current: Plan } | null>(null);
  suggestions = $state.raw<Suggestions | null>(null);
  suggestStatus = $state<Status>('idle');
  /** Suggestions already taken into the plan (by rank), so they are not offered twice. */
  accepted = $state<number[]>([]);
  /** What a click on the map does: select and edit, draw a new line, or pick a vertex to split at. */
  tool = $state<'select' | 'linestring' | 'split'>('select');
  /** The Turf preview of the line being drawn or edited: frontier km inside its buffer. */
  preview = $state.raw<{ coveredKm: number; radiusM: number } | null>(null);
  /** The last split click found no inner vertex near it. */
  splitMissed = $state(false);
  /** Told about every failed request (the page uses it to notice an ended session). */
  onError: (error: unknown) => void = () => {};
  error = $state.raw<unknown>(null);

  selected = $derived(this.routes.find((r) => r.key === this.selectedKey) ?? null);
  dirty = $derived(this.base !== null && routesDiffer(routesOf(this.base), this.routes));
  /** The saved plan had no route: its figures are all zero (the server covers nothing only as 400). */
  private savedEmpty = $derived(this.base !== null && this.base.routes.features.length === 0);
  delta = $derived(
    coverageDelta(
      this.coverage,
      this.savedCoverage ??
        (this.savedEmpty && this.coverage ? nothingCovered(this.coverage) : null),
    ),
  );

  /** Every route of the draft plus the line being drawn: what the figures are computed for. */
  draftRoutes = $derived.by((): PlanRoute[] => {
    const d = this.drawing;
    if (!d || d.coordinates.length < 2) return this.routes;
    return [...this.routes, { key: d.key, name: '', ...this.defaults, coordinates: d.coordinates }];
  });

  async loadList(signal?: AbortSignal): Promise<void> {
    this.listStatus = 'loading';
    try {
      this.plans = await api.listPlans(this.province, signal);
      this.listStatus = 'ready';
    } catch (error) {
      if (isAbort(error)) return;
      this.fail(error);
      this.listStatus = 'error';
    }
  }

  async open(id: number): Promise<void> {
    try {
      this.show(await api.getPlan(id));
    } catch (error) {
      this.fail(error);
    }
  }

  /** Shows a plan as the server has it, dropping any edits. */
  show(plan: Plan): void {
    this.base = plan;
    this.routes = routesOf(plan);
    this.selectedKey = null;
    this.drawing = null;
    this.conflict = null;
    this.suggestions = null;
    this.accepted = [];
    this.coverage = null;
    this.savedCoverage = null;
    void this.refreshSaved();
  }

  close(): void {
    this.base = null;
    this.routes = [];
    this.selectedKey = null;
    this.drawing = null;
    this.coverage = null;
    this.savedCoverage = null;
    this.conflict = null;
    this.suggestions = null;
  }

  async create(name: string, agency: Agency): Promise<void> {
    try {
      const plan = await api.createPlan({ name, province: this.province, agency });
      await this.loadList();
      this.show(plan);
    } catch (error) {
      this.fail(error);
    }
  }

  async copy(id: number, name: string): Promise<void> {
    try {
      const plan = await api.copyPlan(id, name);
      await this.loadList();
      this.show(plan);
    } catch (error) {
      this.fail(error);
    }
  }

  async remove(plan: PlanSummary): Promise<void> {
    try {
      await api.deletePlan(plan.id, plan.version);
      if (this.base?.id === plan.id) this.close();
    } catch (error) {
      this.fail(error);
    }
    await this.loadList();
  }

  /** Saves the draft over `version` (the loaded one, or the current one after "keep mine"). */
  async save(version = this.base?.version): Promise<boolean> {
    const base = this.base;
    if (!base || version === undefined) return false;
    this.saving = true;
    try {
      const saved = await api.savePlan(base.id, planBody(base, version, this.routes));
      const selected = this.selected;
      this.show(saved);
      // Keep the same route selected across the save (it has an id now).
      const again = selected
        ? this.routes.find((r) => (selected.id ? r.id === selected.id : r.name === selected.name))
        : undefined;
      this.selectedKey = again?.key ?? null;
      void this.loadList();
      return true;
    } catch (error) {
      const current =
        error instanceof ApiError && error.status === 409
          ? (error.details?.current as Plan | undefined)
          : undefined;
      if (current) this.conflict = { summary: conflictSummary(base, current), current };
      else this.fail(error);
      return false;
    } finally {
      this.saving = false;
    }
  }

  /** After a 409: drop my edits and show the plan as the other planner left it. */
  reloadTheirs(): void {
    const current = this.conflict?.current;
    if (current) this.show(current);
  }

  /**
   * After a 409: write my draft over the current version, on purpose. Routes the other planner
   * added are not in my draft, so saving deletes them: the dialog says so before this runs.
   */
  async keepMine(): Promise<boolean> {
    const current = this.conflict?.current;
    if (!current) return false;
    // My routes that the other save deleted no longer exist: send them as new routes.
    this.routes = withoutDeletedIds(this.routes, current);
    this.base = { ...this.base!, version: current.version };
    this.conflict = null;
    return this.save(current.version);
  }

  addRoute(key: string, coordinates: Position[], name?: string): PlanRoute {
    const route: PlanRoute = {
      key,
      name: name ?? this.nextName(),
      ...this.defaults,
      coordinates,
    };
    this.routes = [...this.routes, route];
    this.selectedKey = key;
    return route;
  }

  nextName(): string {
    return nextRouteName(this.routes);
  }

  updateRoute(key: string, change: Partial<Omit<PlanRoute, 'key'>>): void {
    this.routes = this.routes.map((r) => (r.key === key ? { ...r, ...change } : r));
  }

  deleteRoute(key: string): void {
    this.routes = this.routes.filter((r) => r.key !== key);
    if (this.selectedKey === key) this.selectedKey = null;
  }

  /** Splits a route at an inner vertex: the first part keeps the route's id, the second is new. */
  split(key: string, index: number): boolean {
    const route = this.routes.find((r) => r.key === key);
    const parts = route ? splitAt(route.coordinates, index) : null;
    if (!route || !parts) return false;
    const second: PlanRoute = {
      ...route,
      id: undefined,
      key: newRouteKey(),
      name: `${route.name} (2)`,
      coordinates: parts[1],
    };
    this.routes = this.routes.flatMap((r) =>
      r.key === key ? [{ ...r, coordinates: parts[0] }, second] : [r],
    );
    this.selectedKey = second.key;
    return true;
  }

  async suggest(budgetKm: number, radiusM: number): Promise<void> {
    const base = this.base;
    if (!base) return;
    this.suggestStatus = 'loading';
    try {
      this.suggestions = await api.fetchSuggestions(base.id, {
        budget_km: budgetKm,
        radius_m: radiusM,
      });
      this.accepted = [];
      this.suggestStatus = 'ready';
    } catch (error) {
      this.fail(error);
      this.suggestStatus = 'error';
    }
  }

  /** One suggestion into the plan as a new route (not saved until the planner saves). */
  accept(s: Suggestion, radiusM: number, name: string): void {
    const route = this.addRoute(newRouteKey(), s.geometry.coordinates, name);
    this.updateRoute(route.key, { radius_m: radiusM });
    this.accepted = [...this.accepted, s.rank];
  }

  private async refreshSaved(): Promise<void> {
    const base = this.base;
    if (!base || base.routes.features.length === 0) return;
    try {
      const figures = await api.fetchCoverage({ province: base.province, plan: base.id });
      if (this.base?.id === base.id && this.base.version === base.version)
        this.savedCoverage = figures;
    } catch (error) {
      this.fail(error);
    }
  }

  private fail(error: unknown): void {
    this.error = error;
    this.onError(error);
  }

  /** Starts the loading effects; call during component initialisation. */
  watch(): void {
    $effect(() => {
      void this.province;
      if (!this.enabled) return;
      const controller = new AbortController();
      untrack(() => {
        if (this.base && this.base.province !== this.province) this.close();
        void this.loadList(controller.signal);
      });
      return () => controller.abort();
    });
    // The draft's figures from the server once the drawing pauses; a newer draft aborts.
    $effect(() => {
      const base = this.base;
      const draft = draftCollection(this.draftRoutes);
      if (!this.enabled || !base) return;
      // The figures shown are the previous draft's from this moment: say so at once, not only
      // when the request leaves after the pause (a reader must never take them for this line's).
      if (draft.features.length > 0) untrack(() => (this.coverageStatus = 'loading'));
      const controller = new AbortController();
      const timer = setTimeout(() => {
        untrack(() => void this.fetchDraft(base.province, draft, controller.signal));
      }, COVERAGE_DEBOUNCE_MS);
      return () => {
        clearTimeout(timer);
        controller.abort();
      };
    });
  }

  private async fetchDraft(
    province: Province,
    draft: ReturnType<typeof draftCollection>,
    signal: AbortSignal,
  ): Promise<void> {
    if (draft.features.length === 0) {
      // Nothing drawn: the server needs a route; the figures are the empty plan's.
      this.coverage = this.savedCoverage && this.routes.length === 0 ? this.savedCoverage : null;
      this.coverageStatus = 'idle';
      return;
    }
    this.coverageStatus = 'loading';
    try {
      const figures = await api.fetchCoverage({ province, draft }, signal);
      if (signal.aborted) return;
      this.coverage = figures;
      this.coverageStatus = 'ready';
    } catch (error) {
      if (isAbort(error) || signal.aborted) return;
      this.coverageStatus = 'error';
      this.fail(error);
    }
  }
}

const KEY = Symbol('brm-plan-state');

export function setPlanState(state: PlanState): PlanState {
  setContext(KEY, state);
  return state;
}

export function getPlanState(): PlanState {
  const state = getContext<PlanState | undefined>(KEY);
  if (!state) throw new Error('getPlanState() outside the Plan page');
  return state;
}
