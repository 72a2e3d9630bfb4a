/**
 * GET /api/reports: five reports of both forces with chosen dates, kinds, ratings and
 * distributions; each caller's list, total, filters, sort and paging are worked out by hand
 * from the table below (who sees what follows the one visibility rule).
 *
 *   L1 bg.analyst  both        amber boat         cigarettes an_giang B2 2026-11-01T08:00Z
 *   L2 bg.analyst  own_agency  green vehicle      sugar      lang_son C3 2026-11-05 (VN) = 11-04T17:00Z
 *   L3 cu.analyst  both        clear warehouse    fuel       an_giang A1 2026-11-03T00:00Z
 *   L4 cu.planner  units [bp_vinh_xuong] red porter_group -   an_giang F6 2026-11-07T12:00Z
 *   L5 cu.commander own_agency amber consignment gold       lang_son D4 2026-11-02T00:00Z (closed)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE, client, reportWorld, type ReportWorld, type UserName } from '../fixtures/reports';

let w: ReportWorld;
let api: ReturnType<typeof client>;
const id: Record<string, number> = {};

beforeAll(async () => {
  w = await reportWorld();
  api = client(w);
  const make = async (name: string, who: UserName, body: object) => {
    id[name] = (await api.create(who, { ...BASE, ...body })).id;
  };
  await make('L1', 'bg.analyst', {
    title: 'Thuyền gỗ ở kênh Vĩnh Tế',
    text: 'Hàng lậu đêm qua',
    received_at: '2026-11-01T08:00:00Z',
  });
  await make('L2', 'bg.analyst', {
    title: 'Xe tải trên đường mòn',
    kind: 'vehicle',
    category: 'sugar',
    geometry: undefined,
    place: 'border_gates:g5',
    distribution: 'own_agency',
    tlp: 'green',
    reliability: 'C',
    credibility: 3,
    received_at: '2026-11-05',
  });
  await make('L3', 'cu.analyst', {
    title: 'Kho xăng dầu',
    text: 'Kho gần kênh Vĩnh Tế',
    kind: 'warehouse',
    category: 'fuel',
    tlp: 'clear',
    reliability: 'A',
    credibility: 1,
    received_at: '2026-11-03T00:00:00Z',
  });
  await make('L4', 'cu.planner', {
    title: 'Nhóm người vác hàng',
    kind: 'porter_group',
    category: null,
    distribution: 'units',
    units: ['bp_vinh_xuong'],
    tlp: 'red',
    reliability: 'F',
    credibility: 6,
    received_at: '2026-11-07T12:00:00Z',
  });
  await make('L5', 'cu.commander', {
    title: 'Lô vàng',
    kind: 'consignment',
    category: 'gold',
    geometry: { type: 'Point', coordinates: [106.7, 21.9] },
    distribution: 'own_agency',
    reliability: 'D',
    credibility: 4,
    received_at: '2026-11-02T00:00:00Z',
  });
  const res = await api.send('POST', `/api/reports/${id.L5}/close`, 'cu.commander', {
    version: 1,
    reason: 'Đã kiểm tra, không có hàng',
  });
  expect(res.status).toBe(200);
});
afterAll(() => w.db.close());

async function list(who: UserName, query = '') {
  const res = await api.get(`/api/reports${query}`, who);
  expect(res.status, await res.clone().text()).toBe(200);
  const body = await res.json();
  const names = body.items.map(
    (r: { id: number }) => Object.entries(id).find(([, v]) => v === r.id)?.[0],
  );
  return { names, total: body.total, body };
}

describe('GET /api/reports', () => {
  it('gives each caller exactly the reports they may see, newest received first, with the total', async () => {
    expect(await list('bg.analyst')).toMatchObject({
      names: ['L4', 'L2', 'L3', 'L1'],
      total: 4,
    });
    expect(await list('bg.planner')).toMatchObject({ names: ['L4', 'L2', 'L3', 'L1'], total: 4 });
    // bdbp_an_giang is not listed on L4.
    expect(await list('bg.commander')).toMatchObject({ names: ['L2', 'L3', 'L1'], total: 3 });
    expect(await list('cu.commander')).toMatchObject({ names: ['L3', 'L5', 'L1'], total: 3 });
    expect(await list('cu.planner')).toMatchObject({
      names: ['L4', 'L3', 'L5', 'L1'],
      total: 4,
    });
    expect(await list('ls.customs')).toMatchObject({ names: ['L3', 'L5', 'L1'], total: 3 });
  });

  it('returns list items as the report without its history', async () => {
    const { body } = await list('cu.commander', '?status=closed');
    expect(body).toMatchObject({ total: 1, limit: 50, offset: 0 });
    expect(body.items[0]).toMatchObject({
      id: id.L5,
      status: 'closed',
      close_reason: 'Đã kiểm tra, không có hàng',
      version: 2,
      rating: 'D4',
      province: 'lang_son',
      can: { edit: true, close: true },
    });
    expect(body.items[0]).not.toHaveProperty('history');
    expect(body.items[0]).not.toHaveProperty('author_id');
  });

  it('filters by province, status, kind, category, TLP, agency and the received window', async () => {
    expect(await list('bg.analyst', '?province=lang_son')).toMatchObject({
      names: ['L2'],
      total: 1,
    });
    expect(await list('cu.commander', '?status=open')).toMatchObject({ names: ['L3', 'L1'] });
    expect(await list('bg.analyst', '?kind=boat,warehouse')).toMatchObject({
      names: ['L3', 'L1'],
      total: 2,
    });
    expect(await list('bg.analyst', '?category=sugar,fuel')).toMatchObject({
      names: ['L2', 'L3'],
    });
    expect(await list('bg.analyst', '?tlp=red')).toMatchObject({ names: ['L4'], total: 1 });
    expect(await list('bg.commander', '?tlp=red')).toMatchObject({ names: [], total: 0 });
    expect(await list('bg.analyst', '?agency=customs')).toMatchObject({ names: ['L4', 'L3'] });
    // Vietnam days: 2026-11-02 00:00 +07 (11-01T17:00Z) up to the end of 11-05 (11-05T17:00Z).
    expect(await list('bg.analyst', '?from=2026-11-02&to=2026-11-05')).toMatchObject({
      names: ['L2', 'L3'],
      total: 2,
    });
  });

  it('searches title and text, case-insensitively', async () => {
    expect(await list('bg.analyst', `?q=${encodeURIComponent('kênh vĩnh tế')}`)).toMatchObject({
      names: ['L3', 'L1'],
      total: 2,
    });
    expect(await list('bg.analyst', '?q=100%25')).toMatchObject({ names: [], total: 0 });
  });

  it('sorts by rating (best first ascending) and by update, and pages', async () => {
    expect(await list('cu.planner', '?sort=rating&dir=asc')).toMatchObject({
      names: ['L3', 'L1', 'L5', 'L4'],
    });
    expect(await list('cu.planner', '?sort=rating&dir=desc')).toMatchObject({
      names: ['L4', 'L5', 'L1', 'L3'],
    });
    expect(await list('bg.analyst', '?limit=2&offset=1')).toMatchObject({
      names: ['L2', 'L3'],
      total: 4,
    });
  });

  it('audits each list with the ids it returned', async () => {
    await list('bg.commander', '?province=an_giang');
    const [row] = await w.db.sql<{ target: string; details: Record<string, unknown> }[]>`
      select target, details from audit_log where action = 'report.list' order by id desc limit 1`;
    expect(row).toEqual({
      target: 'reports',
      details: {
        filters: { province: 'an_giang' },
        number_returned: 2,
        ids: [id.L3, id.L1],
      },
    });
  });

  it('refuses bad parameters with 400 naming them', async () => {
    for (const [query, parameter] of [
      ['?sort=title', 'sort'],
      ['?dir=up', 'dir'],
      ['?status=archived', 'status'],
      ['?kind=truck', 'kind'],
      ['?tlp=white', 'tlp'],
      ['?agency=joint', 'agency'],
      ['?limit=0', 'limit'],
      ['?limit=201', 'limit'],
      [`?q=${'x'.repeat(101)}`, 'q'],
      ['?from=2026-02-30', 'from'],
      ['?author=bg.analyst', 'author'],
    ]) {
      const res = await api.get(`/api/reports${query}`, 'bg.analyst');
      expect(res.status, query).toBe(400);
      expect((await res.json()).error.details.parameter, query).toBe(parameter);
    }
  });
});
