/**
 * Does the map predict? (DESIGN.md section 6, issue 8 item 5.) Rank the cells by a score known
 * before a split date (count, density, Gi* z), flag the top k % of the study area, and score the
 * flag on the seizures after the split:
 *
 *   hit rate = seizures after the split in flagged cells / all seizures after the split
 *   PAI      = hit rate / (flagged area / study area)      (predictive accuracy index)
 *
 * How many cells: m = round(k / 100 x study area / cell area), half up, kept within 1..n. The
 * study area may be larger than the cells' total (cells whose centre lies outside the outline
 * are not listed); PAI uses the area actually flagged, m x cell area, so rounding m does not
 * bias it.
 *
 * Ties at the cut: when the m-th and later cells share a score, which of them to flag is
 * arbitrary, so the check counts what flagging them at random would give on average: cells
 * above the tied score count fully, each tied cell counts (slots left / tied cells) of its
 * seizures. Hits can therefore be fractional. A map that ranks nothing (all scores equal) thus
 * scores exactly as chance (PAI 1), never better by the luck of the cell order.
 */
import { AnalysisInputError } from './errors';

/** The shares of the study area flagged, in per cent: top 1, 5 and 10 %. */
export const FORECAST_SHARES_PCT = Object.freeze([1, 5, 10]);

/** Areas of the check. */
export interface ForecastAreas {
  /** Area of one cell, square metres (hexAreaM2(size)). */
  cellAreaM2: number;
  /** Area of the study area, square metres; default n x cellAreaM2. */
  studyAreaM2?: number;
  /** Shares flagged, per cent; default FORECAST_SHARES_PCT. */
  sharesPct?: ReadonlyArray<number>;
}

/** The check at one share of the area. */
export interface ForecastRow {
  /** Share of the study area asked for, per cent. */
  sharePct: number;
  /** Cells flagged (m) and their area in square metres. */
  flaggedCells: number;
  flaggedAreaM2: number;
  /** Flagged area / study area (0..1), the share actually flagged. */
  areaShare: number;
  /** Cells that tied at the cut and were counted in part. */
  tiedAtCut: number;
  /** Seizures after the split in flagged cells (expected value over tie-breaks), and in all. */
  hits: number;
  total: number;
  /** hits / total (0..1); null when there were no seizures after the split. */
  hitRate: number | null;
  /** hitRate / areaShare; null when there were no seizures after the split. */
  pai: number | null;
}

/**
 * Cells flagged for a share of the study area: round(share / 100 x study / cell area), half
 * up, at least 1 and at most nCells.
 *
 * @example
 * flaggedCellCount(5, 866025.4, 25000 * 866025.4, 25000); // 1250
 * flaggedCellCount(1, 1e6, 40e6, 40); // 1 (0.4 rounds to 0, kept at 1)
 */
export function flaggedCellCount(
  sharePct: number,
  cellAreaM2: number,
  studyAreaM2: number,
  nCells: number,
): number {
  const m = Math.floor(((sharePct / 100) * studyAreaM2) / cellAreaM2 + 0.5);
  return Math.min(nCells, Math.max(1, m));
}

function checkInputs(scores: ArrayLike<number>, after: ArrayLike<number>, areas: ForecastAreas) {
  if (scores.length !== after.length) {
    throw new AnalysisInputError(
      'length_mismatch',
      `${scores.length} scores, ${after.length} counts`,
    );
  }
  for (let i = 0; i < scores.length; i++) {
    if (!Number.isFinite(scores[i]) || !Number.isFinite(after[i])) {
      throw new AnalysisInputError('invalid_value', `cell ${i} has a non-finite score or count`, {
        cell: i,
      });
    }
  }
  const study = areas.studyAreaM2 ?? scores.length * areas.cellAreaM2;
  if (!(areas.cellAreaM2 > 0 && study > 0)) {
    throw new AnalysisInputError('invalid_value', 'areas must be positive');
  }
  return study;
}

/**
 * Hit rate and PAI of flagging the top-scored cells, at each share of the study area. Scores
 * (higher = riskier, any unit) and counts after the split are parallel to the study area's
 * cells; areas in square metres. Throws AnalysisInputError on mismatched or non-finite input.
 *
 * @example
 * forecastCheck([9, 7, 0, 0], [4, 0, 1, 0], { cellAreaM2: 1e6, sharesPct: [25] });
 * // [{ sharePct: 25, flaggedCells: 1, hits: 4, total: 5, hitRate: 0.8, pai: 3.2, ... }]
 */
export function forecastCheck(
  scores: ArrayLike<number>,
  countsAfter: ArrayLike<number>,
  areas: ForecastAreas,
): ForecastRow[] {
  const studyAreaM2 = checkInputs(scores, countsAfter, areas);
  const n = scores.length;
  const order = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b] - scores[a]);
  let total = 0;
  for (let i = 0; i < n; i++) total += countsAfter[i];
  return (areas.sharesPct ?? FORECAST_SHARES_PCT).map((sharePct) => {
    const m = n === 0 ? 0 : flaggedCellCount(sharePct, areas.cellAreaM2, studyAreaM2, n);
    let hits = 0;
    let tiedAtCut = 0;
    if (m > 0) {
      const cut = scores[order[m - 1]];
      let above = 0;
      let tiedHits = 0;
      for (let k = 0; k < n; k++) {
        const i = order[k];
        if (scores[i] > cut) {
          hits += countsAfter[i];
          above++;
        } else if (scores[i] === cut) {
          tiedHits += countsAfter[i];
          tiedAtCut++;
        } else break;
      }
      hits += ((m - above) / tiedAtCut) * tiedHits;
      if (tiedAtCut === m - above) tiedAtCut = 0; // every tied cell fits: nothing counted in part
    }
    const flaggedAreaM2 = m * areas.cellAreaM2;
    const areaShare = flaggedAreaM2 / studyAreaM2;
    const hitRate = total > 0 ? hits / total : null;
    return {
      sharePct,
      flaggedCells: m,
      flaggedAreaM2,
      areaShare,
      tiedAtCut,
      hits,
      total,
      hitRate,
      pai: hitRate === null ? null : hitRate / areaShare,
    };
  });
}
