/** Test factories for accounts, and an HTTP client signed in as one (used by tests only). */
import * as OTPAuth from 'otpauth';
import type { Role } from '../../core/access.ts';
import type { Database } from '../../db/database.ts';
import { systemActor } from '../../db/transaction.ts';
import { createApp } from '../../server/app.ts';
import { CSRF_HEADER } from '../../server/session.ts';
import type { Me } from './auth.schemas.ts';
import { addUser, grantRole } from './auth.service.ts';

export const TEST_PASSWORD = 'correct horse battery staple';

let counter = 0;

/** An account with the given grants (`org: null` = the whole registry, admin only). */
export async function aUser(
  database: Database,
  grants: { role: Role; org: string | null }[],
  username = `user${++counter}`,
): Promise<string> {
  const admin = grants.some((g) => g.role === 'admin' && g.org === null);
  await addUser(database, systemActor(), { username, password: TEST_PASSWORD, admin });
  for (const g of grants)
    if (g.org !== null) await grantRole(database, systemActor(), { username, role: g.role, org: g.org });
  return username;
}

type App = ReturnType<typeof createApp>;

export interface TestClient {
  me: Me;
  /** The session cookie (`tochuc_session=…`). */
  cookie: string;
  /** The TOTP secret, when the account enrolled one. */
  totpSecret?: string;
  request(path: string, init?: RequestInit): Promise<Response>;
  json<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
}

export const totpCode = (secret: string) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 }).generate();

/** Signs in through the API; an administrator is taken through TOTP enrollment first. */
export async function signIn(app: App, username: string, password = TEST_PASSWORD): Promise<TestClient> {
  const login = await app.request('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (login.status !== 200) throw new Error(`sign-in of ${username}: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  let me = (await login.json()) as Me;
  const client: TestClient = {
    me,
    cookie,
    request: async (path, init = {}) => {
      const headers = new Headers(init.headers);
      headers.set('cookie', cookie);
      headers.set(CSRF_HEADER, me.csrfToken);
      return app.request(path, { ...init, headers });
    },
    async json<T>(method: string, path: string, body?: unknown) {
      const response = await client.request(path, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
    },
  };
  if (me.pending.includes('enroll_totp')) {
    const { body } = await client.json<{ secret: string }>('POST', '/api/v1/auth/totp');
    const confirmed = await client.json('POST', '/api/v1/auth/totp/confirm', { code: totpCode(body.secret) });
    if (confirmed.status !== 204) throw new Error(`TOTP enrollment: ${JSON.stringify(confirmed.body)}`);
    client.totpSecret = body.secret;
    me = (await client.json<Me>('GET', '/api/v1/auth/me')).body;
    client.me = me;
  }
  return client;
}

/** The app and a client signed in as an administrator of the whole registry. */
export async function signedInApp(database: Database): Promise<{ app: App; client: TestClient }> {
  const app = createApp({ database, logger: { log: () => {} } });
  return { app, client: await signIn(app, await aUser(database, [{ role: 'admin', org: null }])) };
}
