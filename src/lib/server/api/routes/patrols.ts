import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { AGENCIES, PROVINCES } from '../../../domain';
import * as patrols from '../../services/patrols';
import type { PatrolCursor } from '../../repositories/patrols';
import type { AppEnv, RouteDeps } from '../types';
import { ApiError, badParameter } from '../../errors';
import { requirePermission } from '../middleware/authorize';
import { afterHref } from '../paging';
import * as p from '../params';
import { readQuery } from '../query';
import { text } from '../../text';
import { jsonBody } from '../validate';

// ISO 8601 with an explicit zone: a patrol's times must not depend on the server's zone.
const instant = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/,
    'must be an ISO date-time with its zone, e.g. 2024-05-01T06:30:00+07:00',
  )
  .refine((v) => !Number.isNaN(Date.parse(v)) && Date.parse(v) > Date.UTC(1990, 0, 1), {
    message: 'not a real date-time after 1990',
  });

const createBody = z
  .object({
    province: z.enum(PROVINCES),
    agency: z.enum(AGENCIES),
    unit: text({ max: 200 }).nullish(),
    started_at: instant,
    ended_at: instant,
    result: z.enum(['nothing_found', 'seizures']),
    seizure_ids: z.array(z.number().int().min(1).max(p.INT4_MAX)).max(500).optional(),
    note: text({ max: 2000, multiline: true }).nullish(),
    route_id: z.number().int().min(1).max(p.INT4_MAX).optional(),
    track: z.unknown().optional(),
    gpx: z.string().min(1).optional(),
  })
  .strict()
  .refine(
    (b) => [b.route_id, b.track, b.gpx].filter((v) => v !== undefined).length === 1,
    'give exactly one of route_id, track (GeoJSON) or gpx (GPX text)',
  );

const DEFAULT_PAGE = 100;
const MAX_PAGE = 1000;
const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)_(\d{1,10})$/;

/** `after` is the last patrol's start and id, as the `next` link writes it. */
function cursor(value: string | undefined): PatrolCursor | undefined {
  if (value === undefined || value === '') return undefined;
  const m = CURSOR.exec(value);
  if (!m || Number.isNaN(Date.parse(m[1])) || Number(m[2]) > p.INT4_MAX)
    throw badParameter('after', "must be a cursor from a 'next' link");
  return { started_at: new Date(m[1]), id: Number(m[2]) };
}
const cursorText = (c: PatrolCursor) => `${new Date(c.started_at).toISOString()}_${c.id}`;

function patrolId(c: Context<AppEnv>): number {
  const raw = c.req.param('id') ?? '';
  if (!/^\d{1,9}$/.test(raw)) throw new ApiError(404, 'not_found', `No patrol '${raw}'`);
  return Number(raw);
}

export function patrolsRoutes(deps: RouteDeps) {
  const { sql } = deps.db;
  const view = requirePermission('view', deps.auditDenied);
  const edit = requirePermission('edit_routes', deps.auditDenied);

  return new Hono<AppEnv>()
    .get('/patrols', view, async function listPatrols(c) {
      const q = readQuery(c, ['province', 'from', 'to', 'agency', 'limit', 'after']);
      const filter = {
        province: p.province(q.province),
        agency: p.agencies(q.agency),
        ...p.timeRange(q.from, q.to),
      };
      const page = {
        limit: p.integer('limit', q.limit, 1, MAX_PAGE, DEFAULT_PAGE),
        after: cursor(q.after),
      };
      const result = await patrols.listPatrolsFor(sql, filter, page);
      await deps.audit(c, {
        action: 'patrol.list',
        target: 'patrols',
        outcome: 'ok',
        details: { filters: q, number_returned: result.features.length },
      });
      return c.json({
        type: 'FeatureCollection',
        numberMatched: result.numberMatched,
        numberReturned: result.features.length,
        features: result.features,
        links: result.next
          ? [{ rel: 'next', href: afterHref(c.req.url, cursorText(result.next)) }]
          : [],
      });
    })
    .post('/patrols', edit, async function createPatrol(c) {
      const body = await jsonBody(c, createBody);
      const { feature } = await deps.auditedWrite(
        c,
        { action: 'patrol.create', target: 'patrols' },
        (tx) => patrols.createPatrol(tx, c.get('user')!, body, deps.now()),
        (r) => ({
          id: r.feature.id,
          source: r.feature.properties.source,
          parts: r.parts,
          seizures: (r.feature.properties.seizure_ids as number[]).length,
        }),
      );
      return c.json(feature, 201, { Location: `/api/patrols/${feature.id}` });
    })
    .get('/patrols/:id', view, async function getPatrol(c) {
      const id = patrolId(c);
      const feature = await deps.auditedRead(
        c,
        { action: 'patrol.read', target: `patrols/${id}` },
        () => patrols.getPatrol(sql, id),
        () => ({ id }),
      );
      return c.json(feature);
    });
}
