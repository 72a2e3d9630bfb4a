/**
 * Seeds the demo's synthetic information reports and suspicious objects (seed/reports.ts says
 * what they show). Runs after the synthetic seizures (older tips lead to them) and after the
 * demo accounts (who write, receive and assess). Everything written is tagged synthetic and
 * replaced on the next seed; real reports stay.
 */
import type { Sql } from '../db/client';
import { PROVINCES, type Province } from '../../domain';
import * as repo from '../repositories/demo-reports';
import * as objects from '../repositories/objects';
import { insertSighting } from '../repositories/object-sightings';
import { DEFAULT_SEED } from '../seed/seizures';
import {
  DAY_MS,
  LED_TO_SEIZURE_PER_PROVINCE,
  SEED_AUTHORS,
  SYNTHETIC_TAG,
  planObjects,
  planReports,
  type ReportPlan,
  type SeedAuthor,
} from '../seed/reports';

type Progress = (message: string) => void;

const HOUR_MS = 3_600_000;
const LED_REASON = 'Dẫn tới vụ bắt giữ. / Led to a seizure.';

export interface SeededReports {
  reports: number;
  handovers: number;
  linked: number;
  objects: number;
  sightings: number;
}

const other = (a: SeedAuthor['agency']) => (a === 'customs' ? 'border_guard' : 'customs');
const at = (ms: number) => new Date(ms);

/** The events and handover a plan leaves, only the steps that happened before `nowMs`. */
function lifeOf(
  plan: ReportPlan,
  receivedMs: number,
  ids: Map<string, number>,
  nowMs: number,
  seizure: { id: number; occurredMs: number } | null,
) {
  const author = plan.author;
  const by = (a: SeedAuthor) => ({
    user_id: ids.get(a.username) ?? null,
    username: a.username,
    agency: a.agency,
    unit: a.unit,
  });
  const events: repo.SeedEvent[] = [
    { at: at(receivedMs), action: 'created', ...by(author), details: {} },
  ];
  let handover: repo.SeedHandover | null = null;
  const h = plan.handover;
  if (h) {
    const receiver = SEED_AUTHORS[plan.province][other(author.agency)][0];
    const deliveredMs = receivedMs + h.deliveredH * HOUR_MS;
    const ackMs = h.acknowledgedH === null ? null : deliveredMs + h.acknowledgedH * HOUR_MS;
    const acked = ackMs !== null && ackMs < nowMs;
    const assessMs = acked && h.assessedH !== null ? ackMs + h.assessedH * HOUR_MS : null;
    const assessed = assessMs !== null && assessMs < nowMs && h.assessment !== null;
    const receiverId = ids.get(receiver.username) ?? null;
    handover = {
      agency: receiver.agency,
      delivered_at: at(deliveredMs),
      acknowledged_at: acked ? at(ackMs) : null,
      acknowledged_by: acked ? receiverId : null,
      assessment: assessed ? h.assessment : null,
      assessment_reason: assessed ? h.reason : null,
      assessed_at: assessed ? at(assessMs) : null,
      assessed_by: assessed ? receiverId : null,
      action_taken: assessed ? h.action : null,
    };
    events.push({
      at: at(deliveredMs),
      action: 'handed_over',
      ...by(author),
      details: { agency: receiver.agency },
    });
    if (acked) events.push({ at: at(ackMs), action: 'acknowledged', ...by(receiver), details: {} });
    if (assessed)
      events.push({
        at: at(assessMs),
        action: 'assessed',
        ...by(receiver),
        details: { value: h.assessment, reason: h.reason, action_taken: h.action },
      });
  }
  let closedMs: number | null = plan.closedH === null ? null : receivedMs + plan.closedH * HOUR_MS;
  let closeReason =
    closedMs === null ? null : 'Đã kiểm tra, không phát hiện. / Checked, nothing found.';
  if (seizure) {
    const linkedMs = seizure.occurredMs + 2 * HOUR_MS;
    events.push({
      at: at(linkedMs),
      action: 'seizure_linked',
      ...by(author),
      details: { seizure_id: seizure.id },
    });
    closedMs = seizure.occurredMs + 2 * DAY_MS;
    closeReason = LED_REASON;
  }
  const closed = closedMs !== null && closedMs < nowMs;
  if (closed) events.push({ at: at(closedMs!), action: 'closed', ...by(author), details: {} });
  events.sort((a, b) => a.at.getTime() - b.at.getTime());
  return { events, handover, closedAt: closed ? at(closedMs!) : null, closeReason };
}

async function seedProvince(
  sql: Sql,
  province: Province,
  seed: number,
  now: Date,
  ids: Map<string, number>,
  counts: SeededReports,
): Promise<void> {
  const nowMs = now.getTime();
  const dayMs = Math.floor(nowMs / DAY_MS) * DAY_MS;
  const plans = planReports(province, seed, dayMs);
  const seizures = await repo.recentSeizures(sql, province, LED_TO_SEIZURE_PER_PROVINCE);
  const reportIds: number[] = [];
  for (const plan of plans) {
    const s = plan.ledToSeizure === null ? undefined : seizures[plan.ledToSeizure];
    const seizure = s ? { id: s.id, occurredMs: s.occurred_at.getTime() } : null;
    const receivedMs = seizure
      ? seizure.occurredMs - plan.beforeSeizureH! * HOUR_MS
      : plan.receivedMs;
    const placed = s
      ? { geojson: s.geojson, place: null }
      : await repo.placeAnchor(sql, province, plan.anchor);
    if (!placed) continue;
    const life = lifeOf(plan, receivedMs, ids, nowMs, seizure);
    const observed = plan.observedHours;
    const id = await repo.insertReport(
      sql,
      {
        ...plan,
        ...placed,
        observed_from: observed ? at(receivedMs + observed[0] * HOUR_MS) : null,
        observed_to: observed ? at(receivedMs + observed[1] * HOUR_MS) : null,
        received_at: at(receivedMs),
        agency: plan.author.agency,
        unit: plan.author.unit,
        author_id: ids.get(plan.author.username) ?? null,
        author_name: plan.author.username,
        status: life.closedAt ? 'closed' : 'open',
        closed_at: life.closedAt,
        close_reason: life.closedAt ? life.closeReason : null,
        version: life.closedAt ? 2 : 1,
        updated_at: life.events.at(-1)!.at,
      },
      [...new Set([...plan.units, plan.author.unit])],
    );
    if (life.handover) {
      await repo.insertHandover(sql, id, life.handover);
      counts.handovers++;
    }
    if (seizure) {
      await repo.linkSeizure(sql, id, seizure.id, at(seizure.occurredMs + 2 * HOUR_MS));
      counts.linked++;
    }
    await repo.insertEvents(sql, id, life.events);
    reportIds.push(id);
    counts.reports++;
  }

  for (const o of planObjects(province, seed, plans)) {
    const firstMs = dayMs - Math.max(...o.sightings.map((s) => s.daysAgo)) * DAY_MS;
    const author = { ...o.author, id: ids.get(o.author.username) ?? null };
    const objectId = await objects.insertObject(sql, o, author, at(firstMs - DAY_MS));
    await objects.setUnits(sql, objectId, [o.author.unit]);
    counts.objects++;
    for (const s of o.sightings) {
      const reportId = s.fromReport === null ? null : reportIds[s.fromReport];
      let where: { lon: number; lat: number; seen_at: Date } | undefined;
      if (reportId !== undefined && reportId !== null) {
        [where] = await sql<{ lon: number; lat: number; seen_at: Date }[]>`
          select ST_X(ST_PointOnSurface(geom)) as lon, ST_Y(ST_PointOnSurface(geom)) as lat,
            coalesce(observed_to, observed_from, received_at) as seen_at
          from reports where id = ${reportId}`;
      } else {
        const placed = await repo.placeAnchor(sql, province, s.anchor);
        if (!placed) continue;
        const [lon, lat] = (JSON.parse(placed.geojson) as { coordinates: [number, number] })
          .coordinates;
        where = { lon, lat, seen_at: at(dayMs - s.daysAgo * DAY_MS) };
      }
      const added = await insertSighting(
        sql,
        {
          object_id: objectId,
          ...where,
          source: reportId ? 'report' : 'seen',
          report_id: reportId ?? null,
          seizure_id: null,
          note: s.note,
          agency: o.author.agency,
          author_id: ids.get(o.author.username) ?? null,
        },
        at(Math.max(where.seen_at.getTime(), firstMs)),
      );
      if (added !== undefined) counts.sightings++;
    }
  }
}

/** Seeds (or re-seeds) the synthetic reports and objects of both provinces, as of `now`. */
export async function seedReports(
  sql: Sql,
  options: { seed?: number; now?: Date; progress?: Progress } = {},
): Promise<SeededReports> {
  const progress = options.progress ?? (() => {});
  const seed = options.seed ?? DEFAULT_SEED;
  const now = options.now ?? new Date();
  const removed = await repo.deleteSyntheticReports(sql, SYNTHETIC_TAG);
  if (removed) progress(`Removed ${removed} earlier synthetic reports`);
  const authors = PROVINCES.flatMap((p) => [
    ...SEED_AUTHORS[p].border_guard,
    ...SEED_AUTHORS[p].customs,
  ]);
  const ids = await repo.userIds(sql, [...new Set(authors.map((a) => a.username))]);
  const counts: SeededReports = { reports: 0, handovers: 0, linked: 0, objects: 0, sightings: 0 };
  for (const province of PROVINCES) await seedProvince(sql, province, seed, now, ids, counts);
  return counts;
}
