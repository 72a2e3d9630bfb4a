import { describe, expect, it } from 'vitest';
import { ApiError, fetchLayer, fetchMe, fetchStats, layerSearchParams } from '../../src/lib/api';

function fakeFetch(status: number, body: unknown, contentType = 'application/json'): typeof fetch {
  return async () =>
    new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      status,
      headers: { 'content-type': contentType },
    });
}

describe('layerSearchParams', () => {
  it('writes only the filters given, bbox to 6 decimals', () => {
    const params = layerSearchParams({
      province: 'an_giang',
      bbox: [104.1234567, 10, 105, 11],
      from: '2024-01-01',
      category: ['drugs', 'fuel'],
      agency: [],
      limit: 10000,
    });
    expect(params.toString()).toBe(
      'province=an_giang&bbox=104.123457%2C10%2C105%2C11&from=2024-01-01&category=drugs%2Cfuel&limit=10000',
    );
    expect(layerSearchParams({}).toString()).toBe('');
  });
});

describe('fetchLayer', () => {
  it('returns the collection with its counts', async () => {
    let asked = '';
    const fc = { type: 'FeatureCollection', numberMatched: 12, numberReturned: 1, features: [] };
    const fetchFn: typeof fetch = async (url) => {
      asked = String(url);
      return new Response(JSON.stringify(fc), { status: 200 });
    };
    const result = await fetchLayer('seizures', { province: 'lang_son', limit: 1 }, {}, fetchFn);
    expect(asked).toBe('/api/layers/seizures?province=lang_son&limit=1');
    expect(result.numberMatched).toBe(12);
    expect(result.numberReturned).toBe(1);
  });
  it('turns an error body into an ApiError with the server code', async () => {
    const error = await fetchLayer(
      'seizures',
      {},
      {},
      fakeFetch(400, {
        error: { code: 'bad_parameter', message: 'from: not a real calendar date' },
      }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'bad_parameter',
      message: 'from: not a real calendar date',
    });
  });
  it('reports a non-JSON gateway error and a dead network', async () => {
    const gateway = await fetchLayer(
      'frontier',
      {},
      {},
      fakeFetch(502, '<html>', 'text/html'),
    ).catch((e: unknown) => e);
    expect(gateway).toMatchObject({ status: 502, code: 'internal' });
    const offline = await fetchLayer('frontier', {}, {}, async () => {
      throw new TypeError('Failed to fetch');
    }).catch((e: unknown) => e);
    expect(offline).toMatchObject({ status: 0, code: 'network' });
  });
  it('rejects an answer that is not a FeatureCollection', async () => {
    const error = await fetchLayer('frontier', {}, {}, fakeFetch(200, { hello: 1 })).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'bad_response' });
  });
});

describe('fetchStats', () => {
  it('asks with the filters only and returns the figures', async () => {
    let asked = '';
    const body = {
      cases: 2,
      value_vnd: 3,
      subjects: 0,
      synthetic: 0,
      period: null,
      by_category: [],
      by_agency: [],
      by_province: [],
      by_month: [],
    };
    const fetchFn: typeof fetch = async (url) => {
      asked = String(url);
      return new Response(JSON.stringify(body), { status: 200 });
    };
    const stats = await fetchStats(
      { province: 'an_giang', category: [], to: '2024-01-31' },
      {},
      fetchFn,
    );
    expect(asked).toBe('/api/stats?province=an_giang&to=2024-01-31');
    expect(stats).toEqual(body);
    await fetchStats({}, {}, fetchFn);
    expect(asked).toBe('/api/stats');
  });
  it('rejects an answer without the groups', async () => {
    const error = await fetchStats({}, {}, fakeFetch(200, { cases: 1 })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'bad_response' });
  });
});

describe('fetchMe', () => {
  it('is null when signed out and the user otherwise', async () => {
    const out = await fetchMe(
      {},
      fakeFetch(401, { error: { code: 'unauthenticated', message: 'x' } }),
    );
    expect(out).toBeNull();
    const user = {
      id: 1,
      username: 'u',
      role: 'commander',
      agency: 'customs',
      permissions: ['view'],
    };
    expect(await fetchMe({}, fakeFetch(200, { user }))).toEqual(user);
  });
});
