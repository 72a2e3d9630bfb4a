import { describe, expect, it } from 'vitest';
import { riskWindow, yearBefore } from '../../src/lib/server/services/risk-window';

const NOW = new Date('2026-11-30T20:00:00Z'); // 1 Dec 2026, 03:00 in Vietnam

describe('yearBefore', () => {
  it('steps back twelve months, clamping 29 February', () => {
    expect(yearBefore('2024-09-25')).toBe('2023-09-25');
    expect(yearBefore('2024-02-29')).toBe('2023-02-28');
    expect(yearBefore('2025-01-01')).toBe('2024-01-01');
  });
});

describe('riskWindow', () => {
  const plan = { risk_from: '2024-01-01', risk_to: '2024-06-30' };
  it('takes the request first, then the plan', () => {
    expect(riskWindow({ from: '2024-03-01', to: '2024-03-31' }, plan, '2024-09-25', NOW)).toEqual({
      from: '2024-03-01',
      to: '2024-03-31',
    });
    expect(riskWindow({}, plan, '2024-09-25', NOW)).toEqual({
      from: '2024-01-01',
      to: '2024-06-30',
    });
    expect(riskWindow({ to: '2024-04-30' }, plan, null, NOW)).toEqual({
      from: '2024-01-01',
      to: '2024-04-30',
    });
  });
  it('ends an open window at the last seizure, else today in Vietnam', () => {
    const open = { risk_from: null, risk_to: null };
    expect(riskWindow({}, open, '2024-09-25', NOW)).toEqual({
      from: '2023-09-25',
      to: '2024-09-25',
    });
    expect(riskWindow({}, undefined, null, NOW)).toEqual({ from: '2025-12-01', to: '2026-12-01' });
    expect(riskWindow({ from: '2024-01-01' }, undefined, '2024-09-25', NOW)).toEqual({
      from: '2024-01-01',
      to: '2024-09-25',
    });
  });
});
