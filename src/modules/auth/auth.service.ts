/**
 * Accounts, sign-in, sessions, two-factor authentication and grants. The tables of this module
 * are not reachable from a user's transaction (migration 0011 revokes them from `tochuc_app`),
 * so every use case here runs as the system, recording who asked as the transaction's actor.
 *
 * Sign-in flow: username + password (+ TOTP code once enrolled). An administrator without TOTP,
 * or an account whose password was set by someone else, gets a session whose `pending` steps
 * must be done first (change the password, enroll TOTP); until then every other endpoint answers
 * 403 `auth.setup_required` (src/server/session.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import * as OTPAuth from 'otpauth';
import {
  type Grant,
  grantsFor,
  hasPermission,
  lockedUntilAfter,
  passwordProblem,
  type Role,
  SESSION_IDLE_MINUTES,
  SESSION_MAX_HOURS,
  sessionExpired,
} from '../../core/access.ts';
import { todayVn } from '../../core/dates.ts';
import { parseInput } from '../../core/validation.ts';
import type { Database } from '../../db/database.ts';
import { type ActingUser, type Actor, inTransaction, type Tx } from '../../db/transaction.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { authErrors } from './auth.errors.ts';
import * as repo from './auth.repository.ts';
import {
  changePasswordInputSchema,
  type LoginInput,
  loginInputSchema,
  type Me,
  type UserSummary,
  usernameSchema,
} from './auth.schemas.ts';

export type PendingStep = Me['pending'][number];

/** A valid session, as the HTTP layer needs it. */
export interface SessionContext {
  tokenHash: string;
  csrfToken: string;
  user: ActingUser;
  grants: repo.GrantRow[];
  totpEnabled: boolean;
  pending: PendingStep[];
}

/** The system acting on behalf of `actor`: same id in the audit, none of the row-level limits. */
const onBehalfOf = (actor: Actor): Actor => ({ id: actor.id });
const userActorId = (username: string) => `user:${username}`;

// A hash of a random password, checked when the user is unknown so the answer takes as long.
const decoyHash = hash(randomBytes(16).toString('hex'));

export const hashPassword = (password: string): Promise<string> => hash(password);

function checkPassword(password: string, username: string, field: string, previous?: string): void {
  const problem = passwordProblem(password, username, previous);
  if (problem) throw authErrors.weakPassword(problem, field);
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const randomToken = () => randomBytes(32).toString('base64url');

/** A readable one-time password: 20 characters from an alphabet without look-alikes. */
export function temporaryPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return [...randomBytes(20)].map((b) => alphabet[b % alphabet.length]).join('');
}

function totpFor(username: string, secret: string): OTPAuth.TOTP {
  return new OTPAuth.TOTP({
    issuer: 'tochuc',
    label: username,
    secret: OTPAuth.Secret.fromBase32(secret),
    digits: 6,
    period: 30,
  });
}

/** One step of clock drift either way is accepted (RFC 6238 §5.2). */
const totpValid = (username: string, secret: string, code: string) =>
  totpStep(username, secret, code) !== null;

/** The 30-second step a code belongs to, or null when it belongs to none within the drift. */
function totpStep(username: string, secret: string, code: string, now = Date.now()): number | null {
  const delta = totpFor(username, secret).validate({ token: code, window: 1, timestamp: now });
  return delta === null ? null : Math.floor(now / 30_000) + delta;
}

function pendingSteps(user: repo.UserRow, grants: readonly Grant[]): PendingStep[] {
  const steps: PendingStep[] = [];
  if (user.mustChangePassword) steps.push('change_password');
  if (!user.totpSecret && grants.some((g) => g.role === 'admin')) steps.push('enroll_totp');
  return steps;
}

// ——— Sign-in and sessions ———

type LoginOutcome = { ok: true; token: string; me: Me } | { ok: false; error: Error };

export async function login(
  database: Database,
  rawInput: LoginInput,
  context: { ip?: string; now?: Date } = {},
): Promise<{ token: string; me: Me }> {
  const input = parseInput(loginInputSchema, rawInput);
  const now = context.now ?? new Date();
  const ip = context.ip;
  const username = input.username.trim().toLowerCase();
  const outcome = await inTransaction<LoginOutcome>(
    database.db,
    { id: userActorId(username) },
    async (tx) => {
      const failed = async (error: Error, details: Record<string, unknown>): Promise<LoginOutcome> => {
        await recordAudit(tx, { action: 'auth.login_failed', entity: 'user', ids: [username], details, ip });
        return { ok: false, error };
      };
      const user = await repo.findUserByName(tx, username);
      if (!user || user.disabled) {
        await verify(await decoyHash, input.password);
        return failed(authErrors.invalidCredentials(), { reason: user ? 'disabled' : 'unknown_user' });
      }
      if (user.lockedUntil && user.lockedUntil > now)
        return failed(authErrors.locked(user.lockedUntil), { reason: 'locked' });
      const countFailure = async (reason: string, error: Error) => {
        const lockedUntil = lockedUntilAfter(user.failedAttempts + 1, now);
        await repo.recordFailedSignIn(tx, user.id, lockedUntil);
        if (lockedUntil)
          await recordAudit(tx, {
            action: 'auth.lockout',
            entity: 'user',
            ids: [username],
            details: { until: lockedUntil.toISOString(), failures: user.failedAttempts + 1 },
            ip,
          });
        return failed(error, { reason });
      };
      if (!(await verify(user.passwordHash, input.password)))
        return countFailure('wrong_password', authErrors.invalidCredentials());
      let step: number | null = null;
      if (user.totpSecret) {
        if (!input.totp) return { ok: false, error: authErrors.totpRequired() };
        step = totpStep(username, user.totpSecret, input.totp, now.getTime());
        if (step === null) return countFailure('wrong_totp', authErrors.totpInvalid());
        // a code already used (or an older one) is refused like a wrong one
        if (user.totpLastStep !== null && step <= user.totpLastStep)
          return countFailure('reused_totp', authErrors.totpInvalid());
      }
      await repo.recordSignIn(tx, user.id, step);
      const token = randomToken();
      const csrfToken = randomToken();
      await repo.insertSession(tx, {
        tokenHash: sha256(token),
        userId: user.id,
        csrfToken,
        expiresAt: new Date(now.getTime() + SESSION_MAX_HOURS * 3600_000),
        ip: ip ?? null,
      });
      await repo.deleteExpiredSessions(tx, new Date(now.getTime() - SESSION_IDLE_MINUTES * 60_000), now);
      await recordAudit(tx, { action: 'auth.login', entity: 'user', ids: [username], ip });
      const grants = await repo.grantsOf(tx, user.id);
      return {
        ok: true,
        token,
        me: meOf(user, grants, csrfToken),
      };
    },
  );
  if (!outcome.ok) throw outcome.error;
  return { token: outcome.token, me: outcome.me };
}

function meOf(user: repo.UserRow, grants: repo.GrantRow[], csrfToken: string): Me {
  return {
    username: user.username,
    grants: grants.map((g) => ({ role: g.role, org: g.code })),
    totpEnabled: user.totpSecret !== null,
    pending: pendingSteps(user, grants),
    csrfToken,
  };
}

export function meOfSession(session: SessionContext): Me {
  return {
    username: session.user.username,
    grants: session.grants.map((g) => ({ role: g.role, org: g.code })),
    totpEnabled: session.totpEnabled,
    pending: session.pending,
    csrfToken: session.csrfToken,
  };
}

/** The session of a cookie token, or null when unknown, expired or idle too long (then removed). */
export async function sessionFromToken(
  database: Database,
  token: string,
  now: Date = new Date(),
): Promise<SessionContext | null> {
  const tokenHash = sha256(token);
  return inTransaction(database.db, { id: 'system:session' }, async (tx) => {
    const session = await repo.findSession(tx, tokenHash);
    if (!session) return null;
    if (sessionExpired(session, now)) {
      await repo.deleteSession(tx, tokenHash);
      return null;
    }
    const user = await repo.findUserById(tx, session.userId);
    if (!user || user.disabled) return null;
    // One write a minute at most per session, not one per request.
    if (now.getTime() - session.lastSeenAt.getTime() > 60_000) await repo.touchSession(tx, tokenHash, now);
    const grants = await repo.grantsOf(tx, user.id);
    return {
      tokenHash,
      csrfToken: session.csrfToken,
      user: {
        id: user.id,
        username: user.username,
        grants: grants.map(({ role, unitId }) => ({ role, unitId })),
      },
      grants,
      totpEnabled: user.totpSecret !== null,
      pending: pendingSteps(user, grants),
    };
  });
}

export const actorOfSession = (session: SessionContext): Actor => ({
  id: userActorId(session.user.username),
  user: session.user,
});

const sessionActor = (session: SessionContext): Actor => ({ id: userActorId(session.user.username) });

export async function logout(database: Database, session: SessionContext, ip?: string): Promise<void> {
  await inTransaction(database.db, sessionActor(session), async (tx) => {
    await repo.deleteSession(tx, session.tokenHash);
    await recordAudit(tx, { action: 'auth.logout', entity: 'user', ids: [session.user.username], ip });
  });
}

/** Ends every session of the user, this one included; returns how many ended. */
export async function logoutEverywhere(
  database: Database,
  session: SessionContext,
  ip?: string,
): Promise<number> {
  return inTransaction(database.db, sessionActor(session), async (tx) => {
    const ended = await repo.deleteSessionsOf(tx, session.user.id);
    await recordAudit(tx, {
      action: 'auth.logout_everywhere',
      entity: 'user',
      ids: [session.user.username],
      details: { sessions: ended },
      ip,
    });
    return ended;
  });
}

/** Changes the password and ends the user's other sessions. */
export async function changePassword(
  database: Database,
  session: SessionContext,
  rawInput: { currentPassword: string; newPassword: string },
  ip?: string,
): Promise<void> {
  const input = parseInput(changePasswordInputSchema, rawInput);
  const username = session.user.username;
  checkPassword(input.newPassword, username, 'newPassword', input.currentPassword);
  await inTransaction(database.db, sessionActor(session), async (tx) => {
    const user = await repo.findUserById(tx, session.user.id);
    if (!user || !(await verify(user.passwordHash, input.currentPassword)))
      throw authErrors.wrongCurrentPassword();
    await repo.setPassword(tx, user.id, await hashPassword(input.newPassword), false);
    await repo.deleteSessionsOf(tx, user.id, session.tokenHash);
    await recordAudit(tx, { action: 'auth.password_change', entity: 'user', ids: [username], ip });
  });
}

/** Starts TOTP enrollment: a new secret, shown once (and as an otpauth:// URI for a QR code). */
export async function startTotpEnrollment(
  database: Database,
  session: SessionContext,
): Promise<{ secret: string; uri: string }> {
  const secret = new OTPAuth.Secret({ size: 20 }).base32;
  await inTransaction(database.db, sessionActor(session), (tx) =>
    repo.setTotpPending(tx, session.user.id, secret),
  );
  return { secret, uri: totpFor(session.user.username, secret).toString() };
}

/** Confirms enrollment with a first valid code; from then on sign-in asks for a code. */
export async function confirmTotpEnrollment(
  database: Database,
  session: SessionContext,
  code: string,
  ip?: string,
): Promise<void> {
  await inTransaction(database.db, sessionActor(session), async (tx) => {
    const user = await repo.findUserById(tx, session.user.id);
    if (!user?.totpPending) throw authErrors.noTotpPending();
    if (!totpValid(user.username, user.totpPending, code)) throw authErrors.totpInvalid();
    await repo.confirmTotp(tx, user.id);
    await recordAudit(tx, { action: 'auth.totp_enrolled', entity: 'user', ids: [user.username], ip });
  });
}

// ——— Account management (administrators, and the command line as the system) ———

/**
 * A user manager may act on the given units (null: the whole registry) only when they lie in
 * the subtree of one of the manager's admin grants; the system may do anything.
 */
async function requireManages(tx: Tx, actor: Actor, unitIds: readonly (number | null)[]): Promise<void> {
  if (!actor.user) return;
  const admin = grantsFor(actor.user.grants, 'users.manage');
  if (admin.length === 0) throw authErrors.forbidden();
  if (admin.some((g) => g.unitId === null)) return;
  if (unitIds.includes(null)) throw authErrors.forbidden();
  const adminUnits = admin.map((g) => g.unitId as number);
  if (!(await repo.unitsWithin(tx, unitIds as number[], adminUnits, todayVn()))) throw authErrors.forbidden();
}

async function requireUser(tx: Tx, username: string): Promise<repo.UserRow> {
  const user = await repo.findUserByName(tx, username);
  if (!user) throw authErrors.userNotFound(username);
  return user;
}

async function requireUnit(tx: Tx, code: string): Promise<number> {
  const unitId = await repo.unitIdByCode(tx, code);
  if (unitId === undefined) throw authErrors.orgNotFound(code);
  return unitId;
}

/** The units a user's grants cover: who may manage the account. */
async function grantUnitsOf(tx: Tx, userId: number): Promise<(number | null)[]> {
  return (await repo.grantsOf(tx, userId)).map((g) => g.unitId);
}

export async function addUser(
  database: Database,
  actor: Actor,
  input: { username: string; password: string; admin?: boolean },
): Promise<UserSummary> {
  const username = parseInput(usernameSchema, input.username);
  checkPassword(input.password, username, 'password');
  const passwordHash = await hashPassword(input.password);
  return inTransaction(database.db, onBehalfOf(actor), async (tx) => {
    await requireManages(tx, actor, input.admin ? [null] : []);
    if (await repo.findUserByName(tx, username)) throw authErrors.userExists(username);
    // the password was chosen by an administrator, who hands it over: the user replaces it
    const id = await repo.insertUser(tx, {
      username,
      passwordHash,
      mustChangePassword: actor.user !== undefined,
    });
    if (input.admin) await repo.insertGrant(tx, id, 'admin', null);
    await recordAudit(tx, {
      action: 'user.add',
      entity: 'user',
      ids: [username],
      details: { admin: !!input.admin },
    });
    return summaryOf(tx, username);
  });
}

async function summaryOf(tx: Tx, username: string): Promise<UserSummary> {
  const row = (await repo.listUsers(tx)).find((u) => u.username === username);
  if (!row) throw authErrors.userNotFound(username);
  return { ...row, lockedUntil: row.lockedUntil ? new Date(row.lockedUntil).toISOString() : null };
}

/**
 * Creates the first administrator when there is no account at all, with a random password that
 * must be changed at first sign-in; returns that password (to be shown once), or null.
 */
export async function bootstrapAdmin(database: Database, actor: Actor): Promise<string | null> {
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  return inTransaction(database.db, onBehalfOf(actor), async (tx) => {
    if ((await repo.countUsers(tx)) > 0) return null;
    const id = await repo.insertUser(tx, { username: 'admin', passwordHash, mustChangePassword: true });
    await repo.insertGrant(tx, id, 'admin', null);
    await recordAudit(tx, {
      action: 'user.add',
      entity: 'user',
      ids: ['admin'],
      details: { firstStart: true },
    });
    return password;
  });
}

export async function grantRole(
  database: Database,
  actor: Actor,
  input: { username: string; role: Role; org: string },
): Promise<UserSummary> {
  return inTransaction(database.db, onBehalfOf(actor), async (tx) => {
    const user = await requireUser(tx, input.username);
    const unitId = await requireUnit(tx, input.org);
    await requireManages(tx, actor, [unitId]);
    await repo.insertGrant(tx, user.id, input.role, unitId);
    await recordAudit(tx, {
      action: 'user.grant',
      entity: 'user',
      ids: [user.username],
      details: { role: input.role, org: input.org },
    });
    return summaryOf(tx, user.username);
  });
}

export async function revokeRole(
  database: Database,
  actor: Actor,
  input: { username: string; role: Role; org: string },
): Promise<UserSummary> {
  return inTransaction(database.db, onBehalfOf(actor), async (tx) => {
    const user = await requireUser(tx, input.username);
    const unitId = await requireUnit(tx, input.org);
    await requireManages(tx, actor, [unitId]);
    if (!(await repo.deleteGrant(tx, user.id, input.role, unitId))) throw authErrors.grantNotFound();
    await recordAudit(tx, {
      action: 'user.revoke',
      entity: 'user',
      ids: [user.username],
      details: { role: input.role, org: input.org },
    });
    return summaryOf(tx, user.username);
  });
}

export async function listUsers(database: Database, actor: Actor): Promise<UserSummary[]> {
  return inTransaction(database.db, onBehalfOf(actor), async (tx) => {
    if (actor.user && !hasPermission(actor.user.grants, 'users.manage')) throw authErrors.forbidden();
    const rows = await repo.listUsers(tx);
    return rows.map((row) => ({
      ...row,
      lockedUntil: row.lockedUntil ? new Date(row.lockedUntil).toISOString() : null,
    }));
  });
}

/** Disables an account and ends its sessions. */
export async function disableUser(database: Database, actor: Actor, username: string): Promise<UserSummary> {
  return inTransaction(database.db, onBehalfOf(actor), async (tx) => {
    const user = await requireUser(tx, username);
    await requireManages(tx, actor, await grantUnitsOf(tx, user.id));
    await repo.setDisabled(tx, user.id, true);
    await repo.deleteSessionsOf(tx, user.id);
    await recordAudit(tx, { action: 'user.disable', entity: 'user', ids: [username] });
    return summaryOf(tx, username);
  });
}

/** Sets a temporary password (to be changed at next sign-in), unlocks, and ends all sessions. */
export async function resetPassword(
  database: Database,
  actor: Actor,
  username: string,
): Promise<{ username: string; temporaryPassword: string }> {
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  return inTransaction(database.db, onBehalfOf(actor), async (tx) => {
    const user = await requireUser(tx, username);
    await requireManages(tx, actor, await grantUnitsOf(tx, user.id));
    await repo.setPassword(tx, user.id, passwordHash, true);
    await repo.deleteSessionsOf(tx, user.id);
    await recordAudit(tx, { action: 'auth.password_reset', entity: 'user', ids: [username] });
    return { username, temporaryPassword: password };
  });
}

/** The actor of `tochuc --as USER`: that user's grants, as if signed in. */
export async function actorOfUsername(database: Database, username: string): Promise<Actor> {
  return inTransaction(database.db, { id: `system:as:${username}` }, async (tx) => {
    const user = await repo.findUserByName(tx, username);
    if (!user || user.disabled) throw authErrors.userNotFound(username);
    const grants = await repo.grantsOf(tx, user.id);
    return {
      id: userActorId(username),
      user: { id: user.id, username, grants: grants.map(({ role, unitId }) => ({ role, unitId })) },
    };
  });
}
