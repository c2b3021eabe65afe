/** HTTP routes of the audit log (the auditor's): schemas and handlers that call the service. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../server/context.ts';
import { jsonContent, problemResponses } from '../../server/openapi.ts';
import { auditFilterSchema, auditPageSchema, auditVerificationSchema } from './audit.schemas.ts';
import * as audit from './audit.service.ts';

const tags = ['Audit'];

const listRoute = createRoute({
  method: 'get',
  path: '/audit',
  tags,
  summary: 'Audit log entries, newest first, filtered; `next` is the `before` of the following page',
  request: {
    query: auditFilterSchema.extend({
      before: z.coerce.number().int().positive().optional(),
      limit: z.coerce.number().int().min(1).max(500).optional(),
    }),
  },
  responses: { 200: jsonContent(auditPageSchema, 'A page of entries'), ...problemResponses },
});

const verifyRoute = createRoute({
  method: 'get',
  path: '/audit/verify',
  tags,
  summary: 'Recompute the hash chain of the whole log and report the first broken link',
  responses: { 200: jsonContent(auditVerificationSchema, 'The verification'), ...problemResponses },
});

export function registerAuditRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => {
    return c.json(await audit.listAudit(c.var.database, c.var.actor, c.req.valid('query')), 200);
  });
  app.openapi(verifyRoute, async (c) => {
    return c.json(await audit.verifyAudit(c.var.database, c.var.actor), 200);
  });
}
