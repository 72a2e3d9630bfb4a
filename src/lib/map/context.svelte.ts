/**
 * The Map page's state: one class of `$state` fields, created by the page and shared with the
 * panels and the map view through context. Loading from the API lives here too, so every piece
 * of the page sees the same data, status and errors.
 */
import { getContext, setContext, untrack } from 'svelte';
import { bbox as turfBbox } from '@turf/turf';
import {
  fetchLayer,
  fetchLayerList,
  isAbort,
  MAX_LIMIT,
  type LayerCollection,
  type LayerInfo,
  type LayerQuery,
} from '$lib/api';
import {
  LAYER_IDS,
  PROVINCE_BOUNDS,
  type Agency,
  type Category,
  type LayerId,
  type Province,
} from '$lib/domain';
import { i18n } from '$lib/i18n/locale.svelte';
import { dateFilterProblem } from './date-filter';
import { filterReports, reportFilterParts, type ReportFilter } from './report-filter';
import { DeckLayers } from './deck-layers.svelte';
import { SeizurePointsState } from './seizure-points.svelte';
import { HotspotsState } from './hotspots-state.svelte';
import { StatsState } from './stats-state.svelte';
import { ObjectsNearFrontierState } from './objects-near-frontier.svelte';
import type { ColourMode } from './styles';
import type { ProvinceChoice, ViewState } from './url-state';

export type Bounds = [number, number, number, number];

export interface LayerLoad {
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** The province the data (or the error) belongs to. */
  province: ProvinceChoice | null;
  matched: number;
  returned: number;
  error: unknown;
}

/** Layers loaded as GeoJSON, reloaded only when the province changes (seizures come as points). */
export const STATIC_LAYERS = LAYER_IDS.filter((id) => id !== 'seizures');

const idle = (): LayerLoad => ({
  status: 'idle',
  province: null,
  matched: 0,
  returned: 0,
  error: null,
});

export function provinceBounds(province: ProvinceChoice): Bounds {
  if (province !== 'all') return PROVINCE_BOUNDS[province];
  const all = Object.values(PROVINCE_BOUNDS);
  return [
    Math.min(...all.map((b) => b[0])),
    Math.min(...all.map((b) => b[1])),
    Math.max(...all.map((b) => b[2])),
    Math.max(...all.map((b) => b[3])),
  ];
}

export class MapState {
  province = $state<ProvinceChoice>('an_giang');
  visible = $state<Record<LayerId, boolean>>(
    Object.fromEntries(LAYER_IDS.map((id) => [id, true])) as Record<LayerId, boolean>,
  );
  from = $state('');
  to = $state('');
  /** Date fields holding text that is not a day; their `from` / `to` above are not applied. */
  malformed = $state({ from: false, to: false });
  /** Bumped when the dates are set from outside the fields, so the fields drop mistyped text. */
  dateResets = $state(0);
  categories = $state<Category[]>([]);
  agencies = $state<Agency[]>([]);
  colourBy = $state<ColourMode>('agency');
  center = $state<[number, number] | null>(null);
  zoom = $state<number | null>(null);
  /** A seizure whose popup the map view opens once (from the URL's `seizure`), or null. */
  focusSeizure = $state<number | null>(null);

  /** The API's catalogue (titles, total counts), or empty until it answers. */
  catalogue = $state.raw<LayerInfo[]>([]);
  catalogueError = $state.raw<unknown>(null);
  /** Latest data per layer; replaced, never mutated, so the map can setData it as is. */
  data = $state.raw<Partial<Record<LayerId, LayerCollection>>>({});
  loads = $state<Record<LayerId, LayerLoad>>(
    Object.fromEntries(LAYER_IDS.map((id) => [id, idle()])) as Record<LayerId, LayerLoad>,
  );
  /** First and last day of the seizures without a time filter, per province. */
  periods = $state<Partial<Record<ProvinceChoice, [string, string]>>>({});
  /** Bumped to ask the map view to frame the province once its frontier has loaded. */
  frameRequest = $state(0);
  /** Loading runs only while true (the page sets it from the session). */
  enabled = $state(false);
  /** Told about every failed request (the page uses it to notice an ended session). */
  onError: (error: unknown) => void = () => {};
  /** Bumped per layer by "retry". */
  reloads = $state<Record<LayerId, number>>(
    Object.fromEntries(LAYER_IDS.map((id) => [id, 0])) as Record<LayerId, number>,
  );

  /** The stats panel's figures, counted by the server over every matching seizure. */
  readonly stats = new StatsState(this);
  /** deck.gl layers over the map (hot spots, seizure points), built per map view. */
  readonly deck = new DeckLayers();
  /** Every seizure of the province as binary columns, filtered on the GPU. */
  readonly points = new SeizurePointsState(this);
  /** The hot-spot hexagons, their settings, the forecast check and the play button. */
  readonly hotspots = new HotspotsState(this);
  /** The suspicious objects seen again and again near the frontier (their own endpoint). */
  readonly objects = new ObjectsNearFrontierState(this);
  period = $derived(this.periods[this.province] ?? null);
  /** Why the date filter cannot be applied, or null: then no seizures are shown or requested. */
  filterProblem = $derived(
    dateFilterProblem({ from: this.from, to: this.to, malformed: this.malformed }),
  );
  filtersActive = $derived(
    this.from !== '' ||
      this.to !== '' ||
      this.malformed.from ||
      this.malformed.to ||
      this.categories.length > 0 ||
      this.agencies.length > 0,
  );

  /** The map's date window and goods filter as the reports layer applies them (report-filter.ts). */
  reportFilter: ReportFilter = $derived({
    from: this.from,
    to: this.to,
    categories: this.categories,
    problem: this.filterProblem,
  });
  /** Which of those filters narrow the reports now (the layer row says so). */
  reportFilterParts = $derived(reportFilterParts(this.reportFilter));
  /** The reports drawn: the loaded layer under the map's filters (the loaded one when none). */
  shownReports = $derived(
    this.data.reports ? filterReports(this.data.reports, this.reportFilter) : undefined,
  );

  view: ViewState = $derived({
    province: this.province,
    visible: LAYER_IDS.filter((id) => this.visible[id]),
    from: this.from,
    to: this.to,
    categories: this.categories,
    agencies: this.agencies,
    colourBy: this.colourBy,
    center: this.center,
    zoom: this.zoom,
    locale: i18n.locale,
    hotspots: this.hotspots.view,
    seizure: this.focusSeizure,
  });

  constructor(view: ViewState) {
    this.province = view.province;
    for (const id of LAYER_IDS) this.visible[id] = view.visible.includes(id);
    this.from = view.from;
    this.to = view.to;
    this.categories = [...view.categories];
    this.agencies = [...view.agencies];
    this.colourBy = view.colourBy;
    this.center = view.center;
    this.zoom = view.zoom;
    this.hotspots.restore(view.hotspots);
    this.focusSeizure = view.seizure ?? null;
    // Without a saved camera, frame the province as soon as its frontier is known (a seizure to
    // open brings its own camera).
    if (view.center === null && this.focusSeizure === null) this.frameRequest = 1;
  }

  setProvince(province: ProvinceChoice): void {
    if (province !== this.province) this.province = province;
    this.frameRequest++;
  }

  /** A date typed into a field: a day, '' for an open bound, or undefined for text that is not a day. */
  setDate(bound: 'from' | 'to', value: string | undefined): void {
    this.malformed[bound] = value === undefined;
    if (value !== undefined) this[bound] = value;
  }

  /** Both dates at once, from outside the fields (a year chip, "full period"). */
  setDates(from: string, to: string): void {
    this.from = from;
    this.to = to;
    this.malformed = { from: false, to: false };
    this.dateResets++;
  }

  resetFilters(): void {
    this.setDates('', '');
    this.categories = [];
    this.agencies = [];
  }

  /** Forgets every loaded record (on sign-out, so the next user starts from nothing). */
  clearData(): void {
    this.data = {};
    this.catalogue = [];
    for (const id of LAYER_IDS) this.loads[id] = idle();
    this.points.clear();
    this.stats.clear();
    this.hotspots.clear();
    this.objects.clear();
  }

  /** A layer's features as drawn and counted in the legend: the reports filtered, others as loaded. */
  layerData(id: LayerId): LayerCollection | undefined {
    return id === 'reports' ? this.shownReports : this.data[id];
  }

  retry(id: LayerId): void {
    this.reloads[id]++;
    // The figures of the seizures failed with them, most likely: one "retry" asks for both.
    if (id === 'seizures' && this.stats.status === 'error') this.stats.retry();
  }

  /** What to fit the camera to: the frontier's extent once loaded, the preset box otherwise. */
  frameBounds(): Bounds {
    const frontier = this.data.frontier;
    const load = this.loads.frontier;
    if (frontier && load.status === 'ready' && load.province === this.province) {
      if (frontier.features.length > 0) return turfBbox(frontier) as Bounds;
    }
    return provinceBounds(this.province);
  }

  /** What to fit one province's inset to: its frontier within the data loaded for both. */
  frameBoundsOf(province: Province): Bounds {
    const own = this.data.frontier?.features.filter((f) => f.properties?.province === province);
    if (this.frontierSettled && own && own.length > 0) {
      return turfBbox({ type: 'FeatureCollection', features: own }) as Bounds;
    }
    return PROVINCE_BOUNDS[province];
  }

  /** Whether the frontier for the current province has settled (loaded or failed). */
  get frontierSettled(): boolean {
    const load = this.loads.frontier;
    return load.province === this.province && (load.status === 'ready' || load.status === 'error');
  }

  queryFor(): LayerQuery {
    const query: LayerQuery = { limit: MAX_LIMIT };
    if (this.province !== 'all') query.province = this.province;
    return query;
  }

  /** Loads a layer other than the seizures (those come as points: `points`). */
  async load(id: LayerId, signal: AbortSignal): Promise<void> {
    const province = this.province;
    const query = this.queryFor();
    this.loads[id] = { ...this.loads[id], status: 'loading', error: null };
    try {
      const fc = await fetchLayer(id, query, { signal });
      if (signal.aborted) return;
      this.data = { ...this.data, [id]: fc };
      this.loads[id] = {
        status: 'ready',
        province,
        matched: fc.numberMatched,
        returned: fc.numberReturned,
        error: null,
      };
    } catch (error) {
      if (isAbort(error) || signal.aborted) return;
      // Drop what the layer showed before: it belongs to another province or other filters.
      const { [id]: _stale, ...rest } = this.data;
      this.data = rest;
      this.loads[id] = { status: 'error', province, matched: 0, returned: 0, error };
      this.onError(error);
    }
  }

  async loadCatalogue(signal?: AbortSignal): Promise<void> {
    try {
      this.catalogue = await fetchLayerList({ signal });
      this.catalogueError = null;
    } catch (error) {
      if (isAbort(error)) return;
      this.catalogueError = error;
      this.onError(error);
    }
  }

  /**
   * Starts the loading effects; call during component initialisation. Static layers follow the
   * province, seizures follow the province and the filters; a newer request aborts the older.
   */
  watch(): void {
    $effect(() => {
      if (!this.enabled) return;
      const controller = new AbortController();
      untrack(() => void this.loadCatalogue(controller.signal));
      return () => controller.abort();
    });
    for (const id of STATIC_LAYERS) {
      $effect(() => {
        void this.province;
        void this.reloads[id];
        if (!this.enabled) return;
        const controller = new AbortController();
        // load() reads and writes `loads`: untracked, or the effect would re-trigger itself.
        untrack(() => void this.load(id, controller.signal));
        return () => controller.abort();
      });
    }
    this.points.watch();
    // The seizures' row in the layer panel: what is drawn, counted with the GPU's filter. Every
    // seizure of the province is loaded, so matched and returned are the same: no cut.
    $effect(() => {
      const { status, province, error, counts } = this.points;
      const problem = this.filterProblem;
      untrack(() => {
        if (problem || status === 'idle') this.loads.seizures = idle();
        else if (status === 'ready' && counts) {
          const n = counts.total;
          this.loads.seizures = { status, province, matched: n, returned: n, error: null };
        } else this.loads.seizures = { status, province, matched: 0, returned: 0, error };
      });
    });
    this.stats.watch();
    this.hotspots.watch();
    this.objects.watch();
  }
}

const KEY = Symbol('brm-map-state');

export function setMapState(state: MapState): MapState {
  setContext(KEY, state);
  return state;
}

export function getMapState(): MapState {
  const state = getContext<MapState | undefined>(KEY);
  if (!state) throw new Error('getMapState() outside the Map page');
  return state;
}
