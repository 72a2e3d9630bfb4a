import type { Client, Sql } from '../db/client';
import { ApiError, conflict, notFound } from '../errors';
import { mayChangeAgencyRecord } from '../auth/roles';
import { inAreaOfOperations } from '../../domain';
import type { RecordInput } from '../api/seizure-record-body';
import * as repo from '../repositories/seizure-records';
import type { RecordQuery, RecordValues, SeizureRecord } from '../repositories/seizure-records';
import type { SessionUser } from './auth';

/**
 * Seizure records kept by hand: the table's pages, and creating, editing and deleting one record
 * with optimistic versions. Callers run the writes inside one transaction with their audit row
 * (the route's auditedWrite), so a refusal anywhere leaves nothing written.
 */

/** A 400 whose details name the fields, in the shape the body validation uses. */
function fieldError(code: string, fields: string[], message: string): ApiError {
  return new ApiError(400, code, message, {
    field: fields[0],
    problems: fields.map((field) => ({ field, message })),
  });
}

export function forbidAgency(user: SessionUser, agency: string): void {
  if (!mayChangeAgencyRecord(user, agency)) {
    throw new ApiError(
      403,
      'forbidden',
      `A ${user.agency} user may not change seizure records led by ${agency}.`,
    );
  }
}

/** One page of the table and the count of every match, read in one snapshot so they agree. */
export async function listRecords(
  sql: Client,
  query: RecordQuery,
): Promise<{ items: SeizureRecord[]; total: number }> {
  return sql.begin('isolation level repeatable read read only', async (tx) => {
    const total = await repo.countRecords(tx, query);
    const items = await repo.listRecords(tx, query);
    return { items, total };
  }) as Promise<{ items: SeizureRecord[]; total: number }>;
}

export async function getRecord(sql: Sql, id: number, lock = false): Promise<SeizureRecord> {
  const row = await repo.getRecord(sql, id, lock);
  if (!row) throw notFound(`No seizure record ${id}`);
  return row;
}

/**
 * The record's point in lon/lat (VN-2000 transformed by PostGIS), checked to lie in the area of
 * operations and in its province's outline; without a province, the province whose outline
 * holds it.
 */
export async function placeRecord(
  sql: Sql,
  input: RecordInput,
): Promise<{ lon: number; lat: number; province: string }> {
  const pt = input.point;
  const [lon, lat] = pt.crs === 3405 ? await repo.fromVn2000(sql, pt.x, pt.y) : [pt.lon, pt.lat];
  const fields = pt.crs === 3405 ? ['x', 'y'] : ['lon', 'lat'];
  if (!inAreaOfOperations(lon, lat)) {
    throw fieldError(
      'outside_area',
      fields,
      `The point (lon/lat ${lon.toFixed(6)}, ${lat.toFixed(6)}) lies outside the area of operations of An Giang and Lang Son.`,
    );
  }
  const provinces = await repo.provincesAt(sql, lon, lat);
  if (input.province) {
    const stated = provinces.find((p) => p.id === input.province);
    if (!stated)
      throw fieldError(
        'unknown_province',
        ['province'],
        `No outline of ${input.province} is loaded yet; import the provinces layer first.`,
      );
    if (!stated.inside)
      throw fieldError(
        'outside_province',
        ['province', ...fields],
        `The point (lon/lat ${lon.toFixed(6)}, ${lat.toFixed(6)}) lies outside the ${input.province} outline.`,
      );
    return { lon, lat, province: input.province };
  }
  const holder = provinces.find((p) => p.inside);
  if (!holder)
    throw fieldError(
      'outside_province',
      ['province', ...fields],
      `The point (lon/lat ${lon.toFixed(6)}, ${lat.toFixed(6)}) lies in no province outline; give the province or correct the point.`,
    );
  return { lon, lat, province: holder.id };
}

/**
 * A new or changed case reference may not repeat another record's (case-insensitively). Checked
 * under the case-reference lock, held to the end of the transaction, so two writers cannot take
 * one reference at once. References already repeated by old imports do not block other edits.
 */
async function checkCaseRef(sql: Sql, ref: string | null, exceptId = 0): Promise<void> {
  if (ref === null) return;
  await repo.lockCaseRefs(sql);
  const holder = await repo.caseRefHolder(sql, ref, exceptId);
  if (holder !== undefined)
    throw fieldError(
      'duplicate_case_ref',
      ['case_ref'],
      `Case reference '${ref}' is already used by seizure record ${holder}.`,
    );
}

async function valuesOf(sql: Sql, input: RecordInput): Promise<RecordValues> {
  const { lon, lat, province } = await placeRecord(sql, input);
  return {
    occurred_at: input.occurred_at,
    province,
    category: input.category,
    goods: input.goods,
    quantity: input.quantity,
    unit: input.unit,
    value_vnd: input.value_vnd,
    subjects: input.subjects,
    transport_mode: input.transport_mode,
    lead_agency: input.lead_agency,
    case_ref: input.case_ref,
    lon,
    lat,
  };
}

export async function createRecord(
  sql: Sql,
  user: SessionUser,
  input: RecordInput,
): Promise<SeizureRecord> {
  forbidAgency(user, input.lead_agency);
  const values = await valuesOf(sql, input);
  await checkCaseRef(sql, values.case_ref);
  const id = await repo.insertRecord(sql, values);
  return getRecord(sql, id);
}

function stale(current: SeizureRecord, version: number): ApiError {
  return conflict(
    `Seizure record ${current.id} was changed by someone else: you edited version ${version}, it is now version ${current.version}.`,
    { current },
  );
}

/**
 * Replaces a record's values if `version` is still current. The row is locked first, so of two
 * edits of one version exactly one wins and the other gets 409 with the record as it now is.
 */
export async function updateRecord(
  sql: Sql,
  user: SessionUser,
  id: number,
  version: number,
  input: RecordInput,
): Promise<{ before: SeizureRecord; after: SeizureRecord }> {
  const before = await getRecord(sql, id, true);
  forbidAgency(user, before.lead_agency);
  forbidAgency(user, input.lead_agency);
  if (before.version !== version) throw stale(before, version);
  const values = await valuesOf(sql, input);
  const unchanged =
    values.case_ref !== null &&
    before.case_ref !== null &&
    values.case_ref.toLowerCase() === before.case_ref.toLowerCase();
  if (!unchanged) await checkCaseRef(sql, values.case_ref, id);
  if (!(await repo.updateRecord(sql, id, version, values)))
    throw stale(await getRecord(sql, id), version);
  return { before, after: await getRecord(sql, id) };
}

/**
 * Deletes a record at `version`. Patrols that recorded it as their result lose the link; their
 * ids are returned for the audit row, so the log says what the delete took with it.
 */
export async function deleteRecord(
  sql: Sql,
  user: SessionUser,
  id: number,
  version: number,
): Promise<{ before: SeizureRecord; patrols: number[] }> {
  const before = await getRecord(sql, id, true);
  forbidAgency(user, before.lead_agency);
  if (before.version !== version) throw stale(before, version);
  const patrols = await repo.linkedPatrols(sql, id);
  if (!(await repo.deleteRecord(sql, id, version))) throw stale(await getRecord(sql, id), version);
  return { before, patrols };
}

/** The seizure layer's feature of one record, `version` among its properties (map popups). */
export async function recordFeature(sql: Sql, id: number): Promise<string> {
  const f = await repo.selectRecordFeature(sql, id);
  if (f === undefined) throw notFound(`No feature ${id} in layer 'seizures'`);
  return f;
}
