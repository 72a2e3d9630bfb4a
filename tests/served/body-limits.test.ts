import { describe, expect, inject, it } from 'vitest';
import { get, jsonError, plannerCookie } from './lib';

/**
 * Bodies through adapter-node and the Hono app together. adapter-node refuses bodies over its
 * BODY_SIZE_LIMIT (512K unless set) while Hono reads them; scripts/serve.js sets it to
 * MAX_BODY_BYTES (2 MiB in this run), and the API answers 413 JSON from either limit.
 */
const max = () => inject('maxBodyBytes');

/** A 10,000-vertex zigzag near Tri Ton (An Giang), pretty-printed as an editor would save it. */
function longRoute(): string {
  const coordinates = Array.from({ length: 10_000 }, (_, i) => [
    104.95 + i * 0.0000123456789,
    10.42 + (i % 2) * 0.000987654321,
  ]);
  const route = {
    name: 'Tuyến tuần tra dài',
    province: 'an_giang',
    agency: 'customs',
    geometry: { type: 'LineString', coordinates },
  };
  return JSON.stringify(route, null, 6);
}

/** `total` bytes sent chunked (no Content-Length), a JSON object padded with spaces. */
function chunked(total: number): ReadableStream<Uint8Array> {
  const head = new TextEncoder().encode('{"username": "nobody", "password": "wrong password"');
  const chunk = 64 * 1024;
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent === 0) {
        controller.enqueue(head);
        sent = head.length;
      } else if (sent < total - 1) {
        const n = Math.min(chunk, total - 1 - sent);
        controller.enqueue(new Uint8Array(n).fill(0x20));
        sent += n;
      } else {
        controller.enqueue(new TextEncoder().encode('}'));
        controller.close();
      }
    },
  });
}

const postChunked = (total: number) =>
  get('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: chunked(total),
    duplex: 'half',
  } as RequestInit);

describe('request bodies through the served app', () => {
  it('a valid 1 MB body reaches the API: a planner creates a 10,000-vertex route', async () => {
    // The proof is end to end: the planner exists (made before the server started), so the
    // body passes both limits, is parsed whole, checked and stored by PostGIS, and comes back.
    const body = longRoute();
    expect(body.length).toBeGreaterThan(1_000_000);
    expect(body.length).toBeLessThan(max());
    const res = await get('/api/patrol-routes', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: await plannerCookie() },
      body,
    });
    const text = await res.text();
    expect(res.status, text.slice(0, 300)).toBe(201);
    const feature = JSON.parse(text);
    expect(feature.geometry.coordinates).toHaveLength(10_000);
    // PostGIS writes 7 decimals (about 1 cm), so compare at 1e-6 degrees.
    expect(feature.geometry.coordinates[9_999][0]).toBeCloseTo(104.95 + 9_999 * 0.0000123456789, 6);
  });

  it('a body one byte over MAX_BODY_BYTES with a Content-Length gets 413 JSON', async () => {
    const res = await get('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: ' '.repeat(max() + 1),
    });
    expect(res.status).toBe(413);
    expect(await jsonError(res)).toEqual({
      code: 'payload_too_large',
      message: `Request body exceeds ${max()} bytes`,
      details: { limit_bytes: max() },
    });
  });

  it('a chunked body (no Content-Length) one byte over gets 413 JSON, not 500', async () => {
    const res = await postChunked(max() + 1);
    expect(res.status).toBe(413);
    expect(await jsonError(res)).toMatchObject({
      code: 'payload_too_large',
      message: `Request body exceeds ${max()} bytes`,
    });
  });

  it('a chunked body of exactly MAX_BODY_BYTES is read whole (both limits agree)', async () => {
    const res = await postChunked(max());
    expect(res.status).toBe(401);
    expect((await jsonError(res)).code).toBe('login_failed');
  });
});
