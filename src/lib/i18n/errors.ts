import { ApiError } from '$lib/api';
import { t } from './locale.svelte';

export interface ErrorText {
  /** What happened, in words an officer understands. */
  message: string;
  /** A reference to quote to support, when the server gave one. */
  reference?: string;
}

/** Turns any failure of an API call into a sentence for the user; internals stay out. */
export function describeError(error: unknown): ErrorText {
  if (!(error instanceof ApiError)) return { message: t('error.unknown') };
  const ref = error.details?.request_id;
  const reference = typeof ref === 'string' ? t('error.reference', { id: ref }) : undefined;
  if (error.code === 'network' || error.status === 0) return { message: t('error.network') };
  if (error.status === 401) return { message: t('error.unauthenticated') };
  if (error.status === 403) return { message: t('error.forbidden'), reference };
  if (error.status === 429) return { message: t('error.tooMany'), reference };
  if (error.code === 'busy') return { message: t('error.busy', { s: waitOf(error) }), reference };
  if (error.status === 503) return { message: t('error.starting'), reference };
  if (error.status === 404) return { message: t('error.notFound'), reference };
  if (error.status >= 400 && error.status < 500) {
    return { message: t('error.badRequest', { message: error.message }), reference };
  }
  return { message: t('error.server'), reference };
}

/** The seconds the server asked the client to wait (Retry-After), at least 1. */
export function waitOf(error: ApiError): number {
  const s = Number(error.details?.retry_after_s);
  return Number.isFinite(s) && s >= 1 ? Math.ceil(s) : 1;
}
