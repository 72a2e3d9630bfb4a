/**
 * Counts over the seizures the map holds, for the legend's entries. The stats panel's figures
 * cover every matching seizure and come from the server (`GET /api/stats`, ./stats-state.svelte.ts).
 */

interface SeizureLike {
  properties: Record<string, unknown> | null;
}

/** Features whose `property` equals `value`, or one of the values (or, with `not`, none of them). */
export function countMatching(
  features: readonly SeizureLike[],
  match: { property: string; value: string | readonly string[]; not?: boolean },
): number {
  const values = typeof match.value === 'string' ? [match.value] : match.value;
  let n = 0;
  for (const f of features) {
    const equal = values.includes(String(f.properties?.[match.property] ?? ''));
    if (equal !== Boolean(match.not)) n++;
  }
  return n;
}
