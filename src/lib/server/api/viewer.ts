import type { Context } from 'hono';
import type { AppEnv } from './types';
import { viewerOf, type Viewer } from '../repositories/visibility';

/**
 * Who is reading, for the visibility rule: the signed-in user (session or API token), or
 * undefined, which sees no report or object (the rule fails closed).
 */
export function requestViewer(c: Context<AppEnv>): Viewer | undefined {
  const user = c.get('user');
  return user ? viewerOf(user) : undefined;
}
