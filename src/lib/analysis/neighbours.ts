/**
 * Distance-band neighbours over the cells of a study area, for Gi* (DESIGN.md section 6):
 * binary weights, the cell itself included, centre-to-centre distance <= d.
 *
 * On the hex lattice the squared distance between centres is sizeM^2 (dq^2 + dq dr + dr^2), so
 * the band is a fixed set of axial offsets, enumerated once; each cell then looks its offsets
 * up in a dense (q, r) index. Cost: cells x offsets, no pairwise search.
 *
 * A relative tolerance of 1e-9 on the distance lets a band set at an exact lattice distance
 * (3 cells = 3000 m at 1000 m, or sqrt 3 cells) take in that ring despite rounding.
 */
import type { Axial } from './hex-grid';

/** Relative slack on the band distance (see the file header). */
export const BAND_TOLERANCE = 1e-9;

/**
 * Neighbour lists in compressed sparse row form: the neighbours of cell i (indices into the
 * cell list, i itself included) are `indices[offsets[i] .. offsets[i + 1])`, in lattice-offset
 * order. All weights are 1.
 */
export interface NeighbourList {
  readonly n: number;
  readonly offsets: Uint32Array;
  readonly indices: Uint32Array;
  readonly sizeM: number;
  readonly distanceM: number;
}

/**
 * The axial offsets (dq, dr) whose centres lie within distanceM of a cell's centre, (0, 0)
 * first, then by distance. Distances and size in metres.
 *
 * @example
 * bandOffsets(1000, 1000).length; // 7 (the cell and its six neighbours)
 * bandOffsets(3000, 1000).length; // 37 (the default band of 3 cells)
 */
export function bandOffsets(distanceM: number, sizeM: number): Axial[] {
  if (!(Number.isFinite(distanceM) && distanceM >= 0))
    throw new RangeError(`distance ${distanceM} m`);
  if (!(Number.isFinite(sizeM) && sizeM > 0)) throw new RangeError(`cell size ${sizeM} m`);
  const limit = (distanceM / sizeM) * (1 + BAND_TOLERANCE);
  const limit2 = limit * limit;
  // |dr| * sqrt(3)/2 <= limit and |dq + dr/2| <= limit bound the search.
  const maxR = Math.floor(limit / (Math.sqrt(3) / 2));
  const found: { q: number; r: number; d2: number }[] = [];
  for (let r = -maxR; r <= maxR; r++) {
    for (let q = Math.floor(-limit - r / 2); q <= Math.ceil(limit - r / 2); q++) {
      const d2 = q * q + q * r + r * r;
      if (d2 <= limit2) found.push({ q, r, d2 });
    }
  }
  found.sort((a, b) => a.d2 - b.d2 || a.r - b.r || a.q - b.q);
  return found.map(({ q, r }) => ({ q, r }));
}

/** The cells' (q, r) bounding box and, when it is small enough, a dense index over it. */
function denseIndex(cells: ReadonlyArray<Axial>) {
  let qMin = Infinity;
  let qMax = -Infinity;
  let rMin = Infinity;
  let rMax = -Infinity;
  for (const { q, r } of cells) {
    if (q < qMin) qMin = q;
    if (q > qMax) qMax = q;
    if (r < rMin) rMin = r;
    if (r > rMax) rMax = r;
  }
  const width = qMax - qMin + 1;
  const height = rMax - rMin + 1;
  if (!(cells.length > 0 && width * height <= 8 * cells.length + 4096)) return undefined;
  const grid = new Int32Array(width * height).fill(-1);
  cells.forEach(({ q, r }, i) => {
    const at = (r - rMin) * width + (q - qMin);
    if (grid[at] !== -1) throw new RangeError(`cell ${q}:${r} is listed twice`);
    grid[at] = i;
  });
  return { grid, qMin, qMax, rMin, rMax, width };
}

/** Scattered cells (two far-apart areas): a map keyed by q * 2^23 + r, unique for |r| < 2^22. */
function mapIndex(cells: ReadonlyArray<Axial>): (q: number, r: number) => number {
  const map = new Map<number, number>();
  cells.forEach(({ q, r }, i) => {
    const key = q * 8388608 + r;
    if (map.has(key)) throw new RangeError(`cell ${q}:${r} is listed twice`);
    map.set(key, i);
  });
  return (q, r) => map.get(q * 8388608 + r) ?? -1;
}

/** Appends to a growing Uint32Array. */
class IndexBuffer {
  data: Uint32Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Uint32Array(Math.max(16, capacity));
  }
  reserve(extra: number) {
    if (this.length + extra <= this.data.length) return;
    const grown = new Uint32Array(Math.max(this.data.length * 2, this.length + extra));
    grown.set(this.data.subarray(0, this.length));
    this.data = grown;
  }
}

/**
 * Neighbour lists for a distance band over a list of cells (axial coordinates of one grid;
 * cell size and distance in metres). Each cell's list includes the cell itself. Throws a
 * RangeError when a cell is listed twice.
 *
 * @example
 * const cells = [{ q: 0, r: 0 }, { q: 1, r: 0 }, { q: 5, r: 5 }];
 * const nb = buildNeighbours(cells, 1000, 1000);
 * nb.indices.subarray(nb.offsets[0], nb.offsets[1]); // Uint32Array [0, 1]
 */
export function buildNeighbours(
  cells: ReadonlyArray<Axial>,
  sizeM: number,
  distanceM: number,
): NeighbourList {
  const band = bandOffsets(distanceM, sizeM);
  const dq = Int32Array.from(band, (o) => o.q);
  const dr = Int32Array.from(band, (o) => o.r);
  const n = cells.length;
  const offsets = new Uint32Array(n + 1);
  const out = new IndexBuffer(n * Math.min(band.length, 64));
  const dense = denseIndex(cells);
  if (dense) {
    // Hot loop: the grid position of an offset is a constant step from the cell's own.
    const { grid, qMin, qMax, rMin, rMax, width } = dense;
    const step = Int32Array.from(band, (o) => o.r * width + o.q);
    for (let i = 0; i < n; i++) {
      const { q, r } = cells[i];
      const at = (r - rMin) * width + (q - qMin);
      out.reserve(band.length);
      const data = out.data;
      let k = out.length;
      for (let o = 0; o < band.length; o++) {
        const nq = q + dq[o];
        const nr = r + dr[o];
        if (nq < qMin || nq > qMax || nr < rMin || nr > rMax) continue;
        const j = grid[at + step[o]];
        if (j >= 0) data[k++] = j;
      }
      out.length = k;
      offsets[i + 1] = k;
    }
  } else {
    const find = mapIndex(cells);
    for (let i = 0; i < n; i++) {
      const { q, r } = cells[i];
      out.reserve(band.length);
      for (let o = 0; o < band.length; o++) {
        const j = find(q + dq[o], r + dr[o]);
        if (j >= 0) out.data[out.length++] = j;
      }
      offsets[i + 1] = out.length;
    }
  }
  return { n, offsets, indices: out.data.slice(0, out.length), sizeM, distanceM };
}

/** How many neighbours the cells have, and whether the band takes in every cell. */
export interface BandCoverage {
  n: number;
  minNeighbours: number;
  maxNeighbours: number;
  meanNeighbours: number;
  /** Some cell has all n cells as neighbours: its Gi* is undefined (0/0); refuse the band. */
  takesInEveryCell: boolean;
}

/**
 * Neighbour counts of a neighbour list (the cell itself included), so a caller can refuse a
 * band that takes in every cell (the API's 400) or is too narrow to mean anything.
 *
 * @example
 * bandCoverage(buildNeighbours([{ q: 0, r: 0 }, { q: 1, r: 0 }], 1000, 1000));
 * // { n: 2, minNeighbours: 2, maxNeighbours: 2, meanNeighbours: 2, takesInEveryCell: true }
 */
export function bandCoverage(nb: NeighbourList): BandCoverage {
  let min = Infinity;
  let max = 0;
  for (let i = 0; i < nb.n; i++) {
    const w = nb.offsets[i + 1] - nb.offsets[i];
    if (w < min) min = w;
    if (w > max) max = w;
  }
  return {
    n: nb.n,
    minNeighbours: nb.n === 0 ? 0 : min,
    maxNeighbours: max,
    meanNeighbours: nb.n === 0 ? 0 : nb.offsets[nb.n] / nb.n,
    takesInEveryCell: nb.n > 0 && max >= nb.n,
  };
}
