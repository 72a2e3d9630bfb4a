/** One page of the audit log and the state of its request (answers to old filters are dropped). */
import { fetchAudit, type AuditPage, type AuditQuery } from '$lib/api';
import { RemoteData } from '../remote-data.svelte';

export class AuditLog extends RemoteData<AuditPage> {
  get page(): AuditPage | null {
    return this.data;
  }

  show(query: AuditQuery, fetchFn: typeof fetch = fetch): Promise<void> {
    return this.load((signal) => fetchAudit(query, { signal }, fetchFn));
  }
}
