import { describe, expect, it } from 'vitest';
import {
  nowVietnamLocal,
  objectProblem,
  sightingBody,
  vietnamLocalToIso,
} from '../../src/lib/info-map/object-form';
import { baselineShare, exchangeUrl } from '../../src/lib/info-map/exchange-api';
import { monthRows, percent, shareWidth } from '../../src/lib/info-map/exchange-view';
import { objectsUrl } from '../../src/lib/info-map/objects-api';
import { flagMarkers, nearestPerReport, routeName } from '../../src/lib/plan/report-flags';

describe('sighting form', () => {
  it('reads the time as Vietnam time (UTC+7)', () => {
    expect(vietnamLocalToIso('2026-11-30T08:15')).toBe('2026-11-30T01:15:00.000Z');
    expect(vietnamLocalToIso('2026-12-01T03:00')).toBe('2026-11-30T20:00:00.000Z');
    expect(vietnamLocalToIso('30/11/2026 08:15')).toBeUndefined();
    expect(nowVietnamLocal(new Date('2026-11-30T20:00:00Z'))).toBe('2026-12-01T03:00');
  });
  const base = { at: '2026-11-30T08:15', lon: '105,1234', lat: '10.61', note: '', refId: '' };
  it('builds each kind of body', () => {
    expect(sightingBody({ ...base, mode: 'seen' })).toEqual({
      seen_at: '2026-11-30T01:15:00.000Z',
      lon: 105.1234,
      lat: 10.61,
    });
    expect(sightingBody({ ...base, mode: 'seen', note: ' ghe xanh ' })).toMatchObject({
      note: 'ghe xanh',
    });
    expect(sightingBody({ ...base, mode: 'report', refId: '12' })).toEqual({ report_id: 12 });
    expect(sightingBody({ ...base, mode: 'seizure', refId: '5' })).toEqual({ seizure_id: 5 });
  });
  it('refuses incomplete input', () => {
    expect(sightingBody({ ...base, mode: 'seen', lon: '' })).toBeNull();
    expect(sightingBody({ ...base, mode: 'seen', lat: '91' })).toBeNull();
    expect(sightingBody({ ...base, mode: 'seen', at: '' })).toBeNull();
    expect(sightingBody({ ...base, mode: 'report', refId: '1.5' })).toBeNull();
    expect(sightingBody({ ...base, mode: 'seizure', refId: '0' })).toBeNull();
  });
});

describe('new object form', () => {
  const o = {
    kind: 'boat' as const,
    identifier: 'AG-12345',
    province: 'an_giang' as const,
    distribution: 'both' as const,
    tlp: 'amber' as const,
  };
  it('passes a complete object', () => expect(objectProblem(o)).toBeNull());
  it('needs an identifier', () =>
    expect(objectProblem({ ...o, identifier: '  ' })).toBe('objects.create.missing'));
  it('keeps TLP:RED for named units', () => {
    expect(objectProblem({ ...o, tlp: 'red' })).toBe('objects.create.redNeedsUnits');
    expect(
      objectProblem({ ...o, tlp: 'red', distribution: 'units', units: ['bp_vinh_xuong'] }),
    ).toBeNull();
  });
  it('needs units when shared with units', () =>
    expect(objectProblem({ ...o, distribution: 'units', units: [] })).toBe(
      'objects.create.needUnits',
    ));
});

describe('exchange panel', () => {
  it('has the reviews baseline', () => {
    // 336 / 468 and 236 / 398
    expect(baselineShare('border_guard')).toBeCloseTo(0.71795, 4);
    expect(baselineShare('customs')).toBeCloseTo(0.59296, 4);
    expect(percent(baselineShare('border_guard'), 'en')).toBe('71.8 %');
    expect(percent(baselineShare('customs'), 'vi')).toBe('59,3 %');
  });
  it('draws shares as widths, clamped', () => {
    expect(shareWidth(0.5)).toBe('50.0%');
    expect(shareWidth(1.4)).toBe('100.0%');
    expect(shareWidth(null)).toBe('0%');
    expect(percent(null, 'vi')).toBe('–');
  });
  it('asks with the filters given', () => {
    expect(exchangeUrl({})).toBe('/api/reports/exchange');
    expect(exchangeUrl({ province: 'lang_son', from: '2026-01-01', to: null })).toBe(
      '/api/reports/exchange?province=lang_son&from=2026-01-01',
    );
  });
  it('lists months newest first, Border Guard before Customs', () => {
    const rows = monthRows([
      { month: '2026-10', agency: 'customs', passed: 1, valuable: 0 },
      { month: '2026-11', agency: 'customs', passed: 2, valuable: 1 },
      { month: '2026-11', agency: 'border_guard', passed: 3, valuable: 2 },
    ]);
    expect(rows.map((r) => r.month)).toEqual(['2026-11', '2026-10']);
    expect(rows[0].agencies.map((a) => a.agency)).toEqual(['border_guard', 'customs']);
  });
});

describe('object list request', () => {
  it('leaves out empty filters', () => {
    expect(objectsUrl({ province: 'an_giang', q: '  ', nearFrontier: true })).toBe(
      '/api/objects?province=an_giang&near_frontier=true&limit=50',
    );
  });
});

describe('planner flags', () => {
  const near = [
    {
      id: 4,
      title: 'a',
      kind: 'boat' as const,
      rating: 'B2',
      tlp: 'green' as const,
      distance_m: 900,
      route: 12,
    },
    {
      id: 4,
      title: 'a',
      kind: 'boat' as const,
      rating: 'B2',
      tlp: 'green' as const,
      distance_m: 300,
      route: 13,
    },
    {
      id: 2,
      title: 'b',
      kind: 'vehicle' as const,
      rating: 'C3',
      tlp: 'amber' as const,
      distance_m: 500,
      route: 'Tuyến 1',
    },
  ];
  it('lists a report once, at its nearest route, nearest first', () => {
    const list = nearestPerReport(near);
    expect(list.map((f) => [f.id, f.distance_m, f.route])).toEqual([
      [4, 300, 13],
      [2, 500, 'Tuyến 1'],
    ]);
  });
  it('names the route', () => {
    expect(routeName(13, [{ id: 13, name: 'Kênh Vĩnh Tế' }])).toBe('Kênh Vĩnh Tế');
    expect(routeName(14, [])).toBe('#14');
    expect(routeName('Tuyến 1', [])).toBe('Tuyến 1');
    expect(routeName('draft:1', [], [{ name: 'A' }, { name: 'B' }])).toBe('B');
    expect(routeName('draft:2', [], [{ name: 'A' }])).toBe('#3');
    expect(routeName(null, [])).toBe('–');
  });
  it('marks the flagged reports with their own geometry', () => {
    const reports = {
      type: 'FeatureCollection' as const,
      features: [4, 2, 9].map((id) => ({
        type: 'Feature' as const,
        id,
        properties: { kind: 'boat', title: `r${id}` },
        geometry: { type: 'Point' as const, coordinates: [105, 10.6] },
      })),
    };
    const hot = [
      {
        id: 9,
        title: 'c',
        kind: 'boat' as const,
        rating: 'A1',
        tlp: 'clear' as const,
        cell_id: 'x',
        gi_z: 2.4,
      },
      {
        id: 4,
        title: 'a',
        kind: 'boat' as const,
        rating: 'B2',
        tlp: 'green' as const,
        cell_id: 'y',
        gi_z: 2,
      },
    ];
    const marks = flagMarkers({ near_route: near, in_hotspot: hot }, reports);
    expect(marks.features.map((f) => [f.properties.id, f.properties.reason])).toEqual([
      [4, 'both'],
      [2, 'near_route'],
      [9, 'in_hotspot'],
    ]);
    expect(flagMarkers(null, reports).features).toEqual([]);
  });
});
