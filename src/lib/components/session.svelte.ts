/**
 * Who is signed in, for the pages. The server decides what a user may do; this only decides
 * whether to show the sign-in form. Client state only: it is never set during server rendering.
 */
import { ApiError, fetchMe, login, logout, type User } from '$lib/api';

class Session {
  user = $state.raw<User | null>(null);
  /** False until the first /api/auth/me answer. */
  checked = $state(false);
  /** Set when the server could not be asked at all. */
  error = $state.raw<unknown>(null);

  async check(): Promise<void> {
    try {
      this.user = await fetchMe();
      this.error = null;
    } catch (e) {
      this.error = e;
    } finally {
      this.checked = true;
    }
  }

  async signIn(username: string, password: string): Promise<void> {
    this.user = await login(username, password);
    this.error = null;
  }

  async signOut(): Promise<void> {
    try {
      await logout();
    } finally {
      this.user = null;
    }
  }

  /** Whether the signed-in user holds a permission (to hide links; the server still decides). */
  can(permission: string): boolean {
    return this.user?.permissions.includes(permission) ?? false;
  }

  /** A 401 from any call means the session ended (expired, signed out elsewhere). */
  noteFailure(error: unknown): void {
    if (error instanceof ApiError && error.status === 401) this.user = null;
  }
}

export const session = new Session();
