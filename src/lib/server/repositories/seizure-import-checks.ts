import type { Sql } from '../db/client';

/** Which of these case references some stored seizure already carries. */
export async function storedCaseRefs(sql: Sql, refs: readonly string[]): Promise<Set<string>> {
  if (refs.length === 0) return new Set();
  const rows = await sql<{ case_ref: string }[]>`
    select distinct s.case_ref from unnest(${refs as string[]}::text[]) as r(ref)
      join seizures s on s.case_ref = r.ref`;
  return new Set(rows.map((r) => r.case_ref));
}
