/** Accounts, sessions and scopes on a real database: PostgreSQL enforces the subtree of a grant. */
import { verify } from '@node-rs/argon2';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FAILED_SIGN_INS, SESSION_IDLE_MINUTES } from '../../core/access.ts';
import { AppError } from '../../core/errors.ts';
import { createTestDatabase, type TestDatabase } from '../../db/test-database.ts';
import { type Actor, inTransaction, systemActor } from '../../db/transaction.ts';
import { createApp } from '../../server/app.ts';
import { addMembers, aMember } from '../members/members.fixtures.ts';
import {
  addMember,
  getMemberProfile,
  getStats,
  searchMembers,
  transferOut,
} from '../members/members.service.ts';
import { aSmallTree } from '../orgs/orgs.fixtures.ts';
import { createOrg, getOrg } from '../orgs/orgs.service.ts';
import { aUser, signIn, TEST_PASSWORD, totpCode } from './auth.fixtures.ts';
import * as repo from './auth.repository.ts';
import * as auth from './auth.service.ts';

let db: TestDatabase;
let app: ReturnType<typeof createApp>;
let inP1: number[];
let inP2: number[];

beforeAll(async () => {
  db = await createTestDatabase();
  await aSmallTree(db);
  inP1 = await addMembers(db, [{ cellCode: 'C11', nationalId: '001085012345' }, { cellCode: 'C12' }]);
  inP2 = await addMembers(db, [{ cellCode: 'C21', fullName: 'Trần Văn Ngoài Phạm Vi' }, { cellCode: 'GC1' }]);
  app = createApp({ database: db, logger: { log: () => {} } });
});

afterAll(async () => {
  await db?.dispose();
});

const login = (body: unknown, headers: Record<string, string> = {}) =>
  app.request('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

async function problemCode(response: Response): Promise<string> {
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  return ((await response.json()) as { code: string }).code;
}

const actorOf = (username: string) => auth.actorOfUsername(db, username);

describe('accounts and sign-in', () => {
  it('stores an argon2id hash, never the password', async () => {
    const username = await aUser(db, [{ role: 'viewer', org: 'P1' }]);
    const user = await inTransaction(db.db, systemActor(), (tx) => repo.findUserByName(tx, username));
    expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verify(user?.passwordHash ?? '', TEST_PASSWORD)).toBe(true);
  });

  it('signs in with an HttpOnly, SameSite=Strict cookie, Secure behind HTTPS, and returns the CSRF token', async () => {
    const username = await aUser(db, [{ role: 'viewer', org: 'P1' }]);
    const plain = await login({ username, password: TEST_PASSWORD });
    expect(plain.status).toBe(200);
    const cookie = plain.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^tochuc_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    const me = (await plain.json()) as { csrfToken: string; grants: unknown };
    expect(me.csrfToken.length).toBeGreaterThan(20);
    expect(me.grants).toEqual([{ role: 'viewer', org: 'P1' }]);
    const proxied = await login({ username, password: TEST_PASSWORD }, { 'x-forwarded-proto': 'https' });
    expect(proxied.headers.get('set-cookie')).toMatch(/Secure/);
  });

  it('answers an unknown user and a wrong password with the same 401 problem', async () => {
    const username = await aUser(db, [{ role: 'viewer', org: 'P1' }]);
    const unknown = await login({ username: 'nobody-here', password: TEST_PASSWORD });
    const wrong = await login({ username, password: 'not the password at all' });
    expect([unknown.status, wrong.status]).toEqual([401, 401]);
    const [a, b] = [await unknown.json(), await wrong.json()];
    expect(a).toEqual(b);
    expect((a as { code: string }).code).toBe('auth.invalid_credentials');
  });

  it(`locks the account after ${MAX_FAILED_SIGN_INS} failures, even for the right password, and records the lockout`, async () => {
    const username = await aUser(db, [{ role: 'viewer', org: 'P1' }]);
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) await login({ username, password: `wrong password ${i}` });
    const locked = await login({ username, password: TEST_PASSWORD });
    expect(locked.status).toBe(401);
    expect(await problemCode(locked)).toBe('auth.locked');
    const audit = await sql<{ action: string }>`SELECT action FROM audit_log WHERE ${username} = ANY (ids)
      ORDER BY id`.execute(db.db);
    expect(audit.rows.map((r) => r.action)).toContain('auth.lockout');
    // an administrator's reset unlocks, with a password to change at first sign-in
    const { temporaryPassword } = await auth.resetPassword(db, systemActor(), username);
    const again = await login({ username, password: temporaryPassword });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { pending: string[] }).pending).toEqual(['change_password']);
  });

  it('refuses every other endpoint without a session, and a state change without the CSRF token', async () => {
    const client = await signIn(app, await aUser(db, [{ role: 'org_officer', org: 'P1' }]));
    expect(await problemCode(await app.request('/api/v1/orgs/P1'))).toBe('auth.not_signed_in');
    const noCsrf = await app.request('/api/v1/orgs', {
      method: 'POST',
      headers: { cookie: client.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({
        code: 'X1',
        name: 'Chi bộ X',
        kind: 'cell',
        parentCode: 'G1',
        date: '2020-01-01',
      }),
    });
    expect(noCsrf.status).toBe(403);
    expect(await problemCode(noCsrf)).toBe('auth.csrf');
    expect((await app.request('/healthz')).status).toBe(200);
    expect((await app.request('/api/v1/openapi.json')).status).toBe(200);
  });

  it('ends a session at sign-out, all of them at sign-out everywhere, and an idle one by itself', async () => {
    const username = await aUser(db, [{ role: 'viewer', org: 'P1' }]);
    const first = await signIn(app, username);
    const second = await signIn(app, username);
    expect((await first.request('/api/v1/auth/logout', { method: 'POST' })).status).toBe(204);
    expect((await first.request('/api/v1/auth/me')).status).toBe(401);
    expect((await second.request('/api/v1/auth/me')).status).toBe(200);
    const third = await signIn(app, username);
    const ended = await third.json<{ sessionsEnded: number }>('POST', '/api/v1/auth/logout-everywhere');
    expect(ended.body.sessionsEnded).toBe(2);
    expect((await second.request('/api/v1/auth/me')).status).toBe(401);

    const idle = await signIn(app, username);
    const token = idle.cookie.split('=')[1] ?? '';
    const later = new Date(Date.now() + (SESSION_IDLE_MINUTES + 1) * 60_000);
    expect(await auth.sessionFromToken(db, token, later)).toBeNull();
    expect((await idle.request('/api/v1/auth/me')).status).toBe(401);
  });

  it('changes the password: the old one stops working and the other sessions end', async () => {
    const username = await aUser(db, [{ role: 'viewer', org: 'P1' }]);
    const other = await signIn(app, username);
    const client = await signIn(app, username);
    const weak = await client.json('POST', '/api/v1/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'short',
    });
    expect(weak.status).toBe(422);
    const newPassword = 'a much longer new passphrase';
    const changed = await client.json('POST', '/api/v1/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword,
    });
    expect(changed.status).toBe(204);
    expect((await other.request('/api/v1/auth/me')).status).toBe(401);
    expect((await login({ username, password: TEST_PASSWORD })).status).toBe(401);
    expect((await login({ username, password: newPassword })).status).toBe(200);
  });

  it('lets an administrator without TOTP do nothing but enroll it, then asks for a fresh code at every sign-in', async () => {
    const username = await aUser(db, [{ role: 'admin', org: null }]);
    const first = await login({ username, password: TEST_PASSWORD });
    const me = (await first.json()) as { pending: string[]; csrfToken: string };
    expect(me.pending).toEqual(['enroll_totp']);
    const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const blocked = await app.request('/api/v1/orgs/P1', { headers: { cookie } });
    expect(await problemCode(blocked)).toBe('auth.setup_required');

    const client = await signIn(app, username);
    expect(client.me.pending).toEqual([]);
    expect((await client.request('/api/v1/orgs/P1')).status).toBe(200);
    const withoutCode = await login({ username, password: TEST_PASSWORD });
    expect(await problemCode(withoutCode)).toBe('auth.totp_required');
    expect(await problemCode(await login({ username, password: TEST_PASSWORD, totp: '000000' }))).toMatch(
      /auth\.totp_invalid|auth\.invalid_credentials/,
    );
    const code = totpCode(client.totpSecret ?? '');
    expect((await login({ username, password: TEST_PASSWORD, totp: code })).status).toBe(200);
    // a code is good once: replayed, it is refused like a wrong one (RFC 6238 §5.2)
    expect(await problemCode(await login({ username, password: TEST_PASSWORD, totp: code }))).toBe(
      'auth.totp_invalid',
    );
  });

  it('creates the first administrator once, with a one-time password to change', async () => {
    const fresh = await createTestDatabase();
    try {
      const password = await auth.bootstrapAdmin(fresh, systemActor());
      expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
      expect(await auth.bootstrapAdmin(fresh, systemActor())).toBeNull();
      const users = await auth.listUsers(fresh, systemActor());
      expect(users).toMatchObject([
        { username: 'admin', mustChangePassword: true, grants: [{ role: 'admin', org: null }] },
      ]);
    } finally {
      await fresh.dispose();
    }
  });

  it('manages grants: an administrator of a province cannot grant outside it', async () => {
    const provinceAdmin = await actorOf(await aUser(db, [{ role: 'admin', org: 'P1' }]));
    const target = await aUser(db, []);
    await auth.grantRole(db, provinceAdmin, { username: target, role: 'viewer', org: 'G1' });
    await expect(
      auth.grantRole(db, provinceAdmin, { username: target, role: 'viewer', org: 'P2' }),
    ).rejects.toThrow(/role does not allow/);
    const revoked = await auth.revokeRole(db, provinceAdmin, { username: target, role: 'viewer', org: 'G1' });
    expect(revoked.grants).toEqual([]);
    const disabled = await auth.disableUser(db, systemActor(), target);
    expect(disabled.disabled).toBe(true);
    expect((await login({ username: target, password: TEST_PASSWORD })).status).toBe(401);
  });
});

describe('scopes enforced by PostgreSQL', () => {
  let officer: Actor;
  beforeAll(async () => {
    officer = await actorOf(await aUser(db, [{ role: 'org_officer', org: 'P1' }]));
  });

  it('a query without any filter sees only the subtree of the grant', async () => {
    const counts = await inTransaction(db.db, officer, async (tx) => {
      const count = async (table: string) =>
        (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(tx)).rows[0]?.n;
      return {
        members: await count('member'),
        events: await count('member_event'),
        memberships: await count('membership'),
        units: await count('org_unit_version'),
        cellStats: (
          await sql<{ n: number }>`SELECT count(DISTINCT cell_id)::int AS n FROM member_stat_cell`.execute(tx)
        ).rows[0]?.n,
      };
    });
    const all = await inTransaction(
      db.db,
      systemActor(),
      async (tx) =>
        (
          await sql<{ n: number }>`SELECT count(*)::int AS n FROM member WHERE cell_id IN
        (SELECT unit_id FROM org_unit_version v WHERE v.path <@ (SELECT path FROM org_unit_version
          WHERE unit_id = (SELECT id FROM org_unit WHERE code = 'P1')))`.execute(tx)
        ).rows[0]?.n,
    );
    expect(counts.members).toBe(all);
    expect(counts).toMatchObject({ units: 4, cellStats: 2 });
    expect(counts.memberships).toBe(counts.members);
  });

  it('answers a record outside the scope as not found, never forbidden', async () => {
    await expect(getOrg(db, officer, 'P2')).rejects.toMatchObject({ kind: 'not_found' });
    await expect(getMemberProfile(db, officer, inP2[0] as number)).rejects.toMatchObject({
      kind: 'not_found',
    });
    expect((await getMemberProfile(db, officer, inP1[0] as number)).id).toBe(inP1[0]);
    const found = await searchMembers(db, officer, { q: 'Ngoai Pham Vi' });
    expect(found).toEqual([]);
  });

  it('refuses a write outside the subtree and a viewer’s write inside it', async () => {
    await expect(
      createOrg(db, officer, {
        code: 'XP2',
        name: 'Chi bộ lạ',
        kind: 'cell',
        parentCode: 'G2',
        date: '2020-01-01',
      }),
    ).rejects.toMatchObject({ kind: 'not_found' });
    const created = await createOrg(db, officer, {
      code: 'C13',
      name: 'Chi bộ thôn Nam',
      kind: 'cell',
      parentCode: 'G1',
      date: '2020-01-01',
    });
    expect(created.operationId).toBeGreaterThan(0);
    const viewer = await actorOf(await aUser(db, [{ role: 'viewer', org: 'P1' }]));
    const refused = await createOrg(db, viewer, {
      code: 'C14',
      name: 'Chi bộ thôn Bắc',
      kind: 'cell',
      parentCode: 'G1',
      date: '2020-01-01',
    }).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('auth.outside_scope');
  });

  it('lets the receiving side of a transfer see the member in transit', async () => {
    const [memberId] = await addMembers(db, [{ cellCode: 'C21', fullName: 'Lê Thị Chuyển Đến' }]);
    const receiver = await actorOf(await aUser(db, [{ role: 'org_officer', org: 'G1' }]));
    await expect(getMemberProfile(db, receiver, memberId as number)).rejects.toMatchObject({
      kind: 'not_found',
    });
    await transferOut(db, systemActor(), memberId as number, { toCellCode: 'C11', date: '2024-03-01' });
    expect((await getMemberProfile(db, receiver, memberId as number)).fullName).toBe('Lê Thị Chuyển Đến');
  });

  it('lets an officer of a committee add a member, and the province totals follow', async () => {
    const officerOfG1 = await actorOf(await aUser(db, [{ role: 'org_officer', org: 'G1' }]));
    const before = (await getStats(db, systemActor(), { org: 'P1' })).total;
    await addMember(db, officerOfG1, aMember({ cellCode: 'C12' }));
    expect((await getStats(db, systemActor(), { org: 'P1' })).total).toBe(before + 1);
  });

  it('masks the national ID for a viewer, not for an officer', async () => {
    const viewer = await signIn(app, await aUser(db, [{ role: 'viewer', org: 'P1' }]));
    const officerClient = await signIn(app, await aUser(db, [{ role: 'org_officer', org: 'P1' }]));
    const path = `/api/v1/members/${inP1[0]}`;
    expect((await viewer.json<{ nationalId: string }>('GET', path)).body.nationalId).toBe('*********345');
    expect((await officerClient.json<{ nationalId: string }>('GET', path)).body.nationalId).toBe(
      '001085012345',
    );
  });

  it('gives an auditor no registry data and a viewer no writes, over HTTP', async () => {
    const auditor = await signIn(app, await aUser(db, [{ role: 'auditor', org: 'TW' }]));
    expect(await problemCode(await auditor.request('/api/v1/orgs/P1'))).toBe('auth.forbidden');
    const viewer = await signIn(app, await aUser(db, [{ role: 'viewer', org: 'P1' }]));
    const write = await viewer.json<{ code: string }>('POST', '/api/v1/orgs', {
      code: 'C15',
      name: 'Chi bộ 15',
      kind: 'cell',
      parentCode: 'G1',
      date: '2020-01-01',
    });
    expect(write.status).toBe(403);
    expect(write.body.code).toBe('auth.forbidden');
  });
});
