import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/lib/server/auth/passwords';
import { findUserByName } from '../../src/lib/server/repositories/users';
import { completeFirstStart, type DemoAccount } from '../../src/lib/server/services/first-start';
import { testDb, type TestDb } from '../setup/test-db';

/**
 * The embedded demo's first start is made of steps that commit with their record: whatever
 * stops a step leaves nothing of it, and the next start finishes the job.
 */
let db: TestDb;
beforeEach(async () => {
  db = await testDb();
});
afterEach(() => db.close());

const counts = async () =>
  (
    await db.sql`
    select (select count(*)::int from provinces) as provinces,
      (select count(*)::int from frontier_segments) as frontier,
      (select count(*)::int from trails) as trails,
      (select count(*)::int from seizures) as seizures,
      (select count(*)::int from patrol_plans) as plans,
      (select count(*)::int from patrols) as patrols,
      (select count(*)::int from users) as users,
      (select count(*)::int from reports) as reports,
      (select count(*)::int from suspicious_objects) as objects,
      (select string_agg(step, ',' order by step) from setup_steps) as steps`
  )[0];

const COMPLETE = {
  provinces: 2,
  frontier: 13,
  trails: 21,
  // The reported case counts: 88 An Giang + 165 Lang Son.
  seizures: 253,
  // Two plans per province; the reported joint patrols: 4,071 An Giang + 3,083 Lang Son.
  plans: 4,
  patrols: 7154,
  // One account per role, plus a Border Guard analyst and a Customs commander.
  users: 6,
  // 20 synthetic information reports per province; 4 suspicious objects per province.
  reports: 40,
  objects: 8,
  steps: 'demo_users,geodata,synthetic_patrols,synthetic_reports,synthetic_seizures',
};

describe('first start', () => {
  it('loads everything once, announces the six accounts, and does nothing the second time', async () => {
    const shown: DemoAccount[][] = [];
    const run = await completeFirstStart(db.sql, { announceAccounts: (a) => shown.push(a) });
    expect(run).toEqual([
      'geodata',
      'synthetic_seizures',
      'synthetic_patrols',
      'demo_users',
      'synthetic_reports',
    ]);
    expect(await counts()).toEqual(COMPLETE);
    expect(shown).toHaveLength(1);
    expect(shown[0].map((a) => a.username)).toEqual([
      'demo.admin',
      'demo.commander',
      'demo.planner',
      'demo.analyst',
      'demo.bg.analyst',
      'demo.hq.commander',
    ]);
    for (const a of shown[0]) {
      const user = await findUserByName(db.sql, a.username);
      expect(await verifyPassword(user!.password_hash, a.password)).toBe(true);
    }
    expect(await completeFirstStart(db.sql, { announceAccounts: () => shown.push([]) })).toEqual(
      [],
    );
    expect(shown).toHaveLength(1);
  });

  it('leaves no half-loaded geodata when stopped after the first file, and resumes', async () => {
    // The failure the issue measured: stopped right after "Loaded provinces.geojson", the next
    // start came up with provinces only, because the demo check counted provinces.
    const stopAfterProvinces = (m: string) => {
      if (m.startsWith('Loaded provinces.geojson')) throw new Error('killed');
    };
    await expect(
      completeFirstStart(db.sql, { progress: stopAfterProvinces, announceAccounts: () => {} }),
    ).rejects.toThrow('killed');
    expect(await counts()).toEqual({
      provinces: 0,
      frontier: 0,
      trails: 0,
      seizures: 0,
      plans: 0,
      patrols: 0,
      users: 0,
      reports: 0,
      objects: 0,
      steps: null,
    });
    const messages: string[] = [];
    await completeFirstStart(db.sql, {
      progress: (m) => messages.push(m),
      announceAccounts: () => {},
    });
    expect(await counts()).toEqual(COMPLETE);
  });

  it('keeps finished steps and creates all six accounts or none', async () => {
    let announced: DemoAccount[] = [];
    await expect(
      completeFirstStart(db.sql, {
        announceAccounts: (a) => {
          announced = a;
          throw new Error('killed while printing');
        },
      }),
    ).rejects.toThrow('killed while printing');
    // The accounts were made and shown, but their step did not commit: none of them exists.
    expect(announced).toHaveLength(6);
    expect(await counts()).toEqual({
      ...COMPLETE,
      users: 0,
      reports: 0,
      objects: 0,
      steps: 'geodata,synthetic_patrols,synthetic_seizures',
    });

    const messages: string[] = [];
    let again: DemoAccount[] = [];
    const run = await completeFirstStart(db.sql, {
      progress: (m) => messages.push(m),
      announceAccounts: (a) => (again = a),
    });
    expect(run).toEqual(['demo_users', 'synthetic_reports']);
    expect(messages[0]).toBe("Resuming an interrupted first start at step 'demo_users'...");
    expect(await counts()).toEqual(COMPLETE);
    // A new set: the passwords shown before never worked.
    const admin = await findUserByName(db.sql, 'demo.admin');
    expect(await verifyPassword(admin!.password_hash, again[0].password)).toBe(true);
    expect(await verifyPassword(admin!.password_hash, announced[0].password)).toBe(false);
  });

  it('adds no demo accounts to a database that already has users', async () => {
    await db.sql`insert into users (username, password_hash, role, agency)
      values ('chi.huy', 'x', 'commander', 'border_guard')`;
    const shown: DemoAccount[][] = [];
    await completeFirstStart(db.sql, { announceAccounts: (a) => shown.push(a) });
    expect(shown).toEqual([]);
    expect(await counts()).toEqual({ ...COMPLETE, users: 1 });
  });
});
