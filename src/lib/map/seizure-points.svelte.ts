/**
 * Every seizure of the province on the map, as binary columns from `GET /api/seizures/points`,
 * drawn by one deck.gl ScatterplotLayer. Time, category and agency are filtered on the GPU by
 * DataFilterExtension, so moving the dates or ticking a box asks the server for nothing; only
 * another province (or "retry") fetches again. The same filter runs on the CPU to count what is
 * drawn and to find the points under a click.
 */
import { untrack } from 'svelte';
import type { Layer } from '@deck.gl/core';
import type { DataFilterExtension } from '@deck.gl/extensions';
import type { ScatterplotLayer } from '@deck.gl/layers';
import { fetchSeizurePoints, isAbort } from '$lib/api';
import { dayNumber, dayOfNumber, type SeizurePoints } from '$lib/seizure-points';
import type { MapState } from './context.svelte';
import {
  AGENCY_COLOURS,
  CATEGORY_COLOURS,
  MARK_OPACITY,
  MARK_SIZES_PX,
  markScaleAt,
} from './styles';
import type { ColourMode } from './styles';
import type { PickHit, Px } from './pick';
import { countPoints, pointFilter, pointsInBox, type PointCounts } from './point-filter';
import type { ProvinceChoice } from './url-state';

/** The deck.gl layer id (also the custom layer's id in maplibre's stack). */
export const POINTS_LAYER_ID = 'seizure-points';
/** Points sit under the gates' badges and labels, over the lines and province names. */
export const POINTS_BEFORE_ID = 'gates-symbol-minor';
/** A click's tie-break rank: after the gates (0, 1), before the lines (2 on). */
export const POINTS_PICK_RANK = 1.5;

interface Kit {
  ScatterplotLayer: typeof ScatterplotLayer;
  extension: DataFilterExtension;
}

type Rgba = [number, number, number, number];

function rgba(hex: string): Rgba {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 255];
}

/** Colour per category index (goods family colours) or per agency index, as styles.ts has them. */
function colourTable(points: SeizurePoints, mode: ColourMode): Rgba[] {
  return mode === 'category'
    ? points.header.categories.map((c) =>
        rgba(CATEGORY_COLOURS[c as keyof typeof CATEGORY_COLOURS] ?? '#888888'),
      )
    : points.header.agencies.map((a) =>
        rgba(AGENCY_COLOURS[a as keyof typeof AGENCY_COLOURS] ?? '#888888'),
      );
}

export type PointsStatus = 'idle' | 'loading' | 'ready' | 'error';

export class SeizurePointsState {
  points = $state.raw<SeizurePoints | null>(null);
  /** The province the points (or the error) belong to. */
  province = $state<ProvinceChoice | null>(null);
  status = $state<PointsStatus>('idle');
  error = $state.raw<unknown>(null);
  #kit = $state.raw<Kit | null>(null);
  /** The binary data deck.gl is given, one object per body so its buffers upload once. */
  #data = new WeakMap<SeizurePoints, object>();
  readonly map: MapState;

  /** The filter as the GPU applies it; null while the dates cannot be applied. */
  filter = $derived.by(() => {
    const m = this.map;
    if (!this.points || m.filterProblem) return null;
    return pointFilter(this.points.header, m.from, m.to, m.categories, m.agencies);
  });
  /** What is drawn, counted on the CPU with the same filter. */
  counts: PointCounts | null = $derived(
    this.points && this.filter ? countPoints(this.points, this.filter) : null,
  );

  constructor(map: MapState) {
    this.map = map;
  }

  clear(): void {
    this.points = null;
    this.province = null;
    this.status = 'idle';
    this.error = null;
  }

  async load(signal: AbortSignal): Promise<void> {
    const province = this.map.province;
    this.status = 'loading';
    this.error = null;
    try {
      const [points, kit] = await Promise.all([
        fetchSeizurePoints(province === 'all' ? undefined : province, { signal }),
        this.#kit ?? loadKit(),
      ]);
      if (signal.aborted) return;
      this.#kit = kit;
      this.points = points;
      this.province = province;
      this.status = 'ready';
    } catch (error) {
      if (isAbort(error) || signal.aborted) return;
      this.points = null;
      this.province = province;
      this.status = 'error';
      this.error = error;
      this.map.onError(error);
    }
  }

  /** Refetches on another province or a retry, never on the dates or the ticked boxes. */
  watch(): void {
    $effect(() => {
      void this.map.province;
      void this.map.reloads.seizures;
      if (!this.map.enabled) return;
      const controller = new AbortController();
      untrack(() => void this.load(controller.signal));
      return () => controller.abort();
    });
    this.map.deck.set('seizure-points', () => this.layer());
    // For browser tests; effects run only in the browser, never during server rendering.
    $effect(() => {
      window.__brmPoints = this;
    });
  }

  #binary(points: SeizurePoints): object {
    let data = this.#data.get(points);
    if (!data) {
      data = {
        length: points.header.count,
        attributes: {
          getPosition: { value: points.offsets, size: 2 },
          getFilterValue: { value: Float32Array.from(points.days), size: 1 },
        },
      };
      this.#data.set(points, data);
    }
    return data;
  }

  /** The layer for a map view, or null when nothing is to be drawn. Reads reactive state. */
  layer(): Layer | null {
    const kit = this.#kit;
    const points = this.points;
    const filter = this.filter;
    const m = this.map;
    if (!kit || !points || !filter || !m.visible.seizures || points.header.count === 0) return null;
    const colours = colourTable(points, m.colourBy);
    const byCategory = m.colourBy === 'category';
    const zoom = m.zoom ?? 8;
    const opacity = zoom >= 11 ? MARK_OPACITY.full : zoom <= 8 ? MARK_OPACITY.low : 0.8;
    const { categories, agencies, valueClasses } = points;
    return new kit.ScatterplotLayer({
      id: POINTS_LAYER_ID,
      beforeId: POINTS_BEFORE_ID,
      data: this.#binary(points) as never,
      coordinateSystem: 'lnglat-offsets',
      coordinateOrigin: [points.header.origin[0], points.header.origin[1], 0],
      radiusUnits: 'pixels',
      radiusScale: markScaleAt(m.zoom),
      getRadius: (_: unknown, { index }: { index: number }) =>
        MARK_SIZES_PX[valueClasses[index]] / 2,
      getFillColor: (_: unknown, { index }: { index: number }) =>
        colours[byCategory ? categories[index] : agencies[index]],
      stroked: true,
      lineWidthUnits: 'pixels',
      getLineWidth: 1,
      getLineColor: [255, 255, 255, 220],
      opacity,
      getFilterCategory: (_: unknown, { index }: { index: number }) => [
        categories[index],
        agencies[index],
      ],
      filterRange: filter.days,
      filterCategories: [filter.categories, filter.agencies],
      extensions: [kit.extension],
      updateTriggers: { getFillColor: m.colourBy },
    } as never) as unknown as Layer;
  }

  /**
   * The drawn points under `pointer` (their mark within `tolerancePx` of it), as click hits for
   * pick.ts; their properties are the id and day only until the popup fetches each record.
   */
  hitsAt(
    project: (lngLat: [number, number]) => Px,
    unproject: (p: Px) => [number, number],
    pointer: Px,
    tolerancePx: number,
  ): PickHit[] {
    const points = this.points;
    const filter = this.filter;
    if (!points || !filter || !this.map.visible.seizures) return [];
    const scale = markScaleAt(this.map.zoom);
    const reach = tolerancePx + (MARK_SIZES_PX[MARK_SIZES_PX.length - 1] / 2) * scale;
    const [w, n] = unproject({ x: pointer.x - reach, y: pointer.y - reach });
    const [e, s] = unproject({ x: pointer.x + reach, y: pointer.y + reach });
    const hits: PickHit[] = [];
    const base = dayNumber(points.header.base_day!);
    for (const i of pointsInBox(points, filter, [w, s, e, n])) {
      const lngLat: [number, number] = [
        points.header.origin[0] + points.offsets[2 * i],
        points.header.origin[1] + points.offsets[2 * i + 1],
      ];
      const at = project(lngLat);
      const r = tolerancePx + (MARK_SIZES_PX[points.valueClasses[i]] / 2) * scale;
      if (Math.abs(at.x - pointer.x) > r || Math.abs(at.y - pointer.y) > r) continue;
      const id = points.ids[i];
      hits.push({
        layer: 'seizures',
        rank: POINTS_PICK_RANK,
        key: `seizures/${id}`,
        // The day sorts a pile newest first until the popup has fetched the records.
        properties: { id, occurred_at: dayOfNumber(base + points.days[i]) },
        shape: { point: at, lngLat },
      });
    }
    return hits;
  }
}

async function loadKit(): Promise<Kit> {
  const [{ ScatterplotLayer }, { DataFilterExtension }] = await Promise.all([
    import('@deck.gl/layers'),
    import('@deck.gl/extensions'),
  ]);
  return {
    ScatterplotLayer,
    extension: new DataFilterExtension({ filterSize: 1, categorySize: 2 }),
  };
}
