import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AUDIT_ACTIONS,
  actionLabel,
  isKnownAction,
  isRequestAction,
} from '../../src/lib/components/audit/actions';
import { en, vi } from '../../src/lib/i18n/messages';

describe('actionLabel', () => {
  it('names the known actions in Vietnamese and English', () => {
    expect(actionLabel('login', 'vi')).toBe('Đăng nhập');
    expect(actionLabel('login', 'en')).toBe('Sign in');
    expect(actionLabel('logout', 'vi')).toBe('Đăng xuất');
    expect(actionLabel('layer.read', 'en')).toBe('Read a layer');
    expect(actionLabel('stats.read', 'vi')).toBe('Xem thống kê');
    expect(actionLabel('patrol_route.delete', 'vi')).toBe('Xóa tuyến tuần tra');
    expect(actionLabel('user.disable', 'vi')).toBe('Khóa tài khoản');
    expect(actionLabel('user.reset_password', 'en')).toBe('Reset a password');
  });
  it('shows a refused request and an unknown code as they are', () => {
    expect(actionLabel('GET /api/audit', 'vi')).toBe('GET /api/audit');
    expect(actionLabel('seizure.export', 'en')).toBe('seizure.export');
    expect(actionLabel('', 'en')).toBe('');
  });
  it('does not mistake a prefix of a key for an action', () => {
    expect(actionLabel('user', 'vi')).toBe('user');
    expect(actionLabel('patrol_route', 'en')).toBe('patrol_route');
  });
  it('has a label in both languages for every action in the menu', () => {
    for (const action of AUDIT_ACTIONS) {
      expect(`auditAction.${action}` in vi, action).toBe(true);
      expect(`auditAction.${action}` in en, action).toBe(true);
    }
    expect(AUDIT_ACTIONS).toHaveLength(57);
    expect(actionLabel('seizure.update', 'vi')).toBe('Sửa vụ bắt giữ');
    expect(actionLabel('seizure.delete', 'en')).toBe('Delete a seizure record');
    expect(actionLabel('audit.export', 'vi')).toBe('Xuất nhật ký');
  });
});

/** Every `action: '...'` literal the server code writes to the audit log. */
function actionsWritten(dir: string): Set<string> {
  const found = new Set<string>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const text = readFileSync(join(entry.parentPath, entry.name), 'utf8');
    for (const m of text.matchAll(/\baction: '([a-z_.]+)'/g)) found.add(m[1]);
  }
  return found;
}

describe('the action menu', () => {
  it('lists every action the server writes, so none shows as a bare code', () => {
    const written = actionsWritten('src/lib/server');
    expect(written.size).toBeGreaterThan(20);
    expect([...written].filter((a) => !isKnownAction(a)).sort()).toEqual([]);
  });
});

describe('isKnownAction and isRequestAction', () => {
  it('tells the menu actions from the rest', () => {
    expect(isKnownAction('user.enable')).toBe(true);
    expect(isKnownAction('GET /api/audit')).toBe(false);
    expect(isKnownAction('LOGIN')).toBe(false);
  });
  it('recognises a method and a route', () => {
    expect(isRequestAction('GET /api/audit')).toBe(true);
    expect(isRequestAction('DELETE /api/patrol-routes/:id')).toBe(true);
    expect(isRequestAction('login')).toBe(false);
    expect(isRequestAction('get /api/audit')).toBe(false);
    expect(isRequestAction('GET api/audit')).toBe(false);
  });
});
