import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../src/lib/domain';
import {
  CATEGORY_FAMILY,
  FAMILY_STYLES,
  GOODS_FAMILIES,
  categoriesOf,
  familyOf,
} from '../../src/lib/map/goods-families';
import { AGENCY_COLOURS, COLOURS, GATE_STYLES } from '../../src/lib/map/styles';
import { VISIONS, closestPair, deltaE2000, labOf, type Lab } from '../lib/colour-vision';

const familyColours = Object.fromEntries(GOODS_FAMILIES.map((f) => [f, FAMILY_STYLES[f].colour]));

describe('the colour difference the palette tests rely on', () => {
  // Sharma, Wu and Dalal (2005), table 1: pairs 1, 2, 7, 17-20.
  const pairs: [Lab, Lab, number][] = [
    [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
    [[50, 3.1571, -77.2803], [50, 0, -82.7485], 2.8615],
    [[50, 0, 0], [50, -1, 2], 2.3669],
    [[50, 2.5, 0], [73, 25, -18], 27.1492],
    [[50, 2.5, 0], [61, -5, 29], 22.8977],
    [[50, 2.5, 0], [56, -27, -3], 31.903],
    [[50, 2.5, 0], [58, 24, 15], 19.4535],
  ];
  it('is CIEDE2000 (the published test pairs)', () => {
    for (const [a, b, expected] of pairs) expect(deltaE2000(a, b)).toBeCloseTo(expected, 4);
  });
  it('merges colours a colour-blind officer confuses, and only for them', () => {
    // Textiles and pharmaceuticals in the old seventeen-colour palette: purple and blue.
    const [purple, blue] = ['#9467bd', '#3182bd'];
    expect(deltaE2000(labOf(purple), labOf(blue))).toBeGreaterThan(25);
    expect(deltaE2000(labOf(purple, 'deuteranopia'), labOf(blue, 'deuteranopia'))).toBeLessThan(3);
    expect(deltaE2000(labOf(purple, 'protanopia'), labOf(blue, 'protanopia'))).toBeLessThan(6);
    expect(deltaE2000(labOf(purple, 'tritanopia'), labOf(blue, 'tritanopia'))).toBeGreaterThan(25);
    // Red against green: apart for everyone but a deuteranope.
    expect(
      deltaE2000(labOf('#d62728', 'deuteranopia'), labOf('#2ca02c', 'deuteranopia')),
    ).toBeLessThan(6);
    expect(
      deltaE2000(labOf('#d62728', 'tritanopia'), labOf('#2ca02c', 'tritanopia')),
    ).toBeGreaterThan(50);
  });
});

describe('goods families', () => {
  it('put every category in exactly one non-empty family', () => {
    const members = GOODS_FAMILIES.flatMap((f) => categoriesOf(f));
    expect([...members].sort()).toEqual([...CATEGORIES].sort());
    for (const f of GOODS_FAMILIES) expect(categoriesOf(f).length).toBeGreaterThan(0);
    expect(CATEGORY_FAMILY.cigarettes).toBe('tobacco_alcohol');
    expect(familyOf('drugs')).toBe('drugs_medicines');
    expect(familyOf('gold')).toBe('currency_gold');
    expect(familyOf('no-such-category')).toBe('prohibited_other');
  });
  it('pair each colour with its own shape, none a gate badge would use for the same kind', () => {
    const shapes = GOODS_FAMILIES.map((f) => FAMILY_STYLES[f].shape);
    expect(new Set(shapes).size).toBe(GOODS_FAMILIES.length);
    expect(new Set(Object.values(familyColours)).size).toBe(GOODS_FAMILIES.length);
  });
});

describe('palettes under colour-vision deficiency (CIEDE2000 between the closest pair)', () => {
  // Measured: families 20.3 normal, 14.5 protanopia, 16.5 deuteranopia, 14.7 tritanopia; the
  // seventeen category colours they replace were 2.1 apart under protanopia and deuteranopia.
  it.each(VISIONS)('keeps the six goods families apart: %s', (vision) => {
    const { a, b, distance } = closestPair(familyColours, vision);
    expect(distance, `${a} / ${b}`).toBeGreaterThanOrEqual(14);
  });
  it.each(VISIONS)('keeps the three agencies apart: %s', (vision) => {
    const { a, b, distance } = closestPair(AGENCY_COLOURS, vision);
    expect(distance, `${a} / ${b}`).toBeGreaterThanOrEqual(18);
  });
  it.each(VISIONS)('keeps every mark off the land colour: %s', (vision) => {
    const land = labOf(COLOURS.land, vision);
    for (const colour of [...Object.values(familyColours), ...Object.values(AGENCY_COLOURS)]) {
      expect(deltaE2000(labOf(colour, vision), land), colour).toBeGreaterThanOrEqual(25);
    }
  });
  it('keeps international gates darker than any mark, so a badge never reads as a seizure', () => {
    const gate = labOf(GATE_STYLES.international.colour)[0];
    for (const colour of Object.values(familyColours))
      expect(labOf(colour)[0]).toBeGreaterThan(gate + 15);
  });
});
