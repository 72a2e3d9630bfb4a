/**
 * The audit log as a CSV download: counted first and refused above a cap, then read in batches
 * along the primary key while the client downloads, never all at once.
 */
import type { Sql } from '../db/client';
import { csvStream, type CsvCell } from '../io/csv-safe';
import { vietnamDateTime, vietnamDay } from '../io/vietnam-time';
import {
  auditBatch,
  countAuditUpTo,
  type AuditFilter,
  type AuditRow,
} from '../repositories/audit-query';
import { tooManyRows } from './audit-log';

/** The most entries one export may hold; narrower filters split a larger one. */
export const AUDIT_EXPORT_MAX_ROWS = 100_000;
/** Entries per read: one short primary-key range query each. */
export const AUDIT_EXPORT_BATCH_ROWS = 1000;

export const AUDIT_CSV_HEADER = [
  'id',
  'time_utc',
  'time_vietnam',
  'username',
  'role',
  'agency',
  'action',
  'target',
  'outcome',
  'client',
  'request_id',
  'details',
] as const;

/** One entry as a CSV row, in the order of AUDIT_CSV_HEADER. */
export function auditCsvRow(r: AuditRow): CsvCell[] {
  return [
    r.id,
    r.at.toISOString(),
    vietnamDateTime(r.at),
    r.username,
    r.role,
    r.agency,
    r.action,
    r.target,
    r.outcome,
    r.client,
    r.request_id,
    r.details == null ? null : JSON.stringify(r.details),
  ];
}

/** The date bounds as the client wrote them: a bare `YYYY-MM-DD` is named as written. */
export interface GivenBounds {
  from?: string;
  to?: string;
}

const BARE_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `audit-log_<from>_<to>_<today>.csv`: bare days as given, instants as their Vietnam day (`to`
 * is exclusive, so a midnight bound names the day before it), open bounds `start` and `now`.
 * @example exportFilename({ from: new Date('2024-03-04T17:00:00Z'), to: new Date('2024-03-05T17:00:00Z') }, {}, new Date('2024-03-07T03:00:00Z'))
 * // 'audit-log_2024-03-05_2024-03-05_2024-03-07.csv'
 */
export function exportFilename(
  f: Pick<AuditFilter, 'from' | 'to'>,
  given: GivenBounds,
  now: Date,
): string {
  const day = (text: string | undefined, instant: Date) =>
    text && BARE_DAY.test(text) ? text : vietnamDay(instant);
  const from = f.from ? day(given.from, f.from) : 'start';
  const to = f.to ? day(given.to, new Date(f.to.getTime() - 1)) : 'now';
  return `audit-log_${from}_${to}_${vietnamDay(now)}.csv`;
}

async function* batches(sql: Sql, f: AuditFilter, firstId: number, lastId: number) {
  let after = firstId - 1;
  for (;;) {
    const rows = await auditBatch(sql, f, after, lastId, AUDIT_EXPORT_BATCH_ROWS);
    if (rows.length > 0) yield rows.map(auditCsvRow);
    if (rows.length < AUDIT_EXPORT_BATCH_ROWS) return;
    after = rows[rows.length - 1].id;
  }
}

export interface AuditExport {
  /** Entries the file holds: those counted (entries appended after the count are left out). */
  rows: number;
  filename: string;
  body: ReadableStream<Uint8Array>;
}

/**
 * Counts the matching entries (refusing more than `maxRows` with a 400) and returns the CSV
 * stream over the id range counted. The stream reads the database after this returns, one
 * batch per pull, so a slow client holds no connection (nor queue place) between batches.
 */
export async function openAuditExport(
  sql: Sql,
  f: AuditFilter,
  options: {
    now: Date;
    given?: GivenBounds;
    maxRows?: number;
    onError?: (error: unknown) => void;
  },
): Promise<AuditExport> {
  const max = options.maxRows ?? AUDIT_EXPORT_MAX_ROWS;
  const { count, minId, maxId } = await countAuditUpTo(sql, f, max);
  if (count > max) throw tooManyRows(max, 'export them');
  return {
    rows: count,
    filename: exportFilename(f, options.given ?? {}, options.now),
    body: csvStream(AUDIT_CSV_HEADER, batches(sql, f, minId, maxId), options.onError),
  };
}
