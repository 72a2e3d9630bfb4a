import { badParameter } from '../errors';

/**
 * A keyset position: the sort-key values (as PostgreSQL prints them) and the id of the row the
 * page starts after (`next`) or ends before (`prev`), tied to the sort it was made for. It
 * travels opaque, as base64url JSON, so clients follow links rather than build them.
 */
export interface Cursor {
  /** The `sortby` the cursor belongs to ('' for the default order by id). */
  sort: string;
  values: (string | null)[];
  id: string;
  backward: boolean;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.sort, c.values, c.id, c.backward ? 1 : 0])).toString(
    'base64url',
  );
}

const bad = () => badParameter('cursor', 'not a cursor this server made; follow the next link');

/**
 * The cursor of a link, checked to belong to this request's sort.
 * @example decodeCursor(encodeCursor({ sort: '', values: [], id: '7', backward: false }), '').id // '7'
 */
export function decodeCursor(text: string, sort: string): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) throw bad();
  const [s, values, id, backward] = parsed as unknown[];
  if (typeof s !== 'string' || typeof id !== 'string' || (backward !== 0 && backward !== 1))
    throw bad();
  if (!Array.isArray(values) || values.some((v) => v !== null && typeof v !== 'string'))
    throw bad();
  if (s !== sort)
    throw badParameter('cursor', 'was made for another sortby; start again from the first page');
  return { sort: s, values: values as (string | null)[], id, backward: backward === 1 };
}
