/**
 * What a click on the map picked: the features under the pointer, nearest first, with seizures
 * piled on one spot folded into one entry. Pure (screen pixels in, entries out) so the order can
 * be tested without a map; the map view projects the features and passes them in.
 */
import type { LayerId } from '$lib/domain';

/** What a click may pick: a layer of /api/layers, or the objects near the frontier. */
export type PickLayer = LayerId | 'objects_near_frontier';

export interface Px {
  x: number;
  y: number;
}

/** One rendered feature under the click, projected to screen pixels. */
export interface PickHit {
  layer: PickLayer;
  /** Rank of the map layer, most specific first (styles' CLICKABLE_LAYERS): breaks ties. */
  rank: number;
  /** Identifies the feature across tiles and map layers that draw it twice. */
  key: string;
  properties: Record<string, unknown>;
  /** The point itself, or the line's parts as the tile clipped them. */
  shape: { point: Px; lngLat: [number, number] } | { lines: Px[][] };
}

export interface PickedFeature {
  layer: PickLayer;
  key: string;
  properties: Record<string, unknown>;
  /** Longitude and latitude of a point feature; null for lines. */
  lngLat: [number, number] | null;
}

/** A popup entry: one feature, or several seizures piled on one spot. */
export interface PickEntry {
  layer: PickLayer;
  features: PickedFeature[];
  /** From the pointer to the feature (lines with their handicap added), in CSS pixels. */
  distancePx: number;
  /** Seizures of the pile beyond those listed in `features` (a popup lists a bounded number). */
  more?: number;
}

/** Lines further than this from the pointer were not clicked, whatever the query box held. */
export const LINE_TOLERANCE_PX = 6;
/**
 * Points are drawn over lines and are the smaller target: a line counts this much further away
 * than it is, so a click on a seizure beside the frontier opens the seizure.
 */
export const LINE_HANDICAP_PX = 4;
/** Seizures whose centres lie this close on screen look like one dot: one entry lists them. */
export const STACK_PX = 6;

function distance(a: Px, b: Px): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

/** Distance from `p` to the segment a-b. */
function segmentDistance(p: Px, a: Px, b: Px): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2;
  const k = Math.max(0, Math.min(1, t));
  return distance(p, { x: a.x + k * dx, y: a.y + k * dy });
}

/** Pixels from the pointer to a hit: to a point's centre, or to the nearest part of a line. */
export function hitDistance(hit: PickHit, pointer: Px): number {
  if ('point' in hit.shape) return distance(pointer, hit.shape.point);
  let best = Infinity;
  for (const line of hit.shape.lines) {
    if (line.length === 1) best = Math.min(best, distance(pointer, line[0]));
    for (let i = 1; i < line.length; i++)
      best = Math.min(best, segmentDistance(pointer, line[i - 1], line[i]));
  }
  return best;
}

interface Scored {
  hit: PickHit;
  distance: number;
  score: number;
}

const newestFirst = (a: Scored, b: Scored) =>
  String(b.hit.properties.occurred_at ?? '').localeCompare(
    String(a.hit.properties.occurred_at ?? ''),
  );

function picked(s: Scored): PickedFeature {
  const { layer, key, properties, shape } = s.hit;
  return { layer, key, properties, lngLat: 'point' in shape ? shape.lngLat : null };
}

/**
 * The entries of a popup for a click at `pointer`: each feature once, lines only when within
 * LINE_TOLERANCE_PX, nearest first (ties: the more specific layer). Seizures within STACK_PX of
 * the nearest remaining one form one entry, their members nearest first, then newest first.
 *
 * @example
 *   pickEntries([gateAt(3, 0), seizureAt(1, 0)], { x: 0, y: 0 })
 *   // -> [{ layer: 'seizures', ... }, { layer: 'border_gates', ... }]
 */
export function pickEntries(hits: readonly PickHit[], pointer: Px): PickEntry[] {
  const nearest = new Map<string, Scored>();
  for (const hit of hits) {
    const d = hitDistance(hit, pointer);
    const isLine = !('point' in hit.shape);
    if (isLine && d > LINE_TOLERANCE_PX) continue;
    const score = d + (isLine ? LINE_HANDICAP_PX : 0);
    const seen = nearest.get(hit.key);
    if (!seen || score < seen.score) nearest.set(hit.key, { hit, distance: d, score });
  }
  const scored = [...nearest.values()].sort((a, b) => a.score - b.score || a.hit.rank - b.hit.rank);

  const entries: PickEntry[] = [];
  const stacked = new Set<Scored>();
  for (const s of scored) {
    if (stacked.has(s)) continue;
    if (s.hit.layer !== 'seizures' || !('point' in s.hit.shape)) {
      entries.push({ layer: s.hit.layer, features: [picked(s)], distancePx: s.distance });
      continue;
    }
    const centre = s.hit.shape.point;
    const members = scored.filter(
      (o) =>
        !stacked.has(o) &&
        o.hit.layer === 'seizures' &&
        'point' in o.hit.shape &&
        distance(o.hit.shape.point, centre) <= STACK_PX,
    );
    for (const m of members) stacked.add(m);
    // The one nearest the pointer first; a pile on one exact spot reads newest first.
    members.sort((a, b) => Math.round(a.distance) - Math.round(b.distance) || newestFirst(a, b));
    entries.push({ layer: 'seizures', features: members.map(picked), distancePx: s.distance });
  }
  return entries;
}
