import { describe, expect, it } from 'vitest';
import { publicOrigin, publicUrl } from '../../src/lib/server/ogc/base-url';

describe('publicOrigin', () => {
  it('calls a loopback host plain http, as scripts/serve.js serves it', () => {
    expect(publicOrigin('https://127.0.0.1:3000/api/ogc', undefined)).toBe('http://127.0.0.1:3000');
    expect(publicOrigin('https://localhost:3000/api/ogc', undefined)).toBe('http://localhost:3000');
    expect(publicOrigin('https://[::1]:3000/api/ogc', undefined)).toBe('http://[::1]:3000');
  });

  it('keeps https for a public name, and follows a proxy that says which', () => {
    expect(publicOrigin('https://brm.example.vn/api/ogc', undefined)).toBe(
      'https://brm.example.vn',
    );
    expect(publicOrigin('https://127.0.0.1:3000/x', 'https')).toBe('https://127.0.0.1:3000');
    expect(publicOrigin('https://brm.example.vn/x', 'http, https')).toBe('http://brm.example.vn');
    expect(publicOrigin('https://brm.example.vn/x', 'gopher')).toBe('https://brm.example.vn');
  });

  it('keeps the path and query of a URL', () => {
    expect(publicUrl('https://127.0.0.1:1/api/ogc/collections/a/items?limit=2', undefined)).toBe(
      'http://127.0.0.1:1/api/ogc/collections/a/items?limit=2',
    );
  });
});
