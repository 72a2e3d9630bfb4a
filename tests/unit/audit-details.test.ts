import { describe, expect, it } from 'vitest';
import {
  denialsOf,
  detailsSummary,
  formatAuditSpan,
  formatAuditTime,
  formatDetails,
  pageSpan,
} from '../../src/lib/components/audit/details';

describe('formatAuditTime', () => {
  it('shows the instant to the second in Vietnam time', () => {
    expect(formatAuditTime('2024-03-05T20:04:09.512Z')).toBe('06/03/2024 03:04:09');
    expect(formatAuditTime('2024-03-05T08:00:00+07:00')).toBe('05/03/2024 08:00:00');
    expect(formatAuditTime('2023-12-31T16:59:59Z')).toBe('31/12/2023 23:59:59');
    expect(formatAuditTime('2023-12-31T17:00:00Z')).toBe('01/01/2024 00:00:00');
    expect(formatAuditTime(Date.UTC(2024, 6, 1, 1, 2, 3))).toBe('01/07/2024 08:02:03');
  });
  it('marks a missing time and leaves an unreadable one as it is', () => {
    expect(formatAuditTime(null)).toBe('–');
    expect(formatAuditTime('')).toBe('–');
    expect(formatAuditTime('yesterday')).toBe('yesterday');
  });
});

describe('formatDetails', () => {
  it('pretty-prints with a two-space indent', () => {
    expect(formatDetails({ reason: 'wrong_password' })).toBe('{\n  "reason": "wrong_password"\n}');
    expect(formatDetails({ filters: { p: 'an_giang' }, n: [1, 2] })).toBe(
      '{\n  "filters": {\n    "p": "an_giang"\n  },\n  "n": [\n    1,\n    2\n  ]\n}',
    );
  });
  it('reads JSON sent as text, and keeps other text', () => {
    expect(formatDetails('{"status":403}')).toBe('{\n  "status": 403\n}');
    expect(formatDetails('free text')).toBe('free text');
  });
  it('gives nothing for no details', () => {
    expect(formatDetails(null)).toBe('');
    expect(formatDetails(undefined)).toBe('');
  });
  it('does not change its input', () => {
    const details = Object.freeze({ a: Object.freeze({ b: 1 }) });
    formatDetails(details);
    expect(details).toEqual({ a: { b: 1 } });
  });
});

describe('detailsSummary', () => {
  it('lists the top-level pairs, abbreviating nested values', () => {
    expect(detailsSummary({ reason: 'wrong_password' })).toBe('reason: wrong_password');
    expect(detailsSummary({ status: 403, permission: 'view_audit' })).toBe(
      'status: 403, permission: view_audit',
    );
    expect(
      detailsSummary({ filters: { province: 'an_giang' }, number_returned: 120, ids: [4, 5, 6] }),
    ).toBe('filters: {…}, number_returned: 120, ids: [3]');
    expect(detailsSummary({ empty: {}, none: null })).toBe('empty: {}, none: null');
  });
  it('cuts a long line with an ellipsis at the limit', () => {
    expect(detailsSummary({ reason: 'abcdefghij' }, 12)).toBe('reason: abc…');
    expect(detailsSummary({ reason: 'abcdefghij' }, 18)).toBe('reason: abcdefghij');
  });
  it('gives nothing for no details', () => {
    expect(detailsSummary(null)).toBe('');
    expect(detailsSummary('{"code":"x"}')).toBe('code: x');
  });
});

describe('pageSpan', () => {
  it('numbers the entries on a page from 1', () => {
    expect(pageSpan(2345, 1, 100)).toEqual({ first: 1, last: 100, pages: 24 });
    expect(pageSpan(2345, 24, 100)).toEqual({ first: 2301, last: 2345, pages: 24 });
    expect(pageSpan(100, 1, 100)).toEqual({ first: 1, last: 100, pages: 1 });
  });
  it('has one empty page for no entries and nothing past the end', () => {
    expect(pageSpan(0, 1, 100)).toEqual({ first: 0, last: 0, pages: 1 });
    expect(pageSpan(150, 3, 100)).toEqual({ first: 0, last: 0, pages: 2 });
  });
});

describe('formatAuditSpan', () => {
  it('gives the Vietnam day and the first and last minute', () => {
    expect(formatAuditSpan('2024-03-04T18:13:00Z', '2024-03-04T18:58:59Z')).toBe(
      '05/03/2024 01:13–01:58',
    );
    expect(formatAuditSpan('2024-03-04T18:13:05Z', '2024-03-04T18:13:40Z')).toBe(
      '05/03/2024 01:13',
    );
    // The last hour of a Vietnam day: 23:00–23:59 on the 5th is 16:00–16:59 UTC.
    expect(formatAuditSpan('2024-03-05T16:00:00Z', '2024-03-05T16:59:59Z')).toBe(
      '05/03/2024 23:00–23:59',
    );
  });
});

describe('denialsOf', () => {
  it('reads the window count of an anonymous refusal, and nothing else', () => {
    expect(denialsOf({ status: 401, denials_in_window: 37 })).toBe(37);
    expect(denialsOf('{"denials_in_window": 5}')).toBe(5);
    expect(denialsOf({ status: 401 })).toBeNull();
    expect(denialsOf({ denials_in_window: '37' })).toBeNull();
    expect(denialsOf(null)).toBeNull();
  });
});

describe('detailsSummary one level down', () => {
  it('spells out nested objects to the depth asked, deeper ones abbreviated', () => {
    const details = { filters: { province: 'lang_son', bbox: { w: 1 } }, number_returned: 3 };
    expect(detailsSummary(details, 200, 1)).toBe(
      'filters: {province: lang_son, bbox: {…}}, number_returned: 3',
    );
    expect(detailsSummary(details)).toBe('filters: {…}, number_returned: 3');
  });
});
