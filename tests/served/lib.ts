import { inject } from 'vitest';

export const baseUrl = () => inject('baseUrl');

export const get = (path: string, init: RequestInit = {}) => fetch(`${baseUrl()}${path}`, init);

/** Signs in as the planner the setup created; returns the Cookie header value. */
export async function plannerCookie(who: 'planner' | 'importer' = 'planner'): Promise<string> {
  const res = await get('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(inject(who)),
  });
  if (res.status !== 200) throw new Error(`login: ${res.status} ${await res.text()}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0];
}

/** Asserts the response is the API's JSON error and returns its `error` member. */
export async function jsonError(res: Response): Promise<{ code: string; message: string }> {
  const type = res.headers.get('content-type') ?? '';
  const text = await res.text();
  if (!type.startsWith('application/json'))
    throw new Error(`expected JSON, got ${res.status} ${type}: ${text.slice(0, 200)}`);
  return JSON.parse(text).error;
}
