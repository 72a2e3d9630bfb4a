import { describe, expect, it } from 'vitest';
import { AGENCIES, CATEGORIES } from '../../src/lib/domain';
import {
  BYTES_PER_POINT,
  decodeSeizurePoints,
  encodeSeizurePoints,
  pointAt,
  SeizurePointsFormatError,
  vietnamDayNumber,
  dayOfNumber,
  type PlainPoint,
} from '../../src/lib/seizure-points';

const HEADER = {
  origin: [105.5, 10.5] as [number, number],
  categories: [...CATEGORIES],
  agencies: [...AGENCIES],
  value_breaks_vnd: [50_000_000, 200_000_000, 1_000_000_000],
};

const POINTS: PlainPoint[] = [
  // West and south of the origin: negative offsets.
  {
    id: 1,
    lon: 104.812345,
    lat: 10.123456,
    day: '2020-01-01',
    category: 'cigarettes',
    agency: 'customs',
    valueClass: 0,
  },
  // The last day a Uint16 can count to from the base day (2020-01-01 + 65535 days).
  {
    id: 65_536,
    lon: 106.9,
    lat: 21.9,
    day: '2199-06-06',
    category: 'other',
    agency: 'joint',
    valueClass: 3,
  },
  {
    id: 4_000_000_000,
    lon: 105.5,
    lat: 10.5,
    day: '2024-02-29',
    category: 'wildlife',
    agency: 'border_guard',
    valueClass: 2,
  },
];

describe('seizure points layout', () => {
  it('round-trips ids above 65535, negative offsets, the last day and category indexes', () => {
    const body = encodeSeizurePoints(POINTS, HEADER);
    const points = decodeSeizurePoints(body.buffer);
    expect(points.header.count).toBe(3);
    expect(points.header.base_day).toBe('2020-01-01');
    expect([...points.ids]).toEqual([1, 65_536, 4_000_000_000]);
    expect([...points.days]).toEqual([0, 65_535, 1520]);
    expect([...points.categories]).toEqual([0, 16, 14]);
    expect([...points.agencies]).toEqual([0, 2, 1]);
    expect([...points.valueClasses]).toEqual([0, 3, 2]);
    expect(points.offsets[0]).toBeCloseTo(-0.687655, 6);
    expect(points.offsets[1]).toBeCloseTo(-0.376544, 6);
    for (let i = 0; i < POINTS.length; i++) {
      const p = pointAt(points, i);
      expect({ ...p, lon: 0, lat: 0 }).toEqual({ ...POINTS[i], lon: 0, lat: 0 });
      // Float32 offsets from the origin: within a few centimetres (1e-6 degrees is 0.11 m).
      expect(Math.abs(p.lon - POINTS[i].lon)).toBeLessThan(1e-6);
      expect(Math.abs(p.lat - POINTS[i].lat)).toBeLessThan(1e-6);
    }
  });

  it('takes 17 bytes a point after a header padded to 4 bytes', () => {
    const one = encodeSeizurePoints(POINTS.slice(0, 1), HEADER);
    const three = encodeSeizurePoints(POINTS, HEADER);
    const headerBytes = new DataView(three.buffer).getUint32(8, true);
    expect(headerBytes % 4).toBe(0);
    expect(three.byteLength).toBe(12 + headerBytes + 3 * BYTES_PER_POINT);
    expect(String.fromCharCode(...three.subarray(0, 4))).toBe('BRMP');
    expect(one.byteLength).toBeLessThan(three.byteLength);
  });

  it('an empty set has no base day and no columns', () => {
    const points = decodeSeizurePoints(encodeSeizurePoints([], HEADER).buffer);
    expect(points.header.count).toBe(0);
    expect(points.header.base_day).toBeNull();
    expect(points.ids).toHaveLength(0);
  });

  it('refuses another magic, another version and a cut body', () => {
    const body = encodeSeizurePoints(POINTS, HEADER);
    const other = body.slice();
    other[0] = 0x58;
    expect(() => decodeSeizurePoints(other.buffer)).toThrow(SeizurePointsFormatError);
    const v2 = body.slice();
    new DataView(v2.buffer).setUint16(4, 2, true);
    expect(() => decodeSeizurePoints(v2.buffer)).toThrow(/version 2/);
    expect(() => decodeSeizurePoints(body.slice(0, body.length - 1).buffer)).toThrow(
      /wrong length/,
    );
  });

  it('counts days in Vietnam time: 17:00 UTC is already the next day', () => {
    expect(dayOfNumber(vietnamDayNumber(new Date('2024-03-31T16:59:59Z')))).toBe('2024-03-31');
    expect(dayOfNumber(vietnamDayNumber(new Date('2024-03-31T17:00:00Z')))).toBe('2024-04-01');
  });
});
