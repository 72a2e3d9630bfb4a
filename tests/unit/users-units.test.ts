import { describe, expect, it } from 'vitest';
import { changeUser, fetchUserDirectory, type UnitChoice } from '../../src/lib/api';
import { unitLabel, unitName, unitsOf } from '../../src/lib/components/users/units';

const UNITS: UnitChoice[] = [
  {
    id: 'bp_tan_thanh',
    agency: 'border_guard',
    province: 'lang_son',
    name_vi: 'Đồn Biên phòng Tân Thanh',
    name_en: 'Tan Thanh Border Guard Station',
  },
  {
    id: 'hq_tinh_bien',
    agency: 'customs',
    province: 'an_giang',
    name_vi: 'Hải quan cửa khẩu quốc tế Tịnh Biên',
    name_en: 'Tinh Bien International Gate Customs',
  },
];

const answering = (body: unknown) => {
  const calls: { url: string; method: string; body: string | null }[] = [];
  const fetchFn: typeof fetch = async (url, init) => {
    calls.push({
      url: String(url),
      method: init?.method ?? 'GET',
      body: (init?.body as string) ?? null,
    });
    return new Response(JSON.stringify(body), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { calls, fetchFn };
};

describe('the units page helpers', () => {
  it('offers only the units of the chosen agency, named in the page language', () => {
    expect(unitsOf(UNITS, 'customs').map((u) => u.id)).toEqual(['hq_tinh_bien']);
    expect(unitsOf(UNITS, 'border_guard').map((u) => u.id)).toEqual(['bp_tan_thanh']);
    expect(unitName(UNITS[0], 'vi')).toBe('Đồn Biên phòng Tân Thanh');
    expect(unitName(UNITS[0], 'en')).toBe('Tan Thanh Border Guard Station');
    expect(unitLabel(UNITS, 'hq_tinh_bien', 'en')).toBe('Tinh Bien International Gate Customs');
    expect(unitLabel(UNITS, 'hq_gone', 'vi')).toBe('hq_gone');
  });

  it('reads the accounts with their units, and sends a unit change (null removes it)', async () => {
    const list = answering({ users: [], units: UNITS });
    expect(await fetchUserDirectory({}, list.fetchFn)).toEqual({ users: [], units: UNITS });
    // An older server without units: the page still lists the accounts.
    expect(await fetchUserDirectory({}, answering({ users: [] }).fetchFn)).toEqual({
      users: [],
      units: [],
    });
    const change = answering({ user: { username: 'a.b' } });
    await changeUser('a.b', { unit: null }, change.fetchFn);
    await changeUser('a.b', { agency: 'customs', unit: 'hq_tinh_bien' }, change.fetchFn);
    expect(change.calls.map((c) => `${c.method} ${c.url} ${c.body}`)).toEqual([
      'PATCH /api/users/a.b {"unit":null}',
      'PATCH /api/users/a.b {"agency":"customs","unit":"hq_tinh_bien"}',
    ]);
  });
});
