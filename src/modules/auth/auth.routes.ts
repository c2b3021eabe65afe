/** HTTP routes of sign-in, the own account and user management: schemas and calls to the service. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../server/context.ts';
import { jsonContent, problemResponses, problemSchema } from '../../server/openapi.ts';
import { clearSessionCookie, setSessionCookie } from '../../server/session.ts';
import { authErrors } from './auth.errors.ts';
import {
  changePasswordInputSchema,
  loginInputSchema,
  meSchema,
  resetPasswordResultSchema,
  roleSchema,
  signedOutSchema,
  totpConfirmInputSchema,
  totpEnrollmentSchema,
  userSummarySchema,
} from './auth.schemas.ts';
import * as auth from './auth.service.ts';

const tags = ['Accounts'];
const unauthorized = {
  401: {
    content: { 'application/problem+json': { schema: problemSchema } },
    description: 'Not signed in, or wrong credentials',
  },
};
const responses = {
  ...problemResponses,
  ...unauthorized,
  403: { ...unauthorized[401], description: 'Not allowed' },
};
const noContent = { 204: { description: 'Done' }, ...responses };

const loginRoute = createRoute({
  method: 'post',
  path: '/auth/login',
  tags,
  summary: 'Sign in: sets the HttpOnly session cookie; the answer carries the CSRF token',
  request: { body: jsonContent(loginInputSchema, 'Credentials') },
  responses: { 200: jsonContent(meSchema, 'Signed in'), ...responses },
});
const logoutRoute = createRoute({
  method: 'post',
  path: '/auth/logout',
  tags,
  summary: 'Sign out',
  responses: noContent,
});
const logoutEverywhereRoute = createRoute({
  method: 'post',
  path: '/auth/logout-everywhere',
  tags,
  summary: 'End every session of the account, this one included',
  responses: { 200: jsonContent(signedOutSchema, 'Sessions ended'), ...responses },
});
const meRoute = createRoute({
  method: 'get',
  path: '/auth/me',
  tags,
  summary: 'The signed-in account, its grants, pending steps and CSRF token',
  responses: { 200: jsonContent(meSchema, 'The account'), ...responses },
});
const passwordRoute = createRoute({
  method: 'post',
  path: '/auth/password',
  tags,
  summary: 'Change the own password (ends the other sessions)',
  request: { body: jsonContent(changePasswordInputSchema, 'Current and new password') },
  responses: noContent,
});
const totpRoute = createRoute({
  method: 'post',
  path: '/auth/totp',
  tags,
  summary: 'Start two-factor enrollment: a new secret and its otpauth:// URI',
  responses: { 200: jsonContent(totpEnrollmentSchema, 'The secret'), ...responses },
});
const totpConfirmRoute = createRoute({
  method: 'post',
  path: '/auth/totp/confirm',
  tags,
  summary: 'Finish two-factor enrollment with a first code',
  request: { body: jsonContent(totpConfirmInputSchema, 'The code') },
  responses: noContent,
});

const usernameParam = z.object({
  username: z.string().meta({ param: { name: 'username', in: 'path' }, example: 'nguyenvana' }),
});
const listUsersRoute = createRoute({
  method: 'get',
  path: '/users',
  tags,
  summary: 'Accounts and their grants (administrators)',
  responses: {
    200: jsonContent(z.object({ results: z.array(userSummarySchema) }), 'Accounts'),
    ...responses,
  },
});
const addUserRoute = createRoute({
  method: 'post',
  path: '/users',
  tags,
  summary: 'Create an account (the password is to be changed at first sign-in)',
  request: {
    body: jsonContent(z.object({ username: z.string(), password: z.string().max(256) }), 'Account'),
  },
  responses: { 201: jsonContent(userSummarySchema, 'Created'), ...responses },
});
const grantBody = jsonContent(z.object({ role: roleSchema, org: z.string().min(1) }), 'Role and unit');
const grantRoute = createRoute({
  method: 'post',
  path: '/users/{username}/grants',
  tags,
  summary: "Grant a role over a unit's subtree",
  request: { params: usernameParam, body: grantBody },
  responses: { 200: jsonContent(userSummarySchema, 'The account'), ...responses },
});
const revokeRoute = createRoute({
  method: 'post',
  path: '/users/{username}/revoke',
  tags,
  summary: 'Revoke a grant',
  request: { params: usernameParam, body: grantBody },
  responses: { 200: jsonContent(userSummarySchema, 'The account'), ...responses },
});
const disableRoute = createRoute({
  method: 'post',
  path: '/users/{username}/disable',
  tags,
  summary: 'Disable an account and end its sessions',
  request: { params: usernameParam },
  responses: { 200: jsonContent(userSummarySchema, 'The account'), ...responses },
});
const resetRoute = createRoute({
  method: 'post',
  path: '/users/{username}/reset-password',
  tags,
  summary: 'Set a temporary password, to be changed at next sign-in',
  request: { params: usernameParam },
  responses: { 200: jsonContent(resetPasswordResultSchema, 'The temporary password'), ...responses },
});

function sessionOf(c: Context<AppEnv>): auth.SessionContext {
  const session = c.var.session;
  if (!session) throw authErrors.notSignedIn();
  return session;
}

export function registerAuthRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(loginRoute, async (c) => {
    const { token, me } = await auth.login(c.var.database, c.req.valid('json'), { ip: c.var.ip });
    setSessionCookie(c, token);
    return c.json(me, 200);
  });
  app.openapi(logoutRoute, async (c) => {
    await auth.logout(c.var.database, sessionOf(c), c.var.ip);
    clearSessionCookie(c);
    return c.body(null, 204);
  });
  app.openapi(logoutEverywhereRoute, async (c) => {
    const sessionsEnded = await auth.logoutEverywhere(c.var.database, sessionOf(c), c.var.ip);
    clearSessionCookie(c);
    return c.json({ sessionsEnded }, 200);
  });
  app.openapi(meRoute, (c) => c.json(auth.meOfSession(sessionOf(c)), 200));
  app.openapi(passwordRoute, async (c) => {
    await auth.changePassword(c.var.database, sessionOf(c), c.req.valid('json'), c.var.ip);
    return c.body(null, 204);
  });
  app.openapi(totpRoute, async (c) =>
    c.json(await auth.startTotpEnrollment(c.var.database, sessionOf(c)), 200),
  );
  app.openapi(totpConfirmRoute, async (c) => {
    await auth.confirmTotpEnrollment(c.var.database, sessionOf(c), c.req.valid('json').code, c.var.ip);
    return c.body(null, 204);
  });
  app.openapi(listUsersRoute, async (c) =>
    c.json({ results: await auth.listUsers(c.var.database, c.var.actor) }, 200),
  );
  app.openapi(addUserRoute, async (c) =>
    c.json(await auth.addUser(c.var.database, c.var.actor, c.req.valid('json')), 201),
  );
  app.openapi(grantRoute, async (c) => {
    const input = { username: c.req.valid('param').username, ...c.req.valid('json') };
    return c.json(await auth.grantRole(c.var.database, c.var.actor, input), 200);
  });
  app.openapi(revokeRoute, async (c) => {
    const input = { username: c.req.valid('param').username, ...c.req.valid('json') };
    return c.json(await auth.revokeRole(c.var.database, c.var.actor, input), 200);
  });
  app.openapi(disableRoute, async (c) =>
    c.json(await auth.disableUser(c.var.database, c.var.actor, c.req.valid('param').username), 200),
  );
  app.openapi(resetRoute, async (c) =>
    c.json(await auth.resetPassword(c.var.database, c.var.actor, c.req.valid('param').username), 200),
  );
}
