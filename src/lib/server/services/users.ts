import type { Client, Sql } from '../db/client';
import { generatePassword, hashPassword, passwordProblem } from '../auth/passwords';
import { ROLES, USER_AGENCIES, type Role, type UserAgency } from '../auth/roles';
import { appendAudit } from '../repositories/audit';
import { deleteUserSessions } from '../repositories/sessions';
import * as users from '../repositories/users';

export class UserError extends Error {}

const USERNAME = /^[a-z0-9._-]{3,40}$/;

function checkFields(u: { username: string; role: string; agency: string }): asserts u is {
  username: string;
  role: Role;
  agency: UserAgency;
} {
  if (!USERNAME.test(u.username))
    throw new UserError('username: 3 to 40 characters of a-z, 0-9, . _ -');
  if (!(ROLES as readonly string[]).includes(u.role))
    throw new UserError(`role: one of ${ROLES.join(', ')}`);
  if (!(USER_AGENCIES as readonly string[]).includes(u.agency)) {
    throw new UserError(`agency: one of ${USER_AGENCIES.join(', ')}`);
  }
}

/** Who made a change outside the API: the command line, or the app's own first start. */
export type Actor = 'cli' | 'system';

const audit = (
  sql: Sql,
  actor: Actor,
  action: string,
  target: string,
  details?: Record<string, unknown>,
) => appendAudit(sql, { at: new Date(), action, target, outcome: 'ok', username: actor, details });

/** Adds a user; with no password given, generates one and returns it (shown once, never stored). */
export async function addUser(
  sql: Sql,
  input: { username: string; role: string; agency: string; password?: string },
  actor: Actor = 'cli',
): Promise<{ user: users.User; generatedPassword?: string }> {
  const given = input.password;
  checkFields(input);
  const generated = given === undefined ? generatePassword() : undefined;
  const password = given ?? generated!;
  const problem = passwordProblem(password);
  if (problem) throw new UserError(`password: ${problem}`);
  if (await users.findUserByName(sql, input.username))
    throw new UserError(`user '${input.username}' already exists`);
  const user = await users.insertUser(sql, {
    ...input,
    passwordHash: await hashPassword(password),
  });
  await audit(sql, actor, 'user.add', `users/${user.username}`, {
    role: user.role,
    agency: user.agency,
  });
  return { user, generatedPassword: generated };
}

/** Disables (or re-enables) a user; disabling ends every session they have, at once. */
export async function setUserDisabled(
  sql: Client,
  username: string,
  disabled: boolean,
): Promise<number> {
  let ended = 0;
  await sql.begin(async (tx) => {
    if (!(await users.setDisabled(tx, username, disabled)))
      throw new UserError(`no user '${username}'`);
    if (disabled) ended = await deleteUserSessions(tx, username);
  });
  await audit(sql, 'cli', disabled ? 'user.disable' : 'user.enable', `users/${username}`, {
    sessions_ended: ended,
  });
  return ended;
}

/** Sets a new password (generated when not given) and ends the user's sessions. */
export async function resetPassword(
  sql: Client,
  username: string,
  password?: string,
): Promise<string | undefined> {
  const generated = password === undefined ? generatePassword() : undefined;
  const pw = password ?? generated!;
  const problem = passwordProblem(pw);
  if (problem) throw new UserError(`password: ${problem}`);
  const hash = await hashPassword(pw);
  await sql.begin(async (tx) => {
    if (!(await users.setPasswordHash(tx, username, hash)))
      throw new UserError(`no user '${username}'`);
    await deleteUserSessions(tx, username);
  });
  await audit(sql, 'cli', 'user.reset_password', `users/${username}`);
  return generated;
}

export const listUsers = users.listUsers;
