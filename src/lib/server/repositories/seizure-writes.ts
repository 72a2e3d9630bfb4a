import type postgres from 'postgres';
import type { Sql } from '../db/client';

/** A seizure with its point as lon/lat, as the generator and the CSV importer produce it. */
export interface SeizureInput {
  occurred_at: string;
  province: string;
  category: string;
  goods?: string | null;
  /** A code of the goods catalogue (src/lib/goods-catalogue.ts), for generated records. */
  goods_code?: string | null;
  quantity?: number | null;
  unit?: string | null;
  value_vnd?: number | null;
  subjects: number;
  transport_mode: string;
  lead_agency: string;
  case_ref?: string | null;
  source: string;
  synthetic: boolean;
  lon: number;
  lat: number;
}

/**
 * Inserts seizures in one statement per call through json_to_recordset: one parameter however
 * many rows, and the UTM columns filled by the table's trigger. Returns the rows inserted.
 */
export async function insertSeizures(sql: Sql, rows: SeizureInput[]): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await sql`
    insert into seizures (occurred_at, province, category, goods, goods_code, quantity, unit,
      value_vnd, subjects, transport_mode, lead_agency, case_ref, source, synthetic, geom)
    select r.occurred_at, r.province, r.category, r.goods, r.goods_code, r.quantity, r.unit,
      r.value_vnd, r.subjects, r.transport_mode, r.lead_agency, r.case_ref, r.source, r.synthetic,
      ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326)
    from json_to_recordset(${sql.json(rows as unknown as postgres.JSONValue)}::json) as r(
      occurred_at timestamptz, province text, category text, goods text, goods_code text,
      quantity float8, unit text,
      value_vnd bigint, subjects integer, transport_mode text, lead_agency text, case_ref text,
      source text, synthetic boolean, lon float8, lat float8)`;
  return result.count;
}

export async function deleteSyntheticSeizures(sql: Sql): Promise<number> {
  const result = await sql`delete from seizures where synthetic`;
  return result.count;
}
