/**
 * The analysis library (DESIGN.md section 6): pure TypeScript, no server, SQL, HTTP, DOM or
 * Svelte imports, so the API, the browser and the benchmarks share it. Units are in the names
 * or the doc comments (metres in EPSG:32648, degrees in WGS84, densities per km^2).
 */
export { AnalysisInputError, type AnalysisErrorCode } from './errors';
export {
  DEFAULT_CELL_SIZE_M,
  HEX_ORIGIN_M,
  HEX_SQRT3,
  cellId,
  hexAreaM2,
  hexCell,
  hexCentre,
  hexDistance,
  hexOfPoint,
  hexPolygon,
  parseCellId,
  type Axial,
  type HexCell,
} from './hex-grid';
export { hexFeature, hexRingWgs84 } from './hex-geojson';
export { cellsInArea, pointInArea, type PlanarArea } from './study-area';
export { binPoints, countsOnCells, type PointXY } from './binning';
export { UTM_ZONE, utmToWgs84, wgs84ToUtm } from './utm';
export {
  BAND_TOLERANCE,
  bandCoverage,
  bandOffsets,
  buildNeighbours,
  type BandCoverage,
  type NeighbourList,
} from './neighbours';
export { kernelDensity, quarticKernel } from './kernel-density';
export { erfc, normalCdf, normalUpperTail, twoSidedP } from './normal';
export { benjaminiHochberg } from './fdr';
export { GI_CONFIDENCE, giClass, giStar, type GiStarOptions, type GiStarResult } from './gistar';
export {
  DEFAULT_TREND_ALPHA,
  mannKendall,
  mannKendallWith,
  type MannKendallResult,
} from './mann-kendall';
export {
  EMERGING_CATEGORIES,
  MIN_TREND_STEPS,
  assertEnoughSteps,
  categorize,
  classifyEmerging,
  emergingHotSpots,
  type EmergingCategory,
  type EmergingCell,
  type EmergingOptions,
  type EmergingStep,
} from './emerging';
export {
  FORECAST_SHARES_PCT,
  flaggedCellCount,
  forecastCheck,
  type ForecastAreas,
  type ForecastRow,
} from './forecast-check';
export {
  rollingForecast,
  summarizeRolling,
  type RollingOptions,
  type RollingSplit,
  type RollingSummary,
} from './forecast-rolling';
export {
  cellsNearLine,
  lengthPerCell,
  lineLengthM,
  pointLineM,
  pointSegmentM,
  type LineXY,
} from './line-cells';
export { poissonCdf, poissonPmf, poissonTwoSidedP, poissonUpper } from './poisson';
export {
  EFFORT_ALPHA,
  EFFORT_STATUSES,
  MIN_EXPECTED,
  effortStatuses,
  type EffortCellIn,
  type EffortCellOut,
  type EffortStatus,
  type EffortSummary,
} from './effort';
export {
  cutLine,
  cutPieces,
  suggestPieces,
  type AlongKind,
  type CandidateLine,
  type CrossingXY,
  type Piece,
  type SuggestInput,
  type SuggestResult,
  type Suggestion,
} from './suggest';
export {
  HOURS_PER_WEEK,
  pai,
  passesPerWeek,
  patrolKmWeekBySegment,
  percent,
  revisitHours,
  riskSharePct,
  type RouteEffort,
  type RouteOnSegment,
} from './coverage';
export {
  CREDIBILITY_FACTOR,
  RELIABILITY_FACTOR,
  REPORT_HALF_LIFE_DAYS,
  REPORT_MAX_AGE_DAYS,
  recencyFactor,
  reportAgeDays,
  reportWeight,
  type ReportCredibility,
  type ReportReliability,
} from './report-weight';
export { median, shareOf } from './exchange';
