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

/**
 * The [west, south, east, north] box of the reports' geometries, or null for none.
 * @example extentOf([point at 105.1,10.6 and a line 105,10.5 -> 105.2,10.7]) // [105, 10.5, 105.2, 10.7]
 */
export function extentOf(items: Report[]): [number, number, number, number] | null {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number' && typeof c[1] === 'number') {
      w = Math.min(w, c[0]);
      e = Math.max(e, c[0]);
      s = Math.min(s, c[1]);
      n = Math.max(n, c[1]);
      return;
    }
    for (const x of c) visit(x);
  };
  for (const r of items) {
    const g = r.geometry as { coordinates?: unknown } | null;
    if (g?.coordinates) visit(g.coordinates);
  }
  return Number.isFinite(w) ? [w, s, e, n] : null;
}
