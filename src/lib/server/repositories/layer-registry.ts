import type { LayerId } from '../../domain';

/**
 * What each public layer is in the database. Tables and columns here are the only identifiers
 * ever put into SQL; request values only ever travel as parameters.
 */
export interface LayerDef {
  id: LayerId;
  table: string;
  title_vi: string;
  title_en: string;
  geometryType: 'Point' | 'LineString' | 'MultiPolygon';
  /** Columns returned as feature properties, in order. */
  columns: readonly string[];
  /** Column holding the province id (`id` for the provinces layer itself). */
  provinceColumn: string;
  timeColumn?: string;
  categoryColumn?: string;
  agencyColumn?: string;
  /** Adds the line length in km as `length_km`. */
  lengthKm?: boolean;
}

export const LAYERS: Record<LayerId, LayerDef> = {
  provinces: {
    id: 'provinces',
    table: 'provinces',
    title_vi: 'Tỉnh',
    title_en: 'Provinces',
    geometryType: 'MultiPolygon',
    columns: ['id', 'name_vi', 'name_en', 'neighbour'],
    provinceColumn: 'id',
  },
  frontier: {
    id: 'frontier',
    table: 'frontier_segments',
    title_vi: 'Đường biên giới',
    title_en: 'Frontier line',
    geometryType: 'LineString',
    columns: [
      'code',
      'province',
      'neighbour',
      'name_vi',
      'name_en',
      'accuracy_m',
      'accuracy_note_vi',
      'accuracy_note_en',
    ],
    provinceColumn: 'province',
    lengthKm: true,
  },
  border_gates: {
    id: 'border_gates',
    table: 'border_gates',
    title_vi: 'Cửa khẩu',
    title_en: 'Border gates',
    geometryType: 'Point',
    columns: ['code', 'province', 'name_vi', 'name_en', 'kind', 'mode'],
    provinceColumn: 'province',
  },
  waterways: {
    id: 'waterways',
    table: 'waterways',
    title_vi: 'Sông, kênh',
    title_en: 'Rivers and canals',
    geometryType: 'LineString',
    columns: ['code', 'province', 'name_vi', 'name_en', 'kind', 'crosses_border'],
    provinceColumn: 'province',
    lengthKm: true,
  },
  trails: {
    id: 'trails',
    table: 'trails',
    title_vi: 'Đường mòn, lối mở',
    title_en: 'Trails and openings',
    geometryType: 'LineString',
    columns: ['code', 'province', 'name_vi', 'name_en', 'kind', 'note'],
    provinceColumn: 'province',
    lengthKm: true,
  },
  seizures: {
    id: 'seizures',
    table: 'seizures',
    title_vi: 'Vụ bắt giữ',
    title_en: 'Seizures',
    geometryType: 'Point',
    columns: [
      'occurred_at',
      'province',
      'category',
      'goods',
      'goods_code',
      'quantity',
      'unit',
      'value_vnd',
      'subjects',
      'transport_mode',
      'lead_agency',
      'case_ref',
      'source',
      'synthetic',
    ],
    provinceColumn: 'province',
    timeColumn: 'occurred_at',
    categoryColumn: 'category',
    agencyColumn: 'lead_agency',
  },
  patrol_routes: {
    id: 'patrol_routes',
    table: 'patrol_routes',
    title_vi: 'Tuyến tuần tra',
    title_en: 'Patrol routes',
    geometryType: 'LineString',
    columns: ['name', 'province', 'agency', 'unit', 'radius_m', 'shifts_per_week', 'version'],
    provinceColumn: 'province',
    agencyColumn: 'agency',
    lengthKm: true,
  },
};
