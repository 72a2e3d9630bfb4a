/**
 * Information reports: creating one (drawn point, line and area; a named gate or trail; named
 * units), reading it with its history, and the handover to the other force (inbox, unread
 * count, acknowledgement, assessment). Times come from the app's clock, set by the test, so
 * every date below is worked out by hand from T0 = 2026-11-10T02:00:00Z.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE, client, reportWorld, T0, type ReportWorld } from '../fixtures/reports';

let w: ReportWorld;
let api: ReturnType<typeof client>;
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const iso = (minutes: number) => at(minutes).toISOString();
const ids: Record<string, number> = {};

beforeAll(async () => {
  w = await reportWorld();
  api = client(w);
});
afterAll(() => w.db.close());

async function lastAudit(action: string) {
  const [row] = await w.db.sql<
    { outcome: string; target: string; details: Record<string, unknown>; username: string }[]
  >`select outcome, target, details, username from audit_log where action = ${action}
    order by id desc limit 1`;
  return row;
}

const untouched = {
  acknowledged_at: null,
  acknowledged_by: null,
  assessment: null,
  assessment_reason: null,
  assessed_at: null,
  assessed_by: null,
  action_taken: null,
};

describe('POST /api/reports', () => {
  it('creates a report shared with both forces and hands it over to the other one', async () => {
    const res = await api.send('POST', '/api/reports', 'bg.analyst', {
      ...BASE,
      // Zoneless times are Vietnamese (UTC+7): 20:00 and 23:00 on the 9th are 13:00Z and 16:00Z.
      observed_from: '2026-11-09T20:00',
      observed_to: '2026-11-09T23:00',
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const body = await res.json();
    ids.r1 = body.id;
    expect(res.headers.get('location')).toBe(`/api/reports/${body.id}`);
    expect(body).toEqual({
      id: expect.any(Number),
      title: BASE.title,
      kind: 'boat',
      category: 'cigarettes',
      // No province given: the An Giang square holds the point.
      province: 'an_giang',
      geometry: { type: 'Point', coordinates: [105.1, 10.6] },
      place: null,
      place_name: null,
      reliability: 'B',
      credibility: 2,
      rating: 'B2',
      distribution: 'both',
      units: [],
      tlp: 'amber',
      observed_from: '2026-11-09T13:00:00.000Z',
      observed_to: '2026-11-09T16:00:00.000Z',
      received_at: iso(0),
      text: BASE.text,
      agency: 'border_guard',
      unit: 'bp_vinh_xuong',
      author: 'bg.analyst',
      status: 'open',
      closed_at: null,
      close_reason: null,
      version: 1,
      created_at: iso(0),
      updated_at: iso(0),
      handovers: [{ agency: 'customs', delivered_at: iso(0), ...untouched }],
      seizures: [],
      patrols: [],
      objects: [],
      can: { edit: true, close: true, acknowledge: false, assess: false, link: true },
      history: [
        {
          at: iso(0),
          action: 'created',
          username: 'bg.analyst',
          agency: 'border_guard',
          unit: 'bp_vinh_xuong',
          details: { distribution: 'both', tlp: 'amber' },
        },
        {
          at: iso(0),
          action: 'handed_over',
          username: 'bg.analyst',
          agency: 'border_guard',
          unit: 'bp_vinh_xuong',
          details: { agency: 'customs' },
        },
      ],
    });
    const [row] = await w.db.sql`
      select author_id, author_name, round(x_utm) as x, round(y_utm) as y from reports
      where id = ${body.id}`;
    expect(row.author_id).toBe(w.userId['bg.analyst']);
    expect(row.author_name).toBe('bg.analyst');
    expect(await lastAudit('report.create')).toMatchObject({
      outcome: 'ok',
      target: 'reports',
      username: 'bg.analyst',
      details: {
        id: body.id,
        version_after: 1,
        distribution: 'both',
        tlp: 'amber',
        handed_over_to: ['customs'],
      },
    });
  });

  it('copies a named gate: its point, its province, its names', async () => {
    w.clock.now = at(10);
    const body = await api.create('bg.analyst', {
      ...BASE,
      geometry: undefined,
      place: 'border_gates:g4',
      distribution: 'own_agency',
      tlp: 'green',
      reliability: 'C',
      credibility: 3,
      received_at: '2026-11-09',
    });
    ids.gate = body.id;
    expect(body).toMatchObject({
      province: 'lang_son',
      geometry: { type: 'Point', coordinates: [106.65, 22] },
      place: 'border_gates:g4',
      place_name: { vi: 'Cửa khẩu D', en: 'Gate D' },
      rating: 'C3',
      // A bare date is that day in Vietnam: midnight of the 9th at UTC+7.
      received_at: '2026-11-08T17:00:00.000Z',
      created_at: iso(10),
      // Own agency only: nothing is handed over.
      handovers: [],
    });
    expect((body as unknown as { history: unknown[] }).history).toHaveLength(1);
  });

  it('copies a named trail as a line, rounded to 6 decimals on the way out', async () => {
    const body = await api.create('bg.commander', {
      ...BASE,
      title: 'Nhóm cửu vạn trên lối mở',
      kind: 'porter_group',
      geometry: undefined,
      place: 'trails:t1',
      province: 'lang_son',
    });
    expect(body).toMatchObject({
      province: 'lang_son',
      geometry: {
        type: 'LineString',
        coordinates: [
          [106.62, 21.98],
          [106.7, 21.9],
        ],
      },
      place_name: { vi: 'Lối mở A', en: 'Path A' },
      unit: 'bdbp_an_giang',
      author: 'bg.commander',
      handovers: [{ agency: 'customs', delivered_at: iso(10) }],
    });
    ids.trail = body.id;
  });

  it('keeps an area, and the UTM point of a line or area lies on it', async () => {
    const square = [
      [105.05, 10.55],
      [105.15, 10.55],
      [105.15, 10.65],
      [105.05, 10.65],
      [105.05, 10.55],
    ];
    const body = await api.create('cu.analyst', {
      ...BASE,
      kind: 'warehouse',
      geometry: { type: 'Polygon', coordinates: [square], crs: { type: 'name' } },
      distribution: 'own_agency',
    });
    ids.area = body.id;
    expect(body).toMatchObject({
      geometry: { type: 'Polygon', coordinates: [square] },
      agency: 'customs',
      unit: null,
    });
    const [row] = await w.db.sql<{ inside: boolean }[]>`
      select ST_Intersects(geom, ST_Transform(ST_SetSRID(ST_MakePoint(x_utm, y_utm), 32648), 4326)) as inside
      from reports where id = ${body.id}`;
    expect(row.inside).toBe(true);
  });

  it("lists named units, adds the author's own, and hands over when one belongs to the other force", async () => {
    w.clock.now = at(20);
    const body = await api.create('cu.planner', {
      ...BASE,
      distribution: 'units',
      units: ['bp_khanh_binh', 'bp_khanh_binh'],
      tlp: 'red',
      reliability: 'A',
      credibility: 1,
    });
    ids.red = body.id;
    expect(body).toMatchObject({
      distribution: 'units',
      units: ['bp_khanh_binh', 'hq_vinh_xuong'],
      tlp: 'red',
      rating: 'A1',
      agency: 'customs',
      unit: 'hq_vinh_xuong',
      handovers: [{ agency: 'border_guard', delivered_at: iso(20), ...untouched }],
    });
  });

  it('does not hand over a unit list of the own force only', async () => {
    const body = await api.create('cu.planner', {
      ...BASE,
      distribution: 'units',
      units: ['hq_tinh_bien'],
      tlp: 'amber',
    });
    ids.customsUnits = body.id;
    expect(body).toMatchObject({ units: ['hq_tinh_bien', 'hq_vinh_xuong'], handovers: [] });
  });
});

describe('GET /api/reports/{id}', () => {
  it('shows the receiver what it may do, and audits the read', async () => {
    const res = await api.get(`/api/reports/${ids.r1}`, 'cu.commander');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.can).toEqual({
      edit: false,
      close: false,
      acknowledge: true,
      assess: true,
      link: true,
    });
    expect(body.history.map((e: { action: string }) => e.action)).toEqual([
      'created',
      'handed_over',
    ]);
    expect(await lastAudit('report.read')).toMatchObject({
      outcome: 'ok',
      target: `reports/${ids.r1}`,
      username: 'cu.commander',
    });
  });

  it("lets a senior of the author's agency edit, not a planner who did not write it", async () => {
    const senior = await (await api.get(`/api/reports/${ids.r1}`, 'bg.commander')).json();
    expect(senior.can).toMatchObject({ edit: true, close: true, acknowledge: false });
    const planner = await (await api.get(`/api/reports/${ids.r1}`, 'bg.planner')).json();
    expect(planner.can).toMatchObject({ edit: false, close: false, link: true });
  });

  it('reaches a listed unit of the other force, and no one else there', async () => {
    // bp_khanh_binh is listed; bg.analyst's bp_vinh_xuong and bg.commander's unit are not.
    expect((await api.get(`/api/reports/${ids.red}`, 'bg.analyst')).status).toBe(404);
    expect((await api.get(`/api/reports/${ids.red}`, 'cu.commander')).status).toBe(404);
    expect((await api.get(`/api/reports/${ids.red}`, 'cu.planner')).status).toBe(200);
  });
});

describe('the handover', () => {
  it('counts unread reports per receiving agency, for those who see them', async () => {
    const count = async (who: Parameters<typeof api.get>[1]) =>
      (await (await api.get('/api/reports/inbox/count', who)).json()).unread;
    // r1 and the trail (both) reach every customs user; the red one no border guard user here.
    expect(await count('cu.commander')).toBe(2);
    expect(await count('ls.customs')).toBe(2);
    expect(await count('bg.analyst')).toBe(0);
    expect(await count('bg.commander')).toBe(0);
  });

  it('lists the inbox unread first, and audits it', async () => {
    const res = await api.get('/api/reports/inbox', 'cu.commander');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.unread).toBe(2);
    // Both unread: the newest delivered (the trail, T0 + 10 min) first.
    expect(body.items.map((r: { id: number }) => r.id)).toEqual([ids.trail, ids.r1]);
    expect(body.items[0]).not.toHaveProperty('history');
    expect(await lastAudit('report.list')).toMatchObject({
      target: 'reports/inbox',
      username: 'cu.commander',
    });
  });

  it('refuses an acknowledgement from the author side with 403 not_recipient', async () => {
    const res = await api.send('POST', `/api/reports/${ids.r1}/acknowledge`, 'bg.analyst', {});
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('not_recipient');
  });

  it('records who acknowledged and when; the count drops for the whole agency', async () => {
    w.clock.now = at(90);
    const res = await api.send('POST', `/api/reports/${ids.r1}/acknowledge`, 'cu.commander', {});
    expect(res.status, await res.clone().text()).toBe(200);
    const body = await res.json();
    expect(body.handovers).toEqual([
      {
        agency: 'customs',
        delivered_at: iso(0),
        ...untouched,
        acknowledged_at: iso(90),
        acknowledged_by: 'cu.commander',
      },
    ]);
    expect(body.can).toMatchObject({ acknowledge: false, assess: true });
    expect(body.history.at(-1)).toEqual({
      at: iso(90),
      action: 'acknowledged',
      username: 'cu.commander',
      agency: 'customs',
      unit: 'hq_tinh_bien',
      details: { agency: 'customs' },
    });
    const count = await (await api.get('/api/reports/inbox/count', 'ls.customs')).json();
    expect(count).toEqual({ unread: 1 });
    // Read ones go after the unread, whatever their delivery.
    const inbox = await (await api.get('/api/reports/inbox', 'cu.planner')).json();
    expect(inbox.items.map((r: { id: number }) => r.id)).toEqual([ids.trail, ids.r1]);
    w.clock.now = at(91);
    await api.send('POST', `/api/reports/${ids.trail}/acknowledge`, 'cu.planner', {});
    const after = await (await api.get('/api/reports/inbox', 'cu.planner')).json();
    expect(after.unread).toBe(0);
    expect(after.items.map((r: { id: number }) => r.id)).toEqual([ids.trail, ids.r1]);
    expect(await lastAudit('report.acknowledge')).toMatchObject({
      outcome: 'ok',
      target: `reports/${ids.trail}`,
      username: 'cu.planner',
    });
  });

  it('refuses a second acknowledgement with 409 already_acknowledged', async () => {
    const res = await api.send('POST', `/api/reports/${ids.r1}/acknowledge`, 'cu.planner', {});
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('already_acknowledged');
    const [h] = await w.db
      .sql`select acknowledged_by from report_handovers where report_id = ${ids.r1}`;
    expect(h.acknowledged_by).toBe(w.userId['cu.commander']);
  });

  it('records the assessment and the action taken; the author sees both', async () => {
    w.clock.now = at(180);
    const res = await api.send('POST', `/api/reports/${ids.r1}/assessment`, 'cu.planner', {
      value: 'valuable',
      reason: 'Khớp với tin của đội kiểm soát',
      action_taken: 'Tuần tra kênh đêm 10/11',
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const author = await (await api.get(`/api/reports/${ids.r1}`, 'bg.analyst')).json();
    expect(author.handovers[0]).toEqual({
      agency: 'customs',
      delivered_at: iso(0),
      acknowledged_at: iso(90),
      acknowledged_by: 'cu.commander',
      assessment: 'valuable',
      assessment_reason: 'Khớp với tin của đội kiểm soát',
      assessed_at: iso(180),
      assessed_by: 'cu.planner',
      action_taken: 'Tuần tra kênh đêm 10/11',
    });
    expect(author.history.slice(3)).toEqual([
      {
        at: iso(180),
        action: 'assessed',
        username: 'cu.planner',
        agency: 'customs',
        unit: 'hq_vinh_xuong',
        details: { agency: 'customs', value: 'valuable', reason: 'Khớp với tin của đội kiểm soát' },
      },
      {
        at: iso(180),
        action: 'action_recorded',
        username: 'cu.planner',
        agency: 'customs',
        unit: 'hq_vinh_xuong',
        details: { agency: 'customs', action_taken: 'Tuần tra kênh đêm 10/11' },
      },
    ]);
    expect(await lastAudit('report.assess')).toMatchObject({
      outcome: 'ok',
      details: { id: ids.r1, agency: 'customs', value: 'valuable' },
    });
  });

  it('replaces the assessment on a second one, keeping the action; the history keeps both', async () => {
    w.clock.now = at(240);
    const res = await api.send('POST', `/api/reports/${ids.r1}/assessment`, 'cu.commander', {
      value: 'duplicate',
      reason: 'Trùng tin ngày 08/11',
    });
    const body = await res.json();
    expect(body.handovers[0]).toMatchObject({
      assessment: 'duplicate',
      assessment_reason: 'Trùng tin ngày 08/11',
      assessed_at: iso(240),
      assessed_by: 'cu.commander',
      action_taken: 'Tuần tra kênh đêm 10/11',
    });
    expect(body.history.map((e: { action: string }) => e.action)).toEqual([
      'created',
      'handed_over',
      'acknowledged',
      'assessed',
      'action_recorded',
      'assessed',
    ]);
  });

  it('acknowledges first when the assessment comes before any acknowledgement', async () => {
    w.clock.now = at(300);
    const { id } = await api.create('bg.commander', BASE);
    w.clock.now = at(330);
    const res = await api.send('POST', `/api/reports/${id}/assessment`, 'cu.analyst', {
      value: 'not_valuable',
      reason: 'Không xác minh được',
    });
    const body = await res.json();
    expect(body.handovers[0]).toEqual({
      agency: 'customs',
      delivered_at: iso(300),
      acknowledged_at: iso(330),
      acknowledged_by: 'cu.analyst',
      assessment: 'not_valuable',
      assessment_reason: 'Không xác minh được',
      assessed_at: iso(330),
      assessed_by: 'cu.analyst',
      action_taken: null,
    });
    expect(body.history.map((e: { action: string }) => e.action)).toEqual([
      'created',
      'handed_over',
      'acknowledged',
      'assessed',
    ]);
  });

  it('refuses an assessment from the author force with 403 and writes nothing', async () => {
    const before = await w.db.sql`select count(*)::int as n from report_events`;
    const res = await api.send('POST', `/api/reports/${ids.r1}/assessment`, 'bg.commander', {
      value: 'valuable',
      reason: 'x',
    });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('not_recipient');
    expect(await w.db.sql`select count(*)::int as n from report_events`).toEqual(before);
    expect(await lastAudit('report.assess')).toMatchObject({ outcome: 'failed' });
  });
});

describe('GET /api/units', () => {
  it('lists the 19 units with agency, province and both names', async () => {
    const res = await api.get('/api/units', 'bg.planner');
    expect(res.status).toBe(200);
    const units = await res.json();
    expect(units).toHaveLength(19);
    // An Giang first, Border Guard before Customs, then by id.
    expect(units[0]).toEqual({
      id: 'bdbp_an_giang',
      agency: 'border_guard',
      province: 'an_giang',
      name_vi: 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh An Giang',
      name_en: 'An Giang Provincial Border Guard Command',
    });
    expect(units.filter((u: { agency: string }) => u.agency === 'customs')).toHaveLength(9);
  });

  it('needs a signed-in user', async () => {
    expect((await w.app.request('/api/units')).status).toBe(401);
    expect((await w.app.request('/api/reports/inbox/count')).status).toBe(401);
  });
});
