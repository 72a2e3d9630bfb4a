import { describe, expect, it } from 'vitest';
import {
  BADGE,
  SDF_PAD_PX,
  SDF_SIZE_PX,
  SHAPES,
  badgeImage,
  hexRgb,
  sdfImage,
  signedDistance,
  type RasterImage,
  type Shape,
} from '../../src/lib/map/shapes';

const at = (img: RasterImage, x: number, y: number) => {
  const i = (y * img.width + x) * 4;
  return [...img.data.slice(i, i + 4)];
};

describe('signedDistance', () => {
  it('is negative inside, zero on the outline and the distance outside', () => {
    expect(signedDistance(SHAPES.square, 0, 0)).toBeCloseTo(-0.8);
    expect(signedDistance(SHAPES.square, 0.8, 0)).toBeCloseTo(0);
    expect(signedDistance(SHAPES.square, 2, 0)).toBeCloseTo(1.2);
    expect(signedDistance(SHAPES.square, 1.1, 1.2)).toBeCloseTo(Math.hypot(0.3, 0.4));
    expect(signedDistance(SHAPES.diamond, 0, 0)).toBeCloseTo(-Math.SQRT1_2);
  });
  it('follows a star into its notches', () => {
    // Between two points of the star, at radius 0.7: outside, though inside its pentagon hull.
    const between = -Math.PI / 2 + Math.PI / 5;
    expect(
      signedDistance(SHAPES.star, 0.7 * Math.cos(between), 0.7 * Math.sin(between)),
    ).toBeGreaterThan(0);
    expect(signedDistance(SHAPES.star, 0, -0.9)).toBeLessThan(0);
  });
});

describe('sdfImage', () => {
  const size = SDF_SIZE_PX + 2 * SDF_PAD_PX;
  it('writes white pixels whose alpha is the distance field, edge at 0.75', () => {
    const img = sdfImage('circle');
    expect([img.width, img.height]).toEqual([size, size]);
    expect(at(img, size / 2, size / 2)).toEqual([255, 255, 255, 255]);
    expect(at(img, 0, 0)[3]).toBe(0);
    // The pixel whose centre lies nearest the circle's edge (radius 16 px) on the x axis.
    const edge = at(img, size / 2 + SDF_SIZE_PX / 2, size / 2)[3] / 255;
    expect(edge).toBeGreaterThan(0.68);
    expect(edge).toBeLessThan(0.8);
  });
  it('draws each shape differently', () => {
    const inside = (shape: Shape) => {
      const { data } = sdfImage(shape);
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] >= 192) n++;
      return n;
    };
    const areas = (['circle', 'square', 'triangle', 'diamond', 'star', 'bar'] as Shape[]).map(
      inside,
    );
    expect(new Set(areas).size).toBe(areas.length);
    // A circle of radius 16 px covers about pi * 16^2 = 804 pixels.
    expect(Math.abs(areas[0] - Math.PI * 16 * 16)).toBeLessThan(40);
  });
});

describe('badgeImage', () => {
  const colour = '#2456a6';
  const img = badgeImage('diamond', colour, 20, 2);
  const mid = img.width / 2;
  it('is a plate with a dark border and the kind shape in its colour', () => {
    expect(img.width).toBe(44);
    expect(at(img, mid, mid)).toEqual([...hexRgb(colour), 255]);
    // Between the shape (0.55 of the badge) and the border: the white plate.
    expect(at(img, mid + 12, mid)).toEqual([...hexRgb(BADGE.plate), 255]);
    // The border band, 0.16 of the half-width inside the plate's edge (0.9).
    expect(at(img, mid + 17, mid)).toEqual([...hexRgb(BADGE.ink), 255]);
    expect(at(img, 0, 0)[3]).toBe(0);
  });
});
