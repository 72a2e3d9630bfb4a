/**
 * The suspicious objects whose sightings cluster near the frontier (GET
 * /api/objects/near-frontier): their centroids as a layer of the Map page, loaded per province,
 * with its own switch in the layer panel (it is not a layer of /api/layers).
 */
import { untrack } from 'svelte';
import type { FeatureCollection, Point } from 'geojson';
import { ApiError, getJson, isAbort } from '$lib/api';
import type { ProvinceChoice } from './url-state';

export interface ObjectsHost {
  province: ProvinceChoice;
  enabled: boolean;
  onError: (error: unknown) => void;
}

export type ObjectsCollection = FeatureCollection<Point, Record<string, unknown>>;

export function nearFrontierUrl(province: ProvinceChoice): string {
  return province === 'all'
    ? '/api/objects/near-frontier'
    : `/api/objects/near-frontier?province=${province}`;
}

export class ObjectsNearFrontierState {
  visible = $state(true);
  data = $state.raw<ObjectsCollection | null>(null);
  status = $state<'idle' | 'loading' | 'ready' | 'error'>('idle');
  error = $state.raw<unknown>(null);
  reloads = $state(0);

  constructor(private readonly host: ObjectsHost) {}

  get count(): number {
    return this.data?.features.length ?? 0;
  }

  async load(signal: AbortSignal): Promise<void> {
    this.status = 'loading';
    try {
      const body = (await getJson(nearFrontierUrl(this.host.province), {
        signal,
      })) as ObjectsCollection;
      if (signal.aborted) return;
      if (body?.type !== 'FeatureCollection' || !Array.isArray(body.features))
        throw new ApiError(200, 'bad_response', 'not a FeatureCollection');
      this.data = body;
      this.status = 'ready';
      this.error = null;
    } catch (error) {
      if (isAbort(error) || signal.aborted) return;
      this.data = null;
      this.status = 'error';
      this.error = error;
      this.host.onError(error);
    }
  }

  clear(): void {
    this.data = null;
    this.status = 'idle';
    this.error = null;
  }

  /** Starts the loading effect; call during component initialisation. */
  watch(): void {
    $effect(() => {
      void this.host.province;
      void this.reloads;
      if (!this.host.enabled) return;
      const controller = new AbortController();
      untrack(() => void this.load(controller.signal));
      return () => controller.abort();
    });
  }
}
