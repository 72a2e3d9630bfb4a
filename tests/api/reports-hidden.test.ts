/**
 * A report outside the caller's distribution leaves no trace: on every verb and sub-path it
 * answers exactly as a report id that does not exist (same status, code and message wording),
 * nothing is written, and it is in no list, total, inbox or unread count. Two hidden reports:
 *   own: bg.analyst, own_agency (no customs user sees it);
 *   red: cu.planner, units [bp_khanh_binh] TLP:RED, handed over to the Border Guard, yet
 *        bg.analyst (bp_vinh_xuong) is not listed: their agency's handover row must not make it
 *        answer 403 not_recipient or 409 instead of 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BASE,
  client,
  registerState,
  reportWorld,
  type ReportWorld,
  type UserName,
} from '../fixtures/reports';

let w: ReportWorld;
let api: ReturnType<typeof client>;
const hidden: Record<'own' | 'red', number> = { own: 0, red: 0 };
const MISSING = 987_654;

beforeAll(async () => {
  w = await reportWorld();
  api = client(w);
  hidden.own = (
    await api.create('bg.analyst', { ...BASE, distribution: 'own_agency', tlp: 'amber' })
  ).id;
  hidden.red = (
    await api.create('cu.planner', {
      ...BASE,
      distribution: 'units',
      units: ['bp_khanh_binh'],
      tlp: 'red',
    })
  ).id;
  // Something to unlink: the authors link a seizure and the patrol to each.
  for (const [id, who] of [
    [hidden.own, 'bg.analyst'],
    [hidden.red, 'cu.planner'],
  ] as const) {
    await api.send('POST', `/api/reports/${id}/links`, who, { seizure_id: w.seizureIds[0] });
    await api.send('POST', `/api/reports/${id}/links`, who, { patrol_id: w.patrolId });
  }
});
afterAll(() => w.db.close());

/** Every verb and sub-path on report `id`, with bodies that would succeed for an author. */
const calls = (id: number): [string, string, unknown][] => [
  ['GET', `/api/reports/${id}`, undefined],
  ['PUT', `/api/reports/${id}`, { ...BASE, version: 1 }],
  ['POST', `/api/reports/${id}/close`, { version: 1, reason: 'Xong' }],
  ['POST', `/api/reports/${id}/reopen`, { version: 1 }],
  ['POST', `/api/reports/${id}/acknowledge`, {}],
  ['POST', `/api/reports/${id}/assessment`, { value: 'valuable', reason: 'Tốt' }],
  ['POST', `/api/reports/${id}/links`, { seizure_id: w.seizureIds[1] }],
  ['POST', `/api/reports/${id}/links`, { patrol_id: w.patrolId }],
  ['DELETE', `/api/reports/${id}/links/seizures/${w.seizureIds[0]}`, undefined],
  ['DELETE', `/api/reports/${id}/links/patrols/${w.patrolId}`, undefined],
];

async function answer(method: string, url: string, who: UserName, body: unknown, id: number) {
  const res = method === 'GET' ? await api.get(url, who) : await api.send(method, url, who, body);
  const text = (await res.text()).replaceAll(String(id), 'N');
  return { status: res.status, body: JSON.parse(text) };
}

const CASES: [keyof typeof hidden, UserName][] = [
  ['own', 'cu.commander'],
  ['own', 'cu.analyst'],
  ['red', 'bg.analyst'],
  ['red', 'bg.commander'],
  ['red', 'cu.commander'],
];

describe('a report the caller may not see', () => {
  it.each(CASES)('(%s, seen by %s) answers every verb as a missing id', async (which, who) => {
    const id = hidden[which];
    const before = await registerState(w.db, id);
    const missing = calls(MISSING);
    for (const [i, [method, url, body]] of calls(id).entries()) {
      const got = await answer(method, url, who, body, id);
      const expected = await answer(method, missing[i][1], who, missing[i][2], MISSING);
      expect(got, `${method} ${url}`).toEqual(expected);
      expect(got.status, `${method} ${url}`).toBe(404);
      expect(got.body.error, `${method} ${url}`).toEqual({
        code: 'not_found',
        message: 'No report N',
      });
    }
    expect(await registerState(w.db, id)).toEqual(before);
  });

  it('is in no list, total, inbox or unread count', async () => {
    const listIds = async (who: UserName, query = '') =>
      (await (await api.get(`/api/reports${query}`, who)).json()) as {
        items: { id: number }[];
        total: number;
      };
    expect(await listIds('cu.commander')).toMatchObject({ items: [], total: 0 });
    expect(await listIds('bg.commander')).toMatchObject({
      items: [{ id: hidden.own }],
      total: 1,
    });
    expect(await listIds('bg.analyst', '?tlp=red')).toMatchObject({ items: [], total: 0 });
    const inbox = await (await api.get('/api/reports/inbox', 'bg.analyst')).json();
    expect(inbox).toMatchObject({ unread: 0, total: 0, items: [] });
    const count = await (await api.get('/api/reports/inbox/count', 'bg.commander')).json();
    expect(count).toEqual({ unread: 0 });
  });

  it('reaches the listed unit, whose agency may then acknowledge it', async () => {
    await w.db.sql`update users set unit = 'bp_khanh_binh' where username = 'bg.planner'`;
    const cookie = w.cookie['bg.planner'];
    // The session holds the unit read at sign-in: sign in again to take the new one.
    const { signIn } = await import('../setup/auth');
    w.cookie['bg.planner'] = await signIn(w.app, 'bg.planner');
    expect(cookie).not.toBe(w.cookie['bg.planner']);
    expect(await (await api.get('/api/reports/inbox/count', 'bg.planner')).json()).toEqual({
      unread: 1,
    });
    const res = await api.send('POST', `/api/reports/${hidden.red}/acknowledge`, 'bg.planner', {});
    expect(res.status).toBe(200);
    // Still nothing for an unlisted user of the same agency.
    const again = await answer(
      'POST',
      `/api/reports/${hidden.red}/acknowledge`,
      'bg.analyst',
      {},
      hidden.red,
    );
    expect(again).toEqual({
      status: 404,
      body: { error: { code: 'not_found', message: 'No report N' } },
    });
  });

  it('leaves the same audit row for a hidden and a missing id, naming no more than the id', async () => {
    await api.get(`/api/reports/${hidden.own}`, 'cu.commander');
    await api.get(`/api/reports/${MISSING}`, 'cu.commander');
    const rows = await w.db.sql<{ target: string; outcome: string; details: unknown }[]>`
      select target, outcome, details from audit_log where action = 'report.read'
      order by id desc limit 2`;
    expect(rows).toEqual([
      { target: `reports/${MISSING}`, outcome: 'failed', details: { status: 404 } },
      { target: `reports/${hidden.own}`, outcome: 'failed', details: { status: 404 } },
    ]);
  });

  it('answers ids that are not numbers, or too large, as missing too', async () => {
    for (const path of ['/api/reports/abc', '/api/reports/99999999999', '/api/reports/0']) {
      const res = await api.get(path, 'cu.commander');
      expect(res.status, path).toBe(404);
      expect((await res.json()).error.code).toBe('not_found');
    }
  });
});
