import type { Context } from 'hono';
import type { AuditEntry } from '../repositories/audit';
import type { Actor } from '../services/audited-change';
import type { AppEnv } from './types';

/**
 * The client's address as the clientAddress middleware worked it out (trusted proxies taken into
 * account), or 'unknown' (Hono's conninfo is not available when mounted inside SvelteKit).
 */
export function clientOf(c: Context<AppEnv>): string {
  return c.get('client') ?? c.env?.clientAddress ?? 'unknown';
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
    tokenId: c.get('token')?.id,
    ...entry,
  };
}

/**
 * The signed-in user as a service's actor: the audit rows of the changes they make carry this
 * request's id and client.
 */
export function actorOf(c: Context<AppEnv>, now: () => Date): Actor {
  return { user: c.get('user') ?? null, stamp: (entry) => auditFromRequest(c, entry), now };
}
