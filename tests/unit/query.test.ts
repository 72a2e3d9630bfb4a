import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/lib/server/errors';
import { parseQuery } from '../../src/lib/server/api/query';

function message(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).status).toBe(400);
    return (e as Error).message;
  }
  throw new Error('expected a 400');
}

const KNOWN = ['province', 'from', 'name'];

describe('parseQuery', () => {
  it('decodes percent-encoding, with + as a space and %2B as a plus', () => {
    expect(parseQuery('province=an_giang&name=a+b%2Bc%20d%C4%91', KNOWN)).toEqual({
      province: 'an_giang',
      name: 'a b+c dđ',
    });
  });

  it('reads a name without = as empty and skips empty pieces', () => {
    expect(parseQuery('&&province&', KNOWN)).toEqual({ province: '' });
    expect(parseQuery('', KNOWN)).toEqual({});
  });

  it('refuses a repeated parameter, naming it, rather than letting the first win', () => {
    expect(message(() => parseQuery('province=an_giang&province=lang_son', KNOWN))).toBe(
      'province: given more than once; send it once (lists are comma-separated)',
    );
    // The same name however it is spelt on the wire.
    expect(message(() => parseQuery('province=an_giang&%70rovince=lang_son', KNOWN))).toBe(
      'province: given more than once; send it once (lists are comma-separated)',
    );
    expect(message(() => parseQuery('from=&from=', KNOWN))).toMatch(/^from: given more than once/);
  });

  it.each(['%E0%A4%A', '%', '%zz', '%C3', '%ED%A0%80', '2024-01-01%'])(
    'refuses malformed percent-encoding in a value (from=%s), naming the parameter',
    (raw) => {
      expect(message(() => parseQuery(`from=${raw}`, KNOWN))).toBe(
        'from: malformed percent-encoding',
      );
    },
  );

  it('refuses malformed percent-encoding in a name', () => {
    expect(message(() => parseQuery('pro%E0vince=1', KNOWN))).toBe(
      'The query string has malformed percent-encoding in a parameter name.',
    );
  });

  it('refuses control and bidi characters in any value', () => {
    expect(message(() => parseQuery('name=a%00b', KNOWN))).toBe(
      'name: contains a control character (U+0000); this field takes one line of text',
    );
    expect(message(() => parseQuery('name=%1B%5B31m', KNOWN))).toMatch(/^name: .*U\+001B/);
    expect(message(() => parseQuery('name=%E2%80%AEx', KNOWN))).toMatch(
      /^name: contains a bidirectional control character \(U\+202E\)/,
    );
  });

  it('refuses names the route does not know, whatever they are', () => {
    expect(message(() => parseQuery('provnce=x', KNOWN))).toBe(
      'provnce: unknown parameter (allowed: province, from, name)',
    );
    expect(message(() => parseQuery('__proto__=x', KNOWN))).toMatch(/^__proto__: unknown/);
    expect(message(() => parseQuery('constructor=x', KNOWN))).toMatch(/^constructor: unknown/);
  });
});
