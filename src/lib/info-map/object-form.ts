/** Pure checks and conversions behind the object register's forms (the server checks again). */
import type { Province } from '$lib/domain';
import type { Distribution, ReportKind, Tlp } from '$lib/information';
import type { NewObject, NewSighting, ObjectChange, ObjectDetail, UnitInfo } from './objects-api';

/** Vietnam is UTC+7 all year (no daylight saving). */
const VIETNAM_OFFSET_MS = 7 * 3600_000;

/**
 * A `datetime-local` value read as Vietnam time, as an ISO UTC instant; undefined if malformed.
 * @example vietnamLocalToIso('2026-11-30T08:15') // '2026-11-30T01:15:00.000Z'
 */
export function vietnamLocalToIso(value: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi] = m.map(Number);
  const utc = Date.UTC(y, mo - 1, d, h, mi) - VIETNAM_OFFSET_MS;
  const date = new Date(utc);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** Now as a `datetime-local` value in Vietnam time (the default of "seen at"). */
export function nowVietnamLocal(now: Date = new Date()): string {
  return new Date(now.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 16);
}

export type SightingMode = 'seen' | 'report' | 'seizure';

export interface SightingDraft {
  mode: SightingMode;
  at: string;
  lon: string;
  lat: string;
  note: string;
  refId: string;
}

/**
 * The body of POST /api/objects/{id}/sightings from the form, or null when it is incomplete.
 * Coordinates accept a decimal comma.
 * @example sightingBody({mode:'report', refId:'12', at:'', lon:'', lat:'', note:''}) // {report_id: 12}
 */
export function sightingBody(d: SightingDraft): NewSighting | null {
  if (d.mode === 'report' || d.mode === 'seizure') {
    const id = Number(d.refId.trim());
    if (!Number.isInteger(id) || id <= 0) return null;
    return d.mode === 'report' ? { report_id: id } : { seizure_id: id };
  }
  const seen_at = vietnamLocalToIso(d.at);
  const lon = Number(d.lon.trim().replace(',', '.'));
  const lat = Number(d.lat.trim().replace(',', '.'));
  if (!seen_at || d.lon.trim() === '' || d.lat.trim() === '') return null;
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90)
    return null;
  const note = d.note.trim();
  return note ? { seen_at, lon, lat, note } : { seen_at, lon, lat };
}

/**
 * What is wrong with a new or edited object before it is sent, or null. Message keys of the
 * form. An edit without `identifier` keeps the one stored (its author sees it masked).
 */
export function objectProblem(
  o: Omit<NewObject, 'identifier'> & { identifier?: string },
): 'objects.create.missing' | 'objects.create.needUnits' | 'objects.create.redNeedsUnits' | null {
  if (!o.kind || (o.identifier !== undefined && o.identifier.trim() === ''))
    return 'objects.create.missing';
  if (o.tlp === 'red' && o.distribution !== 'units') return 'objects.create.redNeedsUnits';
  if (o.distribution === 'units' && (o.units ?? []).length === 0) return 'objects.create.needUnits';
  return null;
}

/** The object form's fields, as typed. */
export interface ObjectDraft {
  kind: ReportKind;
  identifier: string;
  description: string;
  province: Province;
  distribution: Distribution;
  units: string[];
  tlp: Tlp;
}

/** The form's fields filled from an object as the server gave it (masked fields empty). */
export function objectToDraft(o: ObjectDetail): ObjectDraft {
  return {
    kind: o.kind,
    identifier: o.identifier ?? '',
    description: o.description ?? '',
    province: o.province,
    distribution: o.distribution,
    units: o.distribution === 'units' ? [...o.units] : [],
    tlp: o.tlp,
  };
}

/**
 * The body of PUT /api/objects/{id} from the form. What the caller sees masked (null in
 * `shown`) is left out, so the server keeps it: sending the empty box would erase it.
 * @example objectChange(draft, { identifier: null, description: null }, 3) // no identifier, version 3
 */
export function objectChange(
  d: ObjectDraft,
  shown: Pick<ObjectDetail, 'identifier' | 'description'>,
  version: number,
): ObjectChange {
  return {
    kind: d.kind,
    ...(shown.identifier !== null ? { identifier: d.identifier.trim() } : {}),
    // An empty description is sent as such: clearing it is an edit like any other.
    ...(shown.description !== null ? { description: d.description.trim() } : {}),
    province: d.province,
    distribution: d.distribution,
    ...(d.distribution === 'units' ? { units: d.units } : {}),
    tlp: d.tlp,
    version,
  };
}

/**
 * A unit's name in the page's language, or its id when the list does not hold it.
 * @example unitLabel('bp_vinh_xuong', units, 'vi') // 'Đồn Biên phòng cửa khẩu quốc tế Vĩnh Xương'
 */
export function unitLabel(id: string, units: readonly UnitInfo[], locale: 'vi' | 'en'): string {
  const unit = units.find((u) => u.id === id);
  if (!unit) return id;
  return locale === 'vi' ? unit.name_vi : unit.name_en;
}
