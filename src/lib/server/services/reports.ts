import type { Client, Sql } from '../db/client';
import { ApiError, conflict, invalidGeometry } from '../errors';
import { checkGeometry } from '../io/geometry-check';
import type { PlaceLayer } from '../../information';
import type { ReportInput } from '../api/report-body';
import { insertEvent } from '../repositories/report-events';
import * as links from '../repositories/report-links';
import * as repo from '../repositories/reports';
import type { ReportQuery, ReportRow, ReportValues } from '../repositories/reports';
import { unitsByIds } from '../repositories/units';
import type { SessionUser } from './auth';
import { handOver, receivingAgency } from './report-handover';
import {
  actorOf,
  loadReport,
  mayEdit,
  present,
  reportView,
  viewer,
  type ReportView,
} from './report-view';

/**
 * Information reports: the register's pages, and creating, editing, closing, reopening and
 * linking one report. Writes run inside the route's audited transaction (one transaction with
 * the audit row), so any refusal leaves the report, its units, handovers and history unchanged.
 */

/** Most positions in a report's geometry: a canal stretch or an area drawn by hand. */
export const MAX_REPORT_VERTICES = 2000;
/** received_at may lie this far ahead of the server's clock (clock skew between devices). */
export const RECEIVED_SLACK_MS = 5 * 60_000;

/** A 400 whose details name the fields, in the shape the body validation uses. */
function fieldError(code: string, fields: string[], message: string): ApiError {
  return new ApiError(400, code, message, {
    field: fields[0],
    problems: fields.map((field) => ({ field, message })),
  });
}

/** Every matching report the caller sees, one page of them, and their count in one snapshot. */
export async function listReports(
  sql: Client,
  user: SessionUser,
  query: ReportQuery,
): Promise<{ items: ReportView[]; total: number }> {
  return sql.begin('isolation level repeatable read read only', async (tx) => {
    const total = await repo.countReports(tx, viewer(user), query);
    const rows = await repo.listReports(tx, viewer(user), query);
    return { items: await present(tx, user, rows), total };
  }) as Promise<{ items: ReportView[]; total: number }>;
}

/** A drawn geometry checked (422 when unusable) and its province decided. */
async function placeDrawn(
  sql: Sql,
  drawn: Record<string, unknown>,
  stated: string | null,
): Promise<{ geometry: object; province: string }> {
  // Only type and coordinates go on: a `crs` member or anything else is dropped (4326 forced).
  const geometry = { type: drawn.type, coordinates: drawn.coordinates };
  const problems = checkGeometry(geometry, ['Point', 'LineString', 'Polygon'], {
    maxVertices: MAX_REPORT_VERTICES,
  });
  if (problems.length) throw invalidGeometry(`Invalid geometry: ${problems[0]}`, { problems });
  const verdict = await repo.geometryVerdict(sql, geometry);
  if (!verdict.valid) throw invalidGeometry(`Invalid geometry: ${verdict.reason}`);
  if (stated) {
    const province = verdict.provinces.find((p) => p.id === stated);
    if (!province)
      throw fieldError('unknown_province', ['province'], `No outline of ${stated} is loaded yet.`);
    if (!province.intersects)
      throw fieldError(
        'outside_province',
        ['province', 'geometry'],
        `The geometry lies outside the ${stated} outline.`,
      );
    return { geometry, province: stated };
  }
  const holder =
    verdict.provinces.find((p) => p.holds) ?? verdict.provinces.find((p) => p.intersects);
  if (!holder)
    throw fieldError(
      'outside_province',
      ['province', 'geometry'],
      'The geometry lies in no province outline; give the province or correct the geometry.',
    );
  return { geometry, province: holder.id };
}

/** A named gate, trail or waterway: its geometry and province are copied into the report. */
async function placeNamed(
  sql: Sql,
  place: string,
  stated: string | null,
): Promise<{ geometry: object; province: string }> {
  const colon = place.indexOf(':');
  const layer = place.slice(0, colon) as PlaceLayer;
  const feature = await repo.placeFeature(sql, layer, place.slice(colon + 1));
  if (!feature) throw fieldError('unknown_place', ['place'], `No ${layer} feature '${place}'.`);
  if (stated && stated !== feature.province)
    throw fieldError(
      'outside_province',
      ['province', 'place'],
      `${place} lies in ${feature.province}, not ${stated}.`,
    );
  return feature;
}

/** The values to store: geometry and province decided, received_at defaulted and checked. */
async function valuesOf(sql: Sql, input: ReportInput, now: Date): Promise<ReportValues> {
  const { geometry, province } = input.place
    ? await placeNamed(sql, input.place, input.province)
    : await placeDrawn(sql, input.geometry!, input.province);
  const received = input.received_at ?? now;
  if (received.getTime() > now.getTime() + RECEIVED_SLACK_MS)
    throw new ApiError(400, 'invalid_body', 'Invalid body: received_at: lies in the future', {
      problems: [{ field: 'received_at', message: 'lies in the future' }],
    });
  return {
    title: input.title,
    kind: input.kind,
    category: input.category,
    province,
    geometry,
    place: input.place,
    reliability: input.reliability,
    credibility: input.credibility,
    distribution: input.distribution,
    tlp: input.tlp,
    observed_from: input.observed_from,
    observed_to: input.observed_to,
    received_at: received,
    text: input.text,
  };
}

/**
 * The named units to store (the author's unit always among them) and the agencies they belong
 * to; an id that names no unit is a 400.
 */
async function unitsOf(
  sql: Sql,
  input: ReportInput,
  authorUnit: string | null,
): Promise<{ units: string[]; agencies: string[] }> {
  if (input.distribution !== 'units') return { units: [], agencies: [] };
  const found = await unitsByIds(sql, input.units);
  const unknown = input.units.filter((id) => !found.some((u) => u.id === id));
  if (unknown.length)
    throw fieldError('unknown_unit', ['units'], `Unknown unit(s): ${unknown.join(', ')}.`);
  const units = [...new Set([...input.units, ...(authorUnit ? [authorUnit] : [])])].sort();
  return { units, agencies: [...new Set(found.map((u) => u.agency))] };
}

export async function createReport(
  sql: Sql,
  user: SessionUser,
  input: ReportInput,
  now: Date,
): Promise<ReportView> {
  const values = await valuesOf(sql, input, now);
  const { units, agencies } = await unitsOf(sql, input, user.unit);
  const id = await repo.insertReport(sql, values, user, now);
  await repo.setUnits(sql, id, units);
  const actor = actorOf(user);
  await insertEvent(sql, id, 'created', actor, now, {
    distribution: values.distribution,
    tlp: values.tlp,
  });
  const receiver = receivingAgency(user.agency, values.distribution, agencies);
  if (receiver) await handOver(sql, id, receiver, actor, now);
  return reportView(sql, user, id);
}

function stale(current: ReportView, version: number): ApiError {
  return conflict(
    `Report ${current.id} was changed by someone else: you edited version ${version}, it is now version ${current.version}.`,
    { current },
  );
}

function forbidEdit(user: SessionUser, row: ReportRow): void {
  if (!mayEdit(user, row))
    throw new ApiError(
      403,
      'forbidden',
      `Only the author or a commander, analyst or admin of ${row.agency} may change report ${row.id}.`,
    );
}

/**
 * Once handed over, what the other force has seen stays seen: the new distribution must reach
 * everyone the old one did (`both` reaches all; a unit list must keep every unit it had).
 */
function checkNarrowing(before: ReportView, input: ReportInput, units: string[]): void {
  if (input.distribution === 'both' || before.handovers.length === 0) return;
  const kept =
    before.distribution === 'units' &&
    input.distribution === 'units' &&
    before.units.every((u) => units.includes(u));
  if (!kept)
    throw fieldError(
      'cannot_narrow',
      ['distribution', 'units'],
      `Report ${before.id} was handed over to ${before.handovers.map((h) => h.agency).join(', ')}: its distribution may widen but not narrow.`,
    );
}

/** The fields an edit changed, for the history and the audit row. */
const EDITABLE = [
  'title',
  'kind',
  'category',
  'province',
  'geometry',
  'place',
  'reliability',
  'credibility',
  'distribution',
  'units',
  'tlp',
  'observed_from',
  'observed_to',
  'received_at',
  'text',
] as const;

function changedFields(before: ReportView, after: ReportView): string[] {
  return EDITABLE.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

/**
 * Replaces a report's values if `version` is still current. The row is locked first (only when
 * the caller sees it), so of two edits of one version exactly one wins.
 */
export async function updateReport(
  sql: Sql,
  user: SessionUser,
  id: number,
  version: number,
  input: ReportInput,
  now: Date,
): Promise<{ before: ReportView; after: ReportView; changed: string[] }> {
  const row = await loadReport(sql, user, id, true);
  forbidEdit(user, row);
  const before = await reportView(sql, user, id);
  if (row.version !== version) throw stale(before, version);
  const values = await valuesOf(sql, input, now);
  const { units, agencies } = await unitsOf(sql, input, row.unit);
  checkNarrowing(before, input, units);
  if (!(await repo.updateReport(sql, id, version, values, now)))
    throw stale(await reportView(sql, user, id), version);
  await repo.setUnits(sql, id, units);
  const actor = actorOf(user);
  const receiver = receivingAgency(row.agency, values.distribution, agencies);
  const changed = changedFields(before, await reportView(sql, user, id));
  await insertEvent(sql, id, 'edited', actor, now, { version: version + 1, changed });
  // A widened distribution hands the report over now; an earlier handover keeps its date.
  if (receiver) await handOver(sql, id, receiver, actor, now);
  return { before, after: await reportView(sql, user, id), changed };
}

/** Closes a report (with the reason) or reopens it, at `version`. */
export async function setStatus(
  sql: Sql,
  user: SessionUser,
  id: number,
  version: number,
  change: { status: 'open' | 'closed'; reason: string | null },
  now: Date,
): Promise<ReportView> {
  const row = await loadReport(sql, user, id, true);
  forbidEdit(user, row);
  if (row.version !== version) throw stale(await reportView(sql, user, id), version);
  if (row.status === change.status)
    throw new ApiError(
      409,
      change.status === 'closed' ? 'already_closed' : 'not_closed',
      `Report ${id} is already ${row.status}.`,
    );
  await repo.setStatus(sql, id, version, change, now);
  const action = change.status === 'closed' ? 'closed' : 'reopened';
  await insertEvent(
    sql,
    id,
    action,
    actorOf(user),
    now,
    change.reason ? { reason: change.reason } : {},
  );
  return reportView(sql, user, id);
}

/** Links a seizure or a patrol to a report either force sees (a repeat is a 409). */
export async function link(
  sql: Sql,
  user: SessionUser,
  id: number,
  kind: links.LinkKind,
  targetId: number,
  now: Date,
): Promise<ReportView> {
  await loadReport(sql, user, id, true);
  if (!(await links.linkTargetExists(sql, kind, targetId)))
    throw fieldError(`unknown_${kind}`, [`${kind}_id`], `No ${kind} ${targetId}.`);
  if (!(await links.insertLink(sql, kind, id, targetId, now)))
    throw new ApiError(
      409,
      'already_linked',
      `${kind === 'seizure' ? 'Seizure' : 'Patrol'} ${targetId} is already linked to report ${id}.`,
    );
  await insertEvent(sql, id, `${kind}_linked`, actorOf(user), now, { [`${kind}_id`]: targetId });
  return reportView(sql, user, id);
}

export async function unlink(
  sql: Sql,
  user: SessionUser,
  id: number,
  kind: links.LinkKind,
  targetId: number,
  now: Date,
): Promise<ReportView> {
  await loadReport(sql, user, id, true);
  if (!(await links.deleteLink(sql, kind, id, targetId)))
    throw new ApiError(404, 'not_found', `Report ${id} has no link to ${kind} ${targetId}.`);
  await insertEvent(sql, id, `${kind}_unlinked`, actorOf(user), now, {
    [`${kind}_id`]: targetId,
  });
  return reportView(sql, user, id);
}
