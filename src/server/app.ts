/**
 * The HTTP application: `/api/v1` (OpenAPI 3.1 at `/api/v1/openapi.json`), the API reference at
 * `/api/docs`, `/healthz`, and the web app. Every error leaves as problem+json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { invalidInputError } from '../core/validation.ts';
import type { Database } from '../db/database.ts';
import { registerAdmissionRoutes } from '../modules/admissions/admissions.routes.ts';
import { registerAuditRoutes } from '../modules/audit/audit.routes.ts';
import { registerAuthRoutes } from '../modules/auth/auth.routes.ts';
import { registerDocumentRoutes } from '../modules/documents/documents.routes.ts';
import { registerExportRoutes } from '../modules/exports/exports.routes.ts';
import { registerFeeRoutes } from '../modules/fees/fees.routes.ts';
import { registerImportRoutes } from '../modules/imports/imports.routes.ts';
import { registerMemberRoutes } from '../modules/members/members.routes.ts';
import { registerOrgRoutes } from '../modules/orgs/orgs.routes.ts';
import { registerQualityRoutes } from '../modules/quality/quality.routes.ts';
import { registerRatingRoutes } from '../modules/ratings/ratings.routes.ts';
import { registerApiDocs } from './api-docs.ts';
import type { AppEnv } from './context.ts';
import type { Logger } from './logger.ts';
import { bodyTooLargeProblem, notFoundProblem, problemOf, problemResponse } from './problem.ts';
import { sessionMiddleware } from './session.ts';

export interface AppOptions {
  database: Database;
  logger: Logger;
  /** Folder of the built web app; not served when absent. */
  webDist?: string;
}

/** JSON bodies are small; a larger one is refused before it is parsed (uploads are not JSON). */
const MAX_JSON_BODY = 1024 * 1024;

export function createApp(options: AppOptions): Hono<AppEnv> {
  const { database, logger } = options;
  const app = new Hono<AppEnv>();

  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    logger.log('info', 'request', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    });
  });

  app.onError((err, c) => {
    const problem = problemOf(err);
    if (problem.status >= 500)
      logger.log('error', 'unhandled', { path: c.req.path, error: String(err), stack: (err as Error).stack });
    return problemResponse(problem);
  });

  app.get('/healthz', (c) => c.json({ status: 'ok', database: database.kind }));

  const api = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) return problemResponse(problemOf(invalidInputError(result.error.issues)));
    },
  });
  api.use('*', async (c, next) => {
    if (!c.req.header('content-type')?.includes('json')) return next();
    return bodyLimit({ maxSize: MAX_JSON_BODY, onError: () => problemResponse(bodyTooLargeProblem()) })(
      c,
      next,
    );
  });
  api.use('*', sessionMiddleware(database));
  registerAuthRoutes(api);
  registerOrgRoutes(api);
  registerMemberRoutes(api);
  registerAdmissionRoutes(api);
  registerFeeRoutes(api);
  registerRatingRoutes(api);
  registerQualityRoutes(api);
  registerAuditRoutes(api);
  registerExportRoutes(api);
  registerImportRoutes(api);
  registerDocumentRoutes(api);
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'tochuc API',
      version: '1',
      description: 'Tổ chức đảng, đảng viên, văn bản — Party organizations, members and documents',
    },
  });
  api.notFound((c) => problemResponse(notFoundProblem(c.req.path)));
  app.route('/api/v1', api);
  registerApiDocs(app);
  app.all('/api/*', (c) => problemResponse(notFoundProblem(c.req.path)));

  const webDist = options.webDist;
  if (webDist && fs.existsSync(path.join(webDist, 'index.html'))) {
    const root = path.relative(process.cwd(), webDist) || '.';
    app.use('/*', serveStatic({ root }));
    const index = fs.readFileSync(path.join(webDist, 'index.html'), 'utf8');
    // Client-side routes (/orgs/HN.001 …) all answer with the app.
    app.get('*', (c) => c.html(index));
  }
  return app;
}
