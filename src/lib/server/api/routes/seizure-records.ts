import { Hono, type Context } from 'hono';
import { ApiError, badParameter } from '../../errors';
import { normaliseText } from '../../text';
import { SORT_KEYS, type SeizureRecord, type SortKey } from '../../repositories/seizure-records';
import * as records from '../../services/seizure-records';
import { requirePermission } from '../middleware/authorize';
import * as p from '../params';
import { readQuery } from '../query';
import { SEIZURE_FILTER_PARAMS, seizureFilter } from '../seizure-filter';
import { createRecordBody, FUTURE_SLACK_MS, updateRecordBody } from '../seizure-record-body';
import type { AppEnv, RouteDeps } from '../types';
import { jsonBody } from '../validate';

const DEFAULT_PAGE = 50;
const MAX_PAGE = 200;
const MAX_OFFSET = 10_000_000;

function recordId(c: Context<AppEnv>): number {
  const raw = c.req.param('id') ?? '';
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < 1 || Number(raw) > p.INT4_MAX)
    throw new ApiError(404, 'not_found', `No seizure record '${raw}'`);
  return Number(raw);
}

function searchText(value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const result = normaliseText(value, { max: 100 });
  if (!result.ok) throw badParameter('q', result.problem);
  return result.value;
}

function notInFuture(at: Date, now: Date): void {
  if (at.getTime() > now.getTime() + FUTURE_SLACK_MS) {
    throw new ApiError(400, 'invalid_body', 'Invalid body: occurred_at: lies in the future', {
      problems: [{ field: 'occurred_at', message: 'lies in the future' }],
    });
  }
}

/** The record as the audit log keeps it: every value, dates as ISO strings. */
const snapshot = (r: SeizureRecord) => JSON.parse(JSON.stringify(r)) as Record<string, unknown>;

/**
 * Seizure records kept by hand: the records table (every matching record, paged and sorted on
 * the server) and creating, editing and deleting one record. Writes need `edit_seizures` and
 * the record's agency (joint records: either); each lands with its audit row, before and after.
 */
export function seizureRecordRoutes(deps: RouteDeps) {
  const { sql } = deps.db;
  const view = requirePermission('view', deps.auditDenied);
  const edit = requirePermission('edit_seizures', deps.auditDenied);

  return new Hono<AppEnv>()
    .get('/seizures', view, async function listRecords(c) {
      const q = readQuery(c, [...SEIZURE_FILTER_PARAMS, 'q', 'sort', 'dir', 'limit', 'offset']);
      const sort = (q.sort || 'occurred_at') as SortKey;
      if (!SORT_KEYS.includes(sort))
        throw badParameter('sort', `must be one of ${SORT_KEYS.join(', ')}`);
      const dir = q.dir || 'desc';
      if (dir !== 'asc' && dir !== 'desc') throw badParameter('dir', 'must be asc or desc');
      const query = {
        filter: seizureFilter(q),
        q: searchText(q.q),
        sort,
        dir: dir as 'asc' | 'desc',
        limit: p.integer('limit', q.limit, 1, MAX_PAGE, DEFAULT_PAGE),
        offset: p.integer('offset', q.offset, 0, MAX_OFFSET, 0),
      };
      const { items, total } = await records.listRecords(sql, query);
      await deps.audit(c, {
        action: 'layer.read',
        target: 'seizures',
        outcome: 'ok',
        details: { filters: q, format: 'table', number_returned: items.length },
      });
      return c.json({
        items,
        total,
        limit: query.limit,
        offset: query.offset,
        sort: query.sort,
        dir: query.dir,
      });
    })
    .post('/seizures', edit, async function createRecord(c) {
      const input = await jsonBody(c, createRecordBody);
      notInFuture(input.occurred_at, deps.now());
      const row = await deps.auditedWrite(
        c,
        { action: 'seizure.create', target: 'seizures' },
        (tx) => records.createRecord(tx, c.get('user')!, input),
        (r) => ({ id: r.id, version_after: r.version, after: snapshot(r) }),
      );
      return c.json(row, 201, { Location: `/api/seizures/${row.id}` });
    })
    .put('/seizures/:id', edit, async function updateRecord(c) {
      const id = recordId(c);
      const { version, ...input } = await jsonBody(c, updateRecordBody);
      notInFuture(input.occurred_at, deps.now());
      const { after } = await deps.auditedWrite(
        c,
        { action: 'seizure.update', target: `seizures/${id}` },
        (tx) => records.updateRecord(tx, c.get('user')!, id, version, input),
        (r) => ({
          id,
          version_before: r.before.version,
          version_after: r.after.version,
          before: snapshot(r.before),
          after: snapshot(r.after),
        }),
      );
      return c.json(after);
    })
    .delete('/seizures/:id', edit, async function deleteRecord(c) {
      const id = recordId(c);
      const q = readQuery(c, ['version']);
      if (q.version === undefined)
        throw p.missing('version', 'the version being deleted, e.g. ?version=3');
      const version = p.integer('version', q.version, 1, p.INT4_MAX, 1);
      await deps.auditedWrite(
        c,
        { action: 'seizure.delete', target: `seizures/${id}` },
        (tx) => records.deleteRecord(tx, c.get('user')!, id, version),
        (r) => ({ id, version_before: r.version, before: snapshot(r) }),
      );
      return c.body(null, 204);
    });
}
