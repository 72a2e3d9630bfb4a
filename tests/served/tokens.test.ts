import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import { baseUrl, get, jsonError } from './lib';

const run = promisify(execFile);

/** Signs in as the analyst the setup created and makes a token for QGIS. */
async function analystToken(): Promise<{ username: string; token: string }> {
  const analyst = inject('analyst');
  const login = await get('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(analyst),
  });
  expect(login.status).toBe(200);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const res = await get('/api/tokens', {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ name: 'served', expires_in_days: 1 }),
  });
  expect(res.status).toBe(201);
  return { username: analyst.username, token: (await res.json()).token };
}

const basic = (user: string, secret: string) =>
  `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;

describe('API tokens through the served app', () => {
  it('HTTP Basic with the token as password reads layers, as QGIS and GDAL send it', async () => {
    const { username, token } = await analystToken();
    const authorization = basic(username, token);
    const list = await get('/api/layers', { headers: { authorization } });
    expect(list.status).toBe(200);
    const seizures = (await list.json()).layers.find((l: { id: string }) => l.id === 'seizures');
    expect(seizures.count).toBe(inject('seizures'));

    const page = await get('/api/layers/seizures?limit=3', { headers: { authorization } });
    expect(page.status).toBe(200);
    const fc = await page.json();
    expect(fc.numberMatched).toBe(inject('seizures'));
    expect(fc.features).toHaveLength(3);
  });

  it('a wrong token is a JSON 401 with the Basic challenge', async () => {
    const { username } = await analystToken();
    const res = await get('/api/layers', {
      headers: { authorization: basic(username, 'A'.repeat(43)) },
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Basic realm="Border Risk Map"');
    expect((await jsonError(res)).code).toBe('token_invalid');
  });

  // GDAL (Debian's gdal-bin) as the client: its GDAL_HTTP_AUTH=BASIC credentials get through
  // SvelteKit and the API as QGIS's do, and without them the same read is refused.
  it('GDAL reads a layer with GDAL_HTTP_AUTH=BASIC and the token as password', async () => {
    const { username, token } = await analystToken();
    const url = `GeoJSON:${baseUrl()}/api/layers/seizures?limit=7`;
    const env = { ...process.env, GDAL_HTTP_AUTH: 'BASIC', CPL_DEBUG: 'OFF' };
    const ok = await run('ogrinfo', ['-ro', '-so', '-al', url], {
      env: { ...env, GDAL_HTTP_USERPWD: `${username}:${token}` },
    });
    expect(ok.stdout).toMatch(/Feature Count: 7\b/);
    const refused = run('ogrinfo', ['-ro', '-so', '-al', url], {
      env: { ...env, GDAL_HTTP_USERPWD: `${username}:${'B'.repeat(43)}` },
    });
    await expect(refused).rejects.toThrow(/401/);
  });
});
