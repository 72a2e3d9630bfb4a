/** The account list, the units they may be given, and the state of its request. */
import { fetchUserDirectory, type ManagedUser, type UnitChoice } from '$lib/api';
import { RemoteData } from '../remote-data.svelte';

export class UserDirectory extends RemoteData<{ users: ManagedUser[]; units: UnitChoice[] }> {
  get users(): ManagedUser[] | null {
    return this.data?.users ?? null;
  }

  get units(): UnitChoice[] {
    return this.data?.units ?? [];
  }

  reload(fetchFn: typeof fetch = fetch): Promise<void> {
    return this.load((signal) => fetchUserDirectory({ signal }, fetchFn));
  }
}
