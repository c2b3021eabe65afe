/** Every query of accounts, grants and sessions. Run by the auth service as the system. */
import { type Kysely, sql } from 'kysely';
import type { Grant, Role } from '../../core/access.ts';
import type { DB } from '../../db/tables.ts';

type Q = Kysely<DB>;

export interface UserRow {
  id: number;
  username: string;
  passwordHash: string;
  disabled: boolean;
  failedAttempts: number;
  lockedUntil: Date | null;
  totpSecret: string | null;
  totpPending: string | null;
  /** The step (Unix time / 30 s) of the last code accepted at sign-in. */
  totpLastStep: number | null;
  mustChangePassword: boolean;
}

const userColumns = sql`id, username, password_hash AS "passwordHash", disabled,
  failed_attempts AS "failedAttempts", locked_until AS "lockedUntil", totp_secret AS "totpSecret",
  totp_pending AS "totpPending", totp_last_step::float8 AS "totpLastStep",
  must_change_password AS "mustChangePassword"`;

export async function findUserByName(q: Q, username: string): Promise<UserRow | undefined> {
  const result = await sql<UserRow>`SELECT ${userColumns} FROM app_user WHERE username = ${username}`.execute(
    q,
  );
  return result.rows[0];
}

export async function findUserById(q: Q, id: number): Promise<UserRow | undefined> {
  const result = await sql<UserRow>`SELECT ${userColumns} FROM app_user WHERE id = ${id}`.execute(q);
  return result.rows[0];
}

export async function countUsers(q: Q): Promise<number> {
  const result = await sql<{ n: number }>`SELECT count(*)::int AS n FROM app_user`.execute(q);
  return result.rows[0]?.n ?? 0;
}

export async function insertUser(
  q: Q,
  user: { username: string; passwordHash: string; mustChangePassword: boolean },
): Promise<number> {
  const result = await sql<{
    id: number;
  }>`INSERT INTO app_user (username, password_hash, must_change_password)
    VALUES (${user.username}, ${user.passwordHash}, ${user.mustChangePassword}) RETURNING id`.execute(q);
  const row = result.rows[0];
  if (!row) throw new Error('INSERT … RETURNING returned no row');
  return row.id;
}

export async function recordFailedSignIn(q: Q, userId: number, lockedUntil: Date | null): Promise<void> {
  await sql`UPDATE app_user SET failed_attempts = failed_attempts + 1, locked_until = ${lockedUntil}
    WHERE id = ${userId}`.execute(q);
}

/** A successful sign-in: the failures forgotten, and the TOTP step used (when one was) spent. */
export async function recordSignIn(q: Q, userId: number, totpStep: number | null): Promise<void> {
  await sql`UPDATE app_user SET failed_attempts = 0, locked_until = NULL,
    totp_last_step = coalesce(${totpStep}::bigint, totp_last_step) WHERE id = ${userId}`.execute(q);
}

export async function setPassword(
  q: Q,
  userId: number,
  passwordHash: string,
  mustChange: boolean,
): Promise<void> {
  await sql`UPDATE app_user SET password_hash = ${passwordHash}, must_change_password = ${mustChange},
    failed_attempts = 0, locked_until = NULL WHERE id = ${userId}`.execute(q);
}

export async function setDisabled(q: Q, userId: number, disabled: boolean): Promise<void> {
  await sql`UPDATE app_user SET disabled = ${disabled} WHERE id = ${userId}`.execute(q);
}

export async function setTotpPending(q: Q, userId: number, secret: string): Promise<void> {
  await sql`UPDATE app_user SET totp_pending = ${secret} WHERE id = ${userId}`.execute(q);
}

export async function confirmTotp(q: Q, userId: number): Promise<void> {
  await sql`UPDATE app_user SET totp_secret = totp_pending, totp_pending = NULL WHERE id = ${userId}`.execute(
    q,
  );
}

// ——— Grants ———

export interface GrantRow extends Grant {
  code: string | null;
}

export async function grantsOf(q: Q, userId: number): Promise<GrantRow[]> {
  const result = await sql<GrantRow>`SELECT g.role, g.unit_id AS "unitId", u.code
    FROM user_grant g LEFT JOIN org_unit u ON u.id = g.unit_id
    WHERE g.user_id = ${userId} ORDER BY g.role, u.code NULLS FIRST`.execute(q);
  return result.rows;
}

export async function insertGrant(q: Q, userId: number, role: Role, unitId: number | null): Promise<boolean> {
  const result =
    await sql`INSERT INTO user_grant (user_id, role, unit_id) VALUES (${userId}, ${role}, ${unitId})
    ON CONFLICT DO NOTHING`.execute(q);
  return Number(result.numAffectedRows ?? 0) > 0;
}

export async function deleteGrant(q: Q, userId: number, role: Role, unitId: number | null): Promise<boolean> {
  const result = await sql`DELETE FROM user_grant WHERE user_id = ${userId} AND role = ${role}
    AND unit_id IS NOT DISTINCT FROM ${unitId}`.execute(q);
  return Number(result.numAffectedRows ?? 0) > 0;
}

export interface UserListRow {
  username: string;
  disabled: boolean;
  totpEnabled: boolean;
  mustChangePassword: boolean;
  lockedUntil: Date | null;
  grants: { role: Role; org: string | null }[];
}

export async function listUsers(q: Q): Promise<UserListRow[]> {
  const result =
    await sql<UserListRow>`SELECT a.username, a.disabled, a.totp_secret IS NOT NULL AS "totpEnabled",
      a.must_change_password AS "mustChangePassword", a.locked_until AS "lockedUntil",
      coalesce((SELECT jsonb_agg(jsonb_build_object('role', g.role, 'org', u.code) ORDER BY g.role, u.code)
        FROM user_grant g LEFT JOIN org_unit u ON u.id = g.unit_id WHERE g.user_id = a.id), '[]') AS grants
    FROM app_user a ORDER BY a.username`.execute(q);
  return result.rows;
}

export async function unitIdByCode(q: Q, code: string): Promise<number | undefined> {
  const row = await q.selectFrom('org_unit').select('id').where('code', '=', code).executeTakeFirst();
  return row?.id;
}

/** Whether every unit of `unitIds` is, today, inside the subtree of one of `ancestorIds`. */
export async function unitsWithin(
  q: Q,
  unitIds: number[],
  ancestorIds: number[],
  today: string,
): Promise<boolean> {
  if (unitIds.length === 0) return true;
  const result = await sql<{ outside: number }>`
    WITH cur AS (SELECT unit_id, path FROM org_unit_version
      WHERE valid_from <= ${today}::date AND (valid_to IS NULL OR valid_to > ${today}::date))
    SELECT count(*)::int AS outside FROM cur c
    WHERE c.unit_id = ANY (${unitIds}::int[])
      AND NOT EXISTS (SELECT 1 FROM cur a WHERE a.unit_id = ANY (${ancestorIds}::int[]) AND c.path <@ a.path)`.execute(
    q,
  );
  return (result.rows[0]?.outside ?? 1) === 0;
}

// ——— Sessions ———

export interface SessionRow {
  userId: number;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

export async function insertSession(
  q: Q,
  session: { tokenHash: string; userId: number; csrfToken: string; expiresAt: Date; ip: string | null },
): Promise<void> {
  await sql`INSERT INTO user_session (token_hash, user_id, csrf_token, expires_at, ip)
    VALUES (${session.tokenHash}, ${session.userId}, ${session.csrfToken}, ${session.expiresAt}, ${session.ip})`.execute(
    q,
  );
}

export async function findSession(q: Q, tokenHash: string): Promise<SessionRow | undefined> {
  const result = await sql<SessionRow>`SELECT user_id AS "userId", csrf_token AS "csrfToken",
      created_at AS "createdAt", last_seen_at AS "lastSeenAt", expires_at AS "expiresAt"
    FROM user_session WHERE token_hash = ${tokenHash}`.execute(q);
  return result.rows[0];
}

export async function touchSession(q: Q, tokenHash: string, now: Date): Promise<void> {
  await sql`UPDATE user_session SET last_seen_at = ${now} WHERE token_hash = ${tokenHash}`.execute(q);
}

export async function deleteSession(q: Q, tokenHash: string): Promise<void> {
  await sql`DELETE FROM user_session WHERE token_hash = ${tokenHash}`.execute(q);
}

/** Ends the user's sessions, except `keep` (the one asking) when given; returns how many ended. */
export async function deleteSessionsOf(q: Q, userId: number, keep?: string): Promise<number> {
  const result = await sql`DELETE FROM user_session WHERE user_id = ${userId}
    AND token_hash IS DISTINCT FROM ${keep ?? null}`.execute(q);
  return Number(result.numAffectedRows ?? 0);
}

export async function deleteExpiredSessions(q: Q, idleBefore: Date, now: Date): Promise<void> {
  await sql`DELETE FROM user_session WHERE expires_at <= ${now} OR last_seen_at < ${idleBefore}`.execute(q);
}
