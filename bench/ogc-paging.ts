/**
 * Pages through a million seizures of the OGC API on PostGIS and prints a table: the first, a
 * middle and the last page of 1,000 read by keyset cursor (what `next` links carry) and by
 * OFFSET, plus the exact `numberMatched` count with and without a filter, and whole API
 * requests. Not a test: it asserts nothing.
 *
 *   BENCH_DATABASE_URL=postgres://... npm run bench:ogc
 *   BENCH_COUNT=200000 BENCH_DATABASE_URL=postgres://... npm run bench:ogc
 */
import postgres from 'postgres';
import { createApp } from '../src/lib/server/api/app';
import { loadConfig } from '../src/lib/server/config';
import { useSchema, type Client } from '../src/lib/server/db/client';
import { migrate } from '../src/lib/server/db/migrate';
import { encodeCursor } from '../src/lib/server/ogc/cursor';
import { LAYERS } from '../src/lib/server/repositories/layer-registry';
import { countItems, selectItems } from '../src/lib/server/repositories/ogc-items';
import { loadGeodata, seedSeizures } from '../src/lib/server/services/demo-data';
import { addUser } from '../src/lib/server/services/users';

const COUNT = Number(process.env.BENCH_COUNT ?? 1_000_000);
const LIMIT = 1000;
const url = process.env.BENCH_DATABASE_URL;
if (!url) {
  console.error('Set BENCH_DATABASE_URL to a PostgreSQL with PostGIS (this bench is for 1M rows).');
  process.exit(2);
}

async function median(fn: () => Promise<unknown>, runs = 5): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

async function main(sql: Client) {
  const schema = `bench_ogc_${Date.now().toString(36)}`;
  await useSchema(sql, schema);
  try {
    await migrate(sql);
    await loadGeodata(sql);
    const t0 = performance.now();
    await seedSeizures(sql, { count: COUNT });
    await sql`analyze seizures`;
    console.log(`seeded ${COUNT} seizures in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const layer = LAYERS.seizures;
    const base = { filter: {}, where: [], sort: [], limit: LIMIT, output: {} };
    const rows: string[][] = [];
    for (const [name, offset] of [
      ['first', 0],
      ['middle', Math.floor(COUNT / 2)],
      ['last', COUNT - LIMIT],
    ] as const) {
      // The id the previous page ended on: what that page's `next` cursor holds.
      const [prev] = await sql<{ id: number }[]>`
        select id from seizures order by id offset ${Math.max(offset - 1, 0)} limit 1`;
      const position =
        offset === 0 ? undefined : { values: [], id: String(prev.id), backward: false };
      const keyset = await median(() => selectItems(sql, layer, { ...base, offset: 0, position }));
      const byOffset = await median(() => selectItems(sql, layer, { ...base, offset }));
      rows.push([`${name} page (row ${offset + 1})`, keyset.toFixed(1), byOffset.toFixed(1)]);
    }
    const countAll = await median(() => countItems(sql, layer, { filter: {}, where: [] }));
    const countSome = await median(() =>
      countItems(sql, layer, {
        filter: { categories: ['drugs'], province: 'lang_son' },
        where: [],
      }),
    );

    const app = createApp({
      db: { sql, engine: 'postgres' },
      config: loadConfig({ DATA_DIR: '.data-bench', DATABASE_URL: url }),
      logError: () => {},
    });
    await addUser(sql, {
      username: 'bench.ogc',
      role: 'analyst',
      agency: 'customs',
      password: 'bench-password-1',
    });
    const login = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench.ogc', password: 'bench-password-1' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const get = async (path: string) => {
      const res = await app.request(`http://bench/api/ogc/collections/seizures/items${path}`, {
        headers: { cookie },
      });
      if (res.status !== 200) throw new Error(`${res.status} ${await res.text()}`);
      return res.arrayBuffer();
    };
    const [last] = await sql<{ id: number }[]>`
      select id from seizures order by id offset ${COUNT - LIMIT - 1} limit 1`;
    const cursor = encodeCursor({ sort: '', values: [], id: String(last.id), backward: false });
    const apiFirst = await median(() => get(`?limit=${LIMIT}`));
    const apiLast = await median(() => get(`?limit=${LIMIT}&cursor=${cursor}`));

    console.log(
      `\nOGC API paging, PostGIS, ${COUNT} seizures, pages of ${LIMIT} (median of 5, ms)\n`,
    );
    console.log('| page | keyset cursor | OFFSET |');
    console.log('|---|---|---|');
    for (const r of rows) console.log(`| ${r.join(' | ')} |`);
    console.log(`\n| count | ms |\n|---|---|`);
    console.log(`| numberMatched, no filter (${COUNT}) | ${countAll.toFixed(1)} |`);
    console.log(`| numberMatched, lang_son + drugs | ${countSome.toFixed(1)} |`);
    console.log(`| whole request, first page (count + page + audit) | ${apiFirst.toFixed(1)} |`);
    console.log(`| whole request, last page by cursor | ${apiLast.toFixed(1)} |`);
  } finally {
    await sql`drop schema if exists ${sql(schema)} cascade`;
  }
}

// One connection: the schema is chosen per session (search_path).
const sql = postgres(url, { max: 1, onnotice: () => {} });
main(sql)
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => sql.end());
