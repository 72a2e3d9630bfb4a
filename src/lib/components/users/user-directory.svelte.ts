/** The account list and the state of its request (a change is followed by a reload at once). */
import { fetchUsers, type ManagedUser } from '$lib/api';
import { RemoteData } from '../remote-data.svelte';

export class UserDirectory extends RemoteData<ManagedUser[]> {
  get users(): ManagedUser[] | null {
    return this.data;
  }

  reload(fetchFn: typeof fetch = fetch): Promise<void> {
    return this.load((signal) => fetchUsers({ signal }, fetchFn));
  }
}
