import { CQL2_CONFORMANCE } from './cql2';

/**
 * The conformance classes this API declares, and only those that work end to end (tests in
 * tests/api/ogc-*.test.ts exercise each). QGIS pushes filters to the server only when Part 3
 * `filter` and `features-filter`, `cql2-text` and `basic-cql2` are all declared.
 */
export const CORE = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
  'http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs',
  'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables',
] as const;

export const FILTER = [
  'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter',
  'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter',
  // What the translator in ./cql2 implements in full (its own list, tested there).
  ...CQL2_CONFORMANCE,
  // The same translation from CQL2-JSON nodes (filter-lang=cql2-json).
  'http://www.opengis.net/spec/cql2/1.0/conf/cql2-json',
] as const;

/** `filter`: whether the CQL2 translation is wired in (it arrives from its own branch). */
export function conformance(filter: boolean): { conformsTo: string[] } {
  return { conformsTo: [...CORE, ...(filter ? FILTER : [])] };
}
