import { describe, expect, it } from 'vitest';
import {
  apportion,
  createRng,
  createWeightedIndex,
  deriveSeed,
} from '../../src/lib/server/seed/random';

const take = (seed: number, n: number) => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.next());
};

describe('createRng', () => {
  // Golden values from an independent Python port of splitmix32 seeding + sfc32 (12 discarded
  // outputs), as 32-bit integers divided by 2^32.
  it('gives the recorded first values for seeds 1, 20240925 and -1', () => {
    expect(take(1, 5)).toEqual([
      1828152527 / 2 ** 32,
      3394835397 / 2 ** 32,
      2967886022 / 2 ** 32,
      2251045104 / 2 ** 32,
      4148684523 / 2 ** 32,
    ]);
    expect(take(20240925, 5)).toEqual([
      2975889170 / 2 ** 32,
      3967968964 / 2 ** 32,
      2479539781 / 2 ** 32,
      77790618 / 2 ** 32,
      3699548606 / 2 ** 32,
    ]);
    expect(take(-1, 3)).toEqual([1413747962 / 2 ** 32, 91561161 / 2 ** 32, 3282502067 / 2 ** 32]);
  });

  it('repeats for the same seed and differs for another, even a neighbouring one', () => {
    expect(take(42, 100)).toEqual(take(42, 100));
    const a = take(42, 100);
    const b = take(43, 100);
    expect(a.filter((x, i) => x === b[i])).toHaveLength(0);
  });

  it('reduces the seed to 32 bits: 2^32 + 5 and 5 give one stream; non-finite seeds are refused', () => {
    expect(take(2 ** 32 + 5, 10)).toEqual(take(5, 10));
    expect(take(5.9, 10)).toEqual(take(5, 10));
    expect(() => createRng(NaN)).toThrow(RangeError);
    expect(() => createRng(Infinity)).toThrow(RangeError);
  });

  it('keeps next() in [0, 1) with mean 1/2 and variance 1/12', () => {
    const xs = take(9, 200_000);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
    expect(mean).toBeCloseTo(0.5, 2);
    expect(variance).toBeCloseTo(1 / 12, 3);
  });

  it('int(min, max) includes both ends, each value about equally often', () => {
    const rng = createRng(3);
    const counts = new Map<number, number>();
    for (let i = 0; i < 60_000; i++) {
      const v = rng.int(-2, 3);
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2, 3]);
    for (const c of counts.values()) expect(Math.abs(c - 10_000)).toBeLessThan(400); // ~4 sd
    expect(rng.int(7, 7)).toBe(7);
    expect(() => rng.int(2, 1)).toThrow(RangeError);
  });

  it('weighted() follows the weights and never returns a zero-weight value', () => {
    const rng = createRng(4);
    const items = [
      { value: 'a', weight: 1 },
      { value: 'never', weight: 0 },
      { value: 'b', weight: 3 },
    ];
    let b = 0;
    for (let i = 0; i < 40_000; i++) {
      const v = rng.weighted(items);
      expect(v).not.toBe('never');
      if (v === 'b') b++;
    }
    expect(b / 40_000).toBeCloseTo(0.75, 2);
    expect(() => rng.weighted([{ value: 1, weight: 0 }])).toThrow(RangeError);
  });

  it('normal() and logNormal() have the asked mean, sd and median', () => {
    const rng = createRng(5);
    const xs = Array.from({ length: 100_000 }, () => rng.normal(10, 2));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
    expect(Math.abs(mean - 10)).toBeLessThan(0.03);
    expect(Math.abs(sd - 2)).toBeLessThan(0.03);
    const ys = Array.from({ length: 100_001 }, () => rng.logNormal(Math.log(500), 0.8)).sort(
      (a, b) => a - b,
    );
    expect(Math.abs(ys[50_000] / 500 - 1)).toBeLessThan(0.02);
    expect(ys[0]).toBeGreaterThan(0);
  });

  it('shuffle() permutes in place, typed arrays too, and pick() stays in the list', () => {
    const rng = createRng(6);
    const a = Uint8Array.from({ length: 50 }, (_, i) => i);
    expect(rng.shuffle(a)).toBe(a);
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect([...a]).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
    for (let i = 0; i < 100; i++) expect(['x', 'y']).toContain(rng.pick(['x', 'y']));
    expect(() => rng.pick([])).toThrow(RangeError);
  });
});

describe('deriveSeed', () => {
  it('gives the recorded seeds (Python port) and separate streams per label', () => {
    expect(deriveSeed(20240925, 'an_giang/plan')).toBe(1592732045);
    expect(deriveSeed(20240925, 'lang_son/place')).toBe(-1680257872);
    expect(deriveSeed(20240925, 'an_giang/place')).not.toBe(deriveSeed(20240925, 'an_giang/plan'));
    expect(deriveSeed(1, 'x')).not.toBe(deriveSeed(2, 'x'));
  });
});

describe('createWeightedIndex', () => {
  it('draws indices in proportion to the weights, zero weights never', () => {
    const pick = createWeightedIndex([2, 0, 1, 1]);
    const rng = createRng(8);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[pick(rng)]++;
    expect(counts[1]).toBe(0);
    expect(counts[0] / 40_000).toBeCloseTo(0.5, 2);
    expect(counts[2] / 40_000).toBeCloseTo(0.25, 2);
  });

  it('refuses negative, non-finite or all-zero weights', () => {
    expect(() => createWeightedIndex([1, -1])).toThrow(RangeError);
    expect(() => createWeightedIndex([1, NaN])).toThrow(RangeError);
    expect(() => createWeightedIndex([0, 0])).toThrow(RangeError);
  });
});

describe('apportion', () => {
  it('splits by largest remainder and always sums to the total', () => {
    expect(apportion(10, [88, 165])).toEqual([3, 7]); // 3.48 and 6.52
    expect(apportion(10_000, [88, 165])).toEqual([3478, 6522]); // 3478.26 and 6521.74
    expect(apportion(1_000_000, [88, 165])).toEqual([347_826, 652_174]);
    expect(apportion(3, [1, 1, 1, 1])).toEqual([1, 1, 1, 0]); // ties go to the earlier entry
    expect(apportion(0, [5, 7])).toEqual([0, 0]);
  });

  it('returns weights that already sum to the total unchanged', () => {
    const cases = [24, 12, 8, 6, 6, 5, 5, 4, 4, 3, 3, 3, 2, 2, 1];
    expect(apportion(88, cases)).toEqual(cases);
    expect(apportion(158, [110, 48, 0])).toEqual([110, 48, 0]);
  });

  it('refuses a negative or fractional total', () => {
    expect(() => apportion(-1, [1])).toThrow(RangeError);
    expect(() => apportion(2.5, [1])).toThrow(RangeError);
  });
});
