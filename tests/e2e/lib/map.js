/**
 * Reading and driving the MapLibre map the page exposes as `window.__brmMap`.
 */
import { check } from './runner.js';

/**
 * Resolves after the map has finished rendering everything it has (its next `idle`).
 * @param {import('playwright-core').Page} page
 * @param {{ timeout?: number }} [options] how long the style may take to load (ms)
 */
export async function mapIdle(page, { timeout = 30_000 } = {}) {
  await page.waitForFunction(() => Boolean(window.__brmMap?.isStyleLoaded()), null, { timeout });
  await page.evaluate(
    () =>
      new Promise((done) => {
        const map = window.__brmMap;
        if (!map) return done(undefined);
        map.once('idle', () => done(undefined));
        map.triggerRepaint();
      }),
  );
}

/**
 * Waits until every layer row in the panel reports a count and the stats panel its figures (all
 * requests answered).
 * @param {import('playwright-core').Page} page
 * @param {{ timeout?: number }} [options] how long each wait may take (ms); the 1M-seizure
 *   scenario needs more on a slow CI machine
 */
export async function layersLoaded(page, { timeout = 60_000 } = {}) {
  await page.waitForFunction(
    () =>
      // Every row of the panel (the layers of /api/layers and the objects near the frontier).
      document.querySelectorAll('.layer-count[data-count]').length ===
        document.querySelectorAll('.layer-count').length &&
      !document.querySelector('.layer-count.busy') &&
      !document.querySelector('.stats[aria-busy=true]'),
    null,
    { timeout },
  );
  await mapIdle(page, { timeout: Math.max(timeout / 2, 30_000) });
}

/**
 * Waits until the stats panel shows the figures of the current filters (call after the change
 * that asks for them: the panel marks itself busy at once).
 * @param {import('playwright-core').Page} page
 */
export async function statsReady(page) {
  await page.waitForSelector('.stats[data-status=ready]', { state: 'attached', timeout: 30_000 });
}

/**
 * Rendered features of map layers, as plain objects; `seizure-points` names the deck.gl points.
 * @param {import('playwright-core').Page} page
 * @param {string[]} layers
 */
export async function rendered(page, layers) {
  // The seizures are deck.gl's: found in their columns rather than in maplibre's tiles.
  const points = layers.includes('seizure-points') ? await drawnSeizures(page) : [];
  const others = await page.evaluate((ids) => {
    const map = window.__brmMap;
    if (!map) return [];
    return map
      .queryRenderedFeatures(undefined, { layers: ids.filter((id) => map.getLayer(id)) })
      .map((f) => ({
        layer: f.layer.id,
        properties: f.properties,
        point:
          f.geometry.type === 'Point'
            ? map.project(/** @type {[number, number]} */ (f.geometry.coordinates))
            : null,
      }));
  }, layers);
  return [...others, ...points];
}

/**
 * Clicks a point feature of a map layer (the first rendered one inside the canvas).
 * @param {import('playwright-core').Page} page
 * @param {string} layer
 */
export async function clickFeature(page, layer) {
  const features = await rendered(page, [layer]);
  const box = await page.locator('.maplibregl-canvas').boundingBox();
  check(box, 'no map canvas');
  const target = features.find(
    (f) =>
      f.point &&
      f.point.x > 40 &&
      f.point.y > 40 &&
      f.point.x < box.width - 60 &&
      f.point.y < box.height - 40,
  );
  check(target?.point, `no ${layer} feature inside the view to click`);
  await page.mouse.click(box.x + target.point.x, box.y + target.point.y);
  await page.locator('.brm-popup').waitFor({ state: 'visible', timeout: 5000 });
  return target;
}

/**
 * The seizure points the map draws (deck.gl, `seizure-points`) inside a map's view, found in
 * their columns with the filter the GPU applies, projected to the map's pixels: at most `max`.
 * @param {import('playwright-core').Page} page
 * @param {{ inset?: 'an_giang' | 'lang_son', max?: number }} [options]
 * @returns {Promise<{ layer: string, properties: Record<string, unknown>, point: { x: number, y: number } }[]>}
 */
export function drawnSeizures(page, options = {}) {
  return page.evaluate(
    ({ inset, max }) => {
      const map = inset ? window.__brmInsets?.[inset] : window.__brmMap;
      const state = window.__brmPoints;
      if (!map || !state?.points || !state.filter || !state.map.visible.seizures) return [];
      const { points, filter } = state;
      const [lon0, lat0] = points.header.origin;
      const categories = new Set(filter.categories);
      const agencies = new Set(filter.agencies);
      const bounds = map.getBounds();
      const out = [];
      for (let i = 0; i < points.ids.length && out.length < max; i++) {
        const d = points.days[i];
        if (d < filter.days[0] || d > filter.days[1]) continue;
        if (!categories.has(points.categories[i]) || !agencies.has(points.agencies[i])) continue;
        /** @type {[number, number]} */
        const lngLat = [lon0 + points.offsets[2 * i], lat0 + points.offsets[2 * i + 1]];
        if (!bounds.contains(lngLat)) continue;
        const p = map.project(lngLat);
        out.push({
          layer: 'seizure-points',
          properties: {
            id: points.ids[i],
            category: points.header.categories[points.categories[i]],
            lead_agency: points.header.agencies[points.agencies[i]],
          },
          point: { x: p.x, y: p.y },
        });
      }
      return out;
    },
    { inset: options.inset, max: options.max ?? 50_000 },
  );
}

/**
 * Waits until both inset maps exist, have loaded their style and stopped moving.
 * @param {import('playwright-core').Page} page
 */
export async function insetsIdle(page) {
  await page.waitForFunction(
    () => {
      const maps = Object.values(window.__brmInsets ?? {});
      return (
        maps.length === 2 &&
        maps.every((m) => m?.isStyleLoaded() && !m.isMoving()) &&
        document.querySelectorAll('.layer-count[data-count]').length ===
          document.querySelectorAll('.layer-count').length
      );
    },
    null,
    { timeout: 60_000 },
  );
  await page.evaluate(() =>
    Promise.all(
      Object.values(window.__brmInsets ?? {}).map(
        (m) =>
          new Promise((done) => {
            m?.once('idle', () => done(undefined));
            m?.triggerRepaint();
          }),
      ),
    ),
  );
}
