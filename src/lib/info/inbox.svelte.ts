/**
 * The unread count of the inbox (reports the other force handed over, not yet acknowledged),
 * shown by the header on every screen. Polled every minute while someone is signed in, and
 * asked again at once after an acknowledgement so the badge never lags the page.
 */
import { fetchInboxCount } from './reports-api';

export const INBOX_POLL_MS = 60_000;

class InboxCount {
  unread = $state(0);
  private timer: ReturnType<typeof setInterval> | null = null;
  private request = 0;

  async refresh(): Promise<void> {
    const mine = ++this.request;
    try {
      const n = await fetchInboxCount();
      if (mine === this.request) this.unread = n;
    } catch {
      // A missed poll keeps the last count: the next one (or a page action) corrects it.
    }
  }

  /** Starts polling (idempotent); returns the stop function for an effect's cleanup. */
  start(): () => void {
    this.stop();
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), INBOX_POLL_MS);
    return () => this.stop();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.request++;
  }

  reset(): void {
    this.stop();
    this.unread = 0;
  }
}

export const inbox = new InboxCount();
