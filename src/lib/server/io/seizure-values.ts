/**
 * One imported seizure read from its cells (CSV text or GeoJSON property values): dates in
 * Vietnam time, Vietnamese number writing, labels for the coded fields, the point from lon/lat or
 * WKT. Pure: what needs the database (province outlines, case references already stored) is
 * checked by the import service afterwards.
 */
import { wktToGeoJSON } from 'betterknown';
import { AREA_OF_OPERATIONS } from '../../domain';
import { YEAR_MAX, YEAR_MIN } from '../limits';
import { normaliseText } from '../text';
import type { SeizureField } from './seizure-columns';
import { codeOf, type VocabularyField } from './seizure-vocabulary';
import { vietnamInstant } from './vietnam-time';

export const PROBLEM_CODES = [
  'missing',
  'bad_date',
  'outside_area',
  'swapped_lon_lat',
  'unknown_category',
  'unknown_agency',
  'unknown_transport',
  'unknown_province',
  'bad_number',
  'bad_text',
  'duplicate_case_ref',
  'bad_geometry',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface Problem {
  field: string;
  code: ProblemCode;
  message: string;
}

/** A record's cells by field; a GeoJSON reader names what is wrong with a feature's geometry. */
export type RawSeizure = Partial<Record<SeizureField, unknown>> & { geometry_problem?: string };

/** A seizure ready to insert, but for the province when the file gives none. */
export interface ParsedSeizure {
  occurred_at: string;
  province: string | null;
  category: string;
  goods: string | null;
  quantity: number | null;
  unit: string | null;
  value_vnd: number | null;
  subjects: number;
  transport_mode: string;
  lead_agency: string;
  case_ref: string | null;
  lon: number;
  lat: number;
}

export type ReadResult = { ok: true; value: ParsedSeizure } | { ok: false; problems: Problem[] };

const blank = (v: unknown) =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T,]+(\d{1,2})[:hg](\d{2})(?::(\d{2}))?)?$/i;
const YMD = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * A date as officers write it, in Vietnam time: `dd/mm/yyyy` or `yyyy-mm-dd`, each with an
 * optional `hh:mm`; an ISO instant with its own zone is taken as it is.
 * @example readDate('05/03/2024') // '2024-03-04T17:00:00.000Z'
 * @example readDate('2024-03-05 08:30') // '2024-03-05T01:30:00.000Z'
 */
export function readDate(raw: string): string | undefined {
  const s = raw.trim();
  let iso: string | undefined;
  if (ISO_WITH_ZONE.test(s)) {
    const t = new Date(s);
    iso = Number.isNaN(t.getTime()) ? undefined : t.toISOString();
  } else {
    const dmy = DMY.exec(s);
    const ymd = dmy ? undefined : YMD.exec(s);
    const parts = dmy
      ? [dmy[3], dmy[2], dmy[1], dmy[4], dmy[5], dmy[6]]
      : ymd
        ? ymd.slice(1, 7)
        : undefined;
    if (!parts) return undefined;
    const [y, mo, d, h, mi, se] = parts.map((p) => (p === undefined ? 0 : Number(p)));
    iso = vietnamInstant(y, mo, d, h, mi, se);
    if (iso && (y < YEAR_MIN || y > YEAR_MAX)) return undefined;
  }
  if (!iso) return undefined;
  const year = Number(iso.slice(0, 4));
  return year >= YEAR_MIN && year <= YEAR_MAX ? iso : undefined;
}

/**
 * An amount in đồng: digits, with dots (or commas, or spaces) between groups of three, and an
 * optional `đ`, `₫`, `VND` or `VNĐ`.
 * @example readVnd('1.250.000.000 đ') // 1250000000
 */
export function readVnd(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isSafeInteger(raw) && raw >= 0 ? raw : undefined;
  if (typeof raw !== 'string') return undefined;
  const s = raw
    .trim()
    .replace(/\s*(đ|₫|vnd|vnđ|đồng|dong)$/i, '')
    .trim();
  let digits: string | undefined;
  if (/^\d+$/.test(s)) digits = s;
  else if (/^\d{1,3}([.,\s\u00A0])\d{3}(\1\d{3})*$/.test(s)) digits = s.replace(/\D/g, '');
  if (digits === undefined) return undefined;
  const n = Number(digits);
  return Number.isSafeInteger(n) && n <= 1e15 ? n : undefined;
}

/**
 * A decimal number as Vietnamese writes it (dots between thousands, a decimal comma) or with a
 * decimal point: `1.250,5` and `1250.5` are the same; `1.250` is one thousand two hundred fifty.
 * @example readDecimal('1.250,5') // 1250.5
 * @example readDecimal('12,5') // 12.5
 */
export function readDecimal(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw !== 'string') return undefined;
  const s = raw.trim().replace(/[\s\u00A0]/g, '');
  let plain: string | undefined;
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) plain = s.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d+(,\d+)?$/.test(s)) plain = s.replace(',', '.');
  else if (/^-?\d*\.\d+$|^-?\d+\.?$/.test(s)) plain = s;
  if (plain === undefined) return undefined;
  const n = Number(plain);
  return Number.isFinite(n) ? n : undefined;
}

/** Longitude or latitude: a decimal point or a decimal comma, no thousands. */
function readCoordinate(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw !== 'string') return undefined;
  const s = raw.trim().replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(s)) return undefined;
  return Number(s);
}

const inArea = (lon: number, lat: number) => {
  const a = AREA_OF_OPERATIONS;
  return lon >= a.west && lon <= a.east && lat >= a.south && lat <= a.north;
};

const UNKNOWN: Record<VocabularyField, ProblemCode> = {
  category: 'unknown_category',
  lead_agency: 'unknown_agency',
  transport_mode: 'unknown_transport',
  province: 'unknown_province',
};

/**
 * Reads one record. Every problem is listed, not only the first, so a file can be fixed in one
 * pass.
 */
export function readSeizure(raw: RawSeizure): ReadResult {
  const problems: Problem[] = [];
  const problem = (field: string, code: ProblemCode, message: string) => {
    problems.push({ field, code, message });
  };
  const text = (v: unknown) => (typeof v === 'number' ? String(v) : typeof v === 'string' ? v : '');

  let occurred_at = '';
  if (blank(raw.occurred_at)) problem('occurred_at', 'missing', 'the date is missing');
  else {
    const d = readDate(text(raw.occurred_at));
    if (d) occurred_at = d;
    else
      problem(
        'occurred_at',
        'bad_date',
        `'${text(raw.occurred_at)}' is not a date dd/mm/yyyy or yyyy-mm-dd (optionally hh:mm) between ${YEAR_MIN} and ${YEAR_MAX}`,
      );
  }

  const coded = (field: VocabularyField, required: boolean): string | null => {
    const v = raw[field];
    if (blank(v)) {
      if (required) problem(field, 'missing', `${field} is missing`);
      return null;
    }
    const code = codeOf(field, text(v));
    if (!code) problem(field, UNKNOWN[field], `'${text(v)}' is not a known ${field}`);
    return code ?? null;
  };
  const category = coded('category', true);
  const transport_mode = coded('transport_mode', true);
  const lead_agency = coded('lead_agency', true);
  const province = coded('province', false);

  const words = (field: 'goods' | 'unit' | 'case_ref', max: number): string | null => {
    const v = raw[field];
    if (blank(v)) return null;
    // A spreadsheet-safe export (io/csv-safe.ts) put an apostrophe before formula-like text.
    const r = normaliseText(text(v).replace(/^'(?=[=+\-@\t\r])/, ''), { max });
    if (!r.ok) problem(field, 'bad_text', r.problem);
    return r.ok ? r.value : null;
  };
  const goods = words('goods', 500);
  const unit = words('unit', 50);
  const case_ref = words('case_ref', 100);

  const number = <T>(
    field: 'quantity' | 'value_vnd' | 'subjects',
    read: (v: unknown) => T | undefined,
    what: string,
  ): T | null => {
    const v = raw[field];
    if (blank(v)) return null;
    const n = read(v);
    if (n === undefined) problem(field, 'bad_number', `'${text(v)}' is not ${what}`);
    return n ?? null;
  };
  const quantity = number(
    'quantity',
    (v) => {
      const n = readDecimal(v);
      return n !== undefined && n >= 0 ? n : undefined;
    },
    'a number of zero or more',
  );
  const value_vnd = number('value_vnd', readVnd, 'an amount in đồng (e.g. 1.250.000 đ)');
  const subjects = number(
    'subjects',
    (v) => {
      const n = readDecimal(v);
      return n !== undefined && Number.isInteger(n) && n >= 0 && n <= 10_000 ? n : undefined;
    },
    'a whole number from 0 to 10,000',
  );

  const point = readPoint(raw, problem);

  if (problems.length || !point) return { ok: false, problems };
  return {
    ok: true,
    value: {
      occurred_at,
      province,
      category: category!,
      goods,
      quantity,
      unit,
      value_vnd,
      subjects: subjects ?? 0,
      transport_mode: transport_mode!,
      lead_agency: lead_agency!,
      case_ref,
      lon: point[0],
      lat: point[1],
    },
  };
}

/** The point from WKT when given, else lon/lat; checked against the area of operations. */
function readPoint(
  raw: RawSeizure,
  problem: (field: string, code: ProblemCode, message: string) => void,
): [number, number] | undefined {
  let lon: number | undefined;
  let lat: number | undefined;
  let field = 'lon';
  if (!blank(raw.wkt)) {
    field = 'wkt';
    const wkt = String(raw.wkt)
      .trim()
      .replace(/^SRID=4326;/i, '');
    let c: unknown[] | undefined;
    try {
      const g = wktToGeoJSON(wkt) as { type?: string; coordinates?: unknown } | null;
      c = g?.type === 'Point' && Array.isArray(g.coordinates) ? g.coordinates : undefined;
    } catch {
      c = undefined;
    }
    if (!c || c.length !== 2 || !c.every((n) => typeof n === 'number' && Number.isFinite(n))) {
      problem('wkt', 'bad_geometry', `'${wkt.slice(0, 80)}' is not a WKT POINT (lon lat)`);
      return undefined;
    }
    [lon, lat] = c as number[];
  } else if (raw.geometry_problem !== undefined) {
    problem('geometry', 'bad_geometry', String(raw.geometry_problem));
    return undefined;
  } else {
    const missing = (['lon', 'lat'] as const).filter((f) => blank(raw[f]));
    for (const f of missing)
      problem(f, 'missing', `${f === 'lon' ? 'longitude' : 'latitude'} is missing`);
    if (missing.length) return undefined;
    lon = readCoordinate(raw.lon);
    lat = readCoordinate(raw.lat);
    if (lon === undefined)
      problem('lon', 'bad_number', `'${String(raw.lon)}' is not a longitude in degrees`);
    if (lat === undefined)
      problem('lat', 'bad_number', `'${String(raw.lat)}' is not a latitude in degrees`);
    if (lon === undefined || lat === undefined) return undefined;
  }
  if (!inArea(lon, lat)) {
    if (inArea(lat, lon))
      problem(
        field,
        'swapped_lon_lat',
        `(${lon}, ${lat}) lies in the area only as (${lat}, ${lon}): longitude and latitude look swapped`,
      );
    else problem(field, 'outside_area', `(${lon}, ${lat}) is outside the area of operations`);
    return undefined;
  }
  return [lon, lat];
}
