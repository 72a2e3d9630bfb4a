import { describe, expect, it } from 'vitest';
import {
  asJsonError,
  isApiPath,
  malformedPath,
  pathDecodes,
} from '../../src/lib/server/api/framework-errors';

describe('isApiPath and pathDecodes', () => {
  it('tells API paths from pages', () => {
    expect(isApiPath('/api')).toBe(true);
    expect(isApiPath('/api/layers')).toBe(true);
    expect(isApiPath('/apiary')).toBe(false);
    expect(isApiPath('/audit')).toBe(false);
  });
  it('finds paths SvelteKit cannot decode', () => {
    expect(pathDecodes('/api/la%E0%A4%Ayers')).toBe(false);
    expect(pathDecodes('/api/%')).toBe(false);
    expect(pathDecodes('/api/layers/%73eizures')).toBe(true);
    expect(pathDecodes('/api/t%E1%BB%89nh')).toBe(true);
  });
});

describe('asJsonError', () => {
  it('answers a malformed path with JSON and the API headers', async () => {
    const res = malformedPath();
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: { code: 'malformed_path', message: 'The URL path has malformed percent-encoding.' },
    });
    expect(res.headers.get('content-type')).toBe('application/json; charset=UTF-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
  });
  it('turns an HTML error page into JSON, revealing nothing of a 500', async () => {
    const html = (status: number) =>
      new Response('<!doctype html><p>Error: connect ECONNREFUSED 127.0.0.1:5432</p>', {
        status,
        headers: { 'content-type': 'text/html' },
      });
    const res = asJsonError(html(500));
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({
      error: { code: 'internal', message: 'Internal server error' },
    });
    expect(await asJsonError(html(403)).json()).toEqual({
      error: { code: 'forbidden', message: 'Forbidden.' },
    });
    expect(await asJsonError(html(418)).json()).toEqual({
      error: { code: 'http_error', message: 'Request failed.' },
    });
  });
  it('passes JSON errors and successes through untouched', () => {
    const json = new Response('{"error":{}}', {
      status: 404,
      headers: { 'content-type': 'application/json' },
    });
    const geo = new Response('{}', {
      status: 400,
      headers: { 'content-type': 'application/geo+json; charset=utf-8' },
    });
    const ok = new Response('<p>fine</p>', {
      status: 200,
      headers: { 'content-type': 'text/html' },
    });
    expect(asJsonError(json)).toBe(json);
    expect(asJsonError(geo)).toBe(geo);
    expect(asJsonError(ok)).toBe(ok);
  });
});
