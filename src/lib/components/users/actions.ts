/** What an administrator may do to an account from its row, and how the page orders them. */
import type { ManagedUser } from '$lib/api';

export type UserAction = 'edit' | 'reset' | 'disable' | 'enable';

/** The changes that ask for confirmation first (they end sessions or let someone back in). */
export type Confirmable = Exclude<UserAction, 'edit'>;

/**
 * The row's actions. An administrator cannot disable their own account (the server refuses it
 * too), so their row offers no such button.
 * @example rowActions({ username: 'a', disabled: false } as ManagedUser, 'b') // ['edit', 'reset', 'disable']
 */
export function rowActions(user: ManagedUser, me: string | undefined): UserAction[] {
  const toggle: UserAction[] = user.disabled ? ['enable'] : user.username === me ? [] : ['disable'];
  return ['edit', 'reset', ...toggle];
}

/**
 * Accounts whose name contains the search text (case-insensitive), in the server's order.
 * @example matching(users, ' Demo.A ') // demo.admin, demo.analyst
 */
export function matching(users: readonly ManagedUser[], search: string): ManagedUser[] {
  const q = search.trim().toLowerCase();
  return q ? users.filter((u) => u.username.includes(q)) : [...users];
}
