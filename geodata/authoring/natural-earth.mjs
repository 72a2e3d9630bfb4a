// Natural Earth's 1:10m admin-0 boundaries (public domain), as shipped by the world-atlas package
// (TopoJSON, version 4.1.0 of Natural Earth): the shared boundary of Viet Nam and a neighbour.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mesh } from 'topojson-client';

const require = createRequire(import.meta.url);
const TOPOLOGY = require.resolve('world-atlas/countries-10m.json');

/** ISO 3166-1 numeric ids used by world-atlas. */
export const COUNTRY = { VN: '704', KH: '116', CN: '156' };

let topology;

/** The boundary Viet Nam shares with `neighbour` ('KH' | 'CN'), as one list of [lon, lat]. */
export function sharedBoundary(neighbour) {
  topology ??= JSON.parse(readFileSync(TOPOLOGY, 'utf8'));
  const other = COUNTRY[neighbour];
  const m = mesh(
    topology,
    topology.objects.countries,
    (a, b) => (a.id === COUNTRY.VN && b.id === other) || (a.id === other && b.id === COUNTRY.VN),
  );
  if (m.coordinates.length !== 1) {
    throw new Error(`expected one shared arc with ${neighbour}, got ${m.coordinates.length}`);
  }
  return m.coordinates[0];
}
