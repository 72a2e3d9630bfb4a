import type { Client, Sql } from '../db/client';
import { ApiError, conflict, notFound } from '../errors';
import { inAreaOfOperations } from '../../domain';
import type { ObjectChange, ObjectInput, SightingInput } from '../api/object-body';
import * as repo from '../repositories/objects';
import * as sightings from '../repositories/object-sightings';
import { viewerOf } from '../repositories/visibility';
import { can } from '../auth/roles';
import type { SessionUser } from './auth';
import {
  byObject,
  objectView,
  sightingView,
  type ObjectView,
  type SightingView,
} from './object-view';

/**
 * The suspicious-object register: pages of visible objects, one object with its sightings,
 * creating and editing (versioned) and adding sightings. Writes run inside the route's audited
 * transaction, so a refusal anywhere leaves nothing written. An object the caller may not see
 * answers exactly as a missing id does.
 */

export interface ObjectQuery extends repo.ObjectFilter {
  nearFrontier: boolean;
  limit: number;
  offset: number;
}

export interface ObjectDetail extends ObjectView {
  sightings: SightingView[];
  reports: number[];
  seizures: number[];
  /** What the caller may do with it, so the page offers only what the server would accept. */
  can: { edit: boolean };
}

const missing = (id: number) => notFound(`No object ${id}`);

function field400(code: string, field: string, message: string, extra: object = {}): ApiError {
  return new ApiError(400, code, message, { field, problems: [{ field, message }], ...extra });
}

/** Views of `rows` with their units and the caller's sightings. */
async function viewsOf(sql: Sql, user: SessionUser, rows: repo.ObjectRow[]) {
  const ids = rows.map((r) => r.id);
  const units = await repo.unitsOf(sql, ids);
  const seen = byObject(await sightings.sightingsOf(sql, viewerOf(user), ids));
  return rows.map((r) => objectView(user, r, units.get(r.id) ?? [], seen.get(r.id) ?? []));
}

/**
 * One page of visible objects and the count of every match, in one snapshot. With
 * `nearFrontier` the rule needs each object's sightings, so every match is read and filtered
 * here (the register holds hundreds of objects, not millions).
 */
export async function listObjects(
  sql: Client,
  user: SessionUser,
  q: ObjectQuery,
): Promise<{ items: ObjectView[]; total: number }> {
  const viewer = viewerOf(user);
  return sql.begin('isolation level repeatable read read only', async (tx) => {
    if (!q.nearFrontier) {
      const total = await repo.countObjects(tx, viewer, q);
      const rows = await repo.listObjects(tx, viewer, q, q.limit, q.offset);
      return { items: await viewsOf(tx, user, rows), total };
    }
    const all = await viewsOf(tx, user, await repo.listObjects(tx, viewer, q, null, 0));
    const near = all.filter((o) => o.near_frontier);
    return { items: near.slice(q.offset, q.offset + q.limit), total: near.length };
  }) as Promise<{ items: ObjectView[]; total: number }>;
}

async function visibleRow(sql: Sql, user: SessionUser, id: number, lock = false) {
  const row = await repo.getObject(sql, viewerOf(user), id, lock);
  if (!row) throw missing(id);
  return row;
}

/** The object with its visible sightings, and the reports and seizures they came from. */
export async function getObject(sql: Sql, user: SessionUser, id: number): Promise<ObjectDetail> {
  const row = await visibleRow(sql, user, id);
  const units = (await repo.unitsOf(sql, [id])).get(id) ?? [];
  const seen = await sightings.sightingsOf(sql, viewerOf(user), [id]);
  const distinct = (values: (number | null)[]) =>
    [...new Set(values.filter((v): v is number => v !== null))].sort((a, b) => a - b);
  return {
    ...objectView(user, row, units, seen),
    sightings: seen.map(sightingView),
    reports: distinct(seen.map((s) => s.report_id)),
    seizures: distinct(seen.map((s) => s.seizure_id)),
    can: { edit: can(user.role, 'share_info') && mayEdit(user, row) },
  };
}

/** Every listed unit must exist; the author's own unit is always among a row's units. */
async function unitsFor(sql: Sql, authorUnit: string | null, units: string[]): Promise<string[]> {
  const unknown = await repo.unknownUnits(sql, units);
  if (unknown.length)
    throw field400('unknown_unit', 'units', `Unknown unit: ${unknown.join(', ')}`, { unknown });
  return [...new Set([...units, ...(authorUnit ? [authorUnit] : [])])].sort();
}

async function checkIdentity(
  sql: Sql,
  user: SessionUser,
  v: { kind: string; identifier: string; agency: string },
  exceptId = 0,
): Promise<void> {
  const holder = await repo.sameIdentity(sql, v, exceptId);
  if (holder === undefined) return;
  // The id only when the caller may see that object: the refusal must not reveal it otherwise.
  const visible = (await repo.getObject(sql, viewerOf(user), holder)) !== undefined;
  throw new ApiError(
    409,
    'duplicate_object',
    `Your agency already registers a ${v.kind} with this identifier${visible ? ` (object ${holder})` : ''}.`,
    visible ? { id: holder } : undefined,
  );
}

export async function createObject(
  sql: Sql,
  user: SessionUser,
  input: ObjectInput,
  now: Date,
): Promise<ObjectDetail> {
  const units = await unitsFor(sql, user.unit, input.units);
  await checkIdentity(sql, user, { ...input, agency: user.agency });
  const id = await repo.insertObject(sql, input, user, now);
  await repo.setUnits(sql, id, units);
  return getObject(sql, user, id);
}

/** Author, or a commander, analyst or admin of the author's agency (as for reports). */
function mayEdit(user: SessionUser, row: repo.ObjectRow): boolean {
  if (row.author_id === user.id) return true;
  return row.agency === user.agency && ['commander', 'analyst', 'admin'].includes(user.role);
}

export async function updateObject(
  sql: Sql,
  user: SessionUser,
  id: number,
  change: ObjectChange,
  now: Date,
): Promise<{ before: ObjectDetail; after: ObjectDetail }> {
  const row = await visibleRow(sql, user, id, true);
  if (!mayEdit(user, row))
    throw new ApiError(
      403,
      'forbidden',
      `Only the author or a commander, analyst or admin of ${row.agency} may edit object ${id}.`,
    );
  const before = await getObject(sql, user, id);
  if (row.version !== change.version)
    throw conflict(
      `Object ${id} was changed by someone else: you edited version ${change.version}, it is now version ${row.version}.`,
      { current: before },
    );
  const values = {
    ...change,
    identifier: change.identifier ?? row.identifier,
    description: change.description ?? row.description,
  };
  const units = await unitsFor(sql, row.unit, change.units);
  // An editor who is not the author and names units without their own would lose the object
  // mid-edit: refused, so the change is made on purpose by listing their unit, or by the author.
  if (
    change.distribution === 'units' &&
    row.author_id !== user.id &&
    !(user.unit && units.includes(user.unit))
  )
    throw field400(
      'would_hide',
      'units',
      `List your own unit${user.unit ? ` (${user.unit})` : ''}: without it you would no longer see object ${id}.`,
    );
  await checkIdentity(sql, user, { ...values, agency: row.agency }, id);
  if (!(await repo.updateObject(sql, id, change.version, values, now)))
    throw conflict(`Object ${id} was changed by someone else.`, {
      current: await getObject(sql, user, id),
    });
  await repo.setUnits(sql, id, units);
  return { before, after: await getObject(sql, user, id) };
}

/** Where and when a sighting happened, from the body or from its report or seizure. */
async function placeOf(sql: Sql, user: SessionUser, input: SightingInput) {
  if (input.source === 'seen') {
    if (!inAreaOfOperations(input.lon, input.lat))
      throw field400(
        'outside_area',
        'lon',
        `The point (lon/lat ${input.lon}, ${input.lat}) lies outside the area of operations of An Giang and Lang Son.`,
      );
    return { ...input, report_id: null, seizure_id: null };
  }
  if (input.source === 'report') {
    // A report the caller may not see is refused as if it did not exist.
    const at = await sightings.reportPlace(sql, viewerOf(user), input.report_id);
    if (!at) throw field400('unknown_report', 'report_id', `No report ${input.report_id}`);
    return { ...at, source: input.source, report_id: input.report_id, seizure_id: null, note: '' };
  }
  const at = await sightings.seizurePlace(sql, input.seizure_id);
  if (!at) throw field400('unknown_seizure', 'seizure_id', `No seizure ${input.seizure_id}`);
  return { ...at, source: input.source, report_id: null, seizure_id: input.seizure_id, note: '' };
}

/** Adds a sighting to a visible object; a repeat of the same report or seizure is a 409. */
export async function addSighting(
  sql: Sql,
  user: SessionUser,
  id: number,
  input: SightingInput,
  now: Date,
): Promise<{ object: ObjectDetail; sighting: number }> {
  await visibleRow(sql, user, id, true);
  const place = await placeOf(sql, user, input);
  const sighting = await sightings.insertSighting(
    sql,
    { ...place, object_id: id, agency: user.agency, author_id: user.id },
    now,
  );
  if (sighting === undefined)
    throw new ApiError(
      409,
      'already_linked',
      `Object ${id} already has a sighting from ${place.source} ${place.report_id ?? place.seizure_id}.`,
    );
  await repo.touchObject(sql, id, now);
  return { object: await getObject(sql, user, id), sighting };
}

/**
 * Visible objects whose visible sightings cluster near the frontier, as GeoJSON points at the
 * cluster's centroid, for the map.
 */
export async function nearFrontierFeatures(sql: Client, user: SessionUser, province?: string) {
  const { items } = await listObjects(sql, user, {
    province,
    nearFrontier: true,
    limit: Number.MAX_SAFE_INTEGER,
    offset: 0,
  });
  return {
    type: 'FeatureCollection' as const,
    features: items.map((o) => ({
      type: 'Feature' as const,
      id: o.id,
      geometry: { type: 'Point' as const, coordinates: o.centroid! },
      properties: {
        id: o.id,
        kind: o.kind,
        identifier_masked: o.identifier_masked,
        sightings_count: o.sightings_count,
        last_seen_at: o.last_seen_at,
        tlp: o.tlp,
      },
    })),
  };
}
