import type { Sql } from '../db/client';

/**
 * Which of these case references some stored seizure already carries, compared as hand edits
 * compare them (case-insensitively, on the lower(case_ref) index). Returns them lower-cased.
 */
export async function storedCaseRefs(sql: Sql, refs: readonly string[]): Promise<Set<string>> {
  if (refs.length === 0) return new Set();
  const rows = await sql<{ ref: string }[]>`
    select distinct r.ref from unnest(${refs.map((r) => r.toLowerCase())}::text[]) as r(ref)
      join seizures s on lower(s.case_ref) = r.ref and s.case_ref is not null`;
  return new Set(rows.map((r) => r.ref));
}
