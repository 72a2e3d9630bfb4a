/**
 * Why a change to an account was refused, in the page's language. The server's codes say which
 * rule refused it; its English messages never reach the screen.
 */
import { ApiError } from '$lib/api';
import { describeError, type ErrorText } from '$lib/i18n/errors';
import { t } from '$lib/i18n/locale.svelte';

const FIELD_KEYS = {
  username: 'users.form.username',
  role: 'users.form.role',
  agency: 'users.form.agency',
} as const;

/** The field a 400 names (`details.problems[0].field`), if any. */
export function badField(error: unknown): string | undefined {
  if (!(error instanceof ApiError) || error.status !== 400) return undefined;
  const problems = error.details?.problems;
  const first = Array.isArray(problems) ? (problems[0] as { field?: unknown }) : undefined;
  return typeof first?.field === 'string' ? first.field : undefined;
}

/**
 * @example userErrorText(new ApiError(409, 'last_admin', '...'), 'demo.admin').message
 * // 'demo.admin là quản trị viên cuối cùng đang hoạt động: ...'
 */
export function userErrorText(error: unknown, username: string): ErrorText {
  if (error instanceof ApiError) {
    const user = username;
    if (error.code === 'user_exists') return { message: t('users.error.exists', { user }) };
    if (error.code === 'own_account') return { message: t('users.error.ownAccount') };
    if (error.code === 'last_admin') return { message: t('users.error.lastAdmin', { user }) };
    if (error.status === 404 && error.code === 'not_found')
      return { message: t('users.error.notFound', { user }) };
    const field = badField(error);
    if (field === 'username') return { message: t('users.error.username') };
    if (field && field in FIELD_KEYS) {
      const name = t(FIELD_KEYS[field as keyof typeof FIELD_KEYS]);
      return { message: t('users.error.field', { field: name }) };
    }
  }
  return describeError(error);
}
