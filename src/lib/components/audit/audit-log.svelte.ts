/**
 * One page of the audit log and the state of its request. A newer request aborts the one in
 * flight, so an answer to old filters never replaces the answer to the current ones.
 */
import { ApiError, fetchAudit, isAbort, type AuditPage, type AuditQuery } from '$lib/api';

export class AuditLog {
  page = $state.raw<AuditPage | null>(null);
  loading = $state(false);
  error = $state.raw<unknown>(null);
  /** When the shown page arrived (epoch milliseconds). */
  loadedAt = $state<number | null>(null);
  /** Told about every failure (the page hands a 401 to the session). */
  onError: (error: unknown) => void = () => {};

  #controller: AbortController | null = null;

  /** The server refused: the signed-in user may not read the log. */
  get forbidden(): boolean {
    return this.error instanceof ApiError && this.error.status === 403;
  }

  async load(query: AuditQuery, fetchFn: typeof fetch = fetch): Promise<void> {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    this.loading = true;
    try {
      const page = await fetchAudit(query, { signal: controller.signal }, fetchFn);
      if (controller.signal.aborted) return;
      this.page = page;
      this.error = null;
      this.loadedAt = Date.now();
    } catch (error) {
      if (isAbort(error) || controller.signal.aborted) return;
      this.error = error;
      // Whatever the user may not see must not stay on screen.
      if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
        this.page = null;
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
    this.page = null;
    this.error = null;
    this.loadedAt = null;
  }
}
