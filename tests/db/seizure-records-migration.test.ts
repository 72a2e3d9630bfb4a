/**
 * 0008_seizure_records over a database that already holds seizures: existing rows start at
 * version 1 with no change recorded, repeated case references (allowed before) do not stop it,
 * and the trigger still fills the UTM columns when an edit moves a point.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, readMigrations } from '../../src/lib/server/db/migrate';
import { useSchema, type Client } from '../../src/lib/server/db/client';
import { secondClient, testDb, type TestDb } from '../setup/test-db';

let db: TestDb;
let sql: Client;
let schema: string;

beforeAll(async () => {
  db = await testDb();
  sql = await secondClient(db);
  schema = `${db.schema}_m8`;
  await useSchema(sql, schema);
});
afterAll(async () => {
  await sql`drop schema if exists ${sql(schema)} cascade`;
  await sql.end({ timeout: 5 });
  await db.close();
});

describe('migration 0008_seizure_records', () => {
  it('versions the seizures already stored, repeated case references included', async () => {
    const before = readMigrations().filter((m) => m.id < '0008');
    await migrate(sql, before);
    await sql`
      insert into provinces (id, name_vi, name_en, neighbour, geom)
      values ('an_giang', 'An Giang', 'An Giang', 'KH',
        ST_Multi(ST_MakeEnvelope(105.0, 10.5, 105.2, 10.7, 4326)))`;
    for (const lon of [105.05, 105.1]) {
      await sql`
        insert into seizures (occurred_at, province, category, subjects, transport_mode,
          lead_agency, case_ref, source, geom)
        values ('2024-01-01', 'an_giang', 'sugar', 0, 'boat', 'customs', 'DUP-1', 'import',
          ST_SetSRID(ST_MakePoint(${lon}, 10.6), 4326))`;
    }
    expect(await migrate(sql)).toEqual(['0008_seizure_records']);
    const rows = await sql`select version, updated_at from seizures order by id`;
    expect(rows).toEqual([
      { version: 1, updated_at: null },
      { version: 1, updated_at: null },
    ]);
  });

  it('refuses a version below 1 and keeps the UTM columns with the point', async () => {
    await expect(sql`update seizures set version = 0`).rejects.toThrow(/check constraint/);
    // GDAL: 105.06 10.56 -> EPSG:32648 506564.160592602 1167329.75147566
    await sql`
      update seizures set geom = ST_SetSRID(ST_MakePoint(105.06, 10.56), 4326),
        version = version + 1
      where id = (select min(id) from seizures)`;
    const [row] = await sql`
      select version, x_utm, y_utm from seizures order by id limit 1`;
    expect(row.version).toBe(2);
    expect(Math.abs(row.x_utm - 506564.160592602)).toBeLessThan(0.01);
    expect(Math.abs(row.y_utm - 1167329.75147566)).toBeLessThan(0.01);
  });
});
