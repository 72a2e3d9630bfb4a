/**
 * What durable commits cost on the embedded engine: N route-sized writes (a 200-vertex patrol
 * route and its audit row, one transaction each) with fsync on and off. Not a test. To count
 * the fsync calls, run it under strace and compare with --writes 0 (start and stop alone):
 *
 *   npx tsx bench/durability.ts DATA_DIR [--writes 20]
 *   strace -f -c -e trace=fsync,fdatasync npx tsx bench/durability.ts DATA_DIR --fsync off
 */
import { parseArgs } from 'node:util';
import { embeddedClient, useSchema } from '../src/lib/server/db/client';
import { startEmbedded } from '../src/lib/server/db/embedded';
import { migrate } from '../src/lib/server/db/migrate';
import { appendAudit } from '../src/lib/server/repositories/audit';
import { insertRoute } from '../src/lib/server/repositories/patrol-routes';
import { insertUser } from '../src/lib/server/repositories/users';
import { loadGeodata } from '../src/lib/server/services/demo-data';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { writes: { type: 'string', default: '20' }, fsync: { type: 'string', default: 'on' } },
});
const writes = Number(values.writes);
const engine = await startEmbedded(positionals[0], () => {}, { fsync: values.fsync === 'on' });
const sql = embeddedClient(engine.socketPath);
await useSchema(sql, 'bench_durability');
await migrate(sql);
await loadGeodata(sql);
const user = await insertUser(sql, {
  username: 'bench.planner',
  passwordHash: 'not used',
  role: 'planner',
  agency: 'customs',
});
const geometry = {
  type: 'LineString',
  coordinates: Array.from({ length: 200 }, (_, i) => [105.0 + i * 0.0005, 10.6 + (i % 2) * 0.001]),
};
const started = performance.now();
for (let i = 0; i < writes; i++) {
  await sql.begin(async (tx) => {
    const route = await insertRoute(
      tx,
      {
        name: `bench ${i}`,
        province: 'an_giang',
        agency: 'joint',
        radius_m: 500,
        shifts_per_week: 7,
        geometry,
      },
      user.id,
    );
    await appendAudit(tx, {
      at: new Date(),
      action: 'route.create',
      outcome: 'ok',
      target: `patrol_routes/${route.id}`,
    });
  });
}
const perWrite = writes ? (performance.now() - started) / writes : 0;
console.log(`fsync ${values.fsync}: ${writes} writes, ${perWrite.toFixed(2)} ms per write`);
await sql`drop schema bench_durability cascade`;
await sql.end();
await engine.stop();
