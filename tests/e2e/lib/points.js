import { drawnSeizures } from './map.js';

/**
 * The point features the map draws, in screen pixels, for tests that click a chosen one: a lone
 * seizure, a seizure beside a gate, a pile of seizures on one spot.
 */

/**
 * @typedef {{ x: number, y: number, id: string }} DrawnSeizure
 * @typedef {{ x: number, y: number, name: string }} DrawnGate
 * @typedef {{ seizures: DrawnSeizure[], gates: DrawnGate[], left: number, top: number,
 *   width: number, height: number }} Drawn
 */

/**
 * Seizures and gates inside the map, away from its edges and controls, in page coordinates.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<Drawn>}
 */
export async function drawnPoints(page) {
  const seizures = await drawnSeizures(page);
  return page.evaluate((points) => {
    const map = window.__brmMap;
    if (!map) throw new Error('no map');
    const box = map.getCanvas().getBoundingClientRect();
    /** @param {{ x: number, y: number }} p */
    const inside = (p) => p.x > 50 && p.y > 50 && p.x < box.width - 60 && p.y < box.height - 40;
    /** @param {string} layer */
    const gates = (layer) =>
      map
        .queryRenderedFeatures(undefined, { layers: [layer] })
        .flatMap((f) =>
          f.geometry.type === 'Point'
            ? [
                {
                  p: map.project(/** @type {[number, number]} */ (f.geometry.coordinates)),
                  props: f.properties,
                },
              ]
            : [],
        )
        .filter(({ p }) => inside(p));
    return {
      seizures: points
        .filter(({ point }) => inside(point))
        .map(({ point, properties }) => ({
          x: point.x + box.left,
          y: point.y + box.top,
          id: String(properties.id),
        })),
      gates: [...gates('gates-symbol'), ...gates('gates-symbol-minor')].map(({ p, props }) => ({
        x: p.x + box.left,
        y: p.y + box.top,
        name: String(props.name_vi),
      })),
      left: box.left,
      top: box.top,
      width: box.width,
      height: box.height,
    };
  }, seizures);
}

/**
 * The case reference of a seizure, as its record (`GET /api/seizures/{id}`) gives it.
 * @param {import('playwright-core').Page} page
 * @param {string} id
 */
export function caseRefOf(page, id) {
  return page.evaluate(async (id) => {
    const res = await fetch(`/api/seizures/${id}`);
    const f = await res.json();
    return String(f.properties.case_ref);
  }, id);
}

/**
 * @param {{ x: number, y: number }} a
 * @param {{ x: number, y: number }} b
 */
export const px = (a, b) => Math.hypot(a.x - b.x, a.y - b.y);

/**
 * The seizure with the fewest others near it (a lone dot), or undefined.
 * @param {Drawn} drawn
 */
export function loneSeizure(drawn) {
  const crowd = (/** @type {DrawnSeizure} */ s) =>
    drawn.seizures.filter((o) => px(o, s) < 16).length +
    drawn.gates.filter((g) => px(g, s) < 16).length;
  return [...drawn.seizures].sort((a, b) => crowd(a) - crowd(b))[0];
}

/**
 * The seizure centre where the most others lie within `radius` pixels, and those others.
 * @param {Drawn} drawn
 * @param {number} radius
 */
export function densestPile(drawn, radius) {
  let best = { at: drawn.seizures[0], members: /** @type {DrawnSeizure[]} */ ([]) };
  for (const s of drawn.seizures) {
    const members = drawn.seizures.filter((o) => px(o, s) <= radius);
    if (members.length > best.members.length) best = { at: s, members };
  }
  return best;
}
