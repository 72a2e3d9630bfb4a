/**
 * The export's address: `/api/export/{layer}.{format}` with the filters the layer has (the
 * seizures all of them, the patrol routes province and agency, the rest the province) and the CRS.
 */
import { LAYER_IDS } from '$lib/domain';
import { filterParams, type SeizureQuery } from './seizures-api';
import type { ExportFormat } from './transfer';

export const EXPORT_LAYERS = [...LAYER_IDS, 'hotspots'] as const;
export type ExportLayer = (typeof EXPORT_LAYERS)[number];

const FILTERS_OF: Record<ExportLayer, readonly (keyof SeizureQuery)[]> = {
  provinces: ['province'],
  frontier: ['province'],
  border_gates: ['province'],
  waterways: ['province'],
  trails: ['province'],
  seizures: ['province', 'from', 'to', 'category', 'agency'],
  patrol_routes: ['province', 'agency'],
  reports: ['province', 'from', 'to', 'category', 'agency'],
  hotspots: ['province', 'from', 'to', 'category', 'agency'],
};

/** The filters of `query` that apply to `layer`. */
export function layerFilters(layer: ExportLayer, query: SeizureQuery): SeizureQuery {
  const out: SeizureQuery = {};
  for (const k of FILTERS_OF[layer]) (out as Record<string, unknown>)[k] = query[k];
  // Hot spots are computed per province: without one the server has nothing to compute.
  if (layer === 'hotspots' && !out.province) out.province = 'an_giang';
  return out;
}

/** KML is WGS 84 by definition: any other CRS is refused. */
export function crsAllowed(format: ExportFormat, crs: 4326 | 3405): boolean {
  return format !== 'kml' || crs === 4326;
}

/**
 * @example exportUrl('seizures', 'csv', 4326, { province: 'lang_son' })
 * // '/api/export/seizures.csv?province=lang_son&crs=4326'
 */
export function exportUrl(
  layer: ExportLayer,
  format: ExportFormat,
  crs: 4326 | 3405,
  query: SeizureQuery,
): string {
  const params = filterParams(layerFilters(layer, query));
  params.set('crs', String(crsAllowed(format, crs) ? crs : 4326));
  return `/api/export/${layer}.${format}?${params.toString().replace(/%2C/gi, ',')}`;
}
