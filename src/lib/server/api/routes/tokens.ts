import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { ApiError } from '../../errors';
import { recordFailure } from '../../services/audited-change';
import * as apiTokens from '../../services/api-tokens';
import { text } from '../../text';
import { actorOf } from '../context';
import { requirePermission, requireSession } from '../middleware/authorize';
import type { AppEnv, RouteDeps } from '../types';
import { jsonBody } from '../validate';

const createBody = z
  .object({
    name: text({ max: 100 }),
    expires_in_days: z.number().int().min(1).max(365),
  })
  .strict();

function tokenId(c: Context<AppEnv>): number {
  const raw = c.req.param('id') ?? '';
  if (!/^\d{1,9}$/.test(raw)) throw new ApiError(404, 'not_found', `No token '${raw}'.`);
  return Number(raw);
}

/**
 * Personal API tokens for QGIS and GDAL. Only a signed-in person manages them, never a token.
 * Creating one needs `export`: a token reads layers out of the app into other tools, which is an
 * export in all but name (analysts and admins).
 */
export function tokenRoutes(deps: RouteDeps) {
  const { sql } = deps.db;
  const session = requireSession(deps.auditDenied);
  const exporter = requirePermission('export', deps.auditDenied);

  return new Hono<AppEnv>()
    .get('/tokens', session, async function listTokens(c) {
      const list = await apiTokens.listTokens(sql, c.get('user')!);
      return c.json({ tokens: list });
    })
    .post('/tokens', session, exporter, async function createToken(c) {
      const body = await jsonBody(c, createBody).catch(async (error) => {
        await recordFailure(sql, actorOf(c, deps.now), 'token.create', 'api_tokens', error);
        throw error;
      });
      const created = await deps.auditedWrite(
        c,
        { action: 'token.create', target: 'api_tokens' },
        (tx) =>
          apiTokens.createToken(
            tx,
            c.get('user')!,
            { name: body.name, expiresInDays: body.expires_in_days },
            deps.now(),
          ),
        // Never the secret.
        (t) => ({ id: t.id, name: t.name, expires_at: t.expires_at.toISOString() }),
      );
      return c.json(created, 201, { Location: `/api/tokens/${created.id}` });
    })
    .delete('/tokens/:id', session, async function revokeToken(c) {
      const id = tokenId(c);
      await deps.auditedWrite(
        c,
        { action: 'token.revoke', target: `api_tokens/${id}` },
        (tx) => apiTokens.revokeToken(tx, c.get('user')!, id, deps.now()),
        (t) => ({ id: t.id, name: t.name }),
      );
      return c.body(null, 204);
    });
}
