import { Hono, type Context } from 'hono';
import { REPORT_KINDS } from '../../../information';
import { ApiError, badParameter } from '../../errors';
import { normaliseText } from '../../text';
import { readsIdentifiers } from '../../services/object-view';
import * as objects from '../../services/objects';
import { requirePermission } from '../middleware/authorize';
import { createObjectBody, FUTURE_SLACK_MS, sightingBody, updateObjectBody } from '../object-body';
import * as p from '../params';
import { readQuery } from '../query';
import type { AppEnv, RouteDeps } from '../types';
import { jsonBody } from '../validate';

const GEOJSON = 'application/geo+json; charset=utf-8';
const DEFAULT_PAGE = 50;
const MAX_PAGE = 200;

/** The id in the path; anything else is a 404 like a missing or invisible object. */
function objectId(c: Context<AppEnv>): number {
  const raw = c.req.param('id') ?? '';
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < 1 || Number(raw) > p.INT4_MAX)
    throw new ApiError(404, 'not_found', `No object ${raw.slice(0, 20)}`);
  return Number(raw);
}

function kindOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (!(REPORT_KINDS as readonly string[]).includes(value))
    throw badParameter('kind', `must be one of ${REPORT_KINDS.join(', ')}`);
  return value;
}

/** The audit log keeps what a write changed; identifiers included (the log is for auditors). */
const snapshot = (o: object) => JSON.parse(JSON.stringify(o)) as Record<string, unknown>;

/**
 * The suspicious-object register. Reads need `view`, writes `share_info`; identifiers and
 * descriptions are masked for roles without `view_identifiers`, who may not search them either
 * (a search would read them by trial). Every read is audited, as every write is.
 */
export function objectRoutes(deps: RouteDeps) {
  const { sql } = deps.db;
  const view = requirePermission('view', deps.auditDenied);
  const share = requirePermission('share_info', deps.auditDenied);

  return new Hono<AppEnv>()
    .get('/objects', view, async function listObjects(c) {
      const q = readQuery(c, ['province', 'kind', 'q', 'near_frontier', 'limit', 'offset']);
      const user = c.get('user')!;
      let search: string | undefined;
      if (q.q !== undefined && q.q.trim() !== '') {
        if (!readsIdentifiers(user)) {
          await deps.auditDenied(c, 'denied', { status: 403, permission: 'view_identifiers' });
          throw new ApiError(
            403,
            'forbidden',
            `The ${user.role} role may not search identifiers (needs 'view_identifiers').`,
          );
        }
        const text = normaliseText(q.q, { max: 100 });
        if (!text.ok) throw badParameter('q', text.problem);
        search = text.value;
      }
      if (q.near_frontier !== undefined && !['true', 'false'].includes(q.near_frontier))
        throw badParameter('near_frontier', 'must be true or false');
      const query = {
        province: p.province(q.province),
        kind: kindOf(q.kind),
        q: search,
        nearFrontier: q.near_frontier === 'true',
        limit: p.integer('limit', q.limit, 1, MAX_PAGE, DEFAULT_PAGE),
        offset: p.integer('offset', q.offset, 0, 10_000_000, 0),
      };
      const { items, total } = await objects.listObjects(sql, user, query);
      await deps.audit(c, {
        action: 'object.list',
        target: 'objects',
        outcome: 'ok',
        details: { filters: q, number_returned: items.length, ids: items.map((o) => o.id) },
      });
      return c.json({ items, total, limit: query.limit, offset: query.offset });
    })
    .get('/objects/near-frontier', view, async function nearFrontier(c) {
      const q = readQuery(c, ['province']);
      const province = p.province(q.province);
      const fc = await objects.nearFrontierFeatures(sql, c.get('user')!, province);
      await deps.audit(c, {
        action: 'object.list',
        target: 'objects/near-frontier',
        outcome: 'ok',
        details: { filters: q, near_frontier: true, ids: fc.features.map((f) => f.id) },
      });
      return c.body(JSON.stringify(fc), 200, { 'Content-Type': GEOJSON });
    })
    .get('/objects/:id', view, async function readObject(c) {
      const id = objectId(c);
      const object = await deps.auditedRead(
        c,
        { action: 'object.read', target: `objects/${id}` },
        () => objects.getObject(sql, c.get('user')!, id),
        (o) => ({ identifier_shown: o.identifier !== null }),
      );
      return c.json(object);
    })
    .post('/objects', share, async function createObject(c) {
      const input = await jsonBody(c, createObjectBody);
      const object = await deps.auditedWrite(
        c,
        { action: 'object.create', target: 'objects' },
        (tx) => objects.createObject(tx, c.get('user')!, input, deps.now()),
        (o) => ({ id: o.id, version_after: o.version, after: snapshot({ ...input, id: o.id }) }),
      );
      return c.json(object, 201, { Location: `/api/objects/${object.id}` });
    })
    .put('/objects/:id', share, async function updateObject(c) {
      const id = objectId(c);
      const change = await jsonBody(c, updateObjectBody);
      const { after } = await deps.auditedWrite(
        c,
        { action: 'object.update', target: `objects/${id}` },
        (tx) => objects.updateObject(tx, c.get('user')!, id, change, deps.now()),
        (r) => ({
          id,
          version_before: r.before.version,
          version_after: r.after.version,
          change: snapshot(change),
        }),
      );
      return c.json(after);
    })
    .post('/objects/:id/sightings', share, async function addSighting(c) {
      const id = objectId(c);
      const input = await jsonBody(c, sightingBody);
      if (
        input.source === 'seen' &&
        input.seen_at.getTime() > deps.now().getTime() + FUTURE_SLACK_MS
      )
        throw new ApiError(400, 'invalid_body', 'Invalid body: seen_at: lies in the future', {
          problems: [{ field: 'seen_at', message: 'lies in the future' }],
        });
      const { object, sighting } = await deps.auditedWrite(
        c,
        { action: 'object.sighting', target: `objects/${id}` },
        (tx) => objects.addSighting(tx, c.get('user')!, id, input, deps.now()),
        (r) => ({ id, sighting_id: r.sighting, source: input.source, input: snapshot(input) }),
      );
      return c.json(object, 201, {
        Location: `/api/objects/${id}`,
        'X-Sighting-Id': String(sighting),
      });
    });
}
