import { z } from 'zod';
import { PROVINCES } from '../../domain';
import { MAX_LINES } from '../services/coverage';
import * as p from './params';

/**
 * The lines a request names: a saved plan, saved routes, or a draft being drawn. POST
 * /api/coverage and POST /api/reports/flags read them alike, so a planner's draft means the
 * same thing to both.
 */
export const draftLine = z.object({
  type: z.literal('Feature'),
  id: z.union([z.string(), z.number()]).optional(),
  // Structure and values are checked by checkGeometry, with messages a planner can act on.
  geometry: z.custom<object>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), {
    message: 'must be a GeoJSON LineString object',
  }),
  properties: z.object({
    radius_m: z.number().finite().gt(0).max(20_000),
    shifts_per_week: z.number().finite().min(0).max(84).default(7),
    name: z.string().max(200).nullish(),
  }),
});

/** The fields naming the lines and their province; spread into a body's `z.object`. */
export const planLines = {
  province: z.enum(PROVINCES),
  plan: z.number().int().min(1).max(p.INT4_MAX).optional(),
  routes: z.array(z.number().int().min(1).max(p.INT4_MAX)).max(MAX_LINES).optional(),
  draft: z
    .object({ type: z.literal('FeatureCollection'), features: z.array(draftLine).max(MAX_LINES) })
    .optional(),
};
