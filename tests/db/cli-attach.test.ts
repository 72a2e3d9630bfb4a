import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { lockHolder } from '../../src/lib/server/db/engine-lock';
import { testDb, type TestDb } from '../setup/test-db';

/**
 * Command-line tools reach the running embedded engine through its socket. They used to open
 * the data directory themselves and so refused while the app ran: disabling a compromised
 * account meant stopping the app. Here vitest's main process plays the app.
 */
function cli(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, DATA_DIR: inject('dataDir'), DATABASE_URL: '' };
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], { env });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, out, err }));
    child.stdin.end(stdin);
  });
}

describe.skipIf(!inject('socketPath'))('command-line tools while the app runs', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await testDb();
  });
  afterAll(() => db.close());

  // The bridge serves a single PostgreSQL session, so the tool works in this file's schema.
  const user = async (username: string) =>
    (await db.sql`select role, agency, disabled from users where username = ${username}`)[0];

  it('adds a user through the running engine', async () => {
    const { code, out, err } = await cli(
      [
        'src/lib/server/cli/user.ts',
        'add',
        '--username',
        'cli.attach',
        '--role',
        'analyst',
        '--agency',
        'border_guard',
      ],
      'a long enough password\n',
    );
    const holder = await lockHolder(inject('dataDir'));
    expect(err).toContain(`Using the embedded engine of process ${holder!.pid}`);
    expect(out).toContain('Added cli.attach (analyst, border_guard).');
    expect(code).toBe(0);
    expect(await user('cli.attach')).toEqual({
      role: 'analyst',
      agency: 'border_guard',
      disabled: false,
    });
  });

  it('disables that user without stopping the app', async () => {
    const { code, out } = await cli([
      'src/lib/server/cli/user.ts',
      'disable',
      '--username',
      'cli.attach',
    ]);
    expect(out).toContain('Disabled cli.attach');
    expect(code).toBe(0);
    expect((await user('cli.attach'))?.disabled).toBe(true);
  });
  it('gives a user a named unit of their agency, refuses an unknown one, and removes it', async () => {
    const tool = 'src/lib/server/cli/user.ts';
    const base = ['add', '--username', 'cli.unit', '--role', 'planner', '--agency', 'border_guard'];
    const refused = await cli([tool, ...base, '--unit', 'bp_nowhere'], 'a long enough password\n');
    expect(refused.err).toContain("Refused: unit: unknown unit 'bp_nowhere'");
    expect(refused.code).not.toBe(0);
    const added = await cli([tool, ...base, '--unit', 'bp_huu_nghi'], 'a long enough password\n');
    expect(added.out).toContain('Added cli.unit (planner, border_guard, bp_huu_nghi).');
    const none = await cli([tool, 'change', '--username', 'cli.unit', '--unit', 'none']);
    expect(none.out).toContain('cli.unit is now planner, border_guard, no unit.');
    expect((await db.sql`select unit from users where username = 'cli.unit'`)[0].unit).toBeNull();
  });
});
