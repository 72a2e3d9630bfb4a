import type { Context } from 'hono';
import type { AuditEntry } from '../repositories/audit';
import type { AppEnv } from './app';

/** The client address SvelteKit passed in, or 'unknown' (Hono's conninfo is not available here). */
export function clientOf(c: Context<AppEnv>): string {
  return c.env?.clientAddress ?? 'unknown';
}

/** An audit entry with this request's id, client and user filled in. */
export function auditFromRequest(
  c: Context<AppEnv>,
  entry: Omit<AuditEntry, 'at'>,
): Omit<AuditEntry, 'at'> {
  return {
    user: c.get('user') ?? null,
    requestId: c.get('requestId'),
    client: clientOf(c),
    ...entry,
  };
}
