import type { Sql } from '../db/client';
import type { Role, UserAgency } from '../auth/roles';

export interface User {
  id: number;
  username: string;
  role: Role;
  agency: UserAgency;
  /** The user's named unit (units.id), which `units` distributions reach; null for none. */
  unit: string | null;
  disabled: boolean;
  created_at: Date;
}

export interface UserWithHash extends User {
  password_hash: string;
}

export async function insertUser(
  sql: Sql,
  u: {
    username: string;
    passwordHash: string;
    role: Role;
    agency: UserAgency;
    unit?: string | null;
  },
): Promise<User> {
  const [row] = await sql<User[]>`
    insert into users (username, password_hash, role, agency, unit)
    values (${u.username}, ${u.passwordHash}, ${u.role}, ${u.agency}, ${u.unit ?? null})
    returning id, username, role, agency, unit, disabled, created_at`;
  return row;
}

export async function findUserByName(
  sql: Sql,
  username: string,
): Promise<UserWithHash | undefined> {
  const [row] = await sql<UserWithHash[]>`
    select id, username, role, agency, unit, disabled, created_at, password_hash from users where username = ${username}`;
  return row;
}

export function listUsers(sql: Sql): Promise<User[]> {
  return sql<
    User[]
  >`select id, username, role, agency, unit, disabled, created_at from users order by username`;
}

export async function countUsers(sql: Sql): Promise<number> {
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from users`;
  return row.n;
}

/** Returns false when there is no such user. */
export async function setDisabled(sql: Sql, username: string, disabled: boolean): Promise<boolean> {
  const rows =
    await sql`update users set disabled = ${disabled} where username = ${username} returning id`;
  return rows.length === 1;
}

export async function setPasswordHash(
  sql: Sql,
  username: string,
  passwordHash: string,
): Promise<boolean> {
  const rows = await sql`
    update users set password_hash = ${passwordHash}, password_changed_at = now()
    where username = ${username} returning id`;
  return rows.length === 1;
}

/** A user as the admin page lists them: never the hash, with their recent activity. */
export interface UserActivity extends Omit<User, 'id'> {
  /** The last successful sign-in the audit log recorded, or null. */
  last_sign_in_at: Date | null;
  /** Sessions that would still be accepted at `now` (neither expired nor idle). */
  active_sessions: number;
}

export function listUsersWithActivity(
  sql: Sql,
  now: Date,
  idleCutoff: Date,
): Promise<UserActivity[]> {
  // The lateral lookup walks the (username, at) index backwards and stops at the first login.
  return sql<UserActivity[]>`
    select u.username, u.role, u.agency, u.unit, u.disabled, u.created_at,
      (select a.at from audit_log a
        where a.username = u.username and a.user_id = u.id and a.action = 'login' and a.outcome = 'ok'
        order by a.at desc limit 1) as last_sign_in_at,
      (select count(*)::int from sessions s
        where s.user_id = u.id and s.expires_at > ${now} and s.last_seen_at > ${idleCutoff}) as active_sessions
    from users u
    order by u.username`;
}

/**
 * Locks the enabled administrators (in id order, so two transactions never wait on each other)
 * and returns their ids: whoever disables or demotes one holds these until commit.
 */
export async function lockEnabledAdmins(sql: Sql): Promise<number[]> {
  const rows = await sql<{ id: number }[]>`
    select id from users where role = 'admin' and not disabled order by id for update`;
  return rows.map((r) => r.id);
}

/** The user, locked against concurrent changes until the transaction ends. */
export async function lockUser(sql: Sql, username: string): Promise<User | undefined> {
  const [row] = await sql<User[]>`
    select id, username, role, agency, unit, disabled, created_at from users
    where username = ${username} for update`;
  return row;
}

export async function setRoleAndAgency(
  sql: Sql,
  id: number,
  role: Role,
  agency: UserAgency,
  unit: string | null,
): Promise<User> {
  const [row] = await sql<User[]>`
    update users set role = ${role}, agency = ${agency}, unit = ${unit} where id = ${id}
    returning id, username, role, agency, unit, disabled, created_at`;
  return row;
}

/** The agency of unit `id`, or undefined when there is no such unit. */
export async function unitAgency(sql: Sql, id: string): Promise<UserAgency | undefined> {
  const [row] = await sql<{ agency: UserAgency }[]>`select agency from units where id = ${id}`;
  return row?.agency;
}
