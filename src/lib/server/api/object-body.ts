import { z } from 'zod';
import { PROVINCES } from '../../domain';
import { DISTRIBUTIONS, REPORT_KINDS, TLP, TLP_DISTRIBUTIONS } from '../../information';
import { text } from '../text';
import * as p from './params';
import { FUTURE_SLACK_MS } from './seizure-record-body';

/**
 * Bodies of the suspicious-object register: POST /api/objects, PUT /api/objects/{id} and
 * POST /api/objects/{id}/sightings. Strict: the author, agency and unit come from the session,
 * so a body naming them is a 400. Whether each listed unit exists is the service's (it has the
 * table).
 */

const UNIT_ID = /^[a-z0-9_]{2,40}$/;

const fields = {
  kind: z.enum(REPORT_KINDS),
  identifier: text({ max: 100 }),
  description: z.union([text({ max: 1000, multiline: true }), z.literal('')]).optional(),
  province: z.enum(PROVINCES),
  distribution: z.enum(DISTRIBUTIONS),
  units: z.array(z.string().regex(UNIT_ID, 'not a unit id')).max(19).optional(),
  tlp: z.enum(TLP),
};

type Raw = {
  distribution: (typeof DISTRIBUTIONS)[number];
  tlp: keyof typeof TLP_DISTRIBUTIONS;
  units?: string[];
};

/** Units iff `units` distribution; TLP:RED only to named units (the table's CHECK, said first). */
function checkDistribution(b: Raw, ctx: z.RefinementCtx): void {
  const issue = (field: string, message: string) =>
    ctx.addIssue({ code: 'custom', path: [field], message });
  if (b.distribution === 'units' && !b.units?.length)
    issue('units', 'required (at least one unit) when distribution is units');
  if (b.distribution !== 'units' && b.units?.length) issue('units', 'only with distribution units');
  if (!TLP_DISTRIBUTIONS[b.tlp].includes(b.distribution))
    issue('tlp', `TLP:${b.tlp.toUpperCase()} is for named units only (distribution units)`);
}

const distinctUnits = <T extends Raw>(b: T) => ({
  ...b,
  units: b.distribution === 'units' ? [...new Set(b.units ?? [])].sort() : [],
});

export const createObjectBody = z
  .object(fields)
  .strict()
  .superRefine(checkDistribution)
  .transform((b) => ({ ...distinctUnits(b), description: b.description ?? '' }));

/**
 * An edit. `identifier` and `description` may be left out (kept as they are): roles that may not
 * read them (they see them masked) can still change the rest.
 */
export const updateObjectBody = z
  .object({
    ...fields,
    identifier: fields.identifier.optional(),
    version: z.number().int().min(1).max(p.INT4_MAX),
  })
  .strict()
  .superRefine(checkDistribution)
  .transform(distinctUnits);

export type ObjectInput = z.infer<typeof createObjectBody>;
export type ObjectChange = z.infer<typeof updateObjectBody>;

const seenAt = z.string().transform((raw, ctx) => {
  try {
    const at = p.instant('seen_at', raw.trim());
    if (at) return at;
  } catch {
    // Reported below, with the field named by zod's path.
  }
  ctx.addIssue({
    code: 'custom',
    message: 'required: an ISO date-time, e.g. 2026-11-20T06:30:00Z',
  });
  return z.NEVER;
});

const seen = z
  .object({
    seen_at: seenAt,
    lon: z.number().finite().min(-180).max(180),
    lat: z.number().finite().min(-90).max(90),
    note: z.union([text({ max: 1000, multiline: true }), z.literal('')]).optional(),
  })
  .strict()
  .transform((b) => ({ source: 'seen' as const, ...b, note: b.note ?? '' }));
const fromReport = z
  .object({ report_id: z.number().int().min(1).max(p.INT4_MAX) })
  .strict()
  .transform((b) => ({ source: 'report' as const, ...b }));
const fromSeizure = z
  .object({ seizure_id: z.number().int().min(1).max(p.INT4_MAX) })
  .strict()
  .transform((b) => ({ source: 'seizure' as const, ...b }));

type SightingSchema = typeof seen | typeof fromReport | typeof fromSeizure;
export type SightingInput = z.infer<SightingSchema>;

/**
 * A sighting: seen by hand at a time and place, or taken from a report or a seizure record.
 * The key present picks the shape, so problems name that shape's fields (a plain union would
 * answer "invalid input" for all three).
 */
export const sightingBody = z.unknown().transform((body, ctx): SightingInput => {
  const has = (key: string) => typeof body === 'object' && body !== null && key in body;
  const schema: SightingSchema = has('report_id')
    ? fromReport
    : has('seizure_id')
      ? fromSeizure
      : seen;
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues)
    ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  return z.NEVER;
});

export { FUTURE_SLACK_MS };
