/**
 * Suggested route pieces (DESIGN.md section 6, "Suggestions"): candidate pieces cut from the
 * frontier, waterways and trails; a piece covers the cells whose centres lie within the
 * detection radius of it; greedily take the piece that adds the most uncovered risk until the
 * km budget is spent. Risk per cell is given (the quartic density of the hot-spot grid); cells
 * the plan's routes already cover count as covered. Metres, EPSG:32648. Pure; inputs unchanged.
 */
import type { HexCell } from './hex-grid';
import { cellsNearLine, lineLengthM, pointLineM, type LineXY } from './line-cells';

export type AlongKind = 'frontier' | 'waterway' | 'trail';

/** A line pieces are cut from, with what it is. */
export interface CandidateLine {
  line: LineXY;
  kind: AlongKind;
  name_vi: string;
  name_en: string;
}

export interface Piece extends CandidateLine {
  lengthM: number;
}

export interface CrossingXY {
  x: number;
  y: number;
  name_vi: string;
  name_en: string;
  kind: string;
}

/**
 * A line cut into consecutive pieces of `pieceM` metres (the last one holds the rest, and a
 * rest under 1 m is dropped).
 *
 * @example
 * cutLine([[0, 0], [2500, 0]], 1000); // [[[0,0],[1000,0]], [[1000,0],[2000,0]], [[2000,0],[2500,0]]]
 */
export function cutLine(line: LineXY, pieceM: number): [number, number][][] {
  if (!(pieceM > 0)) throw new RangeError(`piece ${pieceM} m`);
  const out: [number, number][][] = [];
  let current: [number, number][] = [[line[0][0], line[0][1]]];
  let left = pieceM;
  for (let i = 0; i + 1 < line.length; i++) {
    let [ax, ay] = line[i];
    const [bx, by] = line[i + 1];
    let seg = Math.hypot(bx - ax, by - ay);
    while (seg >= left && seg > 0) {
      const t = left / seg;
      const px = ax + (bx - ax) * t;
      const py = ay + (by - ay) * t;
      current.push([px, py]);
      out.push(current);
      current = [[px, py]];
      [ax, ay] = [px, py];
      seg -= left;
      left = pieceM;
    }
    if (seg > 0) {
      current.push([bx, by]);
      left -= seg;
    }
  }
  if (current.length > 1 && pieceM - left >= 1) out.push(current);
  return out;
}

/**
 * Every candidate line cut into pieces of `pieceM` metres, each with its length.
 * @example cutPieces([{ line: [[0, 0], [2500, 0]], kind: 'trail', name_vi: 'A', name_en: 'A' }], 1000).length; // 3
 */
export function cutPieces(lines: ReadonlyArray<CandidateLine>, pieceM: number): Piece[] {
  return lines.flatMap((c) =>
    cutLine(c.line, pieceM).map((line) => ({ ...c, line, lengthM: lineLengthM(line) })),
  );
}

export interface SuggestInput {
  cells: ReadonlyArray<HexCell>;
  sizeM: number;
  /** Risk per cell (any non-negative unit; shares are what count). */
  risk: ArrayLike<number>;
  /** Cells the plan's routes already cover (1) or not (0). */
  covered: ArrayLike<number>;
  pieces: ReadonlyArray<Piece>;
  radiusM: number;
  budgetM: number;
  crossings?: ReadonlyArray<CrossingXY>;
  /** Crossings the plan already covers (same order as `crossings`). */
  crossingsCovered?: ArrayLike<boolean>;
}

export interface Suggestion {
  rank: number;
  piece: Piece;
  /** Indices of the cells it newly covers. */
  cells: number[];
  /** Share of the study area's risk it adds, and the plan's share with it, percent. */
  marginalPct: number;
  cumulativePct: number;
  /** Crossings within the radius of the piece that nothing before it covered. */
  crossings: CrossingXY[];
}

export interface SuggestResult {
  usedM: number;
  riskBeforePct: number;
  riskAfterPct: number;
  suggestions: Suggestion[];
}

/**
 * The greedy choice: each round takes the piece that fits the remaining budget and adds the
 * most uncovered risk (ties to the earlier piece); stops when none fits or none adds risk.
 *
 * @example
 * // Two 1 km pieces, one over a cell of risk 3, one over a cell of risk 1; budget 1 km:
 * // one suggestion, the first piece, marginal 75 % (3 of 4).
 */
export function suggestPieces(input: SuggestInput): SuggestResult {
  const { cells, sizeM, risk, pieces, radiusM, budgetM } = input;
  const index = new Map<string, number>();
  cells.forEach((c, i) => index.set(`${c.q}:${c.r}`, i));
  let total = 0;
  for (let i = 0; i < cells.length; i++) total += risk[i];
  const covered = Uint8Array.from({ length: cells.length }, (_, i) => (input.covered[i] ? 1 : 0));
  let coveredRisk = 0;
  for (let i = 0; i < cells.length; i++) if (covered[i]) coveredRisk += risk[i];
  const pct = (v: number) => (total > 0 ? (100 * v) / total : 0);
  const riskBeforePct = pct(coveredRisk);

  const pieceCells = pieces.map((p) =>
    cellsNearLine(p.line, radiusM, sizeM)
      .map(({ q, r }) => index.get(`${q}:${r}`) ?? -1)
      .filter((i) => i >= 0),
  );
  const crossings = input.crossings ?? [];
  const crossingDone = crossings.map((_, k) => Boolean(input.crossingsCovered?.[k]));
  const used = new Uint8Array(pieces.length);
  const suggestions: Suggestion[] = [];
  let left = budgetM;
  let usedM = 0;
  for (;;) {
    let best = -1;
    let bestGain = 0;
    for (let k = 0; k < pieces.length; k++) {
      // A millimetre of slack: a piece cut to exactly the budget measures a hair over it.
      if (used[k] || pieces[k].lengthM > left + 1e-3) continue;
      let gain = 0;
      for (const i of pieceCells[k]) if (!covered[i]) gain += risk[i];
      if (gain > bestGain) {
        best = k;
        bestGain = gain;
      }
    }
    if (best < 0) break;
    used[best] = 1;
    const piece = pieces[best];
    const added = pieceCells[best].filter((i) => !covered[i]);
    for (const i of added) covered[i] = 1;
    coveredRisk += bestGain;
    left -= piece.lengthM;
    usedM += piece.lengthM;
    const newCrossings: CrossingXY[] = [];
    crossings.forEach((c, k) => {
      if (!crossingDone[k] && pointLineM(c.x, c.y, piece.line) <= radiusM) {
        crossingDone[k] = true;
        newCrossings.push(c);
      }
    });
    suggestions.push({
      rank: suggestions.length + 1,
      piece,
      cells: added,
      marginalPct: pct(bestGain),
      cumulativePct: pct(coveredRisk),
      crossings: newCrossings,
    });
  }
  return { usedM, riskBeforePct, riskAfterPct: pct(coveredRisk), suggestions };
}
