/**
 * The map's images, drawn at run time from the polygons in shapes.ts, so the map needs no sprite
 * file and the legend (SVG from the same polygons) always matches: a full-colour badge per gate
 * kind. (Seizures are circles drawn by deck.gl: seizure-points.svelte.ts.)
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { GATE_KINDS } from '$lib/domain';
import { badgeImage } from './shapes';
import { GATE_STYLES, gateIconId } from './styles';

/** Badges are drawn at twice their CSS size, so they stay sharp on high-density screens. */
const BADGE_PIXEL_RATIO = 2;

export function addMapIcons(map: MapLibreMap): void {
  for (const kind of GATE_KINDS) {
    const id = gateIconId(kind);
    if (map.hasImage(id)) continue;
    const { shape, sizePx, colour } = GATE_STYLES[kind];
    map.addImage(id, badgeImage(shape, colour, sizePx, BADGE_PIXEL_RATIO), {
      pixelRatio: BADGE_PIXEL_RATIO,
    });
  }
}
