import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPasswords, signInTo, startApp, type AppProcess } from '../lib/app-process';

/**
 * kill -9 while patrol routes are being written: after a restart every write the server
 * acknowledged (201) is there, each with its audit row. Needs the build.
 */
let dataDir: string;
let app: AppProcess;
let passwords: Record<string, string>;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'brm-writes-'));
  app = await startApp({ DATA_DIR: dataDir, DEMO_DATA: 'true' });
  await app.ready();
  passwords = demoPasswords(app.output());
});
afterAll(async () => {
  await app.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const route = (i: number) => ({
  name: `Crash ${i}`,
  province: 'lang_son',
  agency: 'border_guard',
  geometry: {
    type: 'LineString',
    coordinates: [
      [106.75, 21.9 + i * 1e-4],
      [106.8, 21.95],
    ],
  },
});

describe('writes under kill -9', () => {
  it.each([1, 2, 3])('keeps every acknowledged route and its audit row (round %i)', async () => {
    const planner = await signInTo(app.baseUrl, 'demo.planner', passwords['demo.planner']);
    const acknowledged: number[] = [];
    let stop = false;
    // Four writers at once; the kill lands while some are in flight.
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        try {
          const res = await fetch(`${app.baseUrl}/api/patrol-routes`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie: planner },
            body: JSON.stringify(route(w * 1000 + i)),
          });
          if (res.status === 201) acknowledged.push(((await res.json()) as { id: number }).id);
        } catch {
          return; // the server is gone
        }
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    while (acknowledged.length < 25) await new Promise((r) => setTimeout(r, 20));
    await app.crash();
    stop = true;
    await Promise.all(writers);

    app = await startApp({ DATA_DIR: dataDir, DEMO_DATA: 'true' });
    await app.ready();
    const admin = await signInTo(app.baseUrl, 'demo.admin', passwords['demo.admin']);
    const stored = new Set<number>();
    for (let url = '/api/patrol-routes?limit=1000'; url;) {
      const page = (await (
        await fetch(app.baseUrl + url, { headers: { cookie: admin } })
      ).json()) as {
        features: { id: number; properties: { plan_id: number | null } }[];
        links: { rel: string; href: string }[];
      };
      // The demo plans' routes are seeded, not written through the API: only ours count.
      for (const f of page.features) if (f.properties.plan_id === null) stored.add(f.id);
      url = page.links.find((l) => l.rel === 'next')?.href ?? '';
    }
    const audited = new Set<number>();
    const log = (await (
      await fetch(`${app.baseUrl}/api/audit?action=patrol_route.create&outcome=ok&limit=1000`, {
        headers: { cookie: admin },
      })
    ).json()) as { entries: { details: { id: number } }[] };
    for (const e of log.entries) audited.add(e.details.id);
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    expect(acknowledged.filter((id) => !audited.has(id))).toEqual([]);
    // And no route without its audit row, acknowledged or not.
    expect([...stored].filter((id) => !audited.has(id))).toEqual([]);
  });
});
