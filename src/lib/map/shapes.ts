/**
 * Map marks as polygons in a unit box (-1..1, y down), and their rasterisation into the images
 * maplibre draws: signed-distance-field (SDF) images for seizure marks, which maplibre tints with
 * `icon-color`, and full-colour badges for gates. Pure code (no canvas), so the legend's SVG,
 * the map's images and the tests all read the same polygons.
 */

export type Shape =
  'square' | 'diamond' | 'triangle' | 'circle' | 'pentagon' | 'star' | 'bar' | 'cross';

type Polygon = [number, number][];

function regularPolygon(n: number, rotation: number, radius = 1): Polygon {
  return Array.from({ length: n }, (_, i) => {
    const a = rotation + (i * 2 * Math.PI) / n;
    return [+(radius * Math.cos(a)).toFixed(4), +(radius * Math.sin(a)).toFixed(4)];
  });
}

/** A five-pointed star, points up, inner radius 0.45 so it stays a star at 10 px. */
function star(): Polygon {
  const outer = regularPolygon(5, -Math.PI / 2);
  const inner = regularPolygon(5, -Math.PI / 2 + Math.PI / 5, 0.45);
  return outer.flatMap((p, i) => [p, inner[i]]);
}

export const SHAPES: Record<Shape, Polygon> = {
  square: [
    [-0.8, -0.8],
    [0.8, -0.8],
    [0.8, 0.8],
    [-0.8, 0.8],
  ],
  diamond: [
    [0, -1],
    [1, 0],
    [0, 1],
    [-1, 0],
  ],
  triangle: [
    [0, -1],
    [0.95, 0.75],
    [-0.95, 0.75],
  ],
  circle: regularPolygon(32, 0),
  pentagon: regularPolygon(5, -Math.PI / 2),
  star: star(),
  // A carton on its side: twice as wide as tall.
  bar: [
    [-1, -0.55],
    [1, -0.55],
    [1, 0.55],
    [-1, 0.55],
  ],
  cross: [
    [-0.3, -1],
    [0.3, -1],
    [0.3, -0.3],
    [1, -0.3],
    [1, 0.3],
    [0.3, 0.3],
    [0.3, 1],
    [-0.3, 1],
    [-0.3, 0.3],
    [-1, 0.3],
    [-1, -0.3],
    [-0.3, -0.3],
  ],
};

function segmentDistance(px: number, py: number, a: [number, number], b: [number, number]) {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - a[0]) * dx + (py - a[1]) * dy) / len2));
  return Math.hypot(px - (a[0] + t * dx), py - (a[1] + t * dy));
}

/**
 * Distance from (x, y) to the outline of a polygon, negative inside, in the polygon's units.
 * @example signedDistance(SHAPES.square, 0, 0) // -0.8
 */
export function signedDistance(polygon: Polygon, x: number, y: number): number {
  let d = Infinity;
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[j];
    const b = polygon[i];
    d = Math.min(d, segmentDistance(x, y, a, b));
    if (a[1] > y !== b[1] > y && x < ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]) + a[0]) {
      inside = !inside;
    }
  }
  return inside ? -d : d;
}

/** What maplibre's `addImage` takes. */
export interface RasterImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** maplibre's SDF convention (as its glyphs): the edge at alpha 0.75, 8 image px per alpha unit. */
const SDF_EDGE = 0.75;
const SDF_PX_PER_UNIT = 8;

/** The box of an SDF mark: the shape spans SDF_SIZE_PX, and SDF_PAD_PX on each side carry the halo. */
export const SDF_SIZE_PX = 32;
export const SDF_PAD_PX = 8;

/**
 * A shape as a signed distance field (maplibre `sdf: true`): tintable with `icon-color`, with
 * room for `icon-halo-width` up to about 6 image pixels. Drawn at `icon-size` = diameter / SDF_SIZE_PX.
 */
export function sdfImage(shape: Shape): RasterImage {
  const size = SDF_SIZE_PX + 2 * SDF_PAD_PX;
  const scale = SDF_SIZE_PX / 2;
  const data = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const x = (px + 0.5 - size / 2) / scale;
      const y = (py + 0.5 - size / 2) / scale;
      const distancePx = signedDistance(SHAPES[shape], x, y) * scale;
      const alpha = Math.max(0, Math.min(1, SDF_EDGE - distancePx / SDF_PX_PER_UNIT));
      const i = (py * size + px) * 4;
      data[i] = data[i + 1] = data[i + 2] = 255;
      data[i + 3] = Math.round(alpha * 255);
    }
  }
  return { width: size, height: size, data };
}

export function hexRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.replace('#', ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Rounded-square plate behind a gate's shape, in the badge's unit box. */
const PLATE_HALF = 0.9;
const PLATE_ROUND = 0.3;

function plateDistance(x: number, y: number): number {
  const inner = PLATE_HALF - PLATE_ROUND;
  const qx = Math.abs(x) - inner;
  const qy = Math.abs(y) - inner;
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - PLATE_ROUND;
}

/** A badge's parts, in the badge's unit box: the plate's border width and the inner shape's size. */
export const BADGE = { border: 0.16, shapeScale: 0.55, plate: '#ffffff', ink: '#16233a' } as const;

/**
 * A gate badge: a white rounded plate with a dark border, the gate kind's shape inside in its
 * colour. Full colour (not SDF), `sizePx` CSS pixels wide at `pixelRatio`. Seizure marks are bare
 * shapes, so a badge never reads as a seizure.
 */
export function badgeImage(
  shape: Shape,
  colour: string,
  sizePx: number,
  pixelRatio = 2,
): RasterImage {
  const size = Math.ceil((sizePx + 2) * pixelRatio);
  const scale = (sizePx * pixelRatio) / 2;
  const data = new Uint8Array(size * size * 4);
  const ink = hexRgb(BADGE.ink);
  const plate = hexRgb(BADGE.plate);
  const fill = hexRgb(colour);
  // Coverage of a pixel by a region whose signed distance (in image px) is d: a 1-px ramp.
  const cover = (d: number) => Math.max(0, Math.min(1, 0.5 - d));
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const x = (px + 0.5 - size / 2) / scale;
      const y = (py + 0.5 - size / 2) / scale;
      const outer = cover(plateDistance(x, y) * scale);
      const face = cover((plateDistance(x, y) + BADGE.border) * scale);
      const mark = cover(
        signedDistance(SHAPES[shape], x / BADGE.shapeScale, y / BADGE.shapeScale) *
          BADGE.shapeScale *
          scale,
      );
      // Paint ink, then the plate's face over it, then the shape over that.
      const rgb = [0, 1, 2].map((c) => {
        const onFace = plate[c] * (1 - mark) + fill[c] * mark;
        return ink[c] * (1 - face) + onFace * face;
      });
      const i = (py * size + px) * 4;
      data[i] = Math.round(rgb[0]);
      data[i + 1] = Math.round(rgb[1]);
      data[i + 2] = Math.round(rgb[2]);
      data[i + 3] = Math.round(outer * 255);
    }
  }
  return { width: size, height: size, data };
}
