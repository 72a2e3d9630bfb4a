import * as p from './params';
import {
  DEFAULT_CELL_M,
  MAX_BANDWIDTH_M,
  hotspotError,
  type HotspotQuery,
} from '../services/hotspot-query';
import { SEIZURE_FILTER_PARAMS, monthWindow, seizureFilter } from './seizure-filter';

/**
 * The query of the hot-spot routes (DESIGN.md section 7): the seizure filters with a required
 * province (the study area is one province), the cell size and the Gi* band in metres, the
 * density bandwidth (default the band, at most MAX_BANDWIDTH_M) and FDR. Checks that need the
 * province's outline (cells per grid, band coverage) are the service's; this file only reads
 * what the query says, into the services' HotspotQuery.
 */
export const HOTSPOT_PARAMS = [...SEIZURE_FILTER_PARAMS, 'cell', 'distance', 'bandwidth', 'fdr'];

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** A length in metres: a plain decimal above 0 (a 400 naming the parameter otherwise). */
export function metres(
  name: string,
  value: string | undefined,
  fallback: number,
  code: string,
): number {
  if (value === undefined || value === '') return fallback;
  if (!DECIMAL.test(value)) throw p.badParameterOf(name, 'must be a number of metres, e.g. 1000');
  const n = Number(value);
  if (!(n > 0))
    throw hotspotError(code, `${name}: must be more than 0 metres (got ${value})`, {
      parameter: name,
    });
  return n;
}

function bool(name: string, value: string | undefined): boolean {
  if (value === undefined || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  throw p.badParameterOf(name, 'must be true or false');
}

/**
 * Reads the common hot-spot query. The Gi* band defaults to 3 cells and the bandwidth to the
 * band; a band under one cell holds only the cell itself and is refused.
 * @example hotspotQuery({ province: 'an_giang', cell: '500' }) // { cellM: 500, distanceM: 1500, bandwidthM: 1500, ... }
 */
export function hotspotQuery(q: p.Query): HotspotQuery {
  if (q.province === undefined || q.province === '')
    throw hotspotError(
      'province_required',
      'province: required, the study area is one province (an_giang or lang_son)',
      { parameter: 'province' },
    );
  const filter = seizureFilter(q);
  const cellM = metres('cell', q.cell, DEFAULT_CELL_M, 'cell_not_positive');
  const distanceM = metres('distance', q.distance, 3 * cellM, 'distance_not_positive');
  if (distanceM < cellM)
    throw hotspotError(
      'distance_under_cell',
      `distance: a band of ${distanceM} m is under the cell size (${cellM} m) and holds only the cell itself`,
      { parameter: 'distance', distance_m: distanceM, cell_m: cellM },
    );
  // The default follows the band, kept within the cap so a wide band is refused for its own sake.
  const bandwidthM = metres(
    'bandwidth',
    q.bandwidth,
    Math.min(distanceM, MAX_BANDWIDTH_M),
    'bandwidth_not_positive',
  );
  if (bandwidthM > MAX_BANDWIDTH_M)
    throw hotspotError(
      'bandwidth_too_large',
      `bandwidth: at most ${MAX_BANDWIDTH_M} m (got ${bandwidthM} m)`,
      { parameter: 'bandwidth', max_bandwidth_m: MAX_BANDWIDTH_M },
    );
  return {
    filter: { ...filter, province: filter.province! },
    cellM,
    distanceM,
    bandwidthM,
    fdr: bool('fdr', q.fdr),
    window: monthWindow(q, filter),
    from: q.from || null,
    to: q.to || null,
  };
}
