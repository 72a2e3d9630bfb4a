/**
 * The CQL2 conformance classes (OGC 21-065r2, table 2) this translator implements in full, for
 * the OGC API's /conformance. Not declared: case-insensitive comparison (CASEI works in =, <>,
 * LIKE and IN but not in every position the class asks), accent-insensitive comparison,
 * temporal functions, arrays, property-property comparisons, functions, arithmetic, cql2-json.
 */
export const CQL2_CONFORMANCE = [
  'http://www.opengis.net/spec/cql2/1.0/conf/cql2-text',
  'http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2',
  'http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators',
  'http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions',
  'http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions-plus',
  'http://www.opengis.net/spec/cql2/1.0/conf/spatial-functions',
] as const;
