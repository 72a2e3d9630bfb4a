/**
 * The live preview while a route is drawn: the route buffered by its detection radius (Turf) and
 * the frontier kilometres inside that buffer, counted over the frontier cut into short pieces
 * once per province. Approximate by design (the pieces are SAMPLE_STEP_M long); the authoritative
 * figures come from POST /api/coverage in PostGIS a moment later.
 */
import {
  bbox as turfBbox,
  booleanPointInPolygon,
  buffer,
  length as turfLength,
  lineChunk,
} from '@turf/turf';
import type {
  Feature,
  FeatureCollection,
  Geometry,
  LineString,
  MultiPolygon,
  Polygon,
  Position,
} from 'geojson';

/** Length of one frontier piece, in metres: the preview's resolution. */
export const SAMPLE_STEP_M = 25;

/** The frontier as the midpoints of short pieces, each standing for `stepKm` of frontier. */
export interface FrontierSamples {
  lon: Float64Array;
  lat: Float64Array;
  stepKm: Float64Array;
  totalKm: number;
}

export interface PreviewStep {
  buffer: Feature<Polygon | MultiPolygon> | null;
  /** Frontier km inside the buffer (the resolution is SAMPLE_STEP_M). */
  coveredKm: number;
}

/** Every line of a frontier collection as a list of coordinate runs. */
function lineRuns(fc: FeatureCollection<Geometry | null>): Position[][] {
  const runs: Position[][] = [];
  for (const f of fc.features) {
    const g = f.geometry;
    if (g?.type === 'LineString') runs.push(g.coordinates);
    else if (g?.type === 'MultiLineString') runs.push(...g.coordinates);
  }
  return runs.filter((r) => r.length >= 2);
}

/**
 * Cuts the frontier into pieces of about `stepM` metres and keeps each piece's midpoint and
 * length. Done once per province; each preview step then only tests points.
 * @example frontierSamples(frontier).totalKm // ~ the frontier length in km
 */
export function frontierSamples(
  fc: FeatureCollection<Geometry | null>,
  stepM = SAMPLE_STEP_M,
): FrontierSamples {
  const lon: number[] = [];
  const lat: number[] = [];
  const step: number[] = [];
  for (const run of lineRuns(fc)) {
    const line: Feature<LineString> = {
      type: 'Feature',
      properties: {},
      geometry: { type: 'LineString', coordinates: run },
    };
    for (const piece of lineChunk(line, stepM / 1000, { units: 'kilometers' }).features) {
      const c = piece.geometry.coordinates;
      const a = c[0];
      const b = c[c.length - 1];
      lon.push((a[0] + b[0]) / 2);
      lat.push((a[1] + b[1]) / 2);
      step.push(turfLength(piece, { units: 'kilometers' }));
    }
  }
  const stepKm = Float64Array.from(step);
  return {
    lon: Float64Array.from(lon),
    lat: Float64Array.from(lat),
    stepKm,
    totalKm: stepKm.reduce((s, x) => s + x, 0),
  };
}

/**
 * One preview step: buffer the route by `radiusM` metres and sum the frontier pieces whose
 * midpoint lies inside. A route of fewer than two distinct points buffers to a disc.
 */
export function previewStep(
  coordinates: Position[],
  radiusM: number,
  samples: FrontierSamples,
): PreviewStep {
  if (coordinates.length === 0 || !(radiusM > 0)) return { buffer: null, coveredKm: 0 };
  const geometry: Geometry =
    coordinates.length === 1
      ? { type: 'Point', coordinates: coordinates[0] }
      : { type: 'LineString', coordinates };
  const zone = buffer({ type: 'Feature', properties: {}, geometry }, radiusM / 1000, {
    units: 'kilometers',
    steps: 8,
  }) as Feature<Polygon | MultiPolygon> | undefined;
  if (!zone) return { buffer: null, coveredKm: 0 };
  const [w, s, e, n] = turfBbox(zone);
  let covered = 0;
  for (let i = 0; i < samples.lon.length; i++) {
    const x = samples.lon[i];
    const y = samples.lat[i];
    if (x < w || x > e || y < s || y > n) continue;
    if (booleanPointInPolygon([x, y], zone)) covered += samples.stepKm[i];
  }
  return { buffer: zone, coveredKm: covered };
}
