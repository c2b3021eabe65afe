/**
 * Who is asking, for every `/api/v1` request: the session cookie, its CSRF token on every
 * state-changing request, the steps an account must finish first, and the role a route needs.
 * Scope (which records) is not decided here: PostgreSQL's row-level security does that for the
 * actor this sets (src/db/transaction.ts), and a record outside it is simply not found (404).
 */
import { timingSafeEqual } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { hasPermission, maskIdentity, type Permission, SESSION_MAX_HOURS } from '../core/access.ts';
import type { Database } from '../db/database.ts';
import { authErrors } from '../modules/auth/auth.errors.ts';
import { actorOfSession, sessionFromToken } from '../modules/auth/auth.service.ts';
import type { AppEnv } from './context.ts';

export const SESSION_COOKIE = 'tochuc_session';
export const CSRF_HEADER = 'X-CSRF-Token';

/** Paths under /api/v1 reachable without a session. */
const PUBLIC_PATHS = new Set(['/openapi.json', '/auth/login']);
/** What an account with pending steps (new password, TOTP for an administrator) may still do. */
const SETUP_PATHS = new Set([
  '/auth/me',
  '/auth/logout',
  '/auth/logout-everywhere',
  '/auth/password',
  '/auth/totp',
  '/auth/totp/confirm',
]);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The permission a route needs, from its path and method. The default is the member registry,
 * so a new endpoint is never left open: it needs a registry role until listed otherwise.
 */
export function permissionFor(method: string, path: string): Permission | null {
  const read = SAFE_METHODS.has(method);
  const area = path.split('/')[1] ?? '';
  switch (area) {
    case 'auth':
      return null;
    case 'users':
      return 'users.manage';
    case 'audit':
      return 'audit.read';
    case 'documents':
    case 'drafts':
      return read ? 'documents.read' : 'documents.write';
    case 'orgs':
      return read ? 'orgs.read' : 'registry.write';
    default:
      return read ? 'members.read' : 'registry.write';
  }
}

/** The JSON keys holding identity numbers, masked for roles without `members.identity`. */
const IDENTITY_FIELDS = new Set(['nationalId', 'partyCardNo']);

function maskFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskFields);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [
      key,
      IDENTITY_FIELDS.has(key) && (typeof v === 'string' || v === null) ? maskIdentity(v) : maskFields(v),
    ]),
  );
}

function sameToken(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function clientIp(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined; // in-process requests (tests) have no socket
  }
}

/** HTTPS directly or behind a proxy that says so. */
function overHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
}

export function setSessionCookie(c: Context, token: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure: overHttps(c),
    maxAge: SESSION_MAX_HOURS * 3600,
  });
}

export function clearSessionCookie(c: Context): void {
  setCookie(c, SESSION_COOKIE, '', {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure: overHttps(c),
    maxAge: 0,
  });
}

/** The middleware of the API router (mounted at /api/v1; paths here are relative to it). */
export function sessionMiddleware(database: Database): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('database', database);
    c.set('ip', clientIp(c));
    const path = c.req.path.replace(/^\/api\/v1/, '') || '/';
    const token = getCookie(c, SESSION_COOKIE);
    const session = token ? await sessionFromToken(database, token) : null;
    c.set('session', session ?? undefined);
    if (PUBLIC_PATHS.has(path)) {
      c.set('actor', { id: 'anonymous' });
      return next();
    }
    if (!session) {
      if (token) clearSessionCookie(c);
      throw authErrors.notSignedIn();
    }
    if (!SAFE_METHODS.has(c.req.method) && !sameToken(c.req.header(CSRF_HEADER), session.csrfToken))
      throw authErrors.csrf();
    if (session.pending.length > 0 && !SETUP_PATHS.has(path)) throw authErrors.setupRequired();
    const needed = permissionFor(c.req.method, path);
    if (needed && !hasPermission(session.user.grants, needed)) throw authErrors.forbidden();
    c.set('actor', { ...actorOfSession(session), ip: clientIp(c) });
    await next();
    if (!hasPermission(session.user.grants, 'members.identity')) await maskResponse(c);
  };
}

async function maskResponse(c: Context<AppEnv>): Promise<void> {
  if (!c.res.headers.get('content-type')?.startsWith('application/json')) return;
  const body = maskFields(await c.res.clone().json());
  const headers = new Headers(c.res.headers);
  headers.delete('content-length');
  c.res = new Response(JSON.stringify(body), { status: c.res.status, headers });
}
