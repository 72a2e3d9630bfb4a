/**
 * The link to the page after `after`: the same request with the keyset cursor moved on and any
 * offset dropped, so page 1000 costs what page 1 does.
 * @example afterHref('http://h/api/layers/seizures?limit=2&offset=4', 17) // '/api/layers/seizures?limit=2&after=17'
 */
export function afterHref(url: string, after: number | string): string {
  const next = new URL(url);
  next.searchParams.delete('offset');
  next.searchParams.set('after', String(after));
  return `${next.pathname}${next.search}`;
}
