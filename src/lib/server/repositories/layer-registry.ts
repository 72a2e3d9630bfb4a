import type { Fragment } from 'postgres';
import type { LayerId } from '../../domain';
import type { Sql } from '../db/client';
import type { FieldType } from '../io/export/types';
import { reportLayerRows } from './report-layer';
import type { DistributedTable } from './visibility';

/**
 * What each public layer is in the database. Tables and columns here are the only identifiers
 * ever put into SQL; request values only ever travel as parameters.
 */
export interface LayerDef {
  id: LayerId;
  table: string;
  title_vi: string;
  title_en: string;
  /** `Mixed`: points, lines and polygons in one layer (the reports). */
  geometryType: 'Point' | 'LineString' | 'MultiPolygon' | 'Mixed';
  /** Columns returned as feature properties, in order. */
  columns: readonly string[];
  /** Column holding the province id (`id` for the provinces layer itself). */
  provinceColumn: string;
  timeColumn?: string;
  categoryColumn?: string;
  agencyColumn?: string;
  /** Adds the line length in km as `length_km`. */
  lengthKm?: boolean;
  /**
   * The rows, when they are not `table` as it stands (a subquery with computed columns, aliased
   * `t` by the caller). Its rows carry `id`, `geom` and every column of `columns`.
   */
  rows?: (sql: Sql) => Fragment;
  /** Types of the columns `table` does not have (computed by `rows`), for exports. */
  computedTypes?: Record<string, FieldType>;
  /**
   * A layer whose rows carry a distribution: every read ANDs the caller's visibility predicate
   * (repositories/visibility.ts) in, and a read without a viewer returns nothing.
   */
  restricted?: DistributedTable;
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
  reports: {
    id: 'reports',
    table: 'reports',
    title_vi: 'Tin báo',
    title_en: 'Information reports',
    geometryType: 'Mixed',
    // No free text: exports are shared further, the text stays in the register.
    columns: [
      'title',
      'kind',
      'category',
      'province',
      'reliability',
      'credibility',
      'rating',
      'tlp',
      'distribution',
      'status',
      'agency',
      'unit',
      'observed_from',
      'observed_to',
      'received_at',
      'age_days',
      'place',
    ],
    provinceColumn: 'province',
    timeColumn: 'received_at',
    categoryColumn: 'category',
    agencyColumn: 'agency',
    rows: reportLayerRows,
    computedTypes: { rating: 'string', age_days: 'integer' },
    restricted: 'reports',
  },
};
