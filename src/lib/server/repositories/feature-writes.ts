import type postgres from 'postgres';
import type { Sql } from '../db/client';
import type { ImportLayerId } from '../../domain';
import { LAYERS } from './layer-registry';

/** SQL types of the importable columns, per layer: the allowlist for json_to_recordset. */
const COLUMN_TYPES: Record<ImportLayerId, Record<string, string>> = {
  provinces: { id: 'text', name_vi: 'text', name_en: 'text', neighbour: 'text' },
  frontier: {
    code: 'text',
    province: 'text',
    neighbour: 'text',
    name_vi: 'text',
    name_en: 'text',
    accuracy_m: 'float8',
    accuracy_note_vi: 'text',
    accuracy_note_en: 'text',
  },
  border_gates: {
    code: 'text',
    province: 'text',
    name_vi: 'text',
    name_en: 'text',
    kind: 'text',
    mode: 'text',
  },
  waterways: {
    code: 'text',
    province: 'text',
    name_vi: 'text',
    name_en: 'text',
    kind: 'text',
    crosses_border: 'boolean',
  },
  trails: {
    code: 'text',
    province: 'text',
    name_vi: 'text',
    name_en: 'text',
    kind: 'text',
    note: 'text',
  },
  seizures: {
    occurred_at: 'timestamptz',
    province: 'text',
    category: 'text',
    goods: 'text',
    quantity: 'float8',
    unit: 'text',
    value_vnd: 'bigint',
    subjects: 'integer',
    transport_mode: 'text',
    lead_agency: 'text',
    case_ref: 'text',
    source: 'text',
    synthetic: 'boolean',
  },
  patrol_routes: {
    name: 'text',
    province: 'text',
    agency: 'text',
    unit: 'text',
    radius_m: 'float8',
    shifts_per_week: 'float8',
  },
};

/** Upsert key for re-importable reference layers; others only insert. */
const CONFLICT_KEY: Partial<Record<ImportLayerId, string>> = {
  provinces: 'id',
  frontier: 'code',
  border_gates: 'code',
  waterways: 'code',
  trails: 'code',
};

export interface GeometryVerdict {
  index: number;
  valid: boolean;
  reason: string;
  /** Province whose outline contains the geometry (first found), if any. */
  province: string | null;
}

/**
 * PostGIS's verdict on each geometry (GeoJSON objects, in input order). PGlite returns no row
 * where GEOS throws, so a missing index is reported as invalid rather than passed.
 */
export async function checkGeometries(sql: Sql, geometries: object[]): Promise<GeometryVerdict[]> {
  const rows = await sql<
    { i: number; valid: boolean | null; reason: string | null; province: string | null }[]
  >`
    select (e.n - 1)::int as i, ST_IsValid(x.g) as valid, ST_IsValidReason(x.g) as reason,
      (select p.id from provinces p where ST_Intersects(p.geom, x.g) order by p.id limit 1) as province
    from jsonb_array_elements(${sql.json(geometries as postgres.JSONValue)}::jsonb) with ordinality as e(value, n),
      lateral (select ST_SetSRID(ST_GeomFromGeoJSON(e.value::text), 4326) as g) as x`;
  const byIndex = new Map(rows.map((r) => [r.i, r]));
  return geometries.map((_, index) => {
    const r = byIndex.get(index);
    if (!r || r.valid === null)
      return {
        index,
        valid: false,
        reason: 'PostGIS could not read this geometry',
        province: null,
      };
    return { index, valid: r.valid, reason: r.reason ?? '', province: r.province };
  });
}

export interface WriteCounts {
  inserted: number;
  updated: number;
}

/**
 * Writes validated rows (column -> value, plus `geometry` as GeoJSON) into a layer's table.
 * Call inside a transaction: the caller decides what is all or nothing.
 */
export async function writeFeatures(
  sql: Sql,
  layer: ImportLayerId,
  rows: { row: Record<string, unknown>; geometry: object }[],
): Promise<WriteCounts> {
  if (rows.length === 0) return { inserted: 0, updated: 0 };
  const types = COLUMN_TYPES[layer];
  const columns = Object.keys(types);
  const table = LAYERS[layer].table;
  const payload = rows.map(({ row, geometry }) => {
    const r: Record<string, unknown> = { geometry: JSON.stringify(geometry) };
    for (const c of columns) r[c] = row[c] ?? null;
    return r;
  });
  // Column names and types come from COLUMN_TYPES above, never from the input.
  const recordDef = sql.unsafe(
    [...columns.map((c) => `"${c}" ${types[c]}`), 'geometry text'].join(', '),
  );
  const geom =
    layer === 'provinces'
      ? sql`ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(r.geometry), 4326))`
      : sql`ST_SetSRID(ST_GeomFromGeoJSON(r.geometry), 4326)`;
  const key = CONFLICT_KEY[layer];
  const onConflict = key
    ? sql`on conflict (${sql(key)}) do update set ${sql.unsafe(
        [...columns.filter((c) => c !== key), 'geom']
          .map((c) => `"${c}" = excluded."${c}"`)
          .join(', '),
      )}`
    : sql``;
  const result = await sql<{ inserted: boolean }[]>`
    insert into ${sql(table)} (${sql(columns)}, geom)
    select ${sql.unsafe(columns.map((c) => `r."${c}"`).join(', '))}, ${geom}
    from json_to_recordset(${sql.json(payload as postgres.JSONValue)}::json) as r(${recordDef})
    ${onConflict}
    returning (xmax = 0) as inserted`;
  const inserted = result.filter((r) => r.inserted).length;
  return { inserted, updated: result.length - inserted };
}
