import { describe, expect, it } from 'vitest';
import { hexCell } from '../../src/lib/analysis';
import { riskSurface } from '../../src/lib/server/services/report-risk';

describe('riskSurface (seizures plus weighted open reports)', () => {
  // One cell centred on the origin (q = r = 0), bandwidth 1000 m.
  const cells = [hexCell(0, 0, 1000)];
  const seizure = { x: Float64Array.of(0), y: Float64Array.of(0) };

  it('adds a report as w seizures at its point, and says how much came from it', () => {
    // A B2 report 30 days old weighs 0.32, 500 m from the centre: the kernel there is
    // (1 - 0.25)^2 = 0.5625 of the peak 3 / (pi 1000^2) per m^2 = 0.954929659 per km^2.
    const reports = { ids: [7], xy: [[500, 0]] as [number, number][], weights: [0.32] };
    const s = riskSurface(cells, seizure, reports, 1000);
    const peak = 0.954929658551372;
    expect(s.density[0]).toBeCloseTo(peak * (1 + 0.32 * 0.5625), 12);
    // 0.18 / 1.18 = 15.254 %
    expect(s.reports).toEqual({ count: 1, weight: 0.32, share_pct: 15.254 });
  });

  it('is the seizure density alone without reports, and null share on an empty surface', () => {
    const none = { ids: [], xy: [], weights: [] };
    expect(riskSurface(cells, seizure, none, 1000).density[0]).toBeCloseTo(0.954929658551372, 12);
    const empty = riskSurface(cells, { x: new Float64Array(), y: new Float64Array() }, none, 1000);
    expect(empty.reports).toEqual({ count: 0, weight: 0, share_pct: null });
  });
});
