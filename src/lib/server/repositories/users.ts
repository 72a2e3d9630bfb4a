import type { Sql } from '../db/client';
import type { Role, UserAgency } from '../auth/roles';

export interface User {
  id: number;
  username: string;
  role: Role;
  agency: UserAgency;
  disabled: boolean;
  created_at: Date;
}

export interface UserWithHash extends User {
  password_hash: string;
}

export async function insertUser(
  sql: Sql,
  u: { username: string; passwordHash: string; role: Role; agency: UserAgency },
): Promise<User> {
  const [row] = await sql<User[]>`
    insert into users (username, password_hash, role, agency)
    values (${u.username}, ${u.passwordHash}, ${u.role}, ${u.agency})
    returning id, username, role, agency, disabled, created_at`;
  return row;
}

export async function findUserByName(
  sql: Sql,
  username: string,
): Promise<UserWithHash | undefined> {
  const [row] = await sql<UserWithHash[]>`
    select id, username, role, agency, disabled, created_at, password_hash from users where username = ${username}`;
  return row;
}

export function listUsers(sql: Sql): Promise<User[]> {
  return sql<
    User[]
  >`select id, username, role, agency, disabled, created_at from users order by username`;
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
