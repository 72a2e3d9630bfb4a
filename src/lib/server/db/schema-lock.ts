import type postgres from 'postgres';
import type { Client } from './client';

/**
 * Key of the transaction-level advisory lock that changes to the schema (migrations, grants)
 * take, so servers started together against one database take turns instead of failing with
 * "duplicate key" or "tuple concurrently updated". An arbitrary constant, the same everywhere.
 */
export const SCHEMA_LOCK_KEY = 7_236_001;

/** Runs `fn` in a transaction that first waits for the schema lock; the commit releases it. */
export function withSchemaLock<T>(
  sql: Client,
  fn: (tx: postgres.TransactionSql) => Promise<T>,
): Promise<T> {
  return sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${SCHEMA_LOCK_KEY})`;
    return fn(tx);
  }) as Promise<T>;
}
