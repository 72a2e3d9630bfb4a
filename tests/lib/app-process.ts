/**
 * The built app as a child process, for tests and benchmarks that must see what a real server
 * does (start, crash, restart, several instances): `node scripts/serve.js` on a free port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface AppProcess {
  baseUrl: string;
  child: ChildProcess;
  /** Everything it printed so far. */
  output(): string;
  /** Resolves once its output matches `pattern` (rejects if it exits first or after `ms`). */
  waitFor(pattern: RegExp, ms?: number): Promise<RegExpMatchArray>;
  /** Resolves once /api/health answers 200. */
  ready(ms?: number): Promise<void>;
  /** SIGKILL, as a power cut or an OOM kill would: no shutdown code runs. */
  crash(): Promise<void>;
  /** SIGTERM and wait; SIGKILL after 10 s. */
  stop(): Promise<void>;
  exited: Promise<number | null>;
}

/** Names the built server must not inherit from the test run's environment. */
const SCRUB = ['NODE_ENV', 'HOST', 'BODY_SIZE_LIMIT', 'DATABASE_URL', 'ORIGIN', 'DATA_DIR'];

/**
 * Starts `node scripts/serve.js` with `env` (DATA_DIR or DATABASE_URL, ...) on a free port.
 * It does not wait: call ready() or waitFor().
 */
export async function startApp(env: Record<string, string>): Promise<AppProcess> {
  if (!existsSync(join(ROOT, 'build/index.js')))
    throw new Error('No production build: run `npm run build` first.');
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const inherited: Record<string, string | undefined> = { ...process.env };
  for (const name of SCRUB) delete inherited[name];
  const child = spawn(process.execPath, ['scripts/serve.js'], {
    cwd: ROOT,
    env: { ...inherited, PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listeners = new Set<() => void>();
  const heard = (d: Buffer) => {
    output += d;
    for (const l of listeners) l();
  };
  child.stdout!.on('data', heard);
  child.stderr!.on('data', heard);
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  let gone = false;
  void exited.then(() => {
    gone = true;
    for (const l of listeners) l();
  });

  const waitFor = (pattern: RegExp, ms = 180_000) =>
    new Promise<RegExpMatchArray>((done, fail) => {
      const timer = setTimeout(() => finish(new Error(`timed out waiting for ${pattern}`)), ms);
      const check = () => {
        const m = output.match(pattern);
        if (m) finish(undefined, m);
        else if (gone) finish(new Error(`exited before ${pattern}:\n${output.slice(-3000)}`));
      };
      const finish = (error?: Error, m?: RegExpMatchArray) => {
        clearTimeout(timer);
        listeners.delete(check);
        if (error) fail(error);
        else done(m!);
      };
      listeners.add(check);
      check();
    });

  return {
    baseUrl,
    child,
    output: () => output,
    waitFor,
    exited,
    async ready(ms = 180_000) {
      const started = Date.now();
      for (;;) {
        if (gone) throw new Error(`the server exited while starting:\n${output.slice(-3000)}`);
        if (Date.now() - started > ms)
          throw new Error(`no answer from /api/health in ${ms / 1000} s:\n${output.slice(-3000)}`);
        try {
          if ((await fetch(`${baseUrl}/api/health`)).ok) return;
        } catch {
          // not listening yet
        }
        await sleep(250);
      }
    },
    async crash() {
      if (!gone) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (gone) return;
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(10_000)]);
      if (!gone) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** The demo accounts a first start printed, by username. */
export function demoPasswords(output: string): Record<string, string> {
  const accounts: Record<string, string> = {};
  for (const m of output.matchAll(/^\s+(demo\.[a-z.]+)\s+[a-z]+\s+(\S+)\s*$/gm))
    accounts[m[1]] = m[2];
  return accounts;
}

/** Signs in over HTTP and returns the Cookie header value. */
export async function signInTo(baseUrl: string, username: string, password: string) {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0];
}
