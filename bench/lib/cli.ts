import { spawnSync } from 'node:child_process';

/** Runs one of the project's CLIs (src/lib/server/cli/<name>.ts) with `env`, failing loudly. */
export function cli(name: string, args: string[], env: NodeJS.ProcessEnv, input?: string): void {
  const r = spawnSync('npx', ['tsx', `src/lib/server/cli/${name}.ts`, ...args], {
    env: { ...process.env, ...env },
    input,
    encoding: 'utf8',
  });
  if (r.status !== 0)
    throw new Error(`${name} ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
}
