import { describe, expect, it } from 'vitest';
import {
  DEFAULT_INFO_VIEW,
  decodeInfoView,
  encodeInfoView,
  infoListQuery,
  lastPage,
  withChange,
} from '../../src/lib/info/info-url';
import { reportListUrl } from '../../src/lib/info/reports-api';
import { objectsUrl } from '../../src/lib/info-map/objects-api';

/** The /info lists past their first page: the page in the address, filters back to page 1. */
describe('info list pages', () => {
  it('asks for rows 101-150 on page 3', () => {
    const view = decodeInfoView(new URLSearchParams('page=3&status=all'));
    expect(view.page).toBe(3);
    expect(reportListUrl(infoListQuery(view))).toBe(
      '/api/reports?sort=received_at&dir=desc&limit=50&offset=100',
    );
    expect(objectsUrl({ limit: 50, offset: (view.page - 1) * 50 })).toBe(
      '/api/objects?limit=50&offset=100',
    );
  });

  it('keeps the page, the open object and its filters through a reload', () => {
    const view = {
      ...DEFAULT_INFO_VIEW,
      tab: 'objects' as const,
      page: 2,
      object: 17,
      okind: 'vehicle' as const,
      near: true,
    };
    const query = encodeInfoView(view, 'en');
    expect(query).toBe('tab=objects&page=2&object=17&okind=vehicle&near=1&lang=en');
    expect(decodeInfoView(new URLSearchParams(query))).toEqual(view);
  });

  it('drops malformed pages and caps absurd ones under the API offset limit', () => {
    for (const bad of ['0', '-2', '1.5', 'two', ''])
      expect(decodeInfoView(new URLSearchParams(`page=${bad}`)).page).toBe(1);
    expect(decodeInfoView(new URLSearchParams('page=99999999')).page).toBe(100_000);
    expect(decodeInfoView(new URLSearchParams('okind=tank&near=yes'))).toMatchObject({
      okind: '',
      near: false,
    });
    expect(encodeInfoView({ ...DEFAULT_INFO_VIEW, page: 1 }, 'vi')).toBe('');
  });

  it('goes back to page 1 when a filter changes, not when a report opens', () => {
    const on3 = { ...DEFAULT_INFO_VIEW, page: 3 };
    expect(withChange(on3, { kind: 'boat' }).page).toBe(1);
    expect(withChange(on3, { status: '' }).page).toBe(1);
    expect(withChange(on3, { q: 'ghe' }).page).toBe(1);
    expect(withChange(on3, { okind: 'warehouse' }).page).toBe(1);
    expect(withChange(on3, { near: true }).page).toBe(1);
    expect(withChange(on3, { report: 12 })).toEqual({ ...on3, report: 12 });
    // The same value chosen again is no change.
    expect(withChange(on3, { status: 'open' }).page).toBe(3);
    expect(withChange(on3, { page: 4 }).page).toBe(4);
    expect(on3.page).toBe(3);
  });

  it('counts the last page of 231 rows as 5, of none as 1', () => {
    expect(lastPage(231)).toBe(5);
    expect(lastPage(250)).toBe(5);
    expect(lastPage(251)).toBe(6);
    expect(lastPage(0)).toBe(1);
  });
});
