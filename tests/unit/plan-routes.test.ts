import { describe, expect, it } from 'vitest';
import type { Plan, PlanRoute } from '../../src/lib/plan/types';
import {
  draftCollection,
  nearestInnerVertex,
  nextRouteName,
  routesDiffer,
  splitAt,
  withoutDeletedIds,
} from '../../src/lib/plan/route-ops';
import { planBody, routesOf } from '../../src/lib/plan/plan-routes';
import { conflictSummary, coverageDelta, signed } from '../../src/lib/plan/plan-diff';
import type { Coverage } from '../../src/lib/plan/types';

const route = (id: number, name: string, over: Partial<PlanRoute> = {}) => ({
  type: 'Feature' as const,
  id,
  properties: {
    name,
    province: 'an_giang' as const,
    agency: 'joint' as const,
    unit: null,
    radius_m: 2000,
    shifts_per_week: 7,
    version: 1,
    length_km: 1,
    plan_id: 1,
    updated_by: 'planner2',
    ...over,
  },
  geometry: {
    type: 'LineString' as const,
    coordinates: over.coordinates ?? [
      [105, 10.5],
      [105.01, 10.5],
    ],
  },
});

const plan = (version: number, routes: ReturnType<typeof route>[], name = 'Tuần 48'): Plan => ({
  id: 1,
  name,
  province: 'an_giang',
  agency: 'joint',
  unit: null,
  note: null,
  risk_from: null,
  risk_to: null,
  risk_categories: null,
  version,
  route_count: routes.length,
  length_km: routes.length,
  created_at: '2026-12-01T00:00:00Z',
  updated_at: '2026-12-01T00:00:00Z',
  updated_by: 'planner2',
  routes: { type: 'FeatureCollection', features: routes },
});

describe('splitting a route at a vertex', () => {
  const line = [
    [0, 0],
    [1, 0],
    [2, 1],
    [3, 1],
  ];
  it('keeps the vertex in both parts', () => {
    expect(splitAt(line, 2)).toEqual([
      [
        [0, 0],
        [1, 0],
        [2, 1],
      ],
      [
        [2, 1],
        [3, 1],
      ],
    ]);
  });
  it('refuses the end vertices and indexes out of range', () => {
    expect(splitAt(line, 0)).toBeNull();
    expect(splitAt(line, 3)).toBeNull();
    expect(splitAt(line, 7)).toBeNull();
    expect(splitAt(line, 1.5)).toBeNull();
  });
  it('finds the inner vertex under the pointer, never an end one', () => {
    const project = (c: number[]) => ({ x: c[0] * 100, y: c[1] * 100 });
    expect(nearestInnerVertex(line, { x: 195, y: 103 }, project)).toBe(2);
    // The end vertex (0, 0) is 0 px away, the inner (1, 0) 100 px: nothing within 14 px.
    expect(nearestInnerVertex(line, { x: 0, y: 0 }, project)).toBe(-1);
    expect(nearestInnerVertex(line, { x: 108, y: 0 }, project)).toBe(1);
  });
});

describe('the draft and the save body', () => {
  const saved = plan(3, [route(11, 'T1'), route(12, 'T2', { radius_m: 500 })]);

  it('reads the plan into editable routes sorted by id', () => {
    const routes = routesOf(plan(1, [route(12, 'B'), route(11, 'A')]));
    expect(routes.map((r) => [r.id, r.name, r.key])).toEqual([
      [11, 'A', 'route-11'],
      [12, 'B', 'route-12'],
    ]);
  });

  it('sends every route with radius and shifts as the coverage draft, skipping a lone point', () => {
    const routes = [
      ...routesOf(saved),
      { ...routesOf(saved)[0], key: 'x', id: undefined, coordinates: [[105, 10]] },
    ];
    const draft = draftCollection(routes);
    expect(draft.features).toHaveLength(2);
    expect(draft.features[1].properties).toEqual({ radius_m: 500, shifts_per_week: 7, name: 'T2' });
  });

  it('puts ids on saved routes only in the PUT body, with the version it edits', () => {
    const routes = [
      ...routesOf(saved),
      { ...routesOf(saved)[0], key: 'n', id: undefined, name: 'T3' },
    ];
    const body = planBody(saved, 3, routes);
    expect(body.version).toBe(3);
    expect(body.routes.map((r) => r.id)).toEqual([11, 12, undefined]);
    expect('id' in body.routes[2]).toBe(false);
    expect(body.routes[1].geometry.type).toBe('LineString');
  });

  it('sees an edit, an addition and a removal as unsaved, and nothing else', () => {
    const routes = routesOf(saved);
    expect(routesDiffer(routesOf(saved), routes)).toBe(false);
    expect(routesDiffer(routesOf(saved), [routes[0]])).toBe(true);
    expect(routesDiffer(routesOf(saved), [routes[0], { ...routes[1], shifts_per_week: 14 }])).toBe(
      true,
    );
    const moved = [
      routes[0],
      {
        ...routes[1],
        coordinates: [
          [105, 10.5],
          [105.02, 10.5],
        ],
      },
    ];
    expect(routesDiffer(routesOf(saved), moved)).toBe(true);
  });

  it('names a new route with the first free T<n>', () => {
    expect(nextRouteName([])).toBe('T1');
    expect(nextRouteName([{ name: 'T1' }, { name: 'T3' }])).toBe('T4');
    expect(nextRouteName([{ name: 'T3' }, { name: 'x' }])).toBe('T4');
    expect(nextRouteName([{ name: 'a' }, { name: 'b' }])).toBe('T3');
  });
});

describe('a stale save explained', () => {
  const base = plan(3, [route(11, 'T1'), route(12, 'T2'), route(13, 'T3')]);
  const current = plan(
    5,
    [route(11, 'T1'), route(12, 'T2', { radius_m: 3000 }), route(14, 'Kênh Vĩnh Tế')],
    'Tuần 48 (sửa)',
  );

  it('lists what the other planner added, removed and changed, and by whom', () => {
    const s = conflictSummary(base, current);
    expect(s.added).toEqual([{ name: 'Kênh Vĩnh Tế', by: 'planner2' }]);
    expect(s.removed.map((r) => r.name)).toEqual(['T3']);
    expect(s.changed.map((r) => r.name)).toEqual(['T2']);
    expect(s.planFields).toEqual(['name']);
    expect(s.version).toBe(5);
    expect(s.by).toBe('planner2');
  });

  it('turns my routes they deleted into new routes for "keep mine"', () => {
    const mine = routesOf(base);
    const kept = withoutDeletedIds(mine, current);
    expect(kept.map((r) => r.id)).toEqual([11, 12, undefined]);
  });
});

describe('the change against the saved plan', () => {
  const cov = (km: number, crossings: number, risk: number) =>
    ({
      covered_km: km,
      crossings: { covered: crossings },
      risk_captured_pct: risk,
      seizures_captured_pct: risk / 2,
    }) as unknown as Coverage;

  it('subtracts the saved figures from the draft', () => {
    const d = coverageDelta(cov(18.2, 7, 31), cov(14, 4, 25));
    expect(d?.km).toBeCloseTo(4.2, 9);
    expect(d?.crossings).toBe(3);
    expect(d?.riskPct).toBe(6);
    expect(coverageDelta(null, cov(1, 1, 1))).toBeNull();
  });

  it('writes a signed figure in the interface language', () => {
    expect(signed(4.2, 1, 'vi')).toBe('+4,2');
    expect(signed(4.2, 1, 'en')).toBe('+4.2');
    expect(signed(-3, 0, 'en')).toBe('−3');
    expect(signed(0.04, 1, 'en')).toBe('0.0');
    expect(signed(1234.5, 1, 'vi')).toBe('+1.234,5');
  });
});
