import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { User } from '../../repositories/users';
import * as users from '../../services/users';
import type { AppEnv, RouteDeps } from '../types';
import { actorOf } from '../context';
import { requirePermission, requireSession } from '../middleware/authorize';
import { jsonBody } from '../validate';

// Shapes only: what a valid name, role or agency is, the service decides (the CLI shares it).
const field = z.string().max(100);
// `unit`: a units.id of the same agency, or null (none); the service checks both.
const unit = z.string().max(40).nullable().optional();
const addBody = z.object({ username: field, role: field, agency: field, unit }).strict();
const changeBody = z.object({ role: field.optional(), agency: field.optional(), unit }).strict();

/** What the API shows of an account: never the hash, never the internal id. */
const view = ({ username, role, agency, unit, disabled, created_at }: User) => ({
  username,
  role,
  agency,
  unit,
  disabled,
  created_at,
});

export function userRoutes(deps: RouteDeps) {
  const { sql } = deps.db;
  const manage = requirePermission('manage_users', deps.auditDenied);
  const session = requireSession(deps.auditDenied);
  const name = (c: Context<AppEnv>) => c.req.param('username') ?? '';

  /** The body, or a 400 recorded as a failed `action` like every other refusal of a change. */
  async function bodyOf<S extends z.ZodType>(
    c: Context<AppEnv>,
    schema: S,
    action: string,
    target: string,
  ): Promise<z.infer<S>> {
    try {
      return await jsonBody(c, schema);
    } catch (error) {
      await users.recordFailure(sql, actorOf(c, deps.now), action, target, error);
      throw error;
    }
  }

  return new Hono<AppEnv>()
    .get('/users', session, manage, async function listUsers(c) {
      const list = await users.listUsers(sql, {
        now: deps.now(),
        idleMinutes: deps.config.sessionIdleMinutes,
      });
      // The units an account may be given, for the page's unit select.
      return c.json({ users: list, units: await users.unitChoices(sql) });
    })
    .post('/users', session, manage, async function addUser(c) {
      const body = await bodyOf(c, addBody, 'user.add', 'users');
      const { user, generatedPassword } = await users.addUser(sql, body, actorOf(c, deps.now));
      return c.json({ user: view(user), generatedPassword }, 201, {
        Location: `/api/users/${encodeURIComponent(user.username)}`,
      });
    })
    .patch('/users/:username', session, manage, async function changeUser(c) {
      const target = users.auditTarget(name(c));
      const body = await bodyOf(c, changeBody, 'user.update', target);
      const user = await users.changeUser(sql, name(c), body, actorOf(c, deps.now));
      return c.json({ user: view(user) });
    })
    .post('/users/:username/disable', session, manage, async function disableUser(c) {
      const r = await users.setUserDisabled(sql, name(c), true, actorOf(c, deps.now));
      return c.json({ user: view(r.user), sessionsEnded: r.sessionsEnded });
    })
    .post('/users/:username/enable', session, manage, async function enableUser(c) {
      const r = await users.setUserDisabled(sql, name(c), false, actorOf(c, deps.now));
      return c.json({ user: view(r.user), sessionsEnded: r.sessionsEnded });
    })
    .post('/users/:username/reset-password', session, manage, async function resetPassword(c) {
      const r = await users.resetPassword(sql, name(c), undefined, actorOf(c, deps.now));
      return c.json({
        user: view(r.user),
        generatedPassword: r.generatedPassword,
        sessionsEnded: r.sessionsEnded,
      });
    });
}
