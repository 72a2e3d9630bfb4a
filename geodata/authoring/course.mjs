// The frontier's course from a reference line (Natural Earth): clipped, simplified, moved onto
// points whose position is published (pins), then drawn as a smooth curve. No bends are added:
// every vertex lies on a curve through the reference's own vertices and the pins.

import { plane } from './geo.mjs';

const dist = (a, b) => Math.hypot(b[0] - a[0], b[1] - a[1]);

/** Foot of p on the polyline `pts` (plane metres): segment index, parameter, point, arc length. */
export function projectOnto(pts, p) {
  let best = { i: 0, t: 0, q: pts[0], d: Infinity, s: 0 };
  let s = 0;
  for (let i = 0; i < pts.length - 1; i++) {
    const a = pts[i];
    const b = pts[i + 1];
    const L = dist(a, b);
    const t = L
      ? Math.max(
          0,
          Math.min(1, ((p[0] - a[0]) * (b[0] - a[0]) + (p[1] - a[1]) * (b[1] - a[1])) / L ** 2),
        )
      : 0;
    const q = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
    const d = dist(p, q);
    if (d < best.d) best = { i, t, q, d, s: s + t * L };
    s += L;
  }
  return best;
}

/** Cumulative arc length at each vertex. */
export function arcLengths(pts) {
  const s = [0];
  for (let i = 1; i < pts.length; i++) s.push(s[i - 1] + dist(pts[i - 1], pts[i]));
  return s;
}

/** The part of `pts` between the feet of a and b, oriented from a to b (plane metres). */
export function clip(pts, a, b) {
  const A = projectOnto(pts, a);
  const B = projectOnto(pts, b);
  const forward = A.s <= B.s;
  const [lo, hi] = forward ? [A, B] : [B, A];
  const out = [lo.q, ...pts.slice(lo.i + 1, hi.i + 1), hi.q];
  const clean = out.filter((p, k) => k === 0 || dist(p, out[k - 1]) > 1e-6);
  return forward ? clean : clean.reverse();
}

/** Douglas-Peucker: keeps the vertices that stand more than `tol` metres off the simplified line. */
export function simplify(pts, tol) {
  const keep = new Uint8Array(pts.length);
  keep[0] = keep[pts.length - 1] = 1;
  const stack = [[0, pts.length - 1]];
  while (stack.length) {
    const [i, j] = stack.pop();
    let worst = -1;
    let wd = tol;
    for (let k = i + 1; k < j; k++) {
      const d = projectOnto([pts[i], pts[j]], pts[k]).d;
      if (d > wd) [worst, wd] = [k, d];
    }
    if (worst >= 0) {
      keep[worst] = 1;
      stack.push([i, worst], [worst, j]);
    }
  }
  return pts.filter((_, k) => keep[k]);
}

/**
 * Centripetal Catmull-Rom curve through `ctl` (plane metres), sampled every `step` metres and
 * thinned to the vertices that stand more than `flatness` metres off a straight line (so the
 * curve looks smooth at street scale without a vertex every few metres on the straight parts).
 * Passes through every control point and, unlike the uniform form, makes no loops or cusps
 * where control points bunch. Returns the curve and the output index of each control point.
 */
export function smoothThrough(ctl, step, flatness = 0) {
  const out = [ctl[0]];
  const at = [0];
  for (let i = 0; i < ctl.length - 1; i++) {
    const p0 = ctl[Math.max(0, i - 1)];
    const p1 = ctl[i];
    const p2 = ctl[i + 1];
    const p3 = ctl[Math.min(ctl.length - 1, i + 2)];
    const knot = (a, b) => Math.max(Math.sqrt(dist(a, b)), 1e-6);
    const t0 = 0;
    const t1 = t0 + (i === 0 ? knot(p1, p2) : knot(p0, p1));
    const t2 = t1 + knot(p1, p2);
    const t3 = t2 + (i + 2 >= ctl.length ? knot(p1, p2) : knot(p2, p3));
    const q0 = i === 0 ? [2 * p1[0] - p2[0], 2 * p1[1] - p2[1]] : p0;
    const q3 = i + 2 >= ctl.length ? [2 * p2[0] - p1[0], 2 * p2[1] - p1[1]] : p3;
    const n = Math.max(1, Math.round(dist(p1, p2) / step));
    const span = [p1];
    for (let k = 1; k < n; k++) {
      const t = t1 + ((t2 - t1) * k) / n;
      const lerp = (a, b, ta, tb) => [
        ((tb - t) / (tb - ta)) * a[0] + ((t - ta) / (tb - ta)) * b[0],
        ((tb - t) / (tb - ta)) * a[1] + ((t - ta) / (tb - ta)) * b[1],
      ];
      const a1 = lerp(q0, p1, t0, t1);
      const a2 = lerp(p1, p2, t1, t2);
      const a3 = lerp(p2, q3, t2, t3);
      const b1 = lerp(a1, a2, t0, t2);
      const b2 = lerp(a2, a3, t1, t3);
      span.push(lerp(b1, b2, t1, t2));
    }
    span.push(p2);
    out.push(...(flatness > 0 ? simplify(span, flatness) : span).slice(1));
    at.push(out.length - 1);
  }
  return { line: out, at };
}

/**
 * Displacement at arc length s from pins sorted by arc length (each { s, d: [dx, dy] }): linear
 * between two pins closer than 2 * taper, otherwise each pin's shift fades smoothly to nothing
 * over `taper` metres.
 */
function displacement(pins, s, taper) {
  // Cosine fade: no corner where the shift starts, ends or peaks.
  const fade = (p) => {
    const u = Math.min(1, Math.abs(s - p.s) / taper);
    return 0.5 * (1 + Math.cos(Math.PI * u));
  };
  for (let k = 0; k < pins.length - 1; k++) {
    const a = pins[k];
    const b = pins[k + 1];
    if (s >= a.s && s <= b.s && b.s - a.s <= 2 * taper) {
      const u = b.s > a.s ? (s - a.s) / (b.s - a.s) : 0;
      return [a.d[0] + u * (b.d[0] - a.d[0]), a.d[1] + u * (b.d[1] - a.d[1])];
    }
  }
  const d = [0, 0];
  for (const p of pins) {
    d[0] += p.d[0] * fade(p);
    d[1] += p.d[1] * fade(p);
  }
  return d;
}

/**
 * The course from reference line `ref` ([lon, lat], already clipped and oriented):
 * - `tolerance`: Douglas-Peucker tolerance (metres) applied to the reference's vertices;
 * - `pins`: [{ id, p }], points the line must pass through (published positions); the reference
 *   is shifted onto each, the shift fading over `taper` metres along the line;
 * - `replace`: [{ from, to, via: [{ id, p }] }], stretches where the reference contradicts
 *   published positions: between the feet of `from` and `to` the line runs through `via` instead;
 * - `tail`: positions appended after the last vertex (e.g. the coast beyond the last marker);
 * - `step`, `flatness`: the curve is sampled every `step` metres and kept to `flatness` metres.
 * Returns { line: [lon, lat][], pinAt: { id: index } }, unrounded.
 */
export function buildCourse(
  ref,
  {
    lat0,
    tolerance,
    step,
    flatness = 0,
    pins = [],
    taper = 1,
    replace = [],
    chord = 1000,
    tail = [],
  },
) {
  const P = plane(lat0);
  const base = ref.map(P.fwd);
  const end = arcLengths(base).at(-1);
  const placed = pins
    .map(({ id, p }) => {
      const q = P.fwd(p);
      const foot = projectOnto(base, q);
      return { id, q, s: foot.s, d: [q[0] - foot.q[0], q[1] - foot.q[1]] };
    })
    .sort((a, b) => a.s - b.s);
  const shifted = (q, s) => {
    const d = displacement(placed, s, taper);
    return [q[0] + d[0], q[1] + d[1]];
  };
  const cuts = replace.map(({ from, to, via }) => {
    const a = projectOnto(base, P.fwd(from));
    const b = projectOnto(base, P.fwd(to));
    if (!(a.s < b.s)) throw new Error('replace: `from` must come before `to` along the line');
    return { a, b, via };
  });
  // The simplified reference, with a control at least every `chord` metres: the curve keeps
  // its long straight stretches straight and only rounds the corners.
  const simple = simplify(base, tolerance);
  const dense = [simple[0]];
  for (let k = 1; k < simple.length; k++) {
    const [u, v] = [simple[k - 1], simple[k]];
    const n = Math.max(1, Math.round(dist(u, v) / chord));
    for (let j = 1; j <= n; j++)
      dense.push([u[0] + ((v[0] - u[0]) * j) / n, u[1] + ((v[1] - u[1]) * j) / n]);
  }
  const ctl = [];
  for (const q of dense) {
    const s = projectOnto(base, q).s;
    const isEnd = s === 0 || s === end;
    const nearPin = placed.some((p) => Math.abs(p.s - s) < Math.min(400, taper / 4));
    if (!isEnd && (nearPin || cuts.some((c) => s > c.a.s - 1 && s < c.b.s + 1))) continue;
    // A pin at an end of the reference replaces that end.
    if (isEnd && placed.some((p) => Math.abs(p.s - s) < 1)) continue;
    ctl.push({ q: shifted(q, s), s });
  }
  for (const p of placed) ctl.push({ q: p.q, s: p.s, id: p.id });
  for (const { a, b, via } of cuts) {
    // Straight between the points, with a control every `chord` metres, so the curve only
    // rounds the corners instead of swinging wide over the long spans.
    const stops = [
      { q: shifted(a.q, a.s) },
      ...via.map(({ id, p }) => ({ q: P.fwd(p), id })),
      { q: shifted(b.q, b.s) },
    ];
    const pts = [stops[0]];
    for (let k = 1; k < stops.length; k++) {
      const [u, v] = [stops[k - 1].q, stops[k].q];
      const n = Math.max(1, Math.round(dist(u, v) / chord));
      for (let j = 1; j < n; j++)
        pts.push({ q: [u[0] + ((v[0] - u[0]) * j) / n, u[1] + ((v[1] - u[1]) * j) / n] });
      pts.push(stops[k]);
    }
    pts.forEach((c, k) => ctl.push({ ...c, s: a.s + ((b.s - a.s) * k) / (pts.length - 1) }));
  }
  ctl.sort((x, y) => x.s - y.s);
  for (const t of tail) ctl.push({ q: P.fwd(t), s: Infinity });
  const { line, at } = smoothThrough(
    ctl.map((c) => c.q),
    step,
    flatness,
  );
  const pinAt = {};
  ctl.forEach((c, k) => {
    if (c.id) pinAt[c.id] = at[k];
  });
  return { line: line.map(P.inv), pinAt };
}
