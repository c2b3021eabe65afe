/**
 * Who may do what: roles, what each allows, and the account rules (sign-in throttling, lockout,
 * password policy, session lifetimes). A grant gives a role over one unit's whole subtree, as the
 * tree stands today; a grant without a unit covers the whole registry.
 */
export const ROLES = ['admin', 'org_officer', 'document_officer', 'viewer', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export type Permission =
  | 'orgs.read'
  | 'members.read'
  /** organizations and members: change */
  | 'registry.write'
  /** national ID and other identity fields unmasked */
  | 'members.identity'
  | 'documents.read'
  | 'documents.write'
  | 'audit.read'
  | 'users.manage';

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: [
    'orgs.read',
    'members.read',
    'registry.write',
    'members.identity',
    'documents.read',
    'documents.write',
    'audit.read',
    'users.manage',
  ],
  org_officer: ['orgs.read', 'members.read', 'registry.write', 'members.identity'],
  // drafting needs the tree to address documents to, not the people in it
  document_officer: ['orgs.read', 'documents.read', 'documents.write'],
  viewer: ['orgs.read', 'members.read', 'documents.read'],
  auditor: ['audit.read'],
};

export interface Grant {
  role: Role;
  /** null: the whole registry */
  unitId: number | null;
}

export function roleAllows(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** The grants that carry `permission`. */
export function grantsFor(grants: readonly Grant[], permission: Permission): Grant[] {
  return grants.filter((g) => roleAllows(g.role, permission));
}

export function hasPermission(grants: readonly Grant[], permission: Permission): boolean {
  return grantsFor(grants, permission).length > 0;
}

/** Masks all but the last three digits of an identity number (`*********123`). */
export function maskIdentity(value: string | null): string | null {
  if (value === null) return null;
  return `${'*'.repeat(Math.max(0, value.length - 3))}${value.slice(-3)}`;
}

// ——— Sign-in rules (OWASP Authentication Cheat Sheet: throttle, then lock temporarily) ———

/** Failed sign-ins in a row before the account is locked. */
export const MAX_FAILED_SIGN_INS = 5;
/** How long a lock lasts; it doubles with each further failure, up to a day. */
export const LOCKOUT_MINUTES = 15;
const MAX_LOCKOUT_MINUTES = 24 * 60;

/** When the account unlocks after `failedAttempts` failures in a row, or null when not locked. */
export function lockedUntilAfter(failedAttempts: number, now: Date): Date | null {
  if (failedAttempts < MAX_FAILED_SIGN_INS) return null;
  const minutes = Math.min(
    LOCKOUT_MINUTES * 2 ** (failedAttempts - MAX_FAILED_SIGN_INS),
    MAX_LOCKOUT_MINUTES,
  );
  return new Date(now.getTime() + minutes * 60_000);
}

/** A session lasts at most this long, and ends sooner after this long without a request. */
export const SESSION_MAX_HOURS = 12;
export const SESSION_IDLE_MINUTES = 30;

export function sessionExpired(
  session: { createdAt: Date; lastSeenAt: Date; expiresAt: Date },
  now: Date,
): boolean {
  return (
    now >= session.expiresAt || now.getTime() - session.lastSeenAt.getTime() > SESSION_IDLE_MINUTES * 60_000
  );
}

// ——— Passwords (NIST SP 800-63B §5.1.1.2: length over composition rules) ———

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

export type PasswordProblem = 'too_short' | 'too_long' | 'same_as_username' | 'same_as_before';

export function passwordProblem(
  password: string,
  username: string,
  previous?: string,
): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'too_short';
  if (password.length > MAX_PASSWORD_LENGTH) return 'too_long';
  if (password.toLowerCase().includes(username.toLowerCase())) return 'same_as_username';
  if (password === previous) return 'same_as_before';
  return null;
}
