export {
  Cql2Error,
  type Cql2Node,
  type Cql2Op,
  type Cql2Type,
  type Queryable,
  type Queryables,
} from './ast';
export { CQL2_CONFORMANCE } from './conformance';
export { parseCql2Text } from './parse';
export { cql2ToSql, type Cql2SqlOptions } from './to-sql';
