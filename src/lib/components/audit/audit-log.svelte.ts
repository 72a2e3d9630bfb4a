/** Pages of the audit log and the state of their requests (answers to old filters are dropped). */
import {
  fetchAudit,
  fetchAuditGroupEntries,
  fetchAuditGroups,
  type AuditGroup,
  type AuditGroupPage,
  type AuditPage,
  type AuditQuery,
} from '$lib/api';
import { RemoteData } from '../remote-data.svelte';

export class AuditLog extends RemoteData<AuditPage> {
  get page(): AuditPage | null {
    return this.data;
  }

  show(query: AuditQuery, fetchFn: typeof fetch = fetch): Promise<void> {
    return this.load((signal) => fetchAudit(query, { signal }, fetchFn));
  }
}

export class AuditGroupLog extends RemoteData<AuditGroupPage> {
  get page(): AuditGroupPage | null {
    return this.data;
  }

  show(query: AuditQuery, fetchFn: typeof fetch = fetch): Promise<void> {
    return this.load((signal) => fetchAuditGroups(query, { signal }, fetchFn));
  }
}

/** The entries one group stands for (the newest `limit`), shown when its row is opened. */
export class AuditGroupEntries extends RemoteData<AuditPage> {
  show(
    group: AuditGroup,
    bounds: Pick<AuditQuery, 'from' | 'to'>,
    limit: number,
    fetchFn: typeof fetch = fetch,
  ): Promise<void> {
    return this.load((signal) =>
      fetchAuditGroupEntries(group, { ...bounds, limit }, { signal }, fetchFn),
    );
  }
}
