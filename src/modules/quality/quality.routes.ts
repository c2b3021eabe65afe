/** HTTP routes of the data-quality report: schemas and handlers that call the service, nothing else. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../server/context.ts';
import { jsonContent, problemResponses } from '../../server/openapi.ts';
import { issuesQuerySchema, qualityIssuesSchema, qualitySummarySchema } from './quality.schemas.ts';
import * as quality from './quality.service.ts';

const tags = ['Data quality'];

const summaryRoute = createRoute({
  method: 'get',
  path: '/quality',
  tags,
  summary:
    "Data quality of a unit's current members: completeness of each field, suspected duplicates, impossible dates",
  request: { query: z.object({ org: z.string().min(1) }) },
  responses: { 200: jsonContent(qualitySummarySchema, 'The summary'), ...problemResponses },
});

const issuesRoute = createRoute({
  method: 'get',
  path: '/quality/issues',
  tags,
  summary: 'The records of a unit to fix for one kind of problem, a page at a time, in Vietnamese name order',
  request: { query: issuesQuerySchema },
  responses: { 200: jsonContent(qualityIssuesSchema, 'A page of records'), ...problemResponses },
});

export function registerQualityRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(summaryRoute, async (c) => {
    return c.json(await quality.qualitySummary(c.var.database, c.var.actor, c.req.valid('query')), 200);
  });
  app.openapi(issuesRoute, async (c) => {
    return c.json(await quality.qualityIssues(c.var.database, c.var.actor, c.req.valid('query')), 200);
  });
}
