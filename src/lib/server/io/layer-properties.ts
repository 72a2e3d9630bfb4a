import { z } from 'zod';
import {
  AGENCIES,
  CATEGORIES,
  GATE_KINDS,
  GATE_MODES,
  PROVINCES,
  TRAIL_KINDS,
  TRANSPORT_MODES,
  WATERWAY_KINDS,
  type ImportLayerId,
} from '../../domain';
import { YEAR_RANGE_MESSAGE, yearInRange } from '../limits';
import { text } from '../text';

/**
 * What an imported feature's properties must hold, per layer. Output is the row to insert
 * (column name -> value), so these schemas are also the import's column allowlist.
 */

// Text properties follow the API's text rule (../text.ts): the CLI import refuses the same.
const name = text({ max: 200 });
const code = text({ max: 64 }).optional();
const province = z.enum(PROVINCES);
const neighbour = z.enum(['KH', 'CN']);

const isoInstant = z
  .string()
  .trim()
  .refine(
    (s) => /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(s),
    {
      message: 'must be an ISO 8601 date or date-time',
    },
  )
  .refine((s) => !Number.isNaN(new Date(s.length === 10 ? `${s}T00:00:00Z` : s).getTime()), {
    message: 'not a real date',
  })
  .refine(yearInRange, { message: YEAR_RANGE_MESSAGE })
  .transform((s) => (s.length === 10 ? `${s}T00:00:00Z` : s));

const finiteNonNegative = z.number().finite().nonnegative();

export const PROPERTY_SCHEMAS = {
  provinces: z.object({ id: province, name_vi: name, name_en: name, neighbour }),
  frontier: z.object({
    code,
    province,
    neighbour,
    name_vi: name,
    name_en: name,
    // How accurately the segment is drawn (metres) and why, shown where the line is clicked.
    accuracy_m: z.number().finite().gt(0).max(100_000).optional(),
    accuracy_note_vi: text({ max: 500 }).optional(),
    accuracy_note_en: text({ max: 500 }).optional(),
  }),
  border_gates: z.object({
    code,
    province,
    name_vi: name,
    name_en: name,
    kind: z.enum(GATE_KINDS),
    mode: z.enum(GATE_MODES),
  }),
  waterways: z.object({
    code,
    province,
    name_vi: name,
    name_en: name,
    kind: z.enum(WATERWAY_KINDS),
    crosses_border: z.boolean().default(false),
  }),
  trails: z.object({
    code,
    province,
    name_vi: name,
    name_en: name,
    kind: z.enum(TRAIL_KINDS),
    note: text({ max: 1000, multiline: true }).optional(),
  }),
  seizures: z.object({
    occurred_at: isoInstant,
    // Derived from the point when absent: the province whose outline contains it.
    province: province.optional(),
    category: z.enum(CATEGORIES),
    goods: text({ max: 500 }).optional(),
    quantity: finiteNonNegative.optional(),
    unit: text({ max: 50 }).optional(),
    value_vnd: finiteNonNegative.max(1e15).transform(Math.round).optional(),
    subjects: z.number().int().min(0).max(10_000).default(0),
    transport_mode: z.enum(TRANSPORT_MODES),
    lead_agency: z.enum(AGENCIES),
    case_ref: text({ max: 100 }).optional(),
    // When absent, the importer names the file the record came from.
    source: text({ max: 200 }).optional(),
    synthetic: z.boolean().default(false),
  }),
  patrol_routes: z.object({
    name,
    province,
    agency: z.enum(AGENCIES),
    unit: text({ max: 200 }).optional(),
    radius_m: z.number().finite().gt(0).max(20_000).default(500),
    shifts_per_week: z.number().finite().min(0).max(84).default(7),
  }),
} satisfies Record<ImportLayerId, z.ZodType>;

/** Geometry types accepted on import; polygons are stored as MultiPolygon. */
export const IMPORT_GEOMETRY: Record<
  ImportLayerId,
  ('Point' | 'LineString' | 'Polygon' | 'MultiPolygon')[]
> = {
  provinces: ['Polygon', 'MultiPolygon'],
  frontier: ['LineString'],
  border_gates: ['Point'],
  waterways: ['LineString'],
  trails: ['LineString'],
  seizures: ['Point'],
  patrol_routes: ['LineString'],
};

export type Row = Record<string, unknown>;

/** Zod issues as short `field: message` lines. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map(
    (i) => `${i.path.length ? i.path.join('.') : 'properties'}: ${i.message}`,
  );
}
