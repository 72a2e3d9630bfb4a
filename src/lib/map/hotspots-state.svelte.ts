/**
 * The hot-spot hexagons of the Map page: what they show (Gi* classes, emerging categories,
 * density or seizures against patrol effort), their settings (cell size, FDR, time step, the hot spot chosen from the list), the
 * answers of the hot-spot API per province, and the deck.gl layer drawing them. Follows the
 * map's filters as the stats do: a newer request aborts the older, errors keep a retry.
 */
import { untrack } from 'svelte';
import type { Layer } from '@deck.gl/core';
import type { PolygonLayer as PolygonLayerClass } from '@deck.gl/layers';
import { isAbort } from '$lib/api';
import { PROVINCES, type Province } from '$lib/domain';
import {
  fetchEmerging,
  fetchHotspots,
  type HotspotCollection,
  type HotspotFeature,
  type HotspotQuery,
  type TopHotspot,
} from '$lib/hotspots-api';
import { fetchEffort } from '$lib/effort-api';
import type { MapState } from './context.svelte';
import type { DeckTarget } from './deck-layers.svelte';
import {
  SELECTED_LINE,
  SELECTED_LINE_PX,
  densityBreaks,
  densityFill,
  effortFill,
  emergingFill,
  giFill,
  type Rgba,
} from './hotspot-styles';
import { isCellIdOf, type CellSize, type HotspotMode, type HotspotView } from './hotspot-url';
import { ForecastState } from './forecast-state.svelte';
import { TimePlay } from './time-play.svelte';

export type HotspotStatus = 'idle' | 'loading' | 'ready' | 'error';
/** Which call a mode needs: Gi* and density come in one answer, emerging and effort apart. */
export type HotspotKind = 'hotspots' | 'emerging' | 'effort';

/** The maplibre layer the hexagons are drawn under: rivers, trails, the frontier, names and
 *  every point stay on top of them. */
export const HEX_BEFORE_LAYER = 'waterways-canal';

const SETTLE_MS = 150;
const M_PER_DEG_LAT = 111_320;

/**
 * The box a chosen hot spot is framed in: its centre with `rings` cells of `cellM` metres on
 * each side, in degrees (a degree of longitude shrinks with the cosine of the latitude).
 * @example spotBounds({ centre: [105, 10] }, 1000, 2) // about [104.9772, 9.9775, 105.0228, 10.0225]
 */
export function spotBounds(
  spot: Pick<TopHotspot, 'centre'>,
  cellM: number,
  rings = 4,
): [number, number, number, number] {
  const [lon, lat] = spot.centre;
  const half = (rings + 0.5) * cellM;
  const dLat = half / M_PER_DEG_LAT;
  const dLon = half / (M_PER_DEG_LAT * Math.cos((lat * Math.PI) / 180));
  return [lon - dLon, lat - dLat, lon + dLon, lat + dLat];
}
const TRANSPARENT: Rgba = [0, 0, 0, 0];

export function kindOf(mode: HotspotMode): HotspotKind | null {
  if (mode === 'off') return null;
  if (mode === 'effort') return 'effort';
  return mode === 'emerging' ? 'emerging' : 'hotspots';
}

/** One province's answer, what it was asked for and the cells worth drawing. */
export interface HotspotResult {
  kind: HotspotKind;
  collection: HotspotCollection;
}

export class HotspotsState {
  mode = $state<HotspotMode>('gi');
  cell = $state<CellSize>(1000);
  fdr = $state(false);
  step = $state<HotspotView['step']>('month');
  selected = $state<string | null>(null);
  /** Where the map view should fly next (a chosen hot spot's surroundings); `seq` re-asks. */
  flyTarget = $state.raw<{ bounds: [number, number, number, number]; seq: number } | null>(null);

  /** Latest answer per province; kept while newer ones load, dropped when they no longer apply. */
  results = $state.raw<Partial<Record<Province, HotspotResult>>>({});
  status = $state<HotspotStatus>('idle');
  error = $state.raw<unknown>(null);
  #reloads = $state(0);
  /** deck.gl's PolygonLayer, imported on first use in the browser (never during SSR). */
  #layerClass = $state.raw<typeof PolygonLayerClass | null>(null);

  readonly map: MapState;
  readonly forecast: ForecastState;
  readonly play: TimePlay;

  view: HotspotView = $derived({
    mode: this.mode,
    cell: this.cell,
    fdr: this.fdr,
    step: this.step,
    selected: this.selected,
  });
  kind = $derived(kindOf(this.mode));
  /** The provinces with a study area in view: one, or both side by side. */
  get provinces(): Province[] {
    return this.map.province === 'all' ? [...PROVINCES] : [this.map.province];
  }

  /** The cells each province draws under the current mode, with the density class bounds. */
  drawn = $derived.by(() => {
    const out: Partial<Record<Province, { features: HotspotFeature[]; breaks: number[] }>> = {};
    for (const p of this.provinces) {
      const result = this.results[p];
      if (!result || result.kind !== this.kind) continue;
      const features = result.collection.features;
      const breaks =
        this.mode === 'density' ? densityBreaks(features.map((f) => f.properties.density)) : [];
      out[p] = { features: features.filter((f) => this.fillOf(f, breaks) !== null), breaks };
    }
    return out;
  });

  constructor(map: MapState) {
    this.map = map;
    this.forecast = new ForecastState(this);
    this.play = new TimePlay(map, this);
  }

  restore(view: HotspotView): void {
    this.mode = view.mode;
    this.cell = view.cell;
    this.fdr = view.fdr;
    this.step = view.step;
    this.selected = view.selected;
  }

  setMode(mode: HotspotMode): void {
    this.mode = mode;
  }

  setCell(cell: CellSize): void {
    if (cell === this.cell) return;
    this.cell = cell;
    // A cell id names a cell of one grid: another size has other cells.
    if (!isCellIdOf(this.selected, cell)) this.selected = null;
  }

  /**
   * Chooses a hot spot from the list: outlines its cell and asks the map to show it with four
   * rings of cells around it, so the nearest gate or river is in view too.
   */
  select(spot: TopHotspot): void {
    this.selected = spot.cell_id;
    this.flyTarget = { bounds: spotBounds(spot, this.cell), seq: (this.flyTarget?.seq ?? 0) + 1 };
  }

  /** The fill of a cell under the current mode, or null when it is not drawn. */
  fillOf(f: HotspotFeature, breaks: readonly number[]): Rgba | null {
    const p = f.properties;
    if (this.mode === 'gi') return giFill(p.class);
    if (this.mode === 'emerging') return emergingFill(p.category);
    if (this.mode === 'density') return densityFill(p.density, breaks);
    if (this.mode === 'effort') return effortFill(p.status);
    return null;
  }

  /** The filters as the API takes them, for one province. */
  query(province: Province): HotspotQuery {
    const m = this.map;
    const q: HotspotQuery = {
      province,
      cell: this.cell,
      fdr: this.fdr,
      from: m.from || undefined,
      to: m.to || undefined,
      category: [...m.categories],
      agency: [...m.agencies],
    };
    if (this.kind === 'emerging') q.step = this.step;
    return q;
  }

  retry(): void {
    this.#reloads++;
  }

  clear(): void {
    this.results = {};
    this.status = 'idle';
    this.error = null;
  }

  async load(kind: HotspotKind, queries: HotspotQuery[], signal: AbortSignal): Promise<void> {
    const fetcher =
      kind === 'emerging' ? fetchEmerging : kind === 'effort' ? fetchEffort : fetchHotspots;
    try {
      const answers = await Promise.all(queries.map((q) => fetcher(q, { signal })));
      if (signal.aborted) return;
      const results: Partial<Record<Province, HotspotResult>> = {};
      queries.forEach((q, i) => (results[q.province] = { kind, collection: answers[i] }));
      this.results = results;
      this.status = 'ready';
      this.error = null;
    } catch (error) {
      if (isAbort(error) || signal.aborted) return;
      // Hexagons of other filters would be read as these: drop them.
      this.results = {};
      this.status = 'error';
      this.error = error;
      this.map.onError(error);
    }
  }

  refresh(): () => void {
    const kind = this.kind;
    if (!kind || this.map.filterProblem) {
      this.clear();
      return () => {};
    }
    this.status = 'loading';
    this.error = null;
    const queries = this.provinces.map((p) => this.query(p));
    const controller = new AbortController();
    const timer = setTimeout(() => void this.load(kind, queries, controller.signal), SETTLE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }

  /** The deck.gl layer of one map view (see deck-layers.svelte.ts), or null. */
  layerFor(target: DeckTarget): Layer | null {
    const PolygonLayer = this.#layerClass;
    const province = target.inset ?? (this.map.province === 'all' ? null : this.map.province);
    if (!PolygonLayer || !province || this.mode === 'off') return null;
    const drawn = this.drawn[province];
    if (!drawn) return null;
    const selected = this.selected;
    const breaks = drawn.breaks;
    const mode = this.mode;
    // `beforeId` is read by the interleaved overlay (@deck.gl/mapbox), not by the layer's type.
    const placement = { beforeId: HEX_BEFORE_LAYER } as object;
    return new PolygonLayer<HotspotFeature>({
      ...placement,
      id: `hotspots-${province}`,
      data: drawn.features,
      getPolygon: (f) => f.geometry.coordinates,
      getFillColor: (f) => this.fillOf(f, breaks) ?? TRANSPARENT,
      stroked: true,
      filled: true,
      lineWidthUnits: 'pixels',
      getLineWidth: (f) => (f.properties.cell_id === selected ? SELECTED_LINE_PX : 0),
      getLineColor: SELECTED_LINE,
      updateTriggers: { getFillColor: [mode, breaks], getLineWidth: [selected] },
    }) as unknown as Layer;
  }

  /** Registers the layer and starts the effects; call during component initialisation. */
  watch(): void {
    this.map.deck.set('hotspots', (target) => this.layerFor(target));
    $effect(() => {
      if (!this.map.enabled || this.#layerClass || this.mode === 'off') return;
      void import('@deck.gl/layers').then((m) => (this.#layerClass = m.PolygonLayer));
    });
    $effect(() => {
      for (const p of this.provinces) this.query(p);
      void this.#reloads;
      void this.map.filterProblem;
      if (!this.map.enabled) return;
      return untrack(() => this.refresh());
    });
    this.forecast.watch();
    this.play.watch();
  }
}
