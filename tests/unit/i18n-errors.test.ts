import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/lib/api';
import { describeError } from '../../src/lib/i18n/errors';
import { i18n } from '../../src/lib/i18n/locale.svelte';

afterEach(() => {
  i18n.locale = 'vi';
});

describe('describeError', () => {
  it('explains a lost connection without technical words', () => {
    expect(describeError(new ApiError(0, 'network', 'Failed to fetch'))).toEqual({
      message: 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
    });
  });
  it('hides server internals but gives the reference to quote', () => {
    const error = new ApiError(500, 'internal', 'relation "x" does not exist', {
      request_id: 'abc-1',
    });
    expect(describeError(error)).toEqual({
      message: 'Máy chủ đang gặp sự cố. Vui lòng thử lại sau.',
      reference: 'Mã tra cứu: abc-1',
    });
  });
  it('passes on what was wrong with a request, in the chosen language', () => {
    i18n.locale = 'en';
    const error = new ApiError(400, 'bad_parameter', 'from: not a real calendar date');
    expect(describeError(error).message).toBe(
      'The request was not accepted: from: not a real calendar date',
    );
  });
  it('tells a signed-out user to sign in and a forbidden one that they may not', () => {
    expect(describeError(new ApiError(401, 'unauthenticated', 'x')).message).toBe(
      'Phiên làm việc đã hết. Vui lòng đăng nhập lại.',
    );
    expect(describeError(new ApiError(403, 'forbidden', 'x')).message).toBe(
      'Tài khoản của bạn không có quyền xem dữ liệu này.',
    );
  });
  it('falls back for anything else', () => {
    expect(describeError(new Error('boom')).message).toBe('Đã xảy ra lỗi không xác định.');
  });
});
