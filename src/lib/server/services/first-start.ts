import type { Client, Sql } from '../db/client';
import type { Role } from '../auth/roles';
import { completedSetupSteps, markSetupStep, type SetupStep } from '../repositories/setup-steps';
import { loadGeodata, seedSeizures } from './demo-data';
import { seedPlansAndPatrols } from './demo-patrols';
import { seedReports } from './demo-reports';
import { createDemoUsers } from './users';

type Progress = (message: string) => void;

export interface DemoAccount {
  username: string;
  role: Role;
  password: string;
}

export interface FirstStartOptions {
  progress?: Progress;
  /** Shows the demo accounts' passwords; called inside the step's transaction, before commit. */
  announceAccounts: (accounts: DemoAccount[]) => void;
}

/**
 * The embedded demo's first start, as steps that each commit together with their record in
 * `setup_steps`: a start killed half-way leaves whole steps only, and the next start runs the
 * steps still missing. The accounts are announced before their step commits, so a password is
 * never lost: if the commit does not happen, the next start makes and shows a new set.
 * Returns the steps run (empty when everything was already done).
 */
export async function completeFirstStart(
  sql: Client,
  options: FirstStartOptions,
): Promise<SetupStep[]> {
  const progress = options.progress ?? (() => {});
  const done = await completedSetupSteps(sql);
  const steps: [SetupStep, (tx: Sql) => Promise<void>][] = [
    [
      'geodata',
      async (tx) => {
        progress('Loading the demo geodata...');
        await loadGeodata(tx, progress);
      },
    ],
    [
      'synthetic_seizures',
      async (tx) => {
        const n = await seedSeizures(tx, { progress });
        progress(`Synthetic seizures ready: ${n} (labelled synthetic in every record)`);
      },
    ],
    [
      'synthetic_patrols',
      async (tx) => {
        const r = await seedPlansAndPatrols(tx, { progress });
        progress(`Synthetic plans and patrols ready: ${r.plans} plans, ${r.patrols} patrols`);
      },
    ],
    [
      'demo_users',
      async (tx) => {
        const accounts = await createDemoUsers(tx);
        if (accounts.length) options.announceAccounts(accounts);
      },
    ],
    [
      // After the accounts: the demo users write, receive and assess the reports.
      'synthetic_reports',
      async (tx) => {
        const r = await seedReports(tx, { progress });
        progress(
          `Synthetic information reports ready: ${r.reports} reports (${r.handovers} handed over, ${r.linked} led to a seizure), ${r.objects} suspicious objects with ${r.sightings} sightings (labelled synthetic)`,
        );
      },
    ],
  ];
  const run: SetupStep[] = [];
  for (const [step, work] of steps) {
    if (done.has(step)) continue;
    if (run.length === 0 && done.size > 0)
      progress(`Resuming an interrupted first start at step '${step}'...`);
    await sql.begin(async (tx) => {
      await work(tx);
      await markSetupStep(tx, step);
    });
    run.push(step);
  }
  return run;
}
