import { describe, expect, it } from 'vitest';
import { otherAgency, receivingAgency } from '../../src/lib/server/services/report-handover';
import { createReportBody } from '../../src/lib/server/api/report-body';

describe('receivingAgency', () => {
  it('hands a report for both forces to the other one', () => {
    expect(receivingAgency('customs', 'both', [])).toBe('border_guard');
    expect(receivingAgency('border_guard', 'both', [])).toBe('customs');
  });
  it('hands a unit list over only when a unit belongs to the other force', () => {
    expect(receivingAgency('customs', 'units', ['customs'])).toBeNull();
    expect(receivingAgency('customs', 'units', ['customs', 'border_guard'])).toBe('border_guard');
  });
  it('never hands over an own-agency report', () => {
    expect(receivingAgency('border_guard', 'own_agency', ['customs'])).toBeNull();
  });
  it('names the other force', () => {
    expect(otherAgency('customs')).toBe('border_guard');
  });
});

describe('createReportBody', () => {
  const base = {
    title: '  Thuyền\u200B ',
    kind: 'boat',
    place: 'waterways:w1',
    reliability: 'B',
    credibility: 2,
    distribution: 'units',
    units: ['hq_tinh_bien', 'hq_tinh_bien', 'bp_ha_tien'],
    tlp: 'red',
    text: 'Dòng 1\r\nDòng 2',
    received_at: '2026-11-09T20:00',
  };
  it('normalises text, drops repeated units and reads zoneless times as Vietnamese', () => {
    const r = createReportBody.parse(base);
    expect(r).toMatchObject({
      title: 'Thuyền',
      units: ['hq_tinh_bien', 'bp_ha_tien'],
      text: 'Dòng 1\nDòng 2',
      geometry: null,
      category: null,
      observed_from: null,
    });
    expect(r.received_at?.toISOString()).toBe('2026-11-09T13:00:00.000Z');
  });
  const fields = (body: object) =>
    createReportBody
      .safeParse(body)
      .error!.issues.map((i) => i.path.join('.'))
      .sort();
  it('names the field of each problem', () => {
    expect(fields({ ...base, text: 'x'.repeat(4001), kind: 'ship' })).toEqual(['kind', 'text']);
    // The checks across fields run once every field is well-formed.
    expect(fields({ ...base, distribution: 'both' })).toEqual(['tlp', 'units']);
    expect(fields({ ...base, geometry: { type: 'Point' } })).toEqual(['place']);
  });
});
