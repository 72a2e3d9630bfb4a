// How far a frontier line lies from Natural Earth's boundary: the line is sampled every 100 m
// and each sample's distance to the reference is taken, so mean and max weigh every stretch by
// its length, not by how many vertices it happens to have.
//
//   node geodata/authoring/measure.mjs [frontier.geojson]   (default: ../frontier.geojson)

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { distToLine, lineLength, plane } from './geo.mjs';
import { sharedBoundary } from './natural-earth.mjs';

const SAMPLE_M = 100;

/** Points every `step` metres along the line, both ends included. */
export function samples(line, step = SAMPLE_M) {
  const P = plane(line[0][1]);
  const q = line.map(P.fwd);
  const out = [line[0]];
  let carry = 0;
  for (let i = 1; i < q.length; i++) {
    const L = Math.hypot(q[i][0] - q[i - 1][0], q[i][1] - q[i - 1][1]);
    let t = step - carry;
    while (t < L) {
      const f = t / L;
      out.push(
        P.inv([
          q[i - 1][0] + f * (q[i][0] - q[i - 1][0]),
          q[i - 1][1] + f * (q[i][1] - q[i - 1][1]),
        ]),
      );
      t += step;
    }
    carry = (carry + L) % step;
  }
  out.push(line[line.length - 1]);
  return out;
}

/** Mean and maximum distance (metres) from the line to the reference polyline. */
export function distanceTo(line, ref) {
  const d = samples(line).map((p) => distToLine(p, ref));
  return { meanM: d.reduce((s, x) => s + x, 0) / d.length, maxM: Math.max(...d) };
}

const isMain = process.argv[1] === fileURLToPath(import.meta.url);
if (isMain) {
  const file =
    process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '../frontier.geojson');
  const ref = { KH: sharedBoundary('KH'), CN: sharedBoundary('CN') };
  const fc = JSON.parse(readFileSync(file, 'utf8'));
  const totals = {};
  for (const f of fc.features) {
    const c = f.geometry.coordinates;
    const { meanM, maxM } = distanceTo(c, ref[f.properties.neighbour]);
    const km = lineLength(c) / 1000;
    const t = (totals[f.properties.province] ??= { km: 0, weighted: 0, max: 0 });
    t.km += km;
    t.weighted += meanM * km;
    t.max = Math.max(t.max, maxM);
    console.log(
      `${f.properties.id.padEnd(5)} ${km.toFixed(1).padStart(5)} km  mean ${(meanM / 1000).toFixed(2)} km  max ${(maxM / 1000).toFixed(2)} km`,
    );
  }
  for (const [province, t] of Object.entries(totals)) {
    console.log(
      `${province}: ${t.km.toFixed(1)} km, mean ${(t.weighted / t.km / 1000).toFixed(2)} km, max ${(t.max / 1000).toFixed(2)} km`,
    );
  }
}
