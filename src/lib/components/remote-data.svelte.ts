/**
 * Data a page loads from the API and the state of its request. A newer request aborts the one
 * in flight, so an older answer never replaces a newer one.
 */
import { ApiError, isAbort } from '$lib/api';

export class RemoteData<T> {
  data = $state.raw<T | null>(null);
  loading = $state(false);
  error = $state.raw<unknown>(null);
  /** When the shown data arrived (epoch milliseconds). */
  loadedAt = $state<number | null>(null);
  /** Told about every failure (the page hands a 401 to the session). */
  onError: (error: unknown) => void = () => {};

  #controller: AbortController | null = null;

  /** The server refused: the signed-in user may not see this. */
  get forbidden(): boolean {
    return this.error instanceof ApiError && this.error.status === 403;
  }

  async load(fetcher: (signal: AbortSignal) => Promise<T>): Promise<void> {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    this.loading = true;
    try {
      const data = await fetcher(controller.signal);
      if (controller.signal.aborted) return;
      this.data = data;
      this.error = null;
      this.loadedAt = Date.now();
    } catch (error) {
      if (isAbort(error) || controller.signal.aborted) return;
      this.error = error;
      // Whatever the user may not see must not stay on screen.
      if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
        this.data = null;
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
    this.data = null;
    this.error = null;
    this.loadedAt = null;
  }
}
