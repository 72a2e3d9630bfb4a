/** The audit log's query parameters, read into a repository filter (./routes/audit.ts). */
import type { Outcome } from '../repositories/audit';
import type { AuditFilter } from '../repositories/audit-query';
import type { AuditGroupKey } from '../services/audit-log';
import * as p from './params';

export const OUTCOMES: readonly Outcome[] = ['ok', 'denied', 'failed', 'error'];

/** The filters every audit read accepts. */
export const FILTER_PARAMS = ['from', 'to', 'username', 'action', 'target', 'outcome'] as const;

/** Longest text per parameter: usernames and action codes are short, targets may be paths. */
const MAX_CHARS = { username: 100, action: 100, target: 200 } as const;

function text(name: keyof typeof MAX_CHARS, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value.length > MAX_CHARS[name])
    throw p.badParameterOf(name, `at most ${MAX_CHARS[name]} characters`);
  return value;
}

function outcome(value: string | undefined): Outcome | undefined {
  if (!value) return undefined;
  if (!OUTCOMES.includes(value as Outcome)) {
    throw p.badParameterOf('outcome', `must be one of ${OUTCOMES.join(', ')}`);
  }
  return value as Outcome;
}

/** The filter; an empty value means "any" (as a cleared form field sends it). */
export function auditFilterOf(q: p.Query): AuditFilter {
  return {
    ...p.timeRange(q.from, q.to),
    username: text('username', q.username) || undefined,
    action: text('action', q.action) || undefined,
    target: text('target', q.target) || undefined,
    outcome: outcome(q.outcome),
  };
}

/** The filters as given, for the audit record of an export (empty ones left out). */
export function givenFilters(q: p.Query): Record<string, string> {
  return Object.fromEntries(
    FILTER_PARAMS.flatMap((k) => (q[k] ? [[k, q[k]] as [string, string]] : [])),
  );
}

const HOUR_MS = 60 * 60 * 1000;

/**
 * A group as `GET /api/audit/groups` named it: `hour` (an instant on a whole hour), `action`
 * and `outcome` required; `username` and `target` absent mean the group has none.
 */
export function groupKeyOf(q: p.Query): AuditGroupKey {
  if (!q.hour) throw p.missing('hour', 'the start of the group’s hour (ISO date-time)');
  const hour = p.instant('hour', q.hour)!;
  if (hour.getTime() % HOUR_MS !== 0) throw p.badParameterOf('hour', 'must be a whole hour');
  if (!q.action) throw p.missing('action', 'the group’s action code');
  const result = outcome(q.outcome);
  if (!result) throw p.missing('outcome', `one of ${OUTCOMES.join(', ')}`);
  return {
    hour,
    username: text('username', q.username) ?? null,
    action: text('action', q.action)!,
    target: text('target', q.target) ?? null,
    outcome: result,
  };
}
