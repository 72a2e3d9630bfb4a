import type { Sql } from './client';

/**
 * In server mode the app can run as a role that owns nothing: the owner role (the migrations'
 * role) grants it reading and writing rows, and only appending to and reading the audit log. A
 * role that owns no table cannot disable its triggers, alter or drop it, so even a compromised
 * app cannot rewrite the audit log. `role` and `schema` come from configuration, never a request.
 */
export async function grantRuntimeRole(owner: Sql, role: string, schema = 'public'): Promise<void> {
  const r = owner(role);
  const s = owner(schema);
  await owner`grant usage on schema ${s} to ${r}`;
  await owner`revoke create on schema ${s} from ${r}`;
  await owner`grant select, insert, update, delete on all tables in schema ${s} to ${r}`;
  await owner`grant usage, select on all sequences in schema ${s} to ${r}`;
  await owner`revoke update, delete, truncate, references, trigger on ${s}.audit_log from ${r}`;
  await owner`revoke insert, update, delete, truncate on ${s}.schema_migrations from ${r}`;
}

/** The role a postgres:// URL signs in as. */
export function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}
