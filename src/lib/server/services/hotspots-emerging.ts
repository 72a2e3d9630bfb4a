import { EMERGING_CATEGORIES, emergingHotSpots, type EmergingCategory } from '../../analysis';
import type { HotspotQuery } from './hotspot-query';
import type { Sql } from '../db/client';
import { analysisReads, seizurePoints } from '../repositories/hotspot-bins';
import {
  cellFeature,
  densityAtCells,
  gridSummary,
  type HotspotCollection,
  type HotspotProperties,
  type HotspotSummary,
  type TopHotspot,
} from './hotspots';
import { studyArea, studyNeighbours } from './hotspots-grid';
import { asBadRequest, countsPerStep, stepWindow } from './hotspots-window';

/** Properties of a cell in GET /api/hotspots/emerging (gi_* and class: the final step's). */
export interface EmergingProperties extends HotspotProperties {
  category: EmergingCategory;
  /** Mann-Kendall trend of the cell's z series over the steps. */
  trend_z: number;
  trend_p: number;
  trend: 'up' | 'down' | 'none';
  hot_steps: number;
  cold_steps: number;
}

export interface EmergingSummary extends HotspotSummary {
  step: 'month' | 'quarter';
  /** The steps, oldest first: first and last day (`YYYY-MM-DD`, Vietnam time). */
  steps: { start: string; end: string }[];
  /** Cells per category, every category listed. */
  by_category: Record<EmergingCategory, number>;
  top: (TopHotspot & { category: EmergingCategory })[];
}

/**
 * GET /api/hotspots/emerging: Gi* per calendar month or quarter over the province's cells (FDR
 * when asked), the Mann-Kendall trend of each cell's z series and its category (emerging.ts).
 * Counts and density cover the whole window; z, p and class are the final step's.
 */
export async function emerging(
  sql: Sql,
  query: HotspotQuery,
  step: 'month' | 'quarter',
): Promise<HotspotCollection<EmergingProperties, EmergingSummary>> {
  const monthsPerStep = step === 'quarter' ? 3 : 1;
  const { area, nb, steps, binned, xy } = await analysisReads(sql, async (tx) => {
    const area = await studyArea(tx, query.filter.province, query.cellM);
    const nb = studyNeighbours(area, query.distanceM);
    const steps = await stepWindow(tx, query, area, monthsPerStep, 10);
    const binned = await countsPerStep(tx, query, area, steps, monthsPerStep);
    return { area, nb, steps, binned, xy: await seizurePoints(tx, query.filter) };
  });
  const { counts, total, points } = binned;
  let result: ReturnType<typeof emergingHotSpots>;
  try {
    result = emergingHotSpots(counts, nb, { fdr: query.fdr });
  } catch (e) {
    asBadRequest(e);
  }
  const final = result.steps[result.steps.length - 1];
  const density = densityAtCells(area.cells, xy, query.bandwidthM);
  const geometries = area.geometries();
  const features = area.cells.map((cell, i) => {
    const e = result.cells[i];
    return cellFeature(cell, geometries[i], {
      cell_id: cell.id,
      count: total[i],
      density: density[i],
      gi_z: final.z[i],
      gi_p: final.p[i],
      class: final.classes[i],
      category: e.category,
      trend_z: e.trend.z,
      trend_p: e.trend.p,
      trend: e.trend.direction,
      hot_steps: e.hotSteps,
      cold_steps: e.coldSteps,
    });
  });
  const byCategory = Object.fromEntries(EMERGING_CATEGORIES.map((c) => [c, 0])) as Record<
    EmergingCategory,
    number
  >;
  for (const c of result.cells) byCategory[c.category]++;
  const lastStep = counts[counts.length - 1];
  const grid = await gridSummary(sql, query, area, points, final, lastStep, total);
  return {
    type: 'FeatureCollection',
    features,
    summary: {
      ...grid.summary,
      step,
      steps: steps.map(({ start, end }) => ({ start, end })),
      by_category: byCategory,
      top: grid.top.map((t, k) => ({ ...t, category: result.cells[grid.hottest[k]].category })),
    },
  };
}
