import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { ApiError } from '../../errors';
import { FairQueue, QueueRefusal, type FairQueueOptions } from '../fair-queue';
import { requestWeight } from '../request-cost';
import { clientOf } from '../context';
import type { AppEnv } from '../types';
import { SESSION_COOKIE } from './session';

const MESSAGES: Record<QueueRefusal['reason'], string> = {
  client_busy: 'You have several requests still running. Wait for them, then try again.',
  queue_full: 'The server is busy. Try again shortly.',
  wait_too_long: 'The server is busy and your request waited too long. Try again shortly.',
};

/**
 * Every request that may touch the database waits its turn in a fair queue (./fair-queue.ts);
 * a refusal is a 503 with Retry-After. The turn is taken after the body has arrived, so a slow
 * upload holds no place while it trickles in. A client is its session (or, signed out, its
 * address), so officers behind one proxy still take turns one by one.
 */
export function dbQueue(
  options: FairQueueOptions & { defaultLimit: number },
): MiddlewareHandler<AppEnv> {
  const queue = new FairQueue(options);
  return async function dbQueue(c, next) {
    if (c.req.raw.body) await c.req.arrayBuffer(); // cached: the route reads it again
    const token = getCookie(c, SESSION_COOKIE);
    const client = token ? `session:${token.slice(0, 16)}` : `address:${clientOf(c)}`;
    const url = new URL(c.req.url);
    const weight = requestWeight(
      c.req.method,
      url.pathname,
      url.searchParams,
      options.defaultLimit,
    );
    let release: () => void;
    try {
      release = await queue.acquire(client, weight);
    } catch (error) {
      if (!(error instanceof QueueRefusal)) throw error;
      throw new ApiError(503, 'busy', MESSAGES[error.reason], {
        reason: error.reason,
        retry_after_s: error.retryAfterS,
      });
    }
    try {
      await next();
    } finally {
      release();
    }
  };
}
