import { describe, expect, it } from 'vitest';
import {
  GROUP_PAGE_SIZE,
  NO_FILTERS,
  PAGE_SIZE,
  activeFilterCount,
  auditApiQuery,
  auditFilterQuery,
  groupDayFilters,
  recentDays,
  auditUrlQuery,
  decodeAuditFilters,
  encodeAuditFilters,
  filtersActive,
  invalidRange,
  type AuditFilters,
} from '../../src/lib/components/audit/filters';
import { auditSearchParams } from '../../src/lib/api';

const FULL: AuditFilters = {
  view: 'entries',
  from: '2024-03-01',
  to: '2024-03-31',
  username: 'demo.admin',
  action: 'GET /api/audit',
  target: 'patrol_routes/12',
  outcome: 'denied',
  page: 3,
};

describe('encodeAuditFilters', () => {
  it('writes nothing for no filters in Vietnamese', () => {
    expect(encodeAuditFilters(NO_FILTERS).toString()).toBe('');
    expect(auditUrlQuery(NO_FILTERS, 'vi')).toBe('');
  });
  it('writes every field in a fixed order, slashes readable', () => {
    expect(auditUrlQuery(FULL, 'en')).toBe(
      'from=2024-03-01&to=2024-03-31&username=demo.admin&action=GET+/api/audit' +
        '&target=patrol_routes/12&outcome=denied&page=3&lang=en',
    );
  });
  it('leaves the first page out', () => {
    expect(auditUrlQuery({ ...NO_FILTERS, outcome: 'failed', page: 1 })).toBe('outcome=failed');
  });
  it('names the grouped view first and leaves the list view out', () => {
    expect(auditUrlQuery({ ...FULL, view: 'groups', page: 2 })).toBe(
      'view=groups&from=2024-03-01&to=2024-03-31&username=demo.admin&action=GET+/api/audit' +
        '&target=patrol_routes/12&outcome=denied&page=2',
    );
  });
});

describe('decodeAuditFilters', () => {
  it('reads back what it wrote', () => {
    expect(decodeAuditFilters(encodeAuditFilters(FULL, 'en'))).toEqual(FULL);
    expect(decodeAuditFilters(new URLSearchParams(auditUrlQuery(FULL)))).toEqual(FULL);
  });
  it('reads the grouped view back with its own deepest page', () => {
    const groups = { ...FULL, view: 'groups' as const, page: 4001 };
    expect(decodeAuditFilters(encodeAuditFilters(groups))).toEqual(groups);
    // 200,000 grouped entries make at most 200,000 groups: 4,001 pages of 50.
    expect(decodeAuditFilters(new URLSearchParams('view=groups&page=4002')).page).toBe(1);
    expect(decodeAuditFilters(new URLSearchParams('view=chart')).view).toBe('entries');
  });
  it('keeps a target up to 200 characters, as the API does', () => {
    const long = 'x'.repeat(200);
    expect(decodeAuditFilters(new URLSearchParams({ target: long })).target).toBe(long);
    expect(decodeAuditFilters(new URLSearchParams({ target: `${long}x` })).target).toBe('');
  });
  it('gives no filters for an empty query', () => {
    expect(decodeAuditFilters(new URLSearchParams())).toEqual(NO_FILTERS);
  });
  it('ignores malformed values field by field', () => {
    const params = new URLSearchParams(
      'from=2024-02-30&to=31/03/2024&outcome=maybe&page=0&username=%20ops.1%20&action=' +
        'x'.repeat(101),
    );
    expect(decodeAuditFilters(params)).toEqual({ ...NO_FILTERS, username: 'ops.1' });
    expect(decodeAuditFilters(new URLSearchParams('page=-2')).page).toBe(1);
    expect(decodeAuditFilters(new URLSearchParams('page=2.5')).page).toBe(1);
    expect(decodeAuditFilters(new URLSearchParams('page=99999999')).page).toBe(1);
    expect(decodeAuditFilters(new URLSearchParams('page=12')).page).toBe(12);
    // The API serves offsets up to 100,000: page 1,001 of 100 entries is the last.
    expect(decodeAuditFilters(new URLSearchParams('page=1001')).page).toBe(1001);
    expect(decodeAuditFilters(new URLSearchParams('page=1002')).page).toBe(1);
  });
  it('drops an end day before the start day', () => {
    const f = decodeAuditFilters(new URLSearchParams('from=2024-05-02&to=2024-05-01'));
    expect(f).toEqual({ ...NO_FILTERS, from: '2024-05-02' });
  });
  it('accepts the same day as start and end', () => {
    const f = decodeAuditFilters(new URLSearchParams('from=2024-05-02&to=2024-05-02'));
    expect([f.from, f.to]).toEqual(['2024-05-02', '2024-05-02']);
  });
});

describe('auditApiQuery', () => {
  it('asks for the first 100 entries without filters', () => {
    expect(auditApiQuery(NO_FILTERS)).toEqual({ limit: 100, offset: 0 });
    expect(PAGE_SIZE).toBe(100);
  });
  it('turns Vietnam days into instants at midnight UTC+7, the end exclusive', () => {
    expect(auditApiQuery({ ...NO_FILTERS, from: '2024-03-05', to: '2024-03-05' })).toEqual({
      from: '2024-03-05T00:00:00+07:00',
      to: '2024-03-06T00:00:00+07:00',
      limit: 100,
      offset: 0,
    });
  });
  it('rolls the end over a month, a leap day and a year', () => {
    expect(auditApiQuery({ ...NO_FILTERS, to: '2024-02-29' }).to).toBe('2024-03-01T00:00:00+07:00');
    expect(auditApiQuery({ ...NO_FILTERS, to: '2023-02-28' }).to).toBe('2023-03-01T00:00:00+07:00');
    expect(auditApiQuery({ ...NO_FILTERS, to: '2024-12-31' }).to).toBe('2025-01-01T00:00:00+07:00');
  });
  it('pages by 100 and passes the other filters through', () => {
    expect(auditApiQuery(FULL)).toEqual({
      from: '2024-03-01T00:00:00+07:00',
      to: '2024-04-01T00:00:00+07:00',
      username: 'demo.admin',
      action: 'GET /api/audit',
      target: 'patrol_routes/12',
      outcome: 'denied',
      limit: 100,
      offset: 200,
    });
  });
  it('pages groups by 50', () => {
    expect(GROUP_PAGE_SIZE).toBe(50);
    expect(auditApiQuery({ ...NO_FILTERS, view: 'groups', page: 3 })).toEqual({
      limit: 50,
      offset: 100,
    });
  });
  it('gives the export the filters without paging', () => {
    expect(auditFilterQuery({ ...FULL, view: 'groups' })).toEqual({
      from: '2024-03-01T00:00:00+07:00',
      to: '2024-04-01T00:00:00+07:00',
      username: 'demo.admin',
      action: 'GET /api/audit',
      target: 'patrol_routes/12',
      outcome: 'denied',
    });
  });
  it('encodes to a query string the API reads', () => {
    expect(auditSearchParams(auditApiQuery({ ...FULL, to: '' })).toString()).toBe(
      'from=2024-03-01T00%3A00%3A00%2B07%3A00&username=demo.admin&action=GET+%2Fapi%2Faudit' +
        '&target=patrol_routes%2F12&outcome=denied&limit=100&offset=200',
    );
  });
});

describe('invalidRange and filtersActive', () => {
  it('flags a start after the end only when both are set', () => {
    expect(invalidRange({ from: '2024-01-02', to: '2024-01-01' })).toBe(true);
    expect(invalidRange({ from: '2024-01-01', to: '2024-01-01' })).toBe(false);
    expect(invalidRange({ from: '2024-01-02', to: '' })).toBe(false);
  });
  it('ignores the page', () => {
    expect(filtersActive({ ...NO_FILTERS, page: 4 })).toBe(false);
    expect(filtersActive({ ...NO_FILTERS, outcome: 'ok' })).toBe(true);
    expect(filtersActive({ ...NO_FILTERS, username: 'a' })).toBe(true);
  });
});

describe('activeFilterCount', () => {
  it('counts the date range once and ignores the view and page', () => {
    expect(activeFilterCount({ ...FULL, view: 'groups' })).toBe(5);
    expect(activeFilterCount({ ...NO_FILTERS, to: '2024-01-01', view: 'groups', page: 3 })).toBe(1);
    expect(activeFilterCount(NO_FILTERS)).toBe(0);
  });
});

describe('groupDayFilters', () => {
  const group = {
    hour: '2024-03-04T18:00:00.000Z',
    username: 'demo.commander',
    action: 'layer.read',
    target: 'seizures',
    outcome: 'ok' as const,
  };
  it("opens the list on the group's Vietnam day with its values", () => {
    // 18:00 UTC on the 4th is 01:00 on the 5th in Vietnam.
    expect(groupDayFilters({ ...FULL, view: 'groups', page: 7 }, group)).toEqual({
      view: 'entries',
      from: '2024-03-05',
      to: '2024-03-05',
      username: 'demo.commander',
      action: 'layer.read',
      target: 'seizures',
      outcome: 'ok',
      page: 1,
    });
    expect(groupDayFilters(NO_FILTERS, { ...group, target: null })?.target).toBe('');
  });
  it('has no list view for a group without a user', () => {
    expect(groupDayFilters(NO_FILTERS, { ...group, username: null })).toBeNull();
  });
});

describe('recentDays', () => {
  it('ends on the Vietnam day of now and spans n days, across a month', () => {
    // 18:00 UTC on 4 March is already 5 March in Vietnam.
    expect(recentDays(7, new Date('2024-03-04T18:00:00Z'))).toEqual({
      from: '2024-02-28',
      to: '2024-03-05',
    });
    expect(recentDays(1, new Date('2024-03-04T10:00:00Z'))).toEqual({
      from: '2024-03-04',
      to: '2024-03-04',
    });
  });
});
