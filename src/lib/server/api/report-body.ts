import { z } from 'zod';
import { CATEGORIES, PROVINCES } from '../../domain';
import {
  ASSESSMENTS,
  CREDIBILITY,
  DISTRIBUTIONS,
  PLACE_LAYERS,
  RELIABILITY,
  REPORT_KINDS,
  TLP,
  TLP_DISTRIBUTIONS,
} from '../../information';
import { ApiError } from '../errors';
import { normaliseText, text } from '../text';
import * as p from './params';

/**
 * The bodies of the information-report routes (POST/PUT /api/reports, close, reopen,
 * acknowledge, assessment, links). Strict: a field the contract does not name (`agency`,
 * `author`, `unit`, `status`...) is a 400, so who wrote a report always comes from the session.
 * The geometry is only required to be an object here: its checks answer 422 (the service's
 * checkReportGeometry), and whether it lies in its province needs the outlines.
 */

export const MAX_TEXT = 4000;
export const MAX_UNITS = 50;

/** A date-time written without a zone, as a form's date and time fields give it. */
const LOCAL_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?$/;

/** A bare date or a zoneless date-time is Vietnamese time (UTC+7), as for seizure records. */
function instant(field: string) {
  return z.string().transform((raw, ctx) => {
    try {
      const t = raw.trim();
      const at = p.instant(field, LOCAL_DATETIME.test(t) ? `${t}+07:00` : t);
      if (at) return at;
      ctx.addIssue({ code: 'custom', message: 'an ISO date (YYYY-MM-DD) or date-time' });
    } catch (error) {
      const message = error instanceof ApiError ? error.message.replace(`${field}: `, '') : '';
      ctx.addIssue({ code: 'custom', message: message || 'not a date' });
    }
    return z.NEVER;
  });
}

/** Free text of several lines that may be left empty (stored as ''). */
const freeText = (max: number) =>
  z.string().transform((raw, ctx) => {
    if (raw.trim() === '') return '';
    const result = normaliseText(raw, { max, multiline: true });
    if (result.ok) return result.value;
    ctx.addIssue({ code: 'custom', message: result.problem });
    return z.NEVER;
  });

const PLACE = new RegExp(`^(${PLACE_LAYERS.join('|')}):([A-Za-z0-9_.-]{1,60})$`);

const fields = {
  title: text({ max: 200 }),
  kind: z.enum(REPORT_KINDS),
  category: z.enum(CATEGORIES).nullish(),
  province: z.enum(PROVINCES).nullish(),
  geometry: z.record(z.string(), z.unknown()).nullish(),
  place: z
    .string()
    .regex(PLACE, `must be ${PLACE_LAYERS.map((l) => `${l}:CODE`).join(', ')}`)
    .nullish(),
  reliability: z.enum(RELIABILITY),
  credibility: z
    .number()
    .int()
    .refine((n) => (CREDIBILITY as readonly number[]).includes(n), 'must be 1 to 6'),
  distribution: z.enum(DISTRIBUTIONS),
  units: z
    .array(z.string().regex(/^[a-z0-9_]{2,40}$/, 'not a unit id'))
    .max(MAX_UNITS)
    .nullish(),
  tlp: z.enum(TLP),
  observed_from: instant('observed_from').nullish(),
  observed_to: instant('observed_to').nullish(),
  received_at: instant('received_at').nullish(),
  text: freeText(MAX_TEXT).nullish(),
};

type Raw = z.infer<z.ZodObject<typeof fields>>;

function checkReport(b: Raw, ctx: z.RefinementCtx): void {
  const issue = (field: string, message: string) =>
    ctx.addIssue({ code: 'custom', path: [field], message });
  const hasGeometry = b.geometry != null;
  const hasPlace = b.place != null;
  if (hasGeometry === hasPlace)
    issue(hasGeometry ? 'place' : 'geometry', 'give exactly one of geometry and place');
  if (b.distribution === 'units' && !b.units?.length)
    issue('units', 'required (at least one unit) when distribution is units');
  if (b.distribution !== 'units' && b.units?.length) issue('units', 'only with distribution units');
  if (!TLP_DISTRIBUTIONS[b.tlp].includes(b.distribution))
    issue('tlp', `TLP:${b.tlp.toUpperCase()} is for named units only (distribution units)`);
  if (b.observed_from && b.observed_to && b.observed_to < b.observed_from)
    issue('observed_to', 'must not be before observed_from');
}

function normalise(b: Raw) {
  return {
    title: b.title,
    kind: b.kind,
    category: b.category ?? null,
    province: b.province ?? null,
    geometry: b.geometry ?? null,
    place: b.place ?? null,
    reliability: b.reliability,
    credibility: b.credibility,
    distribution: b.distribution,
    units: b.distribution === 'units' ? [...new Set(b.units ?? [])] : [],
    tlp: b.tlp,
    observed_from: b.observed_from ?? null,
    observed_to: b.observed_to ?? null,
    received_at: b.received_at ?? null,
    text: b.text ?? '',
  };
}

export type ReportInput = ReturnType<typeof normalise>;

const version = z.number().int().min(1).max(p.INT4_MAX);

export const createReportBody = z
  .object(fields)
  .strict()
  .superRefine(checkReport)
  .transform(normalise);

export const updateReportBody = z
  .object({ ...fields, version })
  .strict()
  .superRefine(checkReport)
  .transform(({ version, ...rest }) => ({ version, ...normalise(rest) }));

export const closeReportBody = z
  .object({ version, reason: freeText(1000).pipe(z.string().min(1, 'required')) })
  .strict();

export const reopenReportBody = z.object({ version }).strict();

/** Acknowledging takes nothing: who and when come from the session and the clock. */
export const acknowledgeBody = z.object({}).strict();

export const assessmentBody = z
  .object({
    value: z.enum(ASSESSMENTS),
    reason: text({ max: 1000, multiline: true }),
    action_taken: freeText(2000).nullish(),
  })
  .strict()
  .transform((b) => ({ ...b, action_taken: b.action_taken || null }));

export type AssessmentInput = z.infer<typeof assessmentBody>;

const linkId = z.number().int().min(1).max(p.INT4_MAX);

export const linkBody = z
  .object({ seizure_id: linkId.optional(), patrol_id: linkId.optional() })
  .strict()
  .refine((b) => (b.seizure_id === undefined) !== (b.patrol_id === undefined), {
    message: 'give exactly one of seizure_id and patrol_id',
  });
