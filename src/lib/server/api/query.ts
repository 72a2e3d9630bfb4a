import type { Context } from 'hono';
import { badParameter, badRequest } from '../errors';
import { refusedCharacter } from '../text';
import { onlyKnown, type Query } from './params';

/**
 * The query string, read strictly: each parameter at most once (a repeat is a 400 rather than
 * the first silently winning), percent-encoding that decodes or a 400 naming the parameter, '+'
 * as a space (form encoding), no control or bidi characters in any value, and only the names
 * the route knows. Routes read their query through this, never `c.req.query()`.
 */
export function readQuery(c: Context, known: readonly string[]): Query {
  const url = c.req.url;
  const start = url.indexOf('?');
  return parseQuery(start < 0 ? '' : url.slice(start + 1), known);
}

/** `raw` is the search string without its '?'. */
export function parseQuery(raw: string, known: readonly string[]): Query {
  const values = new Map<string, string>();
  for (const piece of raw.split('&')) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    const name = decode(eq < 0 ? piece : piece.slice(0, eq));
    if (name === undefined)
      throw badRequest('The query string has malformed percent-encoding in a parameter name.');
    const value = eq < 0 ? '' : decode(piece.slice(eq + 1));
    if (value === undefined) throw badParameter(name, 'malformed percent-encoding');
    if (values.has(name))
      throw badParameter(name, 'given more than once; send it once (lists are comma-separated)');
    values.set(name, value);
  }
  const query: Query = Object.fromEntries(values);
  onlyKnown(query, known);
  for (const [name, value] of values) {
    const problem = refusedCharacter(value);
    if (problem) throw badParameter(name, problem);
  }
  return query;
}

function decode(s: string): string | undefined {
  try {
    return decodeURIComponent(s.replaceAll('+', ' '));
  } catch {
    return undefined;
  }
}
