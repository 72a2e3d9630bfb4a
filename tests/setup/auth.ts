import { hashPassword } from '../../src/lib/server/auth/passwords';
import type { Role, UserAgency } from '../../src/lib/server/auth/roles';
import type { App } from '../../src/lib/server/api/app';
import type { Sql } from '../../src/lib/server/db/client';
import { insertUser } from '../../src/lib/server/repositories/users';

export const PASSWORD = 'correct horse battery';

export async function addUser(
  sql: Sql,
  username: string,
  role: Role,
  agency: UserAgency = 'customs',
  /** A units.id of `agency` (e.g. 'bp_vinh_xuong'), which `units` distributions reach. */
  unit: string | null = null,
) {
  const passwordHash = await hashPassword(PASSWORD);
  return insertUser(sql, { username, passwordHash, role, agency, unit });
}

/** Signs in and returns the Cookie header value for later requests. */
export async function signIn(app: App, username: string, password = PASSWORD): Promise<string> {
  const res = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie') ?? '';
  return cookie.split(';')[0];
}

/** One user per role (customs agency unless named), signed in; returns their cookies. */
export async function signInEveryRole(app: App, sql: Sql): Promise<Record<Role, string>> {
  const roles: Role[] = ['admin', 'commander', 'planner', 'analyst'];
  const cookies = {} as Record<Role, string>;
  for (const role of roles) {
    await addUser(sql, `${role}1`, role);
    cookies[role] = await signIn(app, `${role}1`);
  }
  return cookies;
}

export function json(method: string, cookie: string | undefined, body: unknown): RequestInit {
  return {
    method,
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}
