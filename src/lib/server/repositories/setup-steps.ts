import type { Sql } from '../db/client';

export type SetupStep =
  'geodata' | 'synthetic_seizures' | 'synthetic_patrols' | 'demo_users' | 'synthetic_reports';

export async function completedSetupSteps(sql: Sql): Promise<Set<SetupStep>> {
  const rows = await sql<{ step: SetupStep }[]>`select step from setup_steps`;
  return new Set(rows.map((r) => r.step));
}

/** Records a step as done; call it in the transaction that did the step's work. */
export async function markSetupStep(sql: Sql, step: SetupStep): Promise<void> {
  await sql`insert into setup_steps (step) values (${step}) on conflict (step) do nothing`;
}
