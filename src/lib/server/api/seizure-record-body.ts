import { z } from 'zod';
import { AGENCIES, CATEGORIES, PROVINCES, TRANSPORT_MODES } from '../../domain';
import { ApiError } from '../errors';
import { text } from '../text';
import * as p from './params';

/**
 * The body of a hand-kept seizure record (POST /api/seizures, PUT /api/seizures/{id}): every
 * field checked here, so a bad value is a 400 naming it. The point comes as `lon`/`lat` degrees
 * or as `x`/`y` metres with `crs: 3405` (VN-2000 / UTM 48N); whether it lies in the area of
 * operations and in its province is decided by the service, which has the outlines.
 */

export type RecordPoint =
  { crs: 4326; lon: number; lat: number } | { crs: 3405; x: number; y: number };

/** A seizure may be dated at most this far ahead of the server's clock (time zones, typing). */
export const FUTURE_SLACK_MS = 24 * 3_600_000;

const occurredAt = z.string().transform((raw, ctx) => {
  try {
    const at = p.instant('occurred_at', raw.trim());
    if (at) return at;
    ctx.addIssue({ code: 'custom', message: 'required: an ISO date (YYYY-MM-DD) or date-time' });
  } catch (error) {
    const message = error instanceof ApiError ? error.message.replace(/^occurred_at: /, '') : '';
    ctx.addIssue({ code: 'custom', message: message || 'not a date' });
  }
  return z.NEVER;
});

const fields = {
  occurred_at: occurredAt,
  // Derived from the outline that holds the point when absent.
  province: z.enum(PROVINCES).nullish(),
  category: z.enum(CATEGORIES),
  goods: text({ max: 500 }).nullish(),
  quantity: z.number().finite().nonnegative().max(1e12).nullish(),
  unit: text({ max: 50 }).nullish(),
  value_vnd: z.number().int().nonnegative().max(1e15).nullish(),
  subjects: z.number().int().min(0).max(10_000),
  transport_mode: z.enum(TRANSPORT_MODES),
  lead_agency: z.enum(AGENCIES),
  case_ref: text({ max: 100 }).nullish(),
  // Ranges are checked with the pair (checkPoint), so swapped values get a hint.
  lon: z.number().finite().optional(),
  lat: z.number().finite().optional(),
  // UTM 48N metres: eastings of a zone lie within (0, 1,000 km), northings north of the equator.
  x: z.number().finite().min(0).max(1_000_000).optional(),
  y: z.number().finite().min(0).max(10_000_000).optional(),
  crs: z.literal(3405).optional(),
};

type Raw = z.infer<z.ZodObject<typeof fields>>;

function checkPoint(b: Raw, ctx: z.RefinementCtx): void {
  const issue = (field: string, message: string) =>
    ctx.addIssue({ code: 'custom', path: [field], message });
  if (b.crs === 3405) {
    for (const f of ['lon', 'lat'] as const)
      if (b[f] !== undefined) issue(f, 'give either lon/lat or x/y with crs 3405, not both');
    for (const f of ['x', 'y'] as const)
      if (b[f] === undefined) issue(f, 'required with crs 3405 (VN-2000 / UTM 48N metres)');
    return;
  }
  for (const f of ['x', 'y'] as const)
    if (b[f] !== undefined) issue(f, 'needs crs: 3405 (VN-2000 / UTM 48N metres)');
  for (const f of ['lon', 'lat'] as const)
    if (b[f] === undefined) issue(f, 'required: decimal degrees (or x/y with crs 3405)');
  if (b.lon === undefined || b.lat === undefined) return;
  const swapped = p.inAreaOfOperations(b.lat, b.lon) ? '; lon and lat look swapped' : '';
  if (Math.abs(b.lon) > 180) issue('lon', `must lie in [-180, 180]${swapped}`);
  if (Math.abs(b.lat) > 90) issue('lat', `must lie in [-90, 90]${swapped}`);
}

function withPoint({ lon, lat, x, y, crs, ...rest }: Raw) {
  const point: RecordPoint =
    crs === 3405 ? { crs: 3405, x: x!, y: y! } : { crs: 4326, lon: lon!, lat: lat! };
  const quantity = rest.quantity ?? null;
  return {
    ...rest,
    province: rest.province ?? null,
    goods: rest.goods ?? null,
    quantity,
    unit: rest.unit ?? null,
    value_vnd: rest.value_vnd ?? null,
    case_ref: rest.case_ref ?? null,
    point,
  };
}

function checkUnit(b: Raw, ctx: z.RefinementCtx): void {
  if (b.quantity != null && b.unit == null)
    ctx.addIssue({ code: 'custom', path: ['unit'], message: 'required when a quantity is given' });
}

export const createRecordBody = z
  .object(fields)
  .strict()
  .superRefine((b, ctx) => {
    checkPoint(b, ctx);
    checkUnit(b, ctx);
  })
  .transform(withPoint);

export const updateRecordBody = z
  .object({ ...fields, version: z.number().int().min(1).max(p.INT4_MAX) })
  .strict()
  .superRefine((b, ctx) => {
    checkPoint(b, ctx);
    checkUnit(b, ctx);
  })
  .transform(({ version, ...rest }) => ({ version, ...withPoint(rest) }));

export type RecordInput = ReturnType<typeof withPoint>;
