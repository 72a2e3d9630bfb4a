/**
 * Seeds the demo's plans and joint patrols (seed/patrols.ts says what they are calibrated to).
 * Runs after the synthetic seizures, since patrols that led to a seizure are placed around it.
 * Everything written is marked synthetic and replaced on the next seed; real records stay.
 */
import type { Sql } from '../db/client';
import { PROVINCES } from '../../domain';
import * as repo from '../repositories/demo-patrols';
import {
  JOINT_PATROLS,
  MAX_LINKED_SHARE,
  createRng,
  deriveSeed,
  demoPlans,
  generatePatrols,
  patrolAround,
} from '../seed/patrols';
import { DEFAULT_SEED } from '../seed/seizures';
import { readSeedGeodata } from './demo-data';

type Progress = (message: string) => void;

const BATCH = 1000;

export async function seedPlansAndPatrols(
  sql: Sql,
  options: { seed?: number; progress?: Progress } = {},
): Promise<{ plans: number; patrols: number; linked: number }> {
  const progress = options.progress ?? (() => {});
  const seed = options.seed ?? DEFAULT_SEED;
  const plans = demoPlans(readSeedGeodata());
  const removed = await repo.deleteSyntheticPlansAndPatrols(sql);
  if (removed) progress(`Removed ${removed} earlier synthetic patrols`);

  const routes = new Map<string, { id: number; weight: number }[]>();
  for (const plan of plans) {
    const planId = await repo.insertSyntheticPlan(sql, plan);
    for (const route of plan.routes) {
      const id = await repo.insertPlanRoute(sql, planId, plan.province, plan.unit, route);
      routes.set(plan.province, [
        ...(routes.get(plan.province) ?? []),
        { id, weight: route.shifts_per_week },
      ]);
    }
  }

  let patrols = 0;
  let linked = 0;
  for (const province of PROVINCES) {
    const mine = routes.get(province) ?? [];
    const total = JOINT_PATROLS[province];
    if (!mine.length || !total) continue;
    const seizures = await repo.jointSeizures(
      sql,
      province,
      mine.map((r) => r.id),
      Math.floor(total * MAX_LINKED_SHARE),
    );
    const rng = createRng(deriveSeed(seed, `${province}/linked-patrols`));
    for (const s of seizures) {
      const t = patrolAround(s.occurred_ms, rng);
      await repo.insertLinkedPatrol(
        sql,
        province,
        {
          route_id: s.route_id,
          started_at: new Date(t.startedMs).toISOString(),
          ended_at: new Date(t.endedMs).toISOString(),
        },
        s.id,
      );
    }
    linked += seizures.length;
    const rest = generatePatrols(
      province,
      total - seizures.length,
      mine.map((r) => r.weight),
      seed,
    ).map((p) => ({
      route_id: mine[p.route].id,
      started_at: new Date(p.startedMs).toISOString(),
      ended_at: new Date(p.endedMs).toISOString(),
    }));
    for (let i = 0; i < rest.length; i += BATCH)
      await repo.insertSyntheticPatrols(sql, province, rest.slice(i, i + BATCH));
    patrols += seizures.length + rest.length;
    progress(
      `Synthetic joint patrols in ${province}: ${total} (${seizures.length} led to a seizure)`,
    );
  }
  return { plans: plans.length, patrols, linked };
}
