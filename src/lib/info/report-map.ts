/**
 * The /info page's small map: one colour per kind of subject (as the list's legend shows) and
 * the listed reports as a FeatureCollection whose features carry the id a click opens.
 */
import type { FeatureCollection } from 'geojson';
import type { ReportKind } from '$lib/information';
import type { Report } from './reports-api';

export const REPORT_KIND_COLOURS: Record<ReportKind, string> = {
  boat: '#1f6fb2',
  vehicle: '#7b3fa0',
  porter_group: '#b5651d',
  warehouse: '#2f7d4a',
  crossing_point: '#c0392b',
  consignment: '#d4a017',
};

export function reportsCollection(items: Report[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: items
      .filter((r) => r.geometry)
      .map((r) => ({
        type: 'Feature',
        id: r.id,
        properties: { id: r.id, kind: r.kind, tlp: r.tlp, rating: r.rating },
        geometry: r.geometry,
      })),
  };
}
