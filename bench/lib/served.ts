/**
 * The built app as a separate process for benchmarks: prepared with the project's own CLI
 * (seed, user), started with `node build`, signed in over HTTP, stopped at the end.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

export interface Served {
  base: string;
  stop(): Promise<void>;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

/** Runs one of the project's CLIs (`npm run <name>`) with `env`, failing loudly. */
export function cli(name: string, args: string[], env: NodeJS.ProcessEnv, input?: string): void {
  const r = spawnSync('npx', ['tsx', `src/lib/server/cli/${name}.ts`, ...args], {
    env: { ...process.env, ...env },
    input,
    encoding: 'utf8',
  });
  if (r.status !== 0)
    throw new Error(`${name} ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
}

/** Starts `node build` with `env` and waits for /api/health. */
export async function serve(env: NodeJS.ProcessEnv): Promise<Served> {
  if (!existsSync('build/index.js')) throw new Error('No build: run `npm run build` first.');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(process.execPath, ['build'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: base, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${output}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  return {
    base,
    async stop() {
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(10_000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/** Signs in and returns the session cookie. */
export async function signIn(base: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0];
}
