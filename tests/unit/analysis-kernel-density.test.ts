import { describe, expect, it } from 'vitest';
import { kernelDensity, quarticKernel } from '../../src/lib/analysis/kernel-density';

function random(seed: number) {
  return () => (seed = (seed * 16807) % 2147483647) / 2147483647;
}

describe('quartic kernel density', () => {
  it('gives the hand-computed density of a few points, per km^2', () => {
    // h = 1000 m: 3 / (pi h^2) = 9.5493e-7 per m^2 = 0.954930 per km^2 at d = 0;
    // d = 500: (1 - 0.25)^2 = 0.5625 -> 0.537148; d = 800: (1 - 0.64)^2 = 0.1296 -> 0.123759;
    // d = 1000 and beyond: 0. Sum at the origin: 0.954930 * 1.6921 = 1.615836 per km^2.
    const points: [number, number][] = [
      [0, 0],
      [500, 0],
      [0, -800],
      [1000, 0],
      [-3000, 2000],
    ];
    const [d] = kernelDensity(points, [{ x: 0, y: 0 }], 1000);
    const unit = 3 / Math.PI;
    expect(d).toBeCloseTo(unit * (1 + 0.5625 + 0.1296), 12);
    expect(d).toBeCloseTo(1.615836, 6);
    expect(quarticKernel(500, 1000) * 1e6).toBeCloseTo(unit * 0.5625, 12);
    expect(quarticKernel(1000, 1000)).toBe(0);
  });

  it('integrates to the number of points (weight), each kernel being a density', () => {
    // A 10 m raster over the support of two kernels: sum of density x cell area = 2 + 0.5.
    const targets: { x: number; y: number }[] = [];
    for (let x = -1495; x <= 2495; x += 10)
      for (let y = -1495; y <= 1495; y += 10) targets.push({ x, y });
    const density = kernelDensity(
      [
        [0, 0],
        [1000, 0],
        [1000, 100],
      ],
      targets,
      1500,
      [1, 1, 0.5],
    );
    const total = density.reduce((a, b) => a + b, 0) * (100 / 1e6);
    expect(total).toBeCloseTo(2.5, 3);
  });

  it('equals a brute-force sum over every point', () => {
    const rnd = random(3);
    const points = Array.from(
      { length: 3000 },
      () => [500000 + rnd() * 40000, 1150000 + rnd() * 40000] as [number, number],
    );
    const targets = Array.from({ length: 300 }, () => ({
      x: 495000 + rnd() * 50000,
      y: 1145000 + rnd() * 50000,
    }));
    for (const h of [700, 2500]) {
      const fast = kernelDensity(points, targets, h);
      targets.forEach((t, i) => {
        let sum = 0;
        for (const [x, y] of points) sum += quarticKernel(Math.hypot(x - t.x, y - t.y), h);
        expect(fast[i]).toBeCloseTo(sum * 1e6, 9);
      });
    }
  });

  it('uses coarser buckets for spread-out points without losing any', () => {
    const points: [number, number][] = [
      [0, 0],
      [5_000_000, 5_000_000],
      [5_000_010, 5_000_000],
    ];
    const [far] = kernelDensity(points, [{ x: 5_000_000, y: 5_000_000 }], 100);
    expect(far).toBeCloseTo((3 / (Math.PI * 100 * 100)) * 1e6 * (1 + (1 - 0.01) ** 2), 9);
  });

  it('is zero without points and refuses a bandwidth that is not positive', () => {
    expect(Array.from(kernelDensity([], [{ x: 0, y: 0 }], 1000))).toEqual([0]);
    expect(Array.from(kernelDensity([[NaN, 0]], [{ x: 0, y: 0 }], 1000))).toEqual([0]);
    expect(() => kernelDensity([[0, 0]], [{ x: 0, y: 0 }], 0)).toThrow(RangeError);
    expect(() => kernelDensity([[0, 0]], [{ x: 0, y: 0 }], 100, [1, 2])).toThrow(RangeError);
  });
});
