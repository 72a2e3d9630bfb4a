import type postgres from 'postgres';
import type { Sql } from '../db/client';

export type Outcome = 'ok' | 'denied' | 'failed' | 'error';

export interface AuditEntry {
  at: Date;
  action: string;
  outcome: Outcome;
  user?: { id: number; username: string; role: string; agency: string } | null;
  /** For failed logins: the name that was tried. */
  username?: string;
  target?: string;
  details?: Record<string, unknown>;
  requestId?: string;
  client?: string;
  /** The API token that authenticated the request, when one did. */
  tokenId?: number;
}

// Control, format (bidi overrides, zero-width), lone surrogate and line separator characters.
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu;

/**
 * Text as it may be shown to an admin: characters that could move the cursor, recolour a
 * terminal or reorder a line are written as `\u{...}` escapes, so a log reads as it was sent.
 * @example printable('root\u001b[2J') // 'root\\u{1b}[2J'
 */
export function printable(text: string, maxChars = 200): string {
  const escaped = text.replace(UNPRINTABLE, (ch) => `\\u{${ch.codePointAt(0)!.toString(16)}}`);
  return escaped.length <= maxChars ? escaped : `${escaped.slice(0, maxChars)}…`;
}

/** Details with every string made printable, keys included. */
function printableDetails(value: unknown): unknown {
  if (typeof value === 'string') return printable(value, 1000);
  if (Array.isArray(value)) return value.map(printableDetails);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [printable(k, 100), printableDetails(v)]),
    );
  }
  return value;
}

const text = (value: string | null | undefined) => (value == null ? null : printable(value));

/** Appends one entry; pass the transaction of the write it records, so both or neither land. */
export async function appendAudit(sql: Sql, e: AuditEntry): Promise<void> {
  const details = e.details ? (printableDetails(e.details) as postgres.JSONValue) : null;
  await sql`
    insert into audit_log (at, user_id, username, role, agency, action, target, outcome, details, request_id, client, token_id)
    values (${e.at}, ${e.user?.id ?? null}, ${text(e.user?.username ?? e.username)}, ${e.user?.role ?? null},
      ${e.user?.agency ?? null}, ${e.action}, ${text(e.target)}, ${e.outcome},
      ${details === null ? null : sql.json(details)}, ${e.requestId ?? null}, ${text(e.client)}, ${e.tokenId ?? null})`;
}
