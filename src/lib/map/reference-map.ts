/**
 * The small maps beside a form or a list (the seizure form's point picker, the report form's
 * drawing map, the /info page's map of reports): the configured basemap with the frontier,
 * waterways, trails and gates drawn over it. At the zoom a place is picked or a tip is read the
 * basemap alone is an empty plain, and these are what a report names ("by gate X, south of the
 * canal"). The Map page (MapView.svelte) is not one of them: it draws these layers in its style.
 */
import type {
  CircleLayerSpecification,
  LayerSpecification,
  LineLayerSpecification,
  Map as MapLibreMap,
} from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { fetchLayer } from '$lib/api';
import type { Province } from '$lib/domain';
import { i18n } from '$lib/i18n/locale.svelte';
import { loadBasemap } from './basemap';

type MapLibre = typeof import('maplibre-gl');
type LinePaint = NonNullable<LineLayerSpecification['paint']>;
type CirclePaint = NonNullable<CircleLayerSpecification['paint']>;

/** The reference layers, bottom to top. */
export const REFERENCE_LAYER_IDS = ['waterways', 'trails', 'frontier', 'border_gates'] as const;
export type ReferenceLayerId = (typeof REFERENCE_LAYER_IDS)[number];

/** How heavily a small map draws the reference layers. */
export interface ReferenceLook {
  /** Line widths of the waterways, the trails and the frontier. */
  widths: [number, number, number];
  gate: { radius: number; stroke: number };
  /** Under other data (the reports): waterways and trails paler, so the data reads first. */
  muted?: boolean;
}

export interface ReferenceLayers {
  /** Put before each layer's and source's id ('pick-', 'info-'): ids browser tests may read. */
  prefix: string;
  look: ReferenceLook;
  /** Only this province's features; without it, both provinces'. */
  province?: Province;
  /** The caller's layer they go under; without it, on top. */
  before?: string;
  /** A layer id other than prefix + id (the seizure form's picker names its gates `pick-gates`). */
  layerIds?: Partial<Record<ReferenceLayerId, string>>;
}

/** The reference layers' specs, bottom to top, each on its own source (prefix + layer id). */
export function referenceLayerSpecs(ref: ReferenceLayers): LayerSpecification[] {
  const { widths, gate, muted } = ref.look;
  const [waterways, trails, frontier] = widths;
  const line = (id: ReferenceLayerId, paint: LinePaint): LayerSpecification => ({
    id: ref.layerIds?.[id] ?? ref.prefix + id,
    type: 'line',
    source: ref.prefix + id,
    paint,
  });
  const gates: CirclePaint = {
    'circle-radius': gate.radius,
    'circle-color': '#1f2937',
    'circle-stroke-color': '#ffffff',
    'circle-stroke-width': gate.stroke,
  };
  return [
    line('waterways', { 'line-color': muted ? '#7fb2dc' : '#3b82c4', 'line-width': waterways }),
    line('trails', {
      'line-color': muted ? '#a07850' : '#8a5a2b',
      'line-width': trails,
      'line-dasharray': [2, 2],
    }),
    line('frontier', { 'line-color': '#b0183d', 'line-width': frontier }),
    {
      id: ref.layerIds?.border_gates ?? `${ref.prefix}border_gates`,
      type: 'circle',
      source: `${ref.prefix}border_gates`,
      paint: gates,
    },
  ];
}

/** What addReferenceLayers needs of a map (a maplibre Map; a plain object in the unit test). */
export type ReferenceTarget = Pick<
  MapLibreMap,
  'getStyle' | 'getSource' | 'addSource' | 'addLayer'
>;

/**
 * Fetches the reference layers and adds them to the map. A layer the API does not give is left
 * out (the map is still of use without it); a style reloaded (`load` again) does not add twice.
 */
export async function addReferenceLayers(
  m: ReferenceTarget,
  ref: ReferenceLayers,
  load: typeof fetchLayer = fetchLayer,
): Promise<void> {
  const query = ref.province ? { province: ref.province } : {};
  const collections = await Promise.all(
    REFERENCE_LAYER_IDS.map((id) => load(id, query).catch(() => null)),
  );
  // The map may have been removed while the layers were on their way.
  if (!m.getStyle() || REFERENCE_LAYER_IDS.some((id) => m.getSource(ref.prefix + id))) return;
  referenceLayerSpecs(ref).forEach((layer, i) => {
    const data = collections[i];
    if (!data) return;
    m.addSource(ref.prefix + REFERENCE_LAYER_IDS[i], { type: 'geojson', data });
    m.addLayer(layer, ref.before);
  });
}

export interface ReferenceMapOptions {
  container: HTMLElement;
  /**
   * Where it opens: a box fitted with padding, or a centre and a zoom. Read when the map is made,
   * after the basemap arrives: a point typed meanwhile is where it opens.
   */
  view: () =>
    | { bounds: [number, number, number, number]; padding: number }
    | { center: [number, number]; zoom: number };
  maxZoom: number;
  /**
   * Default 4. Lower where the view must hold both frontiers on a phone's short strip: at 4 a
   * 390 px wide map cannot show An Giang and Lang Son at once.
   */
  minZoom?: number;
  /** Off on a map where clicks draw vertices: a double click would zoom instead. */
  doubleClickZoom?: boolean;
  reference: ReferenceLayers;
  /** The map made, before its style loads: click handlers, the test hook. */
  oncreate?: (m: MapLibreMap, maplibregl: MapLibre) => void;
  /** The style loaded: the caller's own layers go in here, then the reference layers under them. */
  onload?: (m: MapLibreMap) => void;
}

/**
 * Makes a small map: the basemap in the interface language, no rotation or pitch, zoom buttons,
 * the reference layers once the style loads, and no attribution control (these maps never had
 * one; the Map page shows the basemap's credit).
 * The map is made after maplibre and the basemap arrive; destroy() before then makes none.
 */
export function openReferenceMap(o: ReferenceMapOptions): { destroy: () => void } {
  let disposed = false;
  let created: MapLibreMap | null = null;
  void (async () => {
    const maplibregl = await import('maplibre-gl');
    if (disposed) return;
    maplibregl.setWorkerUrl(workerUrl);
    const base = await loadBasemap({
      origin: location.origin,
      locale: i18n.locale,
      colourMode: 'agency',
      addProtocol: maplibregl.addProtocol,
    });
    if (disposed) return;
    const view = o.view();
    const m = new maplibregl.Map({
      container: o.container,
      style: base.style,
      transformRequest: base.transformRequest,
      ...('bounds' in view
        ? { bounds: view.bounds, fitBoundsOptions: { padding: view.padding } }
        : { center: view.center, zoom: view.zoom }),
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      doubleClickZoom: o.doubleClickZoom ?? true,
      maxZoom: o.maxZoom,
      minZoom: o.minZoom ?? 4,
    });
    created = m;
    m.touchZoomRotate.disableRotation();
    m.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    o.oncreate?.(m, maplibregl);
    m.on('load', () => {
      o.onload?.(m);
      void addReferenceLayers(m, o.reference);
    });
  })();
  return {
    destroy() {
      disposed = true;
      created?.remove();
      created = null;
    },
  };
}
