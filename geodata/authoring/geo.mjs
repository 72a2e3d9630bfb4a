// Small plane-geometry helpers for authoring the geodata (no dependencies).
// Positions are [lon, lat] in degrees; metric work uses a local equirectangular plane.

export const EARTH_R = 6371008.8;

/** Great-circle distance in metres. */
export function haversine(a, b) {
  const toRad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * toRad;
  const dLon = (b[0] - a[0]) * toRad;
  const s =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a[1] * toRad) * Math.cos(b[1] * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_R * Math.asin(Math.min(1, Math.sqrt(s)));
}

export function lineLength(coords) {
  let s = 0;
  for (let i = 1; i < coords.length; i++) s += haversine(coords[i - 1], coords[i]);
  return s;
}

/** Local plane around latitude lat0: metres east and north. */
export function plane(lat0) {
  const kx = (Math.PI / 180) * EARTH_R * Math.cos((lat0 * Math.PI) / 180);
  const ky = (Math.PI / 180) * EARTH_R;
  return {
    fwd: ([lon, lat]) => [lon * kx, lat * ky],
    inv: ([x, y]) => [x / kx, y / ky],
  };
}

/** Deterministic PRNG (mulberry32). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const round5 = (p) => [Math.round(p[0] * 1e5) / 1e5, Math.round(p[1] * 1e5) / 1e5];

/**
 * Midpoint displacement between consecutive control points (which stay fixed): each span is
 * halved `depth` times (depth from the span length and `minSeg`, so the random sequence does
 * not depend on `d`) and each new midpoint moves sideways by d * (span length) * r, r in
 * +-[0.5, 1]. Gives a ridge- or stream-like line through the control points.
 */
export function fractalize(controls, { d, minSeg, seed, lat0 }) {
  const P = plane(lat0);
  const pts = controls.map(P.fwd);
  const rnd = prng(seed);
  const out = [pts[0]];
  for (let i = 0; i < pts.length - 1; i++) {
    const a = pts[i];
    const b = pts[i + 1];
    const L = Math.hypot(b[0] - a[0], b[1] - a[1]);
    const depth = Math.max(0, Math.ceil(Math.log2(L / minSeg)));
    const seg = subdivide(a, b, d, depth, rnd);
    for (let k = 1; k < seg.length; k++) out.push(seg[k]);
  }
  return out.map(P.inv);
}

function subdivide(a, b, d, depth, rnd) {
  if (depth <= 0) return [a, b];
  const L = Math.hypot(b[0] - a[0], b[1] - a[1]);
  const nx = -(b[1] - a[1]) / L;
  const ny = (b[0] - a[0]) / L;
  const r = (0.5 + 0.5 * rnd()) * (rnd() < 0.5 ? -1 : 1);
  const m = [(a[0] + b[0]) / 2 + nx * r * d * L, (a[1] + b[1]) / 2 + ny * r * d * L];
  const left = subdivide(a, m, d, depth - 1, rnd);
  const right = subdivide(m, b, d, depth - 1, rnd);
  return [...left.slice(0, -1), ...right];
}

/** Chaikin corner cutting; first and last positions stay. */
export function chaikin(pts, iterations = 1) {
  let p = pts;
  for (let it = 0; it < iterations; it++) {
    if (p.length < 3) return p;
    const q = [p[0]];
    for (let i = 0; i < p.length - 1; i++) {
      const a = p[i];
      const b = p[i + 1];
      q.push([0.75 * a[0] + 0.25 * b[0], 0.75 * a[1] + 0.25 * b[1]]);
      q.push([0.25 * a[0] + 0.75 * b[0], 0.25 * a[1] + 0.75 * b[1]]);
    }
    q.push(p[p.length - 1]);
    p = q;
  }
  return p;
}

/** Uniform Catmull-Rom spline through the control points, about `step` metres apart. */
export function catmullRom(controls, { step, lat0 }) {
  const P = plane(lat0);
  const p = controls.map(P.fwd);
  const out = [p[0]];
  for (let i = 0; i < p.length - 1; i++) {
    const p0 = p[Math.max(0, i - 1)];
    const p1 = p[i];
    const p2 = p[i + 1];
    const p3 = p[Math.min(p.length - 1, i + 2)];
    const L = Math.hypot(p2[0] - p1[0], p2[1] - p1[1]);
    const n = Math.max(1, Math.round(L / step));
    for (let k = 1; k <= n; k++) {
      const t = k / n;
      const t2 = t * t;
      const t3 = t2 * t;
      const f = (c) =>
        0.5 *
        (2 * p1[c] +
          (-p0[c] + p2[c]) * t +
          (2 * p0[c] - 5 * p1[c] + 4 * p2[c] - p3[c]) * t2 +
          (-p0[c] + 3 * p1[c] - 3 * p2[c] + p3[c]) * t3);
      out.push([f(0), f(1)]);
    }
  }
  return out.map(P.inv);
}

/** Signed area (shoelace, degrees^2); positive = counter-clockwise. */
export function signedArea(ring) {
  let s = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  }
  return s / 2;
}

/** Area of a closed ring in km^2 (local plane at the ring's mean latitude). */
export function ringAreaKm2(ring) {
  const lat0 = ring.reduce((s, p) => s + p[1], 0) / ring.length;
  const P = plane(lat0);
  const q = ring.map(P.fwd);
  let s = 0;
  for (let i = 0; i < q.length - 1; i++) s += q[i][0] * q[i + 1][1] - q[i + 1][0] * q[i][1];
  return Math.abs(s / 2) / 1e6;
}

function segIntersect(a, b, c, d) {
  const o = (p, q, r) => (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]);
  const d1 = o(c, d, a);
  const d2 = o(c, d, b);
  const d3 = o(a, b, c);
  const d4 = o(a, b, d);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
    return true;
  }
  const on = (p, q, r) =>
    Math.min(p[0], q[0]) <= r[0] &&
    r[0] <= Math.max(p[0], q[0]) &&
    Math.min(p[1], q[1]) <= r[1] &&
    r[1] <= Math.max(p[1], q[1]);
  if (d1 === 0 && on(c, d, a)) return true;
  if (d2 === 0 && on(c, d, b)) return true;
  if (d3 === 0 && on(a, b, c)) return true;
  if (d4 === 0 && on(a, b, d)) return true;
  return false;
}

/** Index pairs of non-adjacent segments that touch or cross (closed ring if `ring`). */
export function selfIntersections(pts, ring = false) {
  const n = pts.length - 1;
  const hits = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 2; j < n; j++) {
      if (ring && i === 0 && j === n - 1) continue;
      if (segIntersect(pts[i], pts[i + 1], pts[j], pts[j + 1])) hits.push([i, j]);
    }
  }
  return hits;
}

/** Number of crossings between two polylines. */
export function crossings(a, b) {
  let n = 0;
  for (let i = 0; i < a.length - 1; i++) {
    for (let j = 0; j < b.length - 1; j++) {
      if (segIntersect(a[i], a[i + 1], b[j], b[j + 1])) n++;
    }
  }
  return n;
}

export function pointInRing(p, ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) {
      inside = !inside;
    }
  }
  return inside;
}

/** Distance in metres from p to the polyline (local plane). */
export function distToLine(p, line) {
  const P = plane(p[1]);
  const q = P.fwd(p);
  let best = Infinity;
  for (let i = 0; i < line.length - 1; i++) {
    const a = P.fwd(line[i]);
    const b = P.fwd(line[i + 1]);
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const L2 = dx * dx + dy * dy;
    const t = L2 ? Math.max(0, Math.min(1, ((q[0] - a[0]) * dx + (q[1] - a[1]) * dy) / L2)) : 0;
    best = Math.min(best, Math.hypot(q[0] - a[0] - t * dx, q[1] - a[1] - t * dy));
  }
  return best;
}

/** Point `dist` metres from p towards bearing given as a unit vector [ex, ny] in the plane. */
export function offset(p, [ux, uy], dist) {
  const P = plane(p[1]);
  const q = P.fwd(p);
  return P.inv([q[0] + ux * dist, q[1] + uy * dist]);
}

/** Where segment a-b properly crosses segment c-d (degrees, treated as a plane), or null. */
export function segmentCrossing(a, b, c, d) {
  const r = [b[0] - a[0], b[1] - a[1]];
  const s = [d[0] - c[0], d[1] - c[1]];
  const den = r[0] * s[1] - r[1] * s[0];
  if (den === 0) return null;
  const t = ((c[0] - a[0]) * s[1] - (c[1] - a[1]) * s[0]) / den;
  const u = ((c[0] - a[0]) * r[1] - (c[1] - a[1]) * r[0]) / den;
  if (t < 0 || t > 1 || u < 0 || u > 1) return null;
  return [a[0] + t * r[0], a[1] + t * r[1]];
}

/** Every point where polyline a crosses polyline b, in order along a. */
export function crossingPoints(a, b) {
  const out = [];
  for (let i = 0; i < a.length - 1; i++) {
    const here = [];
    for (let j = 0; j < b.length - 1; j++) {
      const p = segmentCrossing(a[i], a[i + 1], b[j], b[j + 1]);
      if (p) here.push(p);
    }
    const d0 = (p) => (p[0] - a[i][0]) ** 2 + (p[1] - a[i][1]) ** 2;
    out.push(...here.sort((p, q) => d0(p) - d0(q)));
  }
  return out;
}
