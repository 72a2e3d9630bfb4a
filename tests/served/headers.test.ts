import { describe, expect, inject, it } from 'vitest';
import { baseUrl, get } from './lib';

describe('headers through the served app', () => {
  it('API answers carry the API’s security headers, errors included', async () => {
    for (const path of ['/api/health', '/api/no-such-thing', '/api/la%E0%A4%Ayers']) {
      const res = await get(path);
      expect(res.headers.get('content-security-policy'), path).toMatch(/^default-src 'none'/);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('cache-control'), path).toBe('no-store');
      expect(res.headers.get('content-type'), path).toMatch(/^application\/json/);
    }
  });

  it('a page is served as HTML with the CSP from svelte.config.js and framing denied', async () => {
    for (const path of ['/', '/audit']) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toMatch(/^text\/html/);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("object-src 'none'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toMatch(/script-src 'self'[^;]*;/);
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(await res.text(), path).toMatch(/^<!doctype html>/i);
    }
  });

  it('static files are served', async () => {
    const res = await get('/_app/version.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toHaveProperty('version');
  });

  it('the start script prints the address the server really listens on', () => {
    const { port } = new URL(baseUrl());
    expect(inject('startOutput')).toContain(
      `[border-risk-map] Serving on http://127.0.0.1:${port}`,
    );
    expect(inject('startOutput')).toContain(`Listening on http://127.0.0.1:${port}`);
  });
});
