/**
 * The CQL2 conformance classes (OGC 21-065r2, table 2) this translator implements in full, for
 * the OGC API's /conformance; tests/db/cql2-sql.test.ts runs each on both engines. Not declared:
 * case-insensitive comparison (CASEI works, as the database's lower(), but the class asks for
 * full Unicode case folding such as ß to ss), accent-insensitive comparison, temporal
 * functions, arrays, property-property comparisons, functions, arithmetic, and cql2-json
 * (parseCql2Json reads it: add the class once the API takes `filter-lang=cql2-json`).
 * Beyond the standard, GDAL's ILIKE and quoted ISO times against time properties are read.
 */
export const CQL2_CONFORMANCE = [
  'http://www.opengis.net/spec/cql2/1.0/conf/cql2-text',
  'http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2',
  'http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators',
  'http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions',
  'http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions-plus',
  'http://www.opengis.net/spec/cql2/1.0/conf/spatial-functions',
] as const;
