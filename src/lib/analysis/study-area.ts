/**
 * The study area of DESIGN.md section 6: every cell whose centre lies inside the province
 * outline, zeros included. Outlines come in EPSG:32648 metres (a GeoJSON Polygon or
 * MultiPolygon whose positions are [x, y] in UTM), so the test is planar.
 *
 * Inside means the even-odd rule over the polygon's rings (holes are rings like any other),
 * with the half-open crossing convention: an edge counts when exactly one end is strictly above
 * the horizontal through the point, and the point is inside when an odd number of such edges
 * cross strictly to its east. A centre on a west or south boundary is therefore inside, on an
 * east or north boundary outside; a point in two parts of a MultiPolygon is inside.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { DEFAULT_CELL_SIZE_M, HEX_SQRT3, hexCell, type HexCell } from './hex-grid';

/** A polygon or multipolygon in EPSG:32648 metres. */
export type PlanarArea = Polygon | MultiPolygon;

function polygonsOf(area: PlanarArea): Position[][][] {
  return area.type === 'Polygon' ? [area.coordinates] : area.coordinates;
}

/** x of each ring edge crossing the horizontal y (half-open rule), sorted ascending. */
function crossings(rings: Position[][], y: number): number[] {
  const xs: number[] = [];
  for (const ring of rings) {
    const n = ring.length;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y) xs.push(xi + ((y - yi) * (xj - xi)) / (yj - yi));
    }
  }
  return xs.sort((a, b) => a - b);
}

/**
 * Whether a point (metres, EPSG:32648) lies inside a planar polygon or multipolygon
 * (even-odd rule, see the file header for points on the boundary).
 *
 * @example
 * const square = { type: 'Polygon', coordinates: [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]] };
 * pointInArea(5, 5, square); // true
 * pointInArea(10, 5, square); // false (east edge)
 */
export function pointInArea(x: number, y: number, area: PlanarArea): boolean {
  for (const rings of polygonsOf(area)) {
    let inside = false;
    for (const xc of crossings(rings, y)) if (xc > x) inside = !inside;
    if (inside) return true;
  }
  return false;
}

/**
 * Every grid cell whose centre lies inside the area (see `pointInArea`), sorted by r then q
 * (south to north, west to east). Area in EPSG:32648 metres, cell size in metres. Works a row
 * of cells at a time (the row's edge crossings, then the centres between them), so the cost is
 * rows x edges + cells rather than cells x edges.
 *
 * @example
 * const km = { type: 'Polygon', coordinates: [[[0, 0], [3000, 0], [3000, 3000], [0, 3000], [0, 0]]] };
 * cellsInArea(km, 1000).length; // 12
 */
export function cellsInArea(area: PlanarArea, sizeM: number = DEFAULT_CELL_SIZE_M): HexCell[] {
  if (!(Number.isFinite(sizeM) && sizeM > 0)) throw new RangeError(`cell size ${sizeM} m`);
  const polygons = polygonsOf(area);
  let minY = Infinity;
  let maxY = -Infinity;
  for (const rings of polygons)
    for (const ring of rings)
      for (const [, y] of ring) {
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
  if (!(minY <= maxY)) return [];
  const rowHeight = (sizeM * HEX_SQRT3) / 2;
  const cells: HexCell[] = [];
  // One row early: the rounding of minY / rowHeight must not skip a row of centres on minY.
  for (let r = Math.ceil(minY / rowHeight) - 1; rowHeight * r <= maxY; r++) {
    const yc = rowHeight * r;
    // One polygon's intervals are disjoint and ascending; several may overlap: dedupe then.
    const inRow: number[] = [];
    for (const rings of polygons) {
      const xs = crossings(rings, yc);
      // Centres x = sizeM (q + r/2); inside the polygon when xs[2i] <= x < xs[2i+1].
      for (let i = 0; i + 1 < xs.length; i += 2) {
        let q = Math.ceil(xs[i] / sizeM - r / 2) - 1;
        while (sizeM * (q + r / 2) < xs[i]) q++; // the same expression as hexCentre's x
        for (; sizeM * (q + r / 2) < xs[i + 1]; q++) inRow.push(q);
      }
    }
    const qs = polygons.length > 1 ? [...new Set(inRow)].sort((a, b) => a - b) : inRow;
    for (const q of qs) cells.push(hexCell(q, r, sizeM));
  }
  return cells;
}
