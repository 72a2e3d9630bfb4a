import type { Client as Sql } from './client';
import { withSchemaLock } from './schema-lock';

/**
 * In server mode the app can run as a role that owns nothing: the owner role (the migrations'
 * role) grants it reading and writing rows, and only appending to and reading the audit log. A
 * role that owns no table cannot disable its triggers, alter or drop it, so even a compromised
 * app cannot rewrite the audit log. `role` and `schema` come from configuration, never a request.
 */
export async function grantRuntimeRole(owner: Sql, role: string, schema = 'public'): Promise<void> {
  // Under the schema lock: servers starting together would otherwise update the same catalog
  // rows at once and one would fail with "tuple concurrently updated".
  await withSchemaLock(owner, async (tx) => {
    const r = tx(role);
    const s = tx(schema);
    await tx`grant usage on schema ${s} to ${r}`;
    await tx`revoke create on schema ${s} from ${r}`;
    await tx`grant select, insert, update, delete on all tables in schema ${s} to ${r}`;
    await tx`grant usage, select on all sequences in schema ${s} to ${r}`;
    await tx`revoke update, delete, truncate, references, trigger on ${s}.audit_log from ${r}`;
    await tx`revoke insert, update, delete, truncate on ${s}.schema_migrations from ${r}`;
  });
}

/** The role a postgres:// URL signs in as. */
export function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}
