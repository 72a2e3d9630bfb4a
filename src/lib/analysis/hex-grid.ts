/**
 * The hexagonal grid of DESIGN.md section 6, in EPSG:32648 metres.
 *
 * Fixed layout, so a cell keeps its id between queries and between TS and SQL:
 * - origin: easting 0, northing 0 of UTM zone 48N (the centre of cell q = 0, r = 0);
 * - pointy-top hexagons (a vertex due north), rows of constant r run east-west;
 * - `sizeM` = distance between the centres of adjacent cells (the hexagon's width across
 *   flats); circumradius R = sizeM / sqrt 3, area = (sqrt 3 / 2) sizeM^2;
 * - axial coordinates (q, r): centre x = sizeM (q + r/2), y = sizeM (sqrt 3 / 2) r;
 * - cell id `${sizeM}:${q}:${r}`, e.g. "1000:-115:1326" (see `cellId`). q is negative for
 *   most of Vietnam: each row leans half a cell east and the origin is the zone's false
 *   origin, 500 km west of 105 degrees E.
 *
 * Binning a point (x, y), written so SQL can mirror it operation for operation (IEEE doubles
 * give the same bits in PostgreSQL; `sqrt(3.0::float8)` is correctly rounded like Math.sqrt):
 *
 *   rf = (2 * y) / (HEX_SQRT3 * sizeM)          -- fractional r
 *   qf = x / sizeM - rf / 2                     -- fractional q
 *   sf = -qf - rf
 *   q0 = floor(qf + 0.5); r0 = floor(rf + 0.5); s0 = floor(sf + 0.5)   -- not round(): half
 *                                                  to even in PostgreSQL, half up in JS
 *   dq = abs(q0 - qf); dr = abs(r0 - rf); ds = abs(s0 - sf)
 *   if dq > dr and dq > ds:  q = -r0 - s0, r = r0
 *   elif dr > ds:            q = q0,       r = -q0 - s0
 *   else:                    q = q0,       r = r0
 *
 * In SQL (x_utm, y_utm stored on seizures), with :s the size in metres as float8; this query
 * gave the same (q, r) as hexOfPoint for 20,000 points, cell vertices and edge midpoints
 * among them, on PostgreSQL 15:
 *
 *   with f as (select x_utm / :s - (2 * y_utm) / (sqrt(3.0::float8) * :s) / 2 as qf,
 *                     (2 * y_utm) / (sqrt(3.0::float8) * :s) as rf from seizures),
 *   g as (select qf, rf, -qf - rf as sf, floor(qf + 0.5) as q0, floor(rf + 0.5) as r0,
 *                floor(-qf - rf + 0.5) as s0 from f)
 *   select case when abs(q0 - qf) > abs(r0 - rf) and abs(q0 - qf) > abs(s0 - sf)
 *               then -r0 - s0 else q0 end::int as q,
 *          case when abs(q0 - qf) > abs(r0 - rf) and abs(q0 - qf) > abs(s0 - sf) then r0
 *               when abs(r0 - rf) > abs(s0 - sf) then -q0 - s0 else r0 end::int as r
 *   from g
 */

/** sqrt(3), the one irrational constant of the layout. */
export const HEX_SQRT3 = Math.sqrt(3);
/** Default cell size: 1000 m between the centres of adjacent cells. */
export const DEFAULT_CELL_SIZE_M = 1000;
/** Easting and northing (metres, EPSG:32648) of the centre of cell (0, 0). */
export const HEX_ORIGIN_M = Object.freeze({ x: 0, y: 0 });

/** Axial coordinates of a cell. */
export interface Axial {
  q: number;
  r: number;
}

/** A cell of the grid: its id, axial coordinates and centre (metres, EPSG:32648). */
export interface HexCell extends Axial {
  id: string;
  x: number;
  y: number;
}

function checkSize(sizeM: number): void {
  if (!(Number.isFinite(sizeM) && sizeM > 0)) throw new RangeError(`cell size ${sizeM} m`);
}

/**
 * Stable id of a cell: `${sizeM}:${q}:${r}` (cell size in metres, then axial q and r).
 *
 * @example
 * cellId(-115, 1326, 1000); // "1000:-115:1326"
 */
export function cellId(q: number, r: number, sizeM: number = DEFAULT_CELL_SIZE_M): string {
  return `${sizeM}:${q}:${r}`;
}

/**
 * Parses a cell id written by `cellId`; undefined when it is not one.
 *
 * @example
 * parseCellId('1000:-115:1326'); // { sizeM: 1000, q: -115, r: 1326 }
 */
export function parseCellId(id: string): { sizeM: number; q: number; r: number } | undefined {
  const m = /^(\d+(?:\.\d+)?):(-?\d+):(-?\d+)$/.exec(id);
  if (!m) return undefined;
  const sizeM = Number(m[1]);
  return sizeM > 0 ? { sizeM, q: Number(m[2]), r: Number(m[3]) } : undefined;
}

/**
 * The cell containing a point, by cube rounding of the fractional axial coordinates (the
 * formula in this file's header, mirrored in SQL). Point in metres, EPSG:32648.
 *
 * @example
 * hexOfPoint(547671.78, 1148189.51, 1000); // { q: -115, r: 1326 } (Long Xuyen)
 */
export function hexOfPoint(x: number, y: number, sizeM: number = DEFAULT_CELL_SIZE_M): Axial {
  checkSize(sizeM);
  const rf = (2 * y) / (HEX_SQRT3 * sizeM);
  const qf = x / sizeM - rf / 2;
  const sf = -qf - rf;
  const q0 = Math.floor(qf + 0.5);
  const r0 = Math.floor(rf + 0.5);
  const s0 = Math.floor(sf + 0.5);
  const dq = Math.abs(q0 - qf);
  const dr = Math.abs(r0 - rf);
  const ds = Math.abs(s0 - sf);
  // `+ 0` turns a -0 from the cube identity into 0, so ids never read "-0".
  if (dq > dr && dq > ds) return { q: -r0 - s0 + 0, r: r0 };
  if (dr > ds) return { q: q0, r: -q0 - s0 + 0 };
  return { q: q0, r: r0 };
}

/**
 * Centre of cell (q, r) in metres, EPSG:32648: x = sizeM (q + r/2), y = sizeM (sqrt 3 / 2) r.
 *
 * @example
 * hexCentre(0, 2, 1000); // [1000, 1732.0508075688772]
 */
export function hexCentre(
  q: number,
  r: number,
  sizeM: number = DEFAULT_CELL_SIZE_M,
): [number, number] {
  return [sizeM * (q + r / 2), ((sizeM * HEX_SQRT3) / 2) * r];
}

/**
 * Area of one cell in square metres: (sqrt 3 / 2) sizeM^2.
 *
 * @example
 * hexAreaM2(1000); // 866025.4037844386
 */
export function hexAreaM2(sizeM: number = DEFAULT_CELL_SIZE_M): number {
  return (HEX_SQRT3 / 2) * sizeM * sizeM;
}

/**
 * Outline of cell (q, r): a closed ring of 7 [x, y] positions (metres, EPSG:32648),
 * counter-clockwise from the east-north-east vertex (the GeoJSON winding of an outer ring).
 *
 * @example
 * hexPolygon(0, 0, 1000)[1]; // [0, 577.3502691896258] (the north vertex)
 */
export function hexPolygon(q: number, r: number, sizeM: number = DEFAULT_CELL_SIZE_M): number[][] {
  const [cx, cy] = hexCentre(q, r, sizeM);
  const radius = sizeM / HEX_SQRT3;
  // Vertices at 30, 90, ..., 330 degrees; R cos 30 = sizeM / 2 exactly, so no cos() rounding.
  const half = sizeM / 2;
  return [
    [cx + half, cy + radius / 2],
    [cx, cy + radius],
    [cx - half, cy + radius / 2],
    [cx - half, cy - radius / 2],
    [cx, cy - radius],
    [cx + half, cy - radius / 2],
    [cx + half, cy + radius / 2],
  ];
}

/**
 * The full cell record (id and centre) of cell (q, r).
 *
 * @example
 * hexCell(1, 0, 500); // { id: "500:1:0", q: 1, r: 0, x: 500, y: 0 }
 */
export function hexCell(q: number, r: number, sizeM: number = DEFAULT_CELL_SIZE_M): HexCell {
  const [x, y] = hexCentre(q, r, sizeM);
  return { id: cellId(q, r, sizeM), q, r, x, y };
}

/**
 * Hex distance between two cells in steps (0 for the same cell, 1 for adjacent ones).
 *
 * @example
 * hexDistance({ q: 0, r: 0 }, { q: 2, r: -1 }); // 2
 */
export function hexDistance(a: Axial, b: Axial): number {
  const dq = a.q - b.q;
  const dr = a.r - b.r;
  return (Math.abs(dq) + Math.abs(dr) + Math.abs(dq + dr)) / 2;
}
