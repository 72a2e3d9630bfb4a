/**
 * The account list and the state of its request. A newer request aborts the one in flight, so
 * an older answer never replaces a newer one (a change is followed by a reload at once).
 */
import { ApiError, fetchUsers, isAbort, type ManagedUser } from '$lib/api';

export class UserDirectory {
  users = $state.raw<ManagedUser[] | null>(null);
  loading = $state(false);
  error = $state.raw<unknown>(null);
  /** When the shown list arrived (epoch milliseconds). */
  loadedAt = $state<number | null>(null);
  /** Told about every failure (the page hands a 401 to the session). */
  onError: (error: unknown) => void = () => {};

  #controller: AbortController | null = null;

  /** The server refused: the signed-in user may not manage users. */
  get forbidden(): boolean {
    return this.error instanceof ApiError && this.error.status === 403;
  }

  async load(fetchFn: typeof fetch = fetch): Promise<void> {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    this.loading = true;
    try {
      const users = await fetchUsers({ signal: controller.signal }, fetchFn);
      if (controller.signal.aborted) return;
      this.users = users;
      this.error = null;
      this.loadedAt = Date.now();
    } catch (error) {
      if (isAbort(error) || controller.signal.aborted) return;
      this.error = error;
      // Whatever the user may not see must not stay on screen.
      if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
        this.users = null;
      }
      this.onError(error);
    } finally {
      if (this.#controller === controller) {
        this.#controller = null;
        this.loading = false;
      }
    }
  }

  /** Forgets everything (signed out). */
  clear(): void {
    this.#controller?.abort();
    this.#controller = null;
    this.loading = false;
    this.users = null;
    this.error = null;
    this.loadedAt = null;
  }
}
