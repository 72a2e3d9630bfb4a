/**
 * Named places a report may point at (`border_gates:CODE`, `trails:CODE`, `waterways:CODE`),
 * read from the province's layers so the form offers exactly what the server can resolve.
 */
import type { Feature, Geometry } from 'geojson';
import { fetchLayer } from '$lib/api';
import type { Province } from '$lib/domain';
import { PLACE_LAYERS, type PlaceLayer } from '$lib/information';

export interface NamedPlace {
  /** `layer:CODE`, the value the API takes as `place`. */
  id: string;
  layer: PlaceLayer;
  name_vi: string;
  name_en: string;
  geometry: Geometry;
}

/** The places of one layer's features (those without a code cannot be named and are left out). */
export function placesOf(layer: PlaceLayer, features: Feature[]): NamedPlace[] {
  const out: NamedPlace[] = [];
  for (const f of features) {
    const p = (f.properties ?? {}) as Record<string, unknown>;
    if (!p.code || !f.geometry) continue;
    const code = String(p.code);
    out.push({
      id: `${layer}:${code}`,
      layer,
      name_vi: String(p.name_vi ?? code),
      name_en: String(p.name_en ?? p.name_vi ?? code),
      geometry: f.geometry,
    });
  }
  return out.sort((a, b) => a.name_vi.localeCompare(b.name_vi, 'vi'));
}

export async function fetchPlaces(province: Province): Promise<NamedPlace[]> {
  const layers = await Promise.all(
    PLACE_LAYERS.map((l) =>
      fetchLayer(l, { province })
        .then((fc) => placesOf(l, fc.features))
        .catch(() => [] as NamedPlace[]),
    ),
  );
  return layers.flat();
}
