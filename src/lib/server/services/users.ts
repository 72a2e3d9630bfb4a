/**
 * Managing accounts, for the command line and the admin page alike: every change runs in one
 * transaction together with the audit row that records it, and every refusal is recorded too.
 */
import type postgres from 'postgres';
import { listUnits } from '../repositories/units';
import type { Sql } from '../db/client';
import { ApiError, type ErrorStatus } from '../errors';
import { generatePassword, hashPassword, passwordProblem } from '../auth/passwords';
import { ROLES, USER_AGENCIES, type Role, type UserAgency } from '../auth/roles';
import { deleteUserSessions } from '../repositories/sessions';
import * as users from '../repositories/users';
import { audited, CLI_ACTOR, SYSTEM_ACTOR, type Actor } from './audited-change';

export { CLI_ACTOR, recordFailure, type Actor } from './audited-change';

/** A refused change: 400 (a field, named in `details.problems`), 404 or 409. */
export class UserError extends ApiError {
  constructor(status: ErrorStatus, code: string, message: string, details?: unknown) {
    super(status, code, message, details);
    this.name = 'UserError';
  }
}

const USERNAME = /^[a-z0-9._-]{3,40}$/;

function invalidField(field: string, message: string): UserError {
  return new UserError(400, 'invalid_body', `${field}: ${message}`, {
    problems: [{ field, message }],
  });
}

const noSuchUser = (username: string) => new UserError(404, 'not_found', `No user '${username}'.`);

/** Usernames are stored in lower case; logins lower-case what is typed, so do the same here. */
const normalise = (username: string) => username.trim().toLowerCase();

function checkUsername(username: string): void {
  if (!USERNAME.test(username))
    throw invalidField('username', '3 to 40 characters of a-z, 0-9, . _ -');
}

function checkRole(role: string): asserts role is Role {
  if (!(ROLES as readonly string[]).includes(role))
    throw invalidField('role', `one of ${ROLES.join(', ')}`);
}

function checkAgency(agency: string): asserts agency is UserAgency {
  if (!(USER_AGENCIES as readonly string[]).includes(agency))
    throw invalidField('agency', `one of ${USER_AGENCIES.join(', ')}`);
}

/**
 * A unit for an account of `agency`: null for none, else a known unit of that same agency (a
 * `units` distribution reaches its users, so a unit of the other force would leak reports).
 */
async function checkUnit(
  sql: Sql,
  unit: string | null | undefined,
  agency: UserAgency,
): Promise<string | null> {
  if (unit === undefined || unit === null || unit === '') return null;
  const of = await users.unitAgency(sql, unit);
  if (of === undefined) throw invalidField('unit', `unknown unit '${unit.slice(0, 40)}'`);
  if (of !== agency) throw invalidField('unit', `unit '${unit}' belongs to ${of}, not ${agency}`);
  return unit;
}

/**
 * A target for the audit log that cannot carry escape codes or run long, whatever was asked for
 * (a name in a URL path may be anything).
 * @example auditTarget('demo.analyst') // 'users/demo.analyst'
 */
export function auditTarget(username: string): string {
  const safe = username.replace(/[^a-z0-9._-]/gi, '?').slice(0, 60);
  return `users/${safe}${username.length > 60 ? '…' : ''}`;
}

/**
 * Refuses what would leave nobody able to manage users: an administrator locking themselves out,
 * or disabling or demoting the last enabled administrator. Holds the admins' row locks.
 */
async function guardAdmins(
  tx: postgres.TransactionSql,
  actor: Actor,
  target: users.User,
  verb: 'disable' | 'demote',
): Promise<void> {
  if (actor.user?.id === target.id) {
    throw new UserError(
      409,
      'own_account',
      `You may not ${verb} your own account; ask another administrator.`,
    );
  }
  const admins = await users.lockEnabledAdmins(tx);
  if (admins.length === 1 && admins[0] === target.id) {
    throw new UserError(
      409,
      'last_admin',
      `${target.username} is the last enabled administrator: add or enable another administrator first.`,
    );
  }
}

async function lockTarget(
  tx: postgres.TransactionSql,
  username: string,
  lockAdminsFirst = false,
): Promise<users.User> {
  // Admin rows are locked before the target (in id order) so two changes never deadlock.
  if (lockAdminsFirst) await users.lockEnabledAdmins(tx);
  if (!USERNAME.test(username)) throw noSuchUser(username);
  const user = await users.lockUser(tx, username);
  if (!user) throw noSuchUser(username);
  return user;
}

function newPassword(given: string | undefined): { password: string; generated?: string } {
  const generated = given === undefined ? generatePassword() : undefined;
  const password = given ?? generated!;
  const problem = passwordProblem(password);
  if (problem) throw invalidField('password', problem);
  return { password, generated };
}

/** Adds a user; with no password given, generates one and returns it (shown once, never stored). */
export async function addUser(
  sql: Sql,
  input: {
    username: string;
    role: string;
    agency: string;
    unit?: string | null;
    password?: string;
  },
  actor: Actor = CLI_ACTOR,
): Promise<{ user: users.User; generatedPassword?: string }> {
  const username = normalise(input.username);
  const { role, agency } = input;
  return audited(sql, actor, 'user.add', auditTarget(username), {
    prepare: async () => {
      checkUsername(username);
      checkRole(role);
      checkAgency(agency);
      const unit = await checkUnit(sql, input.unit, agency);
      const { password, generated } = newPassword(input.password);
      return { role, agency, unit, generated, passwordHash: await hashPassword(password) };
    },
    apply: async (tx, p) => {
      if (await users.findUserByName(tx, username)) throw alreadyExists(username);
      let user: users.User;
      try {
        user = await users.insertUser(tx, { username, ...p });
      } catch (error) {
        // Another request added the same name since the check above.
        if ((error as { code?: string }).code === '23505') throw alreadyExists(username);
        throw error;
      }
      return {
        result: { user, generatedPassword: p.generated },
        details: { role: p.role, agency: p.agency, ...(p.unit ? { unit: p.unit } : {}) },
      };
    },
  });
}

const alreadyExists = (username: string) =>
  new UserError(409, 'user_exists', `A user named '${username}' already exists.`);

/**
 * Disables (or re-enables) a user; disabling ends every session they have, at once. Disabling an
 * already disabled user changes nothing and is recorded as such.
 */
export async function setUserDisabled(
  sql: Sql,
  name: string,
  disabled: boolean,
  actor: Actor = CLI_ACTOR,
): Promise<{ user: users.User; sessionsEnded: number }> {
  const username = normalise(name);
  const action = disabled ? 'user.disable' : 'user.enable';
  return audited(sql, actor, action, auditTarget(username), {
    prepare: () => undefined,
    apply: async (tx) => {
      const before = await lockTarget(tx, username, disabled);
      if (disabled) await guardAdmins(tx, actor, before, 'disable');
      await users.setDisabled(tx, username, disabled);
      const sessionsEnded = disabled ? await deleteUserSessions(tx, username) : 0;
      return {
        result: { user: { ...before, disabled }, sessionsEnded },
        details: { was_disabled: before.disabled, sessions_ended: sessionsEnded },
      };
    },
  });
}

/** Sets a new password (generated when not given) and ends the user's sessions. */
export async function resetPassword(
  sql: Sql,
  name: string,
  password?: string,
  actor: Actor = CLI_ACTOR,
): Promise<{ user: users.User; generatedPassword?: string; sessionsEnded: number }> {
  const username = normalise(name);
  return audited(sql, actor, 'user.reset_password', auditTarget(username), {
    prepare: async () => {
      const { password: pw, generated } = newPassword(password);
      return { generated, passwordHash: await hashPassword(pw) };
    },
    apply: async (tx, p) => {
      const user = await lockTarget(tx, username);
      await users.setPasswordHash(tx, username, p.passwordHash);
      const sessionsEnded = await deleteUserSessions(tx, username);
      return {
        result: { user, generatedPassword: p.generated, sessionsEnded },
        details: { sessions_ended: sessionsEnded },
      };
    },
  });
}

/**
 * Changes a user's role, agency or unit (`unit: null` removes it). Sessions stay: every request
 * reads the user afresh, so the change applies from the user's next request. A unit must belong
 * to the agency the user ends with: moving to the other force without naming a new unit (or
 * null) is refused while the old unit is set.
 */
export async function changeUser(
  sql: Sql,
  name: string,
  change: { role?: string; agency?: string; unit?: string | null },
  actor: Actor = CLI_ACTOR,
): Promise<users.User> {
  const username = normalise(name);
  return audited(sql, actor, 'user.update', auditTarget(username), {
    prepare: () => {
      if (change.role === undefined && change.agency === undefined && change.unit === undefined)
        throw invalidField('role', 'give a role, an agency or a unit to change');
      if (change.role !== undefined) checkRole(change.role);
      if (change.agency !== undefined) checkAgency(change.agency);
      return change as { role?: Role; agency?: UserAgency; unit?: string | null };
    },
    apply: async (tx, c) => {
      const before = await lockTarget(tx, username, true);
      const role = c.role ?? before.role;
      const agency = c.agency ?? before.agency;
      const unit = await checkUnit(tx, c.unit === undefined ? before.unit : c.unit, agency);
      if (before.role === 'admin' && role !== 'admin' && !before.disabled)
        await guardAdmins(tx, actor, before, 'demote');
      const user = await users.setRoleAndAgency(tx, before.id, role, agency, unit);
      const unitChanged = c.unit !== undefined || unit !== before.unit;
      return {
        result: user,
        details: {
          role_before: before.role,
          role_after: role,
          agency_before: before.agency,
          agency_after: agency,
          ...(unitChanged ? { unit_before: before.unit, unit_after: unit } : {}),
        },
      };
    },
  });
}

/** The named units an account may belong to (the admin page's choices). */
export function unitChoices(sql: Sql) {
  return listUnits(sql);
}

/** Every user with their last sign-in and live sessions, as a session would be judged at `now`. */
export function listUsers(sql: Sql, policy: { now: Date; idleMinutes: number }) {
  const idleCutoff = new Date(policy.now.getTime() - policy.idleMinutes * 60_000);
  return users.listUsersWithActivity(sql, policy.now, idleCutoff);
}

/**
 * Demo accounts, created on the embedded demo's first start: one per role, plus a Border Guard
 * analyst and a Customs commander at the An Giang gates, so both sides of the information
 * exchange can be tried. Each belongs to a named unit (reports shared with units reach it).
 */
export const DEMO_USERS: { username: string; role: Role; agency: UserAgency; unit: string }[] = [
  { username: 'demo.admin', role: 'admin', agency: 'customs', unit: 'kshq_an_giang' },
  { username: 'demo.commander', role: 'commander', agency: 'border_guard', unit: 'bdbp_lang_son' },
  { username: 'demo.planner', role: 'planner', agency: 'border_guard', unit: 'bp_tinh_bien' },
  { username: 'demo.analyst', role: 'analyst', agency: 'customs', unit: 'kshq_lang_son' },
  { username: 'demo.bg.analyst', role: 'analyst', agency: 'border_guard', unit: 'bp_vinh_xuong' },
  { username: 'demo.hq.commander', role: 'commander', agency: 'customs', unit: 'hq_tinh_bien' },
];

/** Creates the demo users when there are no users at all; returns their passwords (once). */
export async function createDemoUsers(
  sql: Sql,
): Promise<{ username: string; role: Role; password: string }[]> {
  if ((await users.countUsers(sql)) > 0) return [];
  const created = [];
  for (const u of DEMO_USERS) {
    const { generatedPassword } = await addUser(sql, u, SYSTEM_ACTOR);
    created.push({ username: u.username, role: u.role, password: generatedPassword! });
  }
  return created;
}
