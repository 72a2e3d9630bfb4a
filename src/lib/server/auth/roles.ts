/** Who may do what. The server decides with these; the pages only hide what a role cannot do. */

export const ROLES = ['admin', 'commander', 'planner', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

export const USER_AGENCIES = ['customs', 'border_guard'] as const;
export type UserAgency = (typeof USER_AGENCIES)[number];

export type Permission =
  | 'view'
  | 'briefing'
  | 'edit_routes'
  | 'edit_seizures'
  | 'export'
  | 'import'
  | 'manage_users'
  | 'view_audit'
  /** Pass information reports to the other force, acknowledge and assess what it received. */
  | 'share_info'
  /** Read the identifiers of suspicious objects (plates, boat markings): personal data. */
  | 'view_identifiers';

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: [
    'view',
    'briefing',
    'edit_routes',
    'edit_seizures',
    'export',
    'import',
    'manage_users',
    'view_audit',
    'share_info',
  ],
  // The printed briefing is for those who command or analyse; planners work on the plan page.
  // Every role passes and receives information; only those who act on a suspect's identity
  // (commanders, analysts) read it: planners need where and what, admins manage accounts.
  commander: ['view', 'briefing', 'share_info', 'view_identifiers'],
  planner: ['view', 'edit_routes', 'share_info'],
  // Analysts keep the seizure records (by hand or by import); commanders and planners read them.
  analyst: [
    'view',
    'briefing',
    'edit_seizures',
    'export',
    'import',
    'share_info',
    'view_identifiers',
  ],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

export function permissionsOf(role: Role): Permission[] {
  return [...GRANTS[role]];
}

/**
 * A record owned by an agency (or `joint`) may be changed by that agency's users; joint records
 * by both; admins change any.
 */
export function mayChangeAgencyRecord(
  user: { role: Role; agency: UserAgency },
  recordAgency: string,
): boolean {
  return user.role === 'admin' || recordAgency === 'joint' || recordAgency === user.agency;
}
