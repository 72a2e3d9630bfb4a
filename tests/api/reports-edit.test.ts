/**
 * Changing a report: PUT with versions (409 on a stale one), who may edit (the author, or a
 * commander, analyst or admin of its agency), widening a distribution (a new handover) but never
 * narrowing it once handed over, closing and reopening, and links to seizures and patrols.
 * Every refusal is checked to leave the register as it was. Times from T0 = 2026-11-10T02:00Z.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BASE,
  client,
  registerState,
  reportWorld,
  T0,
  type ReportWorld,
  type UserName,
} from '../fixtures/reports';

let w: ReportWorld;
let api: ReturnType<typeof client>;
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const iso = (minutes: number) => at(minutes).toISOString();
const ids: Record<string, number> = {};

beforeAll(async () => {
  w = await reportWorld();
  api = client(w);
  ids.e1 = (
    await api.create('bg.analyst', { ...BASE, distribution: 'own_agency', tlp: 'green' })
  ).id;
  ids.e2 = (
    await api.create('cu.planner', { ...BASE, distribution: 'units', units: ['bp_khanh_binh'] })
  ).id;
  ids.e3 = (
    await api.create('cu.planner', { ...BASE, distribution: 'units', units: ['hq_tinh_bien'] })
  ).id;
});
afterAll(() => w.db.close());

const put = (id: number, who: UserName, body: object) =>
  api.send('PUT', `/api/reports/${id}`, who, body);
const actions = (body: { history: { action: string }[] }) => body.history.map((e) => e.action);

async function refused(
  id: number,
  res: Response,
  status: number,
  code: string,
  before: Awaited<ReturnType<typeof registerState>>,
) {
  expect(res.status, await res.clone().text()).toBe(status);
  const body = await res.json();
  expect(body.error.code).toBe(code);
  expect(await registerState(w.db, id)).toEqual(before);
  return body;
}

describe('PUT /api/reports/{id}', () => {
  it('replaces the values, counts the version up and records what changed', async () => {
    w.clock.now = at(60);
    const res = await put(ids.e1, 'bg.analyst', {
      ...BASE,
      title: 'Thuyền máy, không phải thuyền gỗ',
      distribution: 'own_agency',
      tlp: 'green',
      version: 1,
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      title: 'Thuyền máy, không phải thuyền gỗ',
      version: 2,
      created_at: iso(0),
      updated_at: iso(60),
      // Not given: the stored time stays.
      received_at: iso(0),
    });
    expect(body.history[1]).toEqual({
      at: iso(60),
      action: 'edited',
      username: 'bg.analyst',
      agency: 'border_guard',
      unit: 'bp_vinh_xuong',
      details: { version: 2, changed: ['title'] },
    });
    const [audit] = await w.db.sql`
      select outcome, details from audit_log where action = 'report.update' order by id desc limit 1`;
    expect(audit).toMatchObject({
      outcome: 'ok',
      details: { id: ids.e1, version_before: 1, version_after: 2, handed_over_to: [] },
    });
  });

  it('answers a stale version with 409 and the report as it is, changing nothing', async () => {
    const before = await registerState(w.db, ids.e1);
    const body = await refused(
      ids.e1,
      await put(ids.e1, 'bg.analyst', { ...BASE, title: 'Cũ', version: 1, tlp: 'green' }),
      409,
      'conflict',
      before,
    );
    expect(body.error.details.current).toMatchObject({
      id: ids.e1,
      version: 2,
      title: 'Thuyền máy, không phải thuyền gỗ',
    });
  });

  it('refuses a planner of the same agency who did not write it with 403', async () => {
    const before = await registerState(w.db, ids.e1);
    await refused(
      ids.e1,
      await put(ids.e1, 'bg.planner', { ...BASE, version: 2, tlp: 'green' }),
      403,
      'forbidden',
      before,
    );
  });

  it('lets a commander of the agency widen it to both: handed over now', async () => {
    w.clock.now = at(120);
    const res = await put(ids.e1, 'bg.commander', {
      ...BASE,
      title: 'Thuyền máy, không phải thuyền gỗ',
      received_at: iso(0),
      version: 2,
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      distribution: 'both',
      tlp: 'amber',
      version: 3,
      // The author stays the author.
      author: 'bg.analyst',
      unit: 'bp_vinh_xuong',
      handovers: [{ agency: 'customs', delivered_at: iso(120), acknowledged_at: null }],
    });
    expect(body.history.slice(2)).toEqual([
      {
        at: iso(120),
        action: 'edited',
        username: 'bg.commander',
        agency: 'border_guard',
        unit: 'bdbp_an_giang',
        details: { version: 3, changed: ['distribution', 'tlp'] },
      },
      {
        at: iso(120),
        action: 'handed_over',
        username: 'bg.commander',
        agency: 'border_guard',
        unit: 'bdbp_an_giang',
        details: { agency: 'customs' },
      },
    ]);
    expect((await api.get(`/api/reports/${ids.e1}`, 'cu.commander')).status).toBe(200);
  });

  it('never narrows a distribution once handed over (400 cannot_narrow)', async () => {
    const before = await registerState(w.db, ids.e1);
    for (const narrower of [
      { distribution: 'own_agency' },
      { distribution: 'units', units: ['hq_tinh_bien'] },
    ]) {
      await refused(
        ids.e1,
        await put(ids.e1, 'bg.analyst', { ...BASE, ...narrower, version: 3 }),
        400,
        'cannot_narrow',
        before,
      );
    }
  });

  it('lets a unit list grow but not lose a unit once handed over', async () => {
    w.clock.now = at(150);
    const grown = await put(ids.e2, 'cu.planner', {
      ...BASE,
      distribution: 'units',
      units: ['bp_khanh_binh', 'bp_vinh_xuong'],
      version: 1,
    });
    expect(grown.status, await grown.clone().text()).toBe(200);
    const body = await grown.json();
    expect(body).toMatchObject({
      units: ['bp_khanh_binh', 'bp_vinh_xuong', 'hq_vinh_xuong'],
      // Handed over at creation: the first delivery stands.
      handovers: [{ agency: 'border_guard', delivered_at: iso(0) }],
    });
    expect(actions(body)).toEqual(['created', 'handed_over', 'edited']);
    const before = await registerState(w.db, ids.e2);
    await refused(
      ids.e2,
      await put(ids.e2, 'cu.planner', {
        ...BASE,
        distribution: 'units',
        units: ['bp_vinh_xuong'],
        version: 2,
      }),
      400,
      'cannot_narrow',
      before,
    );
  });

  it('narrows freely before any handover', async () => {
    const res = await put(ids.e3, 'cu.planner', {
      ...BASE,
      distribution: 'own_agency',
      version: 1,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ distribution: 'own_agency', units: [] });
    const [{ n }] = await w.db.sql`
      select count(*)::int as n from report_units where report_id = ${ids.e3}`;
    expect(n).toBe(0);
  });

  it('lets exactly one of two concurrent edits of one version win', async () => {
    const edit = (title: string, who: UserName) =>
      put(ids.e1, who, { ...BASE, title, version: 3, received_at: iso(0) });
    const results = await Promise.all([edit('Sửa A', 'bg.analyst'), edit('Sửa B', 'bg.commander')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const [row] = await w.db.sql`select version from reports where id = ${ids.e1}`;
    expect(row.version).toBe(4);
  });
});

describe('close and reopen', () => {
  it('refuses someone who may not edit (403) and a stale version (409), changing nothing', async () => {
    const before = await registerState(w.db, ids.e1);
    const close = (who: UserName, version: number) =>
      api.send('POST', `/api/reports/${ids.e1}/close`, who, { version, reason: 'Xong' });
    await refused(ids.e1, await close('bg.planner', 4), 403, 'forbidden', before);
    await refused(ids.e1, await close('cu.commander', 4), 403, 'forbidden', before);
    await refused(ids.e1, await close('bg.analyst', 3), 409, 'conflict', before);
    const noReason = await api.send('POST', `/api/reports/${ids.e1}/close`, 'bg.analyst', {
      version: 4,
      reason: '  ',
    });
    await refused(ids.e1, noReason, 400, 'invalid_body', before);
  });

  it('closes with the reason and time, then reopens; a repeat is 409', async () => {
    w.clock.now = at(200);
    const res = await api.send('POST', `/api/reports/${ids.e1}/close`, 'bg.analyst', {
      version: 4,
      reason: 'Đã bắt giữ',
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({
      status: 'closed',
      closed_at: iso(200),
      close_reason: 'Đã bắt giữ',
      version: 5,
      updated_at: iso(200),
    });
    const again = await api.send('POST', `/api/reports/${ids.e1}/close`, 'bg.analyst', {
      version: 5,
      reason: 'x',
    });
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe('already_closed');

    w.clock.now = at(210);
    const reopened = await api.send('POST', `/api/reports/${ids.e1}/reopen`, 'bg.commander', {
      version: 5,
    });
    const body = await reopened.json();
    expect(body).toMatchObject({
      status: 'open',
      closed_at: null,
      close_reason: null,
      version: 6,
    });
    expect(body.history.slice(-2)).toEqual([
      {
        at: iso(200),
        action: 'closed',
        username: 'bg.analyst',
        agency: 'border_guard',
        unit: 'bp_vinh_xuong',
        details: { reason: 'Đã bắt giữ' },
      },
      {
        at: iso(210),
        action: 'reopened',
        username: 'bg.commander',
        agency: 'border_guard',
        unit: 'bdbp_an_giang',
        details: {},
      },
    ]);
    const twice = await api.send('POST', `/api/reports/${ids.e1}/reopen`, 'bg.commander', {
      version: 6,
    });
    expect((await twice.json()).error.code).toBe('not_closed');
    const [audit] = await w.db.sql`
      select action, outcome, details from audit_log where action in ('report.close', 'report.reopen')
      and outcome = 'ok' order by id desc limit 1`;
    expect(audit).toEqual({
      action: 'report.reopen',
      outcome: 'ok',
      details: { id: ids.e1, version_before: 5, version_after: 6 },
    });
  });
});

describe('links to seizures and patrols', () => {
  const link = (who: UserName, body: object) =>
    api.send('POST', `/api/reports/${ids.e1}/links`, who, body);

  it('lets the receiving force link the seizure the report led to', async () => {
    w.clock.now = at(300);
    const res = await link('cu.commander', { seizure_id: w.seizureIds[1] });
    expect(res.status, await res.clone().text()).toBe(200);
    const body = await res.json();
    expect(body.seizures).toEqual([w.seizureIds[1]]);
    expect(body.history.at(-1)).toEqual({
      at: iso(300),
      action: 'seizure_linked',
      username: 'cu.commander',
      agency: 'customs',
      unit: 'hq_tinh_bien',
      details: { seizure_id: w.seizureIds[1] },
    });
  });

  it('links a patrol that checked it, and lists links in id order', async () => {
    await link('bg.planner', { seizure_id: w.seizureIds[0] });
    const res = await link('bg.planner', { patrol_id: w.patrolId });
    const body = await res.json();
    expect(body.seizures).toEqual([w.seizureIds[0], w.seizureIds[1]]);
    expect(body.patrols).toEqual([w.patrolId]);
  });

  it('refuses a repeat (409), an unknown target (400) and a body naming both or neither', async () => {
    const before = await registerState(w.db, ids.e1);
    await refused(
      ids.e1,
      await link('bg.analyst', { seizure_id: w.seizureIds[1] }),
      409,
      'already_linked',
      before,
    );
    await refused(
      ids.e1,
      await link('bg.analyst', { seizure_id: 999_999 }),
      400,
      'unknown_seizure',
      before,
    );
    await refused(
      ids.e1,
      await link('bg.analyst', { patrol_id: 999_999 }),
      400,
      'unknown_patrol',
      before,
    );
    for (const body of [{}, { seizure_id: w.seizureIds[2], patrol_id: w.patrolId }, { id: 1 }])
      await refused(ids.e1, await link('bg.analyst', body), 400, 'invalid_body', before);
  });

  it('removes a link, and answers 404 for one that is not there', async () => {
    w.clock.now = at(320);
    const url = `/api/reports/${ids.e1}/links/seizures/${w.seizureIds[1]}`;
    const res = await api.send('DELETE', url, 'bg.analyst', undefined);
    expect(res.status, await res.clone().text()).toBe(200);
    const body = await res.json();
    expect(body.seizures).toEqual([w.seizureIds[0]]);
    expect(body.history.at(-1)).toMatchObject({
      action: 'seizure_unlinked',
      at: iso(320),
      details: { seizure_id: w.seizureIds[1] },
    });
    const again = await api.send('DELETE', url, 'bg.analyst', undefined);
    expect(again.status).toBe(404);
    const patrol = `/api/reports/${ids.e1}/links/patrols/${w.patrolId}`;
    const gone = await (await api.send('DELETE', patrol, 'cu.commander', undefined)).json();
    expect(gone.patrols).toEqual([]);
    const [audit] = await w.db.sql`
      select details from audit_log where action = 'report.unlink' and outcome = 'ok'
      order by id desc limit 1`;
    expect(audit.details).toEqual({ id: ids.e1, patrol_id: w.patrolId });
  });
});
