/**
 * Gate symbols drawn at run time from the shapes in styles.ts, so the map needs no sprite file
 * and the legend (SVG from the same polygons) always matches.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { GATE_KINDS } from '$lib/domain';
import { GATE_STYLES, SHAPES, gateIconId, type Shape } from './styles';

const PIXEL_RATIO = 2;

/** RGBA pixels of a filled shape with a white outline, `sizePx` CSS pixels wide. */
export function drawShape(shape: Shape, sizePx: number, colour: string): ImageData {
  const size = Math.ceil((sizePx + 4) * PIXEL_RATIO);
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('2D canvas unavailable');
  const half = size / 2;
  const r = (sizePx / 2) * PIXEL_RATIO;
  ctx.beginPath();
  SHAPES[shape].forEach(([x, y], i) => {
    if (i === 0) ctx.moveTo(half + x * r, half + y * r);
    else ctx.lineTo(half + x * r, half + y * r);
  });
  ctx.closePath();
  ctx.fillStyle = colour;
  ctx.fill();
  ctx.lineWidth = 1.5 * PIXEL_RATIO;
  ctx.strokeStyle = '#ffffff';
  ctx.lineJoin = 'round';
  ctx.stroke();
  return ctx.getImageData(0, 0, size, size);
}

export function addGateIcons(map: MapLibreMap): void {
  for (const kind of GATE_KINDS) {
    const id = gateIconId(kind);
    if (map.hasImage(id)) continue;
    const { shape, sizePx, colour } = GATE_STYLES[kind];
    map.addImage(id, drawShape(shape, sizePx, colour), { pixelRatio: PIXEL_RATIO });
  }
}
