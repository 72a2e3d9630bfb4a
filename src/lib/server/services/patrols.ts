/**
 * Patrols that took place: when, who, the line walked (a planned route's, or a GPS track from
 * GPX or GeoJSON), what they found and the seizures they led to. They are the effort that
 * seizure rates are read against (DESIGN.md section 6).
 */
import type { Sql } from '../db/client';
import { ApiError, badRequest, invalidGeometry, notFound } from '../errors';
import { TrackError, trackFromGeoJson, trackFromGpx, type ImportedTrack } from '../io/track-import';
import * as routesRepo from '../repositories/patrol-routes';
import * as repo from '../repositories/patrols';
import type { PatrolCursor, PatrolFeature, PatrolFilter } from '../repositories/patrols';
import type { SessionUser } from './auth';
import { MAX_DISTANCE_FROM_PROVINCE_M, forbidAgency } from './patrol-routes';

/** Longer than any patrol shift; a longer span is a typo in a date. */
export const MAX_PATROL_HOURS = 72;
/** Clocks of phones and servers disagree a little; more than this ahead is a wrong date. */
const FUTURE_SLACK_MS = 10 * 60_000;

export interface PatrolInput {
  province: string;
  agency: string;
  unit?: string | null;
  started_at: string;
  ended_at: string;
  result: 'nothing_found' | 'seizures';
  seizure_ids?: number[];
  note?: string | null;
  route_id?: number;
  track?: unknown;
  gpx?: string;
}

function checkTimes(input: PatrolInput, now: Date): void {
  const start = Date.parse(input.started_at);
  const end = Date.parse(input.ended_at);
  if (!(end > start)) throw badRequest('ended_at must be after started_at.');
  if (end - start > MAX_PATROL_HOURS * 3_600_000)
    throw badRequest(`A patrol lasts at most ${MAX_PATROL_HOURS} hours; check the dates.`);
  if (end > now.getTime() + FUTURE_SLACK_MS)
    throw badRequest('ended_at is in the future: record a patrol after it has taken place.');
}

function importTrack(input: PatrolInput): ImportedTrack {
  try {
    return input.gpx !== undefined ? trackFromGpx(input.gpx) : trackFromGeoJson(input.track);
  } catch (error) {
    if (error instanceof TrackError) throw new ApiError(422, 'invalid_track', error.message);
    throw error;
  }
}

/** The line and its source, from the route followed or the track brought back. */
async function lineOf(sql: Sql, input: PatrolInput) {
  if (input.route_id !== undefined) {
    const route = await routesRepo.getRoute(sql, input.route_id);
    if (!route)
      throw badRequest(`route_id: there is no patrol route ${input.route_id}.`, {
        route_id: input.route_id,
      });
    if (route.province !== input.province)
      throw badRequest(
        `route_id: route ${input.route_id} is in ${route.province}, not ${input.province}.`,
      );
    return { source: 'route' as const, geometry: null, route_id: input.route_id };
  }
  const track = importTrack(input);
  const verdict = await routesRepo.checkRouteGeometry(
    sql,
    track.geometry,
    input.province,
    MAX_DISTANCE_FROM_PROVINCE_M,
  );
  if (!verdict.valid) throw invalidGeometry(`Invalid track: ${verdict.reason}`);
  if (!verdict.nearProvince)
    throw invalidGeometry(
      `The track lies more than ${MAX_DISTANCE_FROM_PROVINCE_M / 1000} km outside the ${input.province} province outline.`,
    );
  const source = input.gpx !== undefined ? ('gpx' as const) : ('geojson' as const);
  return { source, geometry: track.geometry, route_id: null, parts: track.parts };
}

export async function createPatrol(
  sql: Sql,
  user: SessionUser,
  input: PatrolInput,
  now: Date,
): Promise<{ feature: PatrolFeature; parts: number }> {
  forbidAgency(user, input.agency);
  checkTimes(input, now);
  const seizureIds = [...new Set(input.seizure_ids ?? [])].sort((a, b) => a - b);
  if (input.result === 'nothing_found' && seizureIds.length)
    throw badRequest("seizure_ids: a patrol that found nothing ('nothing_found') led to none.");
  const line = await lineOf(sql, input);
  const wrong = await repo.seizuresNotIn(sql, seizureIds, input.province);
  if (wrong.length)
    throw badRequest(`seizure_ids: no seizure ${wrong.join(', ')} in ${input.province}.`, {
      seizure_ids: wrong,
    });
  const id = await repo.insertPatrol(
    sql,
    { ...input, source: line.source, route_id: line.route_id, geometry: line.geometry },
    seizureIds,
    user.id,
  );
  return { feature: (await repo.getPatrol(sql, id))!, parts: line.parts ?? 1 };
}

export async function getPatrol(sql: Sql, id: number): Promise<PatrolFeature> {
  const feature = await repo.getPatrol(sql, id);
  if (!feature) throw notFound(`No patrol ${id}`);
  return feature;
}

/** One page, newest first, with the count of all that match and the next page's cursor. */
export async function listPatrolsFor(
  sql: Sql,
  filter: PatrolFilter,
  page: { limit: number; after?: PatrolCursor },
) {
  const [numberMatched, rows] = await Promise.all([
    repo.countPatrols(sql, filter),
    repo.listPatrols(sql, filter, { limit: page.limit + 1, after: page.after }),
  ]);
  const kept = rows.slice(0, page.limit);
  const last = kept[kept.length - 1];
  const next: PatrolCursor | undefined =
    rows.length > page.limit ? { started_at: last.started_at, id: last.feature.id } : undefined;
  return { numberMatched, features: kept.map((r) => r.feature), next };
}
