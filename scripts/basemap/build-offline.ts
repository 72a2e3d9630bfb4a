/**
 * Builds geodata/basemap/offline.geojson, the offline default basemap: land and international
 * boundaries from Natural Earth (public domain, through the `world-atlas` package) around the two
 * frontiers, country names, and the project's authored place names (./places.ts).
 *
 *   npx tsx scripts/basemap/build-offline.ts
 *
 * Deterministic: the same inputs give the same file. Rerun it when geodata/frontier.geojson moves,
 * since Natural Earth's boundary is left out near our own frontier line (two lines a kilometre or
 * two apart would read as two borders).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bbox, bboxClip, lineString, point, pointToLineDistance } from '@turf/turf';
import type {
  Feature,
  FeatureCollection,
  Geometry,
  LineString,
  MultiLineString,
  Position,
} from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { COUNTRIES, PLACES } from './places';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = join(ROOT, 'geodata/basemap/offline.geojson');

/** Natural Earth 1:10m around both frontiers: Viet Nam, Cambodia, Laos, east Thailand, south China. */
const DETAIL_BOX: [number, number, number, number] = [99, 6, 113, 26.5];
/** Natural Earth 1:50m for the zoomed-out view (drawn below zoom 6.5 only). */
const REGION_BOX: [number, number, number, number] = [84, -4, 128, 34];
/** Islands smaller than this (square degrees, about 120 km2) are left out of the region view. */
const REGION_MIN_AREA = 0.01;
/** Natural Earth's boundary is left out this close to our authored frontier. */
const FRONTIER_GAP_KM = 8;

const load = (file: string) =>
  JSON.parse(readFileSync(join(ROOT, 'node_modules/world-atlas', file), 'utf8')) as Topology<{
    countries: GeometryCollection<{ name: string }>;
    land: GeometryCollection;
  }>;

const round = (digits: number) => (c: Position) => c.map((v) => +v.toFixed(digits));

/** Rounded positions without consecutive repeats. */
function cleanLine(line: Position[], digits: number): Position[] {
  const out: Position[] = [];
  for (const c of line.map(round(digits))) {
    const last = out[out.length - 1];
    if (!last || last[0] !== c[0] || last[1] !== c[1]) out.push(c);
  }
  return out;
}

/** Area of a ring in square degrees (shoelace), for dropping islets from the coarse layer. */
function ringArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 1; i < ring.length; i++)
    sum += ring[i - 1][0] * ring[i][1] - ring[i][0] * ring[i - 1][1];
  return Math.abs(sum) / 2;
}

function polygonsIn(
  geometry: Geometry,
  box: typeof DETAIL_BOX,
  digits: number,
  minArea = 0,
): Position[][][] {
  const polygons =
    geometry.type === 'Polygon'
      ? [geometry.coordinates]
      : geometry.type === 'MultiPolygon'
        ? geometry.coordinates
        : [];
  const out: Position[][][] = [];
  for (const rings of polygons) {
    const clipped = bboxClip({ type: 'Polygon', coordinates: rings }, box).geometry;
    const parts: Position[][][] =
      clipped.type === 'Polygon'
        ? [clipped.coordinates as Position[][]]
        : (clipped.coordinates as Position[][][]);
    for (const part of parts) {
      const cleaned = part.map((r) => cleanLine(r, digits)).filter((r) => r.length >= 4);
      if (cleaned.length && ringArea(cleaned[0]) >= minArea) out.push(cleaned);
    }
  }
  return out;
}

function linesIn(geometry: MultiLineString, box: typeof DETAIL_BOX, digits: number): Position[][] {
  const out: Position[][] = [];
  for (const line of geometry.coordinates) {
    if (line.length < 2) continue;
    const clipped = bboxClip(lineString(line), box).geometry;
    const parts: Position[][] =
      clipped.type === 'LineString'
        ? [clipped.coordinates as Position[]]
        : (clipped.coordinates as Position[][]);
    for (const part of parts) {
      const cleaned = cleanLine(part, digits);
      if (cleaned.length >= 2) out.push(cleaned);
    }
  }
  return out;
}

/** Splits lines where they come within `km` of any of `avoid`, keeping the rest. */
function awayFrom(lines: Position[][], avoid: Feature<LineString>[], km: number): Position[][] {
  const margin = km / 100; // degrees, more than km at these latitudes
  const boxes = avoid.map((f) => bbox(f));
  const near = (c: Position) =>
    avoid.some(
      (f, i) =>
        c[0] > boxes[i][0] - margin &&
        c[0] < boxes[i][2] + margin &&
        c[1] > boxes[i][1] - margin &&
        c[1] < boxes[i][3] + margin &&
        pointToLineDistance(point(c), f, { units: 'kilometers' }) < km,
    );
  const out: Position[][] = [];
  for (const line of lines) {
    let run: Position[] = [];
    for (const c of line) {
      if (near(c)) {
        if (run.length >= 2) out.push(run);
        run = [];
      } else run.push(c);
    }
    if (run.length >= 2) out.push(run);
  }
  return out;
}

function frontierLines(): Feature<LineString>[] {
  const fc = JSON.parse(readFileSync(join(ROOT, 'geodata/frontier.geojson'), 'utf8'));
  return (fc as FeatureCollection<LineString | MultiLineString>).features.flatMap((f) =>
    f.geometry.type === 'LineString'
      ? [lineString(f.geometry.coordinates)]
      : f.geometry.coordinates.map((c) => lineString(c)),
  );
}

function build(): FeatureCollection {
  const detail = load('countries-10m.json');
  const region = load('countries-50m.json');
  const features: Feature[] = [];
  const add = (layer: string, geometry: Geometry, props: Record<string, unknown> = {}) =>
    features.push({ type: 'Feature', properties: { layer, ...props }, geometry });

  const regionLand = polygonsIn(
    feature(region, region.objects.land).features[0].geometry,
    REGION_BOX,
    2,
    REGION_MIN_AREA,
  );
  add('land-region', { type: 'MultiPolygon', coordinates: regionLand });
  const regionBorders = mesh(region, region.objects.countries, (a, b) => a !== b);
  add('boundary-region', {
    type: 'MultiLineString',
    coordinates: linesIn(regionBorders, REGION_BOX, 2),
  });

  const land = polygonsIn(feature(detail, detail.objects.land).features[0].geometry, DETAIL_BOX, 3);
  add('land', { type: 'MultiPolygon', coordinates: land });
  const borders = linesIn(
    mesh(detail, detail.objects.countries, (a, b) => a !== b),
    DETAIL_BOX,
    3,
  );
  add('boundary', {
    type: 'MultiLineString',
    coordinates: awayFrom(borders, frontierLines(), FRONTIER_GAP_KM),
  });

  for (const c of COUNTRIES)
    add(
      'country',
      { type: 'Point', coordinates: c.label },
      {
        iso: c.iso,
        name_vi: c.name_vi,
        name_en: c.name_en,
      },
    );
  for (const pl of PLACES)
    add(
      'place',
      { type: 'Point', coordinates: [pl.lon, pl.lat] },
      {
        name_vi: pl.name_vi,
        name_en: pl.name_en,
        country: pl.country,
        rank: pl.rank,
      },
    );
  return { type: 'FeatureCollection', features };
}

const fc = build();
const text = `{"type":"FeatureCollection","features":[\n${fc.features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
writeFileSync(OUT, text);
const count = (layer: string) => fc.features.filter((f) => f.properties?.layer === layer).length;
console.log(
  `${OUT}: ${(text.length / 1024).toFixed(0)} KiB; places ${count('place')}, countries ${count('country')}`,
);
