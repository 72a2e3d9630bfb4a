import { describe, expect, it } from 'vitest';
import { requestWeight } from '../../src/lib/server/api/request-cost';
import { vietnamDateTime, vietnamDay } from '../../src/lib/server/io/vietnam-time';
import { auditCsvRow, exportFilename } from '../../src/lib/server/services/audit-export';
import { groupFilter } from '../../src/lib/server/services/audit-log';

const NOW = new Date('2024-03-07T03:00:00Z');

describe('Vietnam time', () => {
  it('shifts by seven hours across a day and a year boundary', () => {
    expect(vietnamDay(new Date('2024-03-05T16:59:59.999Z'))).toBe('2024-03-05');
    expect(vietnamDay(new Date('2024-03-05T17:00:00Z'))).toBe('2024-03-06');
    expect(vietnamDateTime(new Date('2023-12-31T17:00:00Z'))).toBe('01/01/2024 00:00:00');
    expect(vietnamDateTime(new Date('2024-02-29T05:06:07.999Z'))).toBe('29/02/2024 12:06:07');
  });
});

describe('exportFilename', () => {
  it('names the Vietnam days of instant bounds, the exclusive end as the day before', () => {
    const f = { from: new Date('2024-03-04T17:00:00Z'), to: new Date('2024-03-06T17:00:00Z') };
    expect(exportFilename(f, {}, NOW)).toBe('audit-log_2024-03-05_2024-03-06_2024-03-07.csv');
  });

  it('keeps bare days as written and names open bounds start and now', () => {
    const f = { from: new Date('2024-03-01T00:00:00Z'), to: new Date('2024-03-03T00:00:00Z') };
    expect(exportFilename(f, { from: '2024-03-01', to: '2024-03-02' }, NOW)).toBe(
      'audit-log_2024-03-01_2024-03-02_2024-03-07.csv',
    );
    expect(exportFilename({}, {}, new Date('2024-03-07T17:30:00Z'))).toBe(
      'audit-log_start_now_2024-03-08.csv',
    );
  });
});

describe('auditCsvRow', () => {
  it('writes the columns in order, details as JSON', () => {
    expect(
      auditCsvRow({
        id: 7,
        at: new Date('2024-03-04T18:13:00Z'),
        username: 'demo.commander',
        role: 'commander',
        agency: 'border_guard',
        action: 'layer.read',
        target: 'seizures',
        outcome: 'ok',
        details: { number_returned: 3 },
        request_id: 'r-1',
        client: '10.1.1.1',
      }),
    ).toEqual([
      7,
      '2024-03-04T18:13:00.000Z',
      '05/03/2024 01:13:00',
      'demo.commander',
      'commander',
      'border_guard',
      'layer.read',
      'seizures',
      'ok',
      '10.1.1.1',
      'r-1',
      '{"number_returned":3}',
    ]);
  });
});

describe('groupFilter', () => {
  const key = {
    hour: new Date('2024-03-04T18:00:00Z'),
    username: null,
    action: 'login',
    target: null,
    outcome: 'failed' as const,
  };

  it('is the group hour, narrowed by bounds that cut it', () => {
    expect(groupFilter(key, {})).toMatchObject({
      from: new Date('2024-03-04T18:00:00Z'),
      to: new Date('2024-03-04T19:00:00Z'),
      username: null,
      target: null,
    });
    const cut = groupFilter(key, {
      from: new Date('2024-03-04T18:30:00Z'),
      to: new Date('2024-03-04T18:45:00Z'),
    });
    expect([cut.from, cut.to]).toEqual([
      new Date('2024-03-04T18:30:00Z'),
      new Date('2024-03-04T18:45:00Z'),
    ]);
    const wide = groupFilter(key, {
      from: new Date('2024-03-01T00:00:00Z'),
      to: new Date('2024-03-09T00:00:00Z'),
    });
    expect([wide.from, wide.to]).toEqual([key.hour, new Date('2024-03-04T19:00:00Z')]);
  });
});

describe('the cost of audit requests', () => {
  const q = new URLSearchParams('limit=10');
  it('counts exports and groupings as heavy, pages of entries as light', () => {
    expect(requestWeight('GET', '/api/audit/export.csv', q, 1000)).toBe('heavy');
    expect(requestWeight('GET', '/api/audit/groups', q, 1000)).toBe('heavy');
    expect(requestWeight('GET', '/api/audit', q, 1000)).toBe('light');
    expect(requestWeight('GET', '/api/audit/groups/entries', q, 1000)).toBe('light');
    expect(requestWeight('POST', '/api/audit/export.csv', q, 1000)).toBe('light');
  });
});
