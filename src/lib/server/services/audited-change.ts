/**
 * A change and the audit row that records it, in one transaction: the log holds the row if and
 * only if the change was committed. Refusals are recorded as failed, other errors as errors.
 */
import type postgres from 'postgres';
import { transaction, type Sql } from '../db/client';
import { ApiError } from '../errors';
import { appendAudit, type AuditEntry } from '../repositories/audit';
import type { SessionUser } from './auth';

/**
 * Who makes a change. The audit log names the administrator with their request's id and client
 * when the change comes through the API, and 'cli' or 'system' otherwise.
 */
export interface Actor {
  /** The signed-in administrator; null for the command line and the app's first start. */
  user: SessionUser | null;
  /** Fills in who made the change (and the request id and client) on an audit entry. */
  stamp: (entry: Omit<AuditEntry, 'at'>) => Omit<AuditEntry, 'at'>;
  now: () => Date;
}

const named = (username: 'cli' | 'system'): Actor => ({
  user: null,
  stamp: (entry) => ({ ...entry, username }),
  now: () => new Date(),
});

export const CLI_ACTOR = named('cli');
export const SYSTEM_ACTOR = named('system');

/** Records a refused or failed change; its own failure must not hide the original error. */
export async function recordFailure(
  sql: Sql,
  actor: Actor,
  action: string,
  target: string,
  error: unknown,
): Promise<void> {
  // A 404's message repeats whatever name was asked for; the target already says it safely.
  const details =
    error instanceof ApiError
      ? {
          status: error.status,
          code: error.code,
          ...(error.status === 404 ? {} : { reason: error.message.slice(0, 200) }),
        }
      : { status: 500 };
  const outcome = error instanceof ApiError ? 'failed' : 'error';
  try {
    await appendAudit(sql, {
      at: actor.now(),
      ...actor.stamp({ action, target, outcome, details }),
    });
  } catch {
    // The database refused the failure row too (down, or the cause itself): the caller still
    // gets the original error.
  }
}

export interface Change<P, T> {
  /** Checks and slow work (password hashing) before the transaction opens. */
  prepare: () => P | Promise<P>;
  /** The change itself, inside the transaction; `details` go to its audit row. */
  apply: (
    tx: postgres.TransactionSql,
    prepared: P,
  ) => Promise<{ result: T; details?: Record<string, unknown> }>;
}

/**
 * Runs one change and appends its audit row in the same transaction, so the log has the row if
 * and only if the change was committed. A refusal is recorded as failed, any other error as one.
 */
export async function audited<P, T>(
  sql: Sql,
  actor: Actor,
  action: string,
  target: string,
  change: Change<P, T>,
): Promise<T> {
  try {
    const prepared = await change.prepare();
    return (await transaction(sql, async (tx) => {
      const { result, details } = await change.apply(tx, prepared);
      await appendAudit(tx, {
        at: actor.now(),
        ...actor.stamp({ action, target, outcome: 'ok', details }),
      });
      return result;
    })) as T;
  } catch (error) {
    await recordFailure(sql, actor, action, target, error);
    throw error;
  }
}
