/**
 * The role x distribution x marking matrix (issue 11, "must show"): for each distribution
 * (own_agency, both, units) and TLP marking (red only with units), a report is recorded through
 * the API, and every user (each role of each force, plus users of a listed and of an unlisted
 * unit) either finds it in every path it can appear in, with every count one higher, or finds no
 * trace of it anywhere: the same lists, the same counts, and the same 404 body as a missing id.
 *
 * Paths: the layer page (+ numberMatched), the `/api/layers` count, `/api/reports` (items +
 * total), GET one, exports as GeoJSON and CSV (roles that may export), OGC items (+ numberMatched)
 * and item, the inbox and its unread count (the receiving force), the exchange figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role, UserAgency } from '../../src/lib/server/auth/roles';
import { can } from '../../src/lib/server/auth/roles';
import { loadMini } from '../fixtures/mini';
import { addUser, json, signIn } from '../setup/auth';
import { testApp, testDb, type TestDb } from '../setup/test-db';

/** name -> [role, agency, unit] */
const USERS = {
  'bg.analyst': ['analyst', 'border_guard', 'bp_vinh_xuong'],
  'bg.admin': ['admin', 'border_guard', null],
  'bg.commander': ['commander', 'border_guard', 'bdbp_an_giang'],
  'bg.planner': ['planner', 'border_guard', 'bp_tinh_bien'],
  'bg.listed': ['planner', 'border_guard', 'bp_khanh_binh'],
  'bg.unlisted': ['analyst', 'border_guard', 'bp_ha_tien'],
  'cu.analyst': ['analyst', 'customs', 'kshq_an_giang'],
  'cu.admin': ['admin', 'customs', null],
  'cu.commander': ['commander', 'customs', 'hq_tinh_bien'],
  'cu.planner': ['planner', 'customs', 'hq_ha_tien'],
  'cu.listed': ['analyst', 'customs', 'hq_vinh_xuong'],
  'cu.unlisted': ['commander', 'customs', 'hq_huu_nghi'],
} as const satisfies Record<string, [Role, UserAgency, string | null]>;
type UserName = keyof typeof USERS;
const NAMES = Object.keys(USERS) as UserName[];

interface Case {
  author: UserName;
  distribution: 'own_agency' | 'both' | 'units';
  tlp: 'red' | 'amber' | 'green' | 'clear';
  units?: string[];
}

/** Units named by the `units` cases: one of each force. */
const BOTH_FORCES = ['hq_vinh_xuong', 'bp_khanh_binh'];
const CASES: Case[] = [
  ...(['amber', 'green', 'clear'] as const).map((tlp): Case => ({
    author: 'bg.analyst',
    distribution: 'own_agency',
    tlp,
  })),
  ...(['amber', 'green', 'clear'] as const).map((tlp): Case => ({
    author: 'bg.analyst',
    distribution: 'both',
    tlp,
  })),
  ...(['red', 'amber', 'green', 'clear'] as const).map((tlp): Case => ({
    author: 'bg.analyst',
    distribution: 'units',
    units: BOTH_FORCES,
    tlp,
  })),
  // Named units of the author's own force only: nothing reaches the other force.
  { author: 'bg.analyst', distribution: 'units', units: ['bp_khanh_binh'], tlp: 'red' },
  // The other way round: Customs records, for itself and for one Border Guard unit.
  { author: 'cu.analyst', distribution: 'own_agency', tlp: 'amber' },
  { author: 'cu.analyst', distribution: 'units', units: ['bp_khanh_binh'], tlp: 'red' },
];

const agencyOf = (u: UserName) => USERS[u][1];
const unitOf = (u: UserName) => USERS[u][2] as string | null;
const otherForce = (a: UserAgency): UserAgency => (a === 'customs' ? 'border_guard' : 'customs');

/** The visibility rule, worked out by hand for the matrix. */
function sees(c: Case, viewer: UserName): boolean {
  if (viewer === c.author) return true;
  if (c.distribution === 'both') return true;
  if (c.distribution === 'own_agency') return agencyOf(viewer) === agencyOf(c.author);
  const listed = [...(c.units ?? []), unitOf(c.author)];
  return unitOf(viewer) !== null && listed.includes(unitOf(viewer));
}

/** Whether the report reaches the other force (a handover row, the inbox, the exchange). */
function handedOver(c: Case): boolean {
  if (c.distribution === 'both') return true;
  if (c.distribution === 'own_agency') return false;
  const other = otherForce(agencyOf(c.author));
  return (c.units ?? []).some((u) => (u.startsWith('bp_') ? 'border_guard' : 'customs') === other);
}

let db: TestDb;
let app: ReturnType<typeof testApp>['app'];
const cookie = {} as Record<UserName, string>;
const NOW = new Date('2026-11-10T02:00:00Z');
const EXCHANGE = '/api/reports/exchange?from=2026-11-01&to=2026-11-30';
const OGC = '/api/ogc/collections/reports';
const MISSING = 999_999;

beforeAll(async () => {
  db = await testDb();
  await loadMini(db.sql);
  app = testApp(db, {}, () => NOW).app;
  for (const name of NAMES) {
    const [role, agency, unit] = USERS[name];
    await addUser(db.sql, name, role, agency);
    await db.sql`update users set unit = ${unit} where username = ${name}`;
    cookie[name] = await signIn(app, name);
  }
});
afterAll(() => db.close());

const get = async (url: string, who: UserName) =>
  app.request(url, { headers: { cookie: cookie[who] } });
async function getJson(url: string, who: UserName) {
  const res = await get(url, who);
  expect(res.status, `${who} ${url}: ${await res.clone().text()}`).toBe(200);
  return res.json();
}
const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);
const idsOf = (fc: { features: { id: number }[] }) => sorted(fc.features.map((f) => f.id));

/** Everything a user can learn of the register's reports through the paths of the matrix. */
async function trace(who: UserName) {
  const layer = await getJson('/api/layers/reports?limit=500', who);
  const { layers } = await getJson('/api/layers', who);
  const list = await getJson('/api/reports?limit=200', who);
  const ogc = await getJson(`${OGC}/items?limit=500`, who);
  const inbox = await getJson('/api/reports/inbox?limit=100', who);
  const inboxCount = await getJson('/api/reports/inbox/count', who);
  const exchange = await getJson(EXCHANGE, who);
  const t = {
    layer: { matched: layer.numberMatched as number, ids: idsOf(layer) },
    layersCount: layers.find((l: { id: string }) => l.id === 'reports').count as number,
    list: {
      total: list.total as number,
      ids: sorted(list.items.map((r: { id: number }) => r.id)),
    },
    ogc: { matched: ogc.numberMatched as number, ids: idsOf(ogc) },
    inbox: {
      unread: inbox.unread as number,
      ids: sorted(inbox.items.map((r: { id: number }) => r.id)),
    },
    inboxCount: inboxCount.unread as number,
    passed: Object.fromEntries(
      exchange.agencies.map((a: { agency: string; passed: number }) => [a.agency, a.passed]),
    ) as Record<string, number>,
    exportGeoJson: null as null | { matched: number; ids: number[] },
    exportCsv: null as null | { matched: number; ids: number[] },
  };
  if (can(USERS[who][0], 'export')) {
    const geo = await get('/api/export/reports.geojson', who);
    expect(geo.status).toBe(200);
    t.exportGeoJson = {
      matched: Number(geo.headers.get('x-number-matched')),
      ids: idsOf(await geo.json()),
    };
    const csv = await get('/api/export/reports.csv', who);
    expect(csv.status).toBe(200);
    const rows = (await csv.text()).trim().split('\r\n').slice(1);
    t.exportCsv = {
      matched: Number(csv.headers.get('x-number-matched')),
      ids: sorted(rows.map((r) => Number(r.split(',')[0]))),
    };
  }
  return t;
}
type Trace = Awaited<ReturnType<typeof trace>>;

/** `before` with report `id` added everywhere the user finds it. */
function withReport(before: Trace, id: number, c: Case, who: UserName): Trace {
  const add = (x: { matched: number; ids: number[] }) => ({
    matched: x.matched + 1,
    ids: sorted([...x.ids, id]),
  });
  const inInbox = handedOver(c) && agencyOf(who) === otherForce(agencyOf(c.author));
  const passed = { ...before.passed };
  if (handedOver(c)) passed[agencyOf(c.author)] += 1;
  return {
    layer: add(before.layer),
    layersCount: before.layersCount + 1,
    list: { total: before.list.total + 1, ids: sorted([...before.list.ids, id]) },
    ogc: add(before.ogc),
    inbox: inInbox
      ? { unread: before.inbox.unread + 1, ids: sorted([...before.inbox.ids, id]) }
      : before.inbox,
    inboxCount: before.inboxCount + (inInbox ? 1 : 0),
    passed,
    exportGeoJson: before.exportGeoJson && add(before.exportGeoJson),
    exportCsv: before.exportCsv && add(before.exportCsv),
  };
}

describe('every role x distribution x marking: seen everywhere or nowhere', () => {
  let missingReport: unknown;
  let missingItem: unknown;
  beforeAll(async () => {
    const res = await get(`/api/reports/${MISSING}`, 'bg.admin');
    expect(res.status).toBe(404);
    missingReport = await res.json();
    const item = await get(`${OGC}/items/${MISSING}`, 'bg.admin');
    expect(item.status).toBe(404);
    missingItem = await item.json();
  });
  /** The body a missing id `id` would get. */
  const asMissing = (body: unknown, id: number) =>
    JSON.parse(JSON.stringify(body).replaceAll(String(MISSING), String(id)));

  for (const [i, c] of CASES.entries()) {
    const label = `${c.author} ${c.distribution}${c.units ? ` [${c.units.join(', ')}]` : ''} TLP:${c.tlp.toUpperCase()}`;
    it(label, async () => {
      const before = Object.fromEntries(
        await Promise.all(NAMES.map(async (n) => [n, await trace(n)] as const)),
      ) as Record<UserName, Trace>;

      const body = {
        title: `Tin thử ma trận ${i + 1}`,
        kind: 'boat',
        geometry: { type: 'Point', coordinates: [105.1, 10.6] },
        reliability: 'B',
        credibility: 2,
        distribution: c.distribution,
        ...(c.units ? { units: c.units } : {}),
        tlp: c.tlp,
      };
      const res = await app.request('/api/reports', json('POST', cookie[c.author], body));
      expect(res.status, await res.clone().text()).toBe(201);
      const { id } = (await res.json()) as { id: number };

      for (const who of NAMES) {
        const visible = sees(c, who);
        const after = await trace(who);
        expect(after, `${who} ${visible ? 'sees' : 'must not see'} it`).toEqual(
          visible ? withReport(before[who], id, c, who) : before[who],
        );
        const one = await get(`/api/reports/${id}`, who);
        const item = await get(`${OGC}/items/${id}`, who);
        if (visible) {
          expect(one.status, who).toBe(200);
          const report = await one.json();
          expect(report).toMatchObject({ id, tlp: c.tlp, distribution: c.distribution });
          expect(item.status, who).toBe(200);
          expect((await item.json()).properties).toMatchObject({
            tlp: c.tlp,
            distribution: c.distribution,
          });
        } else {
          expect(one.status, who).toBe(404);
          expect(await one.json(), who).toEqual(asMissing(missingReport, id));
          expect(item.status, who).toBe(404);
          expect(await item.json(), who).toEqual(asMissing(missingItem, id));
        }
      }
    });
  }
});
