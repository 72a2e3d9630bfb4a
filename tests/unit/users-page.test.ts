import { afterEach, describe, expect, it } from 'vitest';
import {
  ApiError,
  addUser,
  changeUser,
  fetchUsers,
  resetUserPassword,
  setUserDisabled,
  type ManagedUser,
} from '../../src/lib/api';
import { i18n } from '../../src/lib/i18n/locale.svelte';
import { matching, rowActions } from '../../src/lib/components/users/actions';
import { badField, userErrorText } from '../../src/lib/components/users/errors';

afterEach(() => {
  i18n.locale = 'vi';
});

const user = (username: string, disabled = false): ManagedUser => ({
  username,
  role: 'analyst',
  agency: 'customs',
  unit: null,
  disabled,
  created_at: '2025-01-02T03:04:05Z',
  last_sign_in_at: null,
  active_sessions: 0,
});

/** Records each request and answers with `body` and `status`. */
function recorder(status: number, body: unknown) {
  const calls: { url: string; method: string; type: string | null; body: string | null }[] = [];
  const fetchFn: typeof fetch = async (url, init) => {
    const headers = new Headers(init?.headers);
    calls.push({
      url: String(url),
      method: init?.method ?? 'GET',
      type: headers.get('content-type'),
      body: (init?.body as string | undefined) ?? null,
    });
    return new Response(JSON.stringify(body), { status });
  };
  return { calls, fetchFn };
}

describe('rowActions', () => {
  it('offers disable for others, enable for the disabled, never disable for oneself', () => {
    expect(rowActions(user('a'), 'me')).toEqual(['edit', 'reset', 'disable']);
    expect(rowActions(user('a', true), 'me')).toEqual(['edit', 'reset', 'enable']);
    expect(rowActions(user('me'), 'me')).toEqual(['edit', 'reset']);
    expect(rowActions(user('a'), undefined)).toEqual(['edit', 'reset', 'disable']);
  });
});

describe('matching', () => {
  it('finds by part of the name, ignoring case and spaces, keeping the order', () => {
    const all = [user('demo.admin'), user('demo.analyst'), user('nguyen.van.a')];
    expect(matching(all, ' DEMO.A ').map((u) => u.username)).toEqual([
      'demo.admin',
      'demo.analyst',
    ]);
    expect(matching(all, 'van').map((u) => u.username)).toEqual(['nguyen.van.a']);
    expect(matching(all, '')).toHaveLength(3);
    expect(matching(all, 'x')).toEqual([]);
  });
});

describe('user fetch helpers', () => {
  it('call the documented paths with the right methods and bodies', async () => {
    const answer = { user: user('a.b'), generatedPassword: 'p' };
    const { calls, fetchFn } = recorder(200, answer);
    await addUser({ username: 'a.b', role: 'planner', agency: 'border_guard' }, fetchFn);
    await setUserDisabled('a.b', true, fetchFn);
    await setUserDisabled('a.b', false, fetchFn);
    await resetUserPassword('a/b', fetchFn);
    await changeUser('a.b', { role: 'admin' }, fetchFn);
    expect(calls).toEqual([
      {
        url: '/api/users',
        method: 'POST',
        type: 'application/json',
        body: '{"username":"a.b","role":"planner","agency":"border_guard"}',
      },
      { url: '/api/users/a.b/disable', method: 'POST', type: null, body: null },
      { url: '/api/users/a.b/enable', method: 'POST', type: null, body: null },
      { url: '/api/users/a%2Fb/reset-password', method: 'POST', type: null, body: null },
      {
        url: '/api/users/a.b',
        method: 'PATCH',
        type: 'application/json',
        body: '{"role":"admin"}',
      },
    ]);
  });

  it('return the list, and turn a refusal into an ApiError with its code', async () => {
    expect(await fetchUsers({}, recorder(200, { users: [user('x.y')] }).fetchFn)).toEqual([
      user('x.y'),
    ]);
    const refused = recorder(409, { error: { code: 'last_admin', message: 'no' } });
    await expect(setUserDisabled('x.y', true, refused.fetchFn)).rejects.toMatchObject({
      status: 409,
      code: 'last_admin',
    });
    await expect(fetchUsers({}, recorder(200, { nope: 1 }).fetchFn)).rejects.toMatchObject({
      code: 'bad_response',
    });
  });
});

describe('userErrorText', () => {
  const invalid = (field: string) =>
    new ApiError(400, 'invalid_body', `${field}: bad`, { problems: [{ field, message: 'bad' }] });

  it('explains each refusal rule in Vietnamese', () => {
    expect(userErrorText(new ApiError(409, 'user_exists', 'x'), 'le.van.b').message).toBe(
      'Tên đăng nhập le.van.b đã có người dùng.',
    );
    expect(userErrorText(new ApiError(409, 'last_admin', 'x'), 'demo.admin').message).toBe(
      'demo.admin là quản trị viên cuối cùng đang hoạt động: hãy thêm hoặc mở khóa một quản trị viên khác trước.',
    );
    expect(userErrorText(new ApiError(409, 'own_account', 'x'), 'me').message).toBe(
      'Bạn không thể khóa hoặc hạ vai trò tài khoản của chính mình; hãy nhờ một quản trị viên khác.',
    );
    expect(userErrorText(new ApiError(404, 'not_found', 'x'), 'gone').message).toBe(
      'Không còn tài khoản gone. Danh sách đã được làm mới.',
    );
    expect(userErrorText(invalid('username'), 'A B').message).toBe(
      'Tên đăng nhập phải gồm 3–40 ký tự: chữ thường không dấu, số, dấu . _ -',
    );
    expect(userErrorText(invalid('agency'), 'x').message).toBe(
      'Giá trị không hợp lệ ở ô Lực lượng.',
    );
  });

  it('speaks English when the page does, and falls back to the shared wording', () => {
    i18n.locale = 'en';
    expect(userErrorText(invalid('role'), 'x').message).toBe('Invalid value in the Role field.');
    const crash = new ApiError(500, 'internal', 'SQL!', { request_id: 'r-9' });
    expect(userErrorText(crash, 'x')).toEqual({
      message: 'The server has a problem. Please try again later.',
      reference: 'Reference: r-9',
    });
  });

  it('reads the refused field only from a 400 that names one', () => {
    expect(badField(invalid('role'))).toBe('role');
    expect(badField(new ApiError(400, 'bad_request', 'not json'))).toBeUndefined();
    expect(badField(new ApiError(409, 'user_exists', 'x'))).toBeUndefined();
    expect(badField(new Error('x'))).toBeUndefined();
  });
});
