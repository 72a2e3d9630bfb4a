import {
  AGENCIES,
  CATEGORIES,
  PROVINCES,
  inAreaOfOperations,
  isOneOf,
  type Agency,
  type Category,
  type Province,
} from '../../domain';
import { badParameter } from '../errors';
import { INT4_MAX } from '../limits';

export { INT4_MAX, inAreaOfOperations };
// Vietnam days and time ranges are read by services too: they live in ../time-range.
export { instant, timeRange, type TimeRange } from '../time-range';

/** Query-string parsers: each returns a typed value or throws a 400 naming the parameter. */

export type Query = Record<string, string | undefined>;

/** Rejects parameters the route does not know, so a typo is an error rather than ignored. */
export function onlyKnown(query: Query, known: readonly string[]): void {
  for (const key of Object.keys(query)) {
    if (!known.includes(key)) {
      throw badParameter(key, `unknown parameter (allowed: ${known.join(', ')})`);
    }
  }
}

export function province(value: string | undefined): Province | undefined {
  if (value === undefined || value === '') return undefined;
  if (!isOneOf(PROVINCES, value))
    throw badParameter('province', `must be one of ${PROVINCES.join(', ')}`);
  return value;
}

function list<T extends string>(
  name: string,
  allowed: readonly T[],
  value: string | undefined,
): T[] | undefined {
  if (value === undefined || value === '') return undefined;
  const items = value.split(',').map((s) => s.trim());
  for (const item of items) {
    if (!isOneOf(allowed, item))
      throw badParameter(name, `'${item}' is not one of ${allowed.join(', ')}`);
  }
  return [...new Set(items)] as T[];
}

export const categories = (value: string | undefined): Category[] | undefined =>
  list('category', CATEGORIES, value);

export const agencies = (value: string | undefined): Agency[] | undefined =>
  list('agency', AGENCIES, value);

export type BBox = [west: number, south: number, east: number, north: number];

/** A decimal as people write it: Number() also reads hex, binary, exponents, '+' and spaces. */
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** `w,s,e,n` in degrees, inside the valid lon/lat ranges, west < east and south < north. */
export function bbox(value: string | undefined): BBox | undefined {
  if (value === undefined || value === '') return undefined;
  const parts = value.split(',');
  if (parts.length !== 4)
    throw badParameter('bbox', 'expected four numbers: west,south,east,north');
  const n = parts.map((p) => (DECIMAL.test(p) ? Number(p) : NaN));
  if (n.some((x) => !Number.isFinite(x)))
    throw badParameter(
      'bbox',
      'every value must be a finite number written as a plain decimal, e.g. 104.5',
    );
  const [w, s, e, nn] = n;
  if (w < -180 || e > 180 || s < -90 || nn > 90) {
    throw badParameter('bbox', 'longitudes must lie in [-180, 180] and latitudes in [-90, 90]');
  }
  if (w >= e || s >= nn)
    throw badParameter('bbox', 'west must be less than east and south less than north');
  return [w, s, e, nn];
}

/** A whole number of plain decimal digits within [min, max]; callers keep max within its column. */
export function integer(
  name: string,
  value: string | undefined,
  min: number,
  max: number,
  fallback: number,
): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value))
    throw badParameter(name, `must be a whole number from ${min} to ${max}`);
  const n = Number(value);
  if (n < min || n > max) throw badParameter(name, `must be a whole number from ${min} to ${max}`);
  return n;
}

export function missing(name: string, what: string) {
  return badParameter(name, `required: ${what}`);
}

export { badParameter as badParameterOf };
