import type { Context } from 'hono';
import type { Client } from '../db/client';
import { countAnonymousDenial, windowStart } from '../repositories/anonymous-denials';
import { appendAudit } from '../repositories/audit';
import { ApiError } from '../errors';
import { audited } from '../services/audited-change';
import { actorOf, auditFromRequest, clientOf } from './context';
import type { AppEnv, RouteDeps } from './types';

/** Anonymous refusals from one client are logged once per window of this many minutes. */
export const DENIAL_WINDOW_MINUTES = 10;

type Trail = Pick<RouteDeps, 'audit' | 'auditDenied' | 'auditedRead' | 'auditedWrite'>;

/** The audit helpers every route uses, bound to one database and clock. */
export function auditTrail(sql: Client, now: () => Date): Trail {
  const audit: Trail['audit'] = (c, entry, tx) =>
    appendAudit(tx ?? sql, { at: now(), ...auditFromRequest(c, entry) });

  /** Middleware that runs before routing sees the wildcard; name the path then. */
  const actionOf = (c: Context<AppEnv>) =>
    `${c.req.method} ${c.req.routePath.endsWith('*') ? c.req.path : c.req.routePath}`;

  const auditDenied: Trail['auditDenied'] = async (c, outcome, details, login) => {
    const action = login ? 'login' : actionOf(c);
    const entry = {
      action,
      target: c.req.path,
      outcome,
      details: { ...details },
      ...(login ? { user: null, username: login.username } : {}),
    };
    if (c.get('user') && !login) return audit(c, entry);
    const at = now();
    const start = windowStart(at, DENIAL_WINDOW_MINUTES);
    await sql.begin(async (tx) => {
      const client = clientOf(c);
      const n = await countAnonymousDenial(tx, { client, windowStart: start, at, action });
      if (n > 1) return;
      await appendAudit(tx, {
        at,
        ...auditFromRequest(c, {
          ...entry,
          details: { ...entry.details, window_start: start.toISOString() },
        }),
      });
    });
  };

  const auditedRead: Trail['auditedRead'] = async (c, what, load, details) => {
    let result;
    try {
      result = await load();
    } catch (error) {
      if (error instanceof ApiError) {
        await audit(c, { ...what, outcome: 'failed', details: { status: error.status } });
      }
      throw error;
    }
    await audit(c, { ...what, outcome: 'ok', details: details?.(result) });
    return result;
  };

  const auditedWrite: Trail['auditedWrite'] = (c, what, run, details) =>
    audited(sql, actorOf(c, now), what.action, what.target, {
      prepare: () => undefined,
      apply: async (tx) => {
        const result = await run(tx);
        return { result, details: { ...details(result) } };
      },
    });

  return { audit, auditDenied, auditedRead, auditedWrite };
}
