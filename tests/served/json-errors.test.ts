import { describe, expect, it } from 'vitest';
import { get, jsonError, plannerCookie } from './lib';

/** Under /api every answer is JSON, also the ones SvelteKit gives before the Hono app runs. */
describe('errors under /api through the served app', () => {
  it('an unknown API path is a 404 JSON (the catch-all route hands it to Hono)', async () => {
    const res = await get('/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(await jsonError(res)).toEqual({
      code: 'not_found',
      message: 'No API route GET /api/no-such-thing',
    });
    expect((await get('/api')).status).toBe(404);
  });

  it('a path with malformed percent-encoding is a 400 JSON, not SvelteKit’s HTML page', async () => {
    const res = await get('/api/la%E0%A4%Ayers');
    expect(res.status).toBe(400);
    expect(await jsonError(res)).toEqual({
      code: 'malformed_path',
      message: 'The URL path has malformed percent-encoding.',
    });
  });

  it('outside /api the same path keeps SvelteKit’s error page', async () => {
    const res = await get('/la%E0%A4%Ayers');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('malformed percent-encoding and repeats in the query are 400 JSON naming the parameter', async () => {
    const cookie = await plannerCookie();
    const bad = await get('/api/layers/seizures?from=%E0%A4%A', { headers: { cookie } });
    expect(bad.status).toBe(400);
    expect((await jsonError(bad)).message).toBe('from: malformed percent-encoding');
    const twice = await get('/api/layers/seizures?province=an_giang&province=lang_son', {
      headers: { cookie },
    });
    expect(twice.status).toBe(400);
    expect((await jsonError(twice)).message).toBe(
      'province: given more than once; send it once (lists are comma-separated)',
    );
  });

  it('a cross-site form post to the API is refused with JSON', async () => {
    const res = await get('/api/auth/login', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://evil.example',
      },
      body: 'username=a&password=b',
    });
    expect(res.status).toBe(403);
    expect((await jsonError(res)).code).toBe('cross_site');
  });
});
