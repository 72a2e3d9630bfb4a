import { execFile } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { backupKind, readHead, syncDir } from '../io/backup-file';

const run = promisify(execFile);

/**
 * pg_dump and pg_restore get the URL without its password, and the password through the
 * environment, so that it never shows in the process list.
 */
function connection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { dbname: u.toString(), env: { ...process.env, PGPASSWORD: password } };
}

async function tool(name: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  try {
    const { stdout } = await run(name, args, { env, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT')
      throw new Error(`${name} not found: install the PostgreSQL client tools (postgresql-client)`);
    throw new Error(`${name} failed: ${(e.stderr ?? e.message).trim()}`);
  }
}

/**
 * Backs the database of `url` up to `out` with pg_dump's custom format: one consistent
 * snapshot, taken while the app keeps running. Written beside `out`, then renamed over it.
 */
export async function backupPostgres(url: string, out: string): Promise<void> {
  const { dbname, env } = connection(url);
  const draft = `${out}.${process.pid}.partial`;
  try {
    await tool('pg_dump', ['--format=custom', `--file=${draft}`, `--dbname=${dbname}`], env);
    renameSync(draft, out);
    syncDir(dirname(out));
  } finally {
    rmSync(draft, { force: true });
  }
}

/** Relations outside the system schemas that no extension owns: an empty database has none. */
async function userRelations(sql: postgres.Sql): Promise<number> {
  const [{ n }] = await sql<{ n: number }[]>`
    select count(*)::int as n
    from pg_class c join pg_namespace ns on ns.oid = c.relnamespace
    where ns.nspname not in ('pg_catalog', 'information_schema')
      and ns.nspname not like 'pg\\_toast%' and ns.nspname not like 'pg\\_temp%'
      and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
      and not exists (select from pg_depend d
        where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')`;
  return n;
}

/** Tables that belong to an extension, as "schema name" (the TOC's spelling). */
async function extensionTables(sql: postgres.Sql): Promise<Set<string>> {
  const rows = await sql<{ t: string }[]>`
    select ns.nspname || ' ' || c.relname as t
    from pg_depend d join pg_class c on c.oid = d.objid
      join pg_namespace ns on ns.oid = c.relnamespace
    where d.classid = 'pg_class'::regclass and d.deptype = 'e' and c.relkind = 'r'`;
  return new Set(rows.map((r) => r.t));
}

/**
 * Restores a pg_dump archive into the empty database of `url`. Extensions are not restored but
 * must exist in the target (creating PostGIS needs a superuser, the app's role rarely is one):
 * missing ones are created when the role may, else the restore refuses and says what to run.
 * Everything else goes in one transaction, owned by the restoring role.
 */
export async function restorePostgres(url: string, file: string): Promise<void> {
  const kind = backupKind(readHead(file));
  if (kind === 'pglite')
    throw new Error(`${file} is an embedded-engine backup: restore it with DATABASE_URL unset`);
  if (kind !== 'pg_dump') throw new Error(`${file} is not a pg_dump archive (custom format)`);
  const { dbname, env } = connection(url);
  const toc = await tool('pg_restore', ['--list', file], env);
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const work = mkdtempSync(join(tmpdir(), 'brm-restore-'));
  try {
    if ((await userRelations(sql)) > 0)
      throw new Error('The target database is not empty: restore only into a new, empty database.');
    const extensions = [...toc.matchAll(/^\d+; \d+ \d+ EXTENSION - (\S+)/gm)].map((m) => m[1]);
    for (const name of extensions) {
      try {
        await sql`create extension if not exists ${sql(name)}`;
      } catch (error) {
        throw new Error(
          `The target database lacks the extension ${name}, and this role cannot create it ` +
            `(${(error as Error).message}). As a superuser, run: create extension ${name};`,
        );
      }
    }
    const owned = await extensionTables(sql);
    const keep = toc.split('\n').filter((line) => {
      if (/^\d+; \d+ \d+ (EXTENSION|COMMENT - EXTENSION) /.test(line)) return false;
      const data = /^\d+; \d+ \d+ TABLE DATA (\S+) (\S+) /.exec(line);
      return !(data && owned.has(`${data[1]} ${data[2]}`));
    });
    writeFileSync(join(work, 'list'), keep.join('\n'));
    await tool(
      'pg_restore',
      [
        '--no-owner',
        '--exit-on-error',
        '--single-transaction',
        `--use-list=${join(work, 'list')}`,
        `--dbname=${dbname}`,
        file,
      ],
      env,
    );
  } finally {
    await sql.end({ timeout: 5 });
    rmSync(work, { recursive: true, force: true });
  }
}
