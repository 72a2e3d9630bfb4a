import { describe, expect, it } from 'vitest';
import {
  ApiError,
  auditExportHref,
  auditGroupSearchParams,
  fetchAuditGroupEntries,
  fetchAuditGroups,
} from '../../src/lib/api';

const GROUP = {
  hour: '2024-03-04T18:00:00.000Z',
  username: null,
  action: 'GET /api/layers/:id',
  target: '/api/layers/seizures',
  outcome: 'denied' as const,
};

/** A fetch that answers `body` and remembers the URL it was asked for. */
function answering(body: unknown, status = 200) {
  const asked: string[] = [];
  const fetchFn = (async (url: string) => {
    asked.push(url);
    return new Response(JSON.stringify(body), { status });
  }) as unknown as typeof fetch;
  return { asked, fetchFn };
}

describe('auditExportHref', () => {
  it('carries the filters and never the paging', () => {
    expect(
      auditExportHref({
        from: '2024-03-05T00:00:00+07:00',
        target: 'patrol_routes/12',
        limit: 100,
        offset: 200,
      }),
    ).toBe(
      '/api/audit/export.csv?from=2024-03-05T00%3A00%3A00%2B07%3A00&target=patrol_routes%2F12',
    );
    expect(auditExportHref({})).toBe('/api/audit/export.csv');
  });
});

describe('auditGroupSearchParams', () => {
  it('leaves out a missing user and target, which the server reads as none', () => {
    expect(
      auditGroupSearchParams(GROUP, { to: '2024-03-06T00:00:00+07:00', limit: 50 }).toString(),
    ).toBe(
      'hour=2024-03-04T18%3A00%3A00.000Z&action=GET+%2Fapi%2Flayers%2F%3Aid' +
        '&target=%2Fapi%2Flayers%2Fseizures&outcome=denied&to=2024-03-06T00%3A00%3A00%2B07%3A00&limit=50',
    );
  });
  it('sends an empty user name as given, not as none', () => {
    expect(auditGroupSearchParams({ ...GROUP, username: '' }, {}).get('username')).toBe('');
  });
});

describe('fetchAuditGroups and fetchAuditGroupEntries', () => {
  it('ask the group routes and check the answer', async () => {
    const ok = answering({ total: 1, entries: 3, groups: [] });
    expect(await fetchAuditGroups({ target: 'seizures', limit: 50 }, {}, ok.fetchFn)).toEqual({
      total: 1,
      entries: 3,
      groups: [],
    });
    expect(ok.asked).toEqual(['/api/audit/groups?target=seizures&limit=50']);
    const bad = answering({ total: 1, groups: [] });
    await expect(fetchAuditGroups({}, {}, bad.fetchFn)).rejects.toMatchObject({
      code: 'bad_response',
    });
    const entries = answering({ total: 0, entries: [] });
    await fetchAuditGroupEntries(GROUP, { limit: 50 }, {}, entries.fetchFn);
    expect(entries.asked[0]).toMatch(/^\/api\/audit\/groups\/entries\?hour=/);
  });
  it('surface a refusal to group too many entries with its code', async () => {
    const refused = answering(
      {
        error: {
          code: 'too_many_rows',
          message: 'More than 200000',
          details: { max_rows: 200000 },
        },
      },
      400,
    );
    const error = await fetchAuditGroups({}, {}, refused.fetchFn).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect([error.status, error.code]).toEqual([400, 'too_many_rows']);
  });
});
