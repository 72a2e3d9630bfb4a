/**
 * The hot-spot part of the shareable view (see url-state.ts): `hs` what the hexagons show
 * (gi, the default, left out; emerging | density | effort | off), `cell` hex size in metres (1000 left
 * out), `fdr=1` false discovery rate control, `step=quarter` emerging time step (month left
 * out), `spot` the hot spot chosen from the list (a cell id of the current size). Unknown or
 * malformed values fall back to the default, one field at a time.
 */
import { EMERGING_STEPS, type EmergingStepKind } from '$lib/hotspots-api';
import { isOneOf } from '$lib/domain';

/**
 * "Where" (Gi* classes), "how it is changing" (emerging), density, "per patrol effort"
 * (seizures against patrol-km, GET /api/effort), or no hexagons.
 */
export const HOTSPOT_MODES = ['gi', 'emerging', 'density', 'effort', 'off'] as const;
export type HotspotMode = (typeof HOTSPOT_MODES)[number];

/** Hex sizes offered, metres. */
export const CELL_SIZES_M = [500, 1000, 2000] as const;
export type CellSize = (typeof CELL_SIZES_M)[number];

export interface HotspotView {
  mode: HotspotMode;
  cell: CellSize;
  fdr: boolean;
  step: EmergingStepKind;
  /** Cell id (`size:q:r`) of the hot spot chosen from the list, or null. */
  selected: string | null;
}

export const DEFAULT_HOTSPOT_VIEW: HotspotView = {
  mode: 'gi',
  cell: 1000,
  fdr: false,
  step: 'month',
  selected: null,
};

const CELL_ID = /^(\d+):(-?\d+):(-?\d+)$/;

/** Whether `id` names a cell of the grid of `cell` metres. */
export function isCellIdOf(id: string | null, cell: number): id is string {
  const m = id ? CELL_ID.exec(id) : null;
  return m !== null && Number(m[1]) === cell;
}

export function decodeHotspotView(params: URLSearchParams): HotspotView {
  const view = { ...DEFAULT_HOTSPOT_VIEW };
  const mode = params.get('hs');
  if (isOneOf(HOTSPOT_MODES, mode)) view.mode = mode;
  const cell = Number(params.get('cell'));
  if ((CELL_SIZES_M as readonly number[]).includes(cell)) view.cell = cell as CellSize;
  if (params.get('fdr') === '1') view.fdr = true;
  const step = params.get('step');
  if (isOneOf(EMERGING_STEPS, step)) view.step = step;
  const spot = params.get('spot');
  if (isCellIdOf(spot, view.cell)) view.selected = spot;
  return view;
}

/** Adds the non-default hot-spot fields to `params`, in a fixed order. */
export function encodeHotspotView(view: HotspotView, params: URLSearchParams): void {
  const d = DEFAULT_HOTSPOT_VIEW;
  if (view.mode !== d.mode) params.set('hs', view.mode);
  if (view.cell !== d.cell) params.set('cell', String(view.cell));
  if (view.fdr) params.set('fdr', '1');
  if (view.step !== d.step) params.set('step', view.step);
  if (view.selected && isCellIdOf(view.selected, view.cell)) params.set('spot', view.selected);
}
