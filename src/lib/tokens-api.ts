/** The API tokens page's calls: GET, POST /api/tokens and DELETE /api/tokens/{id}. */
import { ApiError, getJson } from './api';

type Fetch = typeof fetch;

/** A token as its owner sees it listed: never the secret. ISO instants. */
export interface ApiToken {
  id: number;
  name: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

/** What creating a token answers, the secret included (this once). */
export interface CreatedToken {
  id: number;
  name: string;
  token: string;
  expires_at: string;
}

export async function fetchTokens(fetchFn: Fetch = fetch): Promise<ApiToken[]> {
  const body = (await getJson('/api/tokens', {}, fetchFn)) as { tokens?: ApiToken[] };
  if (!Array.isArray(body?.tokens)) throw new ApiError(200, 'bad_response', 'no tokens array');
  return body.tokens;
}

export async function createToken(
  input: { name: string; expires_in_days: number },
  fetchFn: Fetch = fetch,
): Promise<CreatedToken> {
  const init = {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  };
  const body = (await getJson('/api/tokens', init, fetchFn)) as Partial<CreatedToken>;
  if (typeof body?.token !== 'string') throw new ApiError(200, 'bad_response', 'no token');
  return body as CreatedToken;
}

/** Revokes one of the caller's tokens; the answer is an empty 204. */
export async function revokeToken(id: number, fetchFn: Fetch = fetch): Promise<void> {
  let res: Response;
  try {
    res = await fetchFn(`/api/tokens/${id}`, { method: 'DELETE', credentials: 'same-origin' });
  } catch (e) {
    throw new ApiError(0, 'network', e instanceof Error ? e.message : String(e));
  }
  if (res.status === 204) return;
  const err = (
    (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } }
  )?.error;
  throw new ApiError(res.status, err?.code ?? 'http_error', err?.message ?? `${res.status}`);
}

/** Whether a listed token still opens the API at `now`. */
export function tokenState(t: ApiToken, now: Date): 'active' | 'revoked' | 'expired' {
  if (t.revoked_at) return 'revoked';
  return new Date(t.expires_at) <= now ? 'expired' : 'active';
}
