import type { Province } from '../../domain';
import { ApiError } from '../errors';
import type { LayerFilter } from '../repositories/layers';

/**
 * What the hot-spot analyses are asked (DESIGN.md section 7), as the services take it: the route
 * reads it from the query string (api/hotspot-params.ts), the briefing and exports build it.
 */

/** Bad hot-spot parameters answer 400 with a code naming the reason. */
export const hotspotError = (code: string, message: string, details?: Record<string, unknown>) =>
  new ApiError(400, code, message, details);

export interface HotspotQuery {
  filter: Omit<LayerFilter, 'bbox'> & { province: Province };
  /** Cell size (centre to centre), Gi* band and kernel bandwidth, metres. */
  cellM: number;
  distanceM: number;
  bandwidthM: number;
  fdr: boolean;
  /** Calendar months (Vietnam time) that from/to name, for time steps. */
  window: { first?: string; last?: string };
  /** from and to as given (null when open), echoed in the summary. */
  from: string | null;
  to: string | null;
}

/** Default cell size, metres. */
export const DEFAULT_CELL_M = 1000;
/** Largest kernel bandwidth, metres: wider surfaces say nothing at a province's scale. */
export const MAX_BANDWIDTH_M = 50_000;
