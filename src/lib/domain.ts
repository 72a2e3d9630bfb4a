/**
 * The vocabulary shared by the server, the seed generator and the pages. Values here are the
 * allowlists: anything else coming from a request is rejected, never interpolated.
 */

export const PROVINCES = ['an_giang', 'lang_son'] as const;
export type Province = (typeof PROVINCES)[number];

export const CATEGORIES = [
  'cigarettes',
  'sugar',
  'fuel',
  'alcohol',
  'firecrackers',
  'drugs',
  'currency',
  'gold',
  'electronics',
  'textiles',
  'cosmetics',
  'pharmaceuticals',
  'agricultural',
  'livestock',
  'wildlife',
  'counterfeit',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Lead agency of a seizure or owner of a patrol route. */
export const AGENCIES = ['customs', 'border_guard', 'joint'] as const;
export type Agency = (typeof AGENCIES)[number];

export const TRANSPORT_MODES = [
  'boat',
  'porter',
  'motorbike',
  'car',
  'truck',
  'rail',
  'pedestrian',
  'other',
] as const;
export type TransportMode = (typeof TRANSPORT_MODES)[number];

export const GATE_KINDS = [
  'international',
  'main',
  'auxiliary',
  'crossing_path',
  'border_market',
] as const;
export const GATE_MODES = ['road', 'rail', 'river'] as const;
export const WATERWAY_KINDS = ['river', 'canal'] as const;
export const TRAIL_KINDS = ['trail', 'path', 'opening', 'specialised_road'] as const;

export const LAYER_IDS = [
  'provinces',
  'frontier',
  'border_gates',
  'waterways',
  'trails',
  'seizures',
  'patrol_routes',
  'reports',
] as const;
export type LayerId = (typeof LAYER_IDS)[number];

/**
 * Layers loaded from GeoJSON files (the import CLI, the first-start data): every layer but the
 * reports, which only the information register writes.
 */
export type ImportLayerId = Exclude<LayerId, 'reports'>;
export const IMPORT_LAYER_IDS = LAYER_IDS.filter((id): id is ImportLayerId => id !== 'reports');

/** Bounding box of the area of operations (both frontiers with a margin), lon/lat degrees. */
export const AREA_OF_OPERATIONS = { west: 102.0, south: 8.5, east: 108.5, north: 23.5 } as const;

/**
 * Whether a lon/lat (degrees) lies in the area of operations.
 * @example inAreaOfOperations(105.12, 10.6) // true: An Giang
 */
export function inAreaOfOperations(lon: number, lat: number): boolean {
  const a = AREA_OF_OPERATIONS;
  return lon >= a.west && lon <= a.east && lat >= a.south && lat <= a.north;
}

/** Initial view per province: [west, south, east, north] in degrees. */
export const PROVINCE_BOUNDS: Record<Province, [number, number, number, number]> = {
  an_giang: [103.85, 9.39, 105.6, 10.96],
  lang_son: [106.05, 21.3, 107.4, 22.5],
};

export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}
