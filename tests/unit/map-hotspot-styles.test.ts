import { describe, expect, it } from 'vitest';
import { COLOURS } from '../../src/lib/map/styles';
import {
  DENSITY_RAMP,
  EMERGING_COLOURS,
  EMERGING_DRAWN,
  GI_CLASSES,
  GI_CLASS_COLOURS,
  HEX_FILL_ALPHA,
  densityBreaks,
  densityClass,
  densityFill,
  emergingFill,
  giFill,
  rgba,
  roundSignificant,
} from '../../src/lib/map/hotspot-styles';
import { VISIONS, closestPair, deltaE2000, labOf } from '../lib/colour-vision';

const alpha = Math.round(HEX_FILL_ALPHA * 255);

/** A fill as it reaches the eye: `hex` at the hexagons' opacity over the land. */
function overLand(hex: string): string {
  const [r, g, b] = rgba(hex);
  const [lr, lg, lb] = rgba(COLOURS.land);
  const mix = (c: number, l: number) => Math.round(c * HEX_FILL_ALPHA + l * (1 - HEX_FILL_ALPHA));
  return `#${[mix(r, lr), mix(g, lg), mix(b, lb)].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

describe('colour by Gi* class', () => {
  it('draws hot classes red and cold ones blue, stronger for higher confidence', () => {
    expect(giFill(3)).toEqual([0xb2, 0x18, 0x2b, alpha]);
    expect(giFill(-3)).toEqual([0x1d, 0x5b, 0x9c, alpha]);
    for (const cls of [1, 2, 3]) {
      const [r, , b] = giFill(cls)!;
      expect(r, `class ${cls}`).toBeGreaterThan(b);
      const [cr, , cb] = giFill(-cls)!;
      expect(cb, `class ${-cls}`).toBeGreaterThan(cr);
    }
    // Lightness falls with confidence on both sides: 99 % is the darkest.
    const L = (c: number) => labOf(GI_CLASS_COLOURS[c as 1])[0];
    expect(L(3)).toBeLessThan(L(2));
    expect(L(2)).toBeLessThan(L(1));
    expect(L(-3)).toBeLessThan(L(-2));
    expect(L(-2)).toBeLessThan(L(-1));
  });
  it('leaves cells that are not significant, and unknown classes, undrawn', () => {
    expect(giFill(0)).toBeNull();
    expect(giFill(4)).toBeNull();
    expect(giFill(Number.NaN)).toBeNull();
  });
  // Measured closest pairs (over land): 10.8 normal, 10.3 protanopia, 9.5 deuteranopia, 10.7
  // tritanopia, all between neighbouring confidence levels on one side; hot against cold at
  // least 22.0 (protanopia).
  it.each(VISIONS)('keeps the six classes apart over the land: %s', (vision) => {
    const seen = Object.fromEntries(GI_CLASSES.map((c) => [c, overLand(GI_CLASS_COLOURS[c])]));
    const { a, b, distance } = closestPair(seen, vision);
    expect(distance, `${a} / ${b}`).toBeGreaterThanOrEqual(9);
  });
  it.each(VISIONS)('never lets a hot class read as a cold one: %s', (vision) => {
    for (const h of [1, 2, 3] as const) {
      for (const c of [-1, -2, -3] as const) {
        const d = deltaE2000(
          labOf(overLand(GI_CLASS_COLOURS[h]), vision),
          labOf(overLand(GI_CLASS_COLOURS[c]), vision),
        );
        expect(d, `${h} / ${c}`).toBeGreaterThanOrEqual(20);
      }
    }
  });
  // Measured 20.4 (hot 90 %) and 15.9 (cold 90 %).
  it('keeps the weakest class visible on the land', () => {
    for (const c of [1, -1] as const) {
      expect(deltaE2000(labOf(overLand(GI_CLASS_COLOURS[c])), labOf(COLOURS.land))).toBeGreaterThan(
        10,
      );
    }
  });
});

describe('colour by emerging category', () => {
  it('draws every category but no_pattern, each in its own colour', () => {
    expect(EMERGING_DRAWN).toHaveLength(16);
    expect(emergingFill('no_pattern')).toBeNull();
    expect(emergingFill(undefined)).toBeNull();
    expect(emergingFill('made_up')).toBeNull();
    expect(emergingFill('intensifying_hot')).toEqual([0x7f, 0x00, 0x10, alpha]);
    const colours = EMERGING_DRAWN.map((c) => EMERGING_COLOURS[c]);
    expect(new Set(colours).size).toBe(16);
  });
  it('keeps hot categories warm and cold ones cool (red channel over blue, or the reverse)', () => {
    for (const c of EMERGING_DRAWN) {
      const [r, , b] = rgba(EMERGING_COLOURS[c]);
      if (c.endsWith('_hot')) expect(r, c).toBeGreaterThan(b);
      else expect(b, c).toBeGreaterThanOrEqual(r);
    }
  });
  // Sixteen colours cannot all stay apart for every officer; the legend names each category
  // with its count. What must hold for everyone is hot against cold: measured at least 18.1
  // (protanopia); the closest pair of all is 10.8 for normal vision.
  it('keeps the categories apart for normal vision', () => {
    const { a, b, distance } = closestPair(
      Object.fromEntries(EMERGING_DRAWN.map((c) => [c, EMERGING_COLOURS[c]])),
      'normal',
    );
    expect(distance, `${a} / ${b}`).toBeGreaterThanOrEqual(10);
  });
  it.each(VISIONS)('never lets a hot category read as a cold one: %s', (vision) => {
    const hot = EMERGING_DRAWN.filter((c) => c.endsWith('_hot'));
    const cold = EMERGING_DRAWN.filter((c) => c.endsWith('_cold'));
    for (const h of hot) {
      for (const c of cold) {
        const d = deltaE2000(
          labOf(EMERGING_COLOURS[h], vision),
          labOf(EMERGING_COLOURS[c], vision),
        );
        expect(d, `${h} / ${c}`).toBeGreaterThanOrEqual(16);
      }
    }
  });
});

describe('density classes', () => {
  it('split the non-zero cells at their quintiles, two significant figures', () => {
    expect(densityBreaks([0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual([2, 4, 6, 8]);
    expect(densityBreaks([0.01234, 0.05678, 0.0912, 0.1333, 0.98])).toEqual([
      0.012, 0.057, 0.091, 0.13,
    ]);
    expect(densityBreaks([0, 0])).toEqual([]);
    // A flat surface: no break below the top, one class.
    expect(densityBreaks([3, 3, 3, 3])).toEqual([]);
  });
  it('put a density on a bound in the class below it', () => {
    expect(densityClass(2, [2, 4, 6, 8])).toBe(0);
    expect(densityClass(2.01, [2, 4, 6, 8])).toBe(1);
    expect(densityClass(100, [2, 4, 6, 8])).toBe(4);
  });
  it('draw zero as nothing and the top class darkest, even with few breaks', () => {
    expect(densityFill(0, [1, 2, 3, 4])).toBeNull();
    expect(densityFill(9, [1, 2, 3, 4])).toEqual(rgba(DENSITY_RAMP[4], HEX_FILL_ALPHA));
    expect(densityFill(3, [])).toEqual(rgba(DENSITY_RAMP[4], HEX_FILL_ALPHA));
    expect(densityFill(1, [2])).toEqual(rgba(DENSITY_RAMP[0], HEX_FILL_ALPHA));
    expect(densityFill(3, [2])).toEqual(rgba(DENSITY_RAMP[4], HEX_FILL_ALPHA));
  });
  it('rounds to significant figures', () => {
    expect(roundSignificant(0.012345)).toBe(0.012);
    expect(roundSignificant(1234)).toBe(1200);
    expect(roundSignificant(0)).toBe(0);
  });
  it('runs from light to dark', () => {
    const L = DENSITY_RAMP.map((c) => labOf(c)[0]);
    for (let i = 1; i < L.length; i++) expect(L[i]).toBeLessThan(L[i - 1]);
  });
});
