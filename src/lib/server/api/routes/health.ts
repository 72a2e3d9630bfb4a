import { Hono } from 'hono';
import type { AppEnv, RouteDeps } from '../types';

export function healthRoutes({ db }: RouteDeps) {
  return new Hono<AppEnv>().get('/health', async function health(c) {
    const [row] = await db.sql<{ v: string }[]>`select postgis_lib_version() as v`;
    return c.json({ status: 'ok', engine: db.engine, postgis: row.v });
  });
}
