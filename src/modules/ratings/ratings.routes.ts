/** HTTP routes of the annual quality rating: schemas and handlers that call the service, nothing else. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../server/context.ts';
import { idParam, jsonContent, problemResponses } from '../../server/openapi.ts';
import { rateInputSchema, ratingSchema, ratingSummarySchema } from './ratings.schemas.ts';
import * as ratings from './ratings.service.ts';

const tags = ['Quality rating'];

const rateRoute = createRoute({
  method: 'post',
  path: '/members/{id}/ratings',
  tags,
  summary: "Record a member's annual quality rating (or why they are not rated)",
  request: { params: idParam, body: jsonContent(rateInputSchema, 'The rating') },
  responses: { 200: jsonContent(ratingSchema, 'The rating'), ...problemResponses },
});

const exemptionRoute = createRoute({
  method: 'post',
  path: '/members/{id}/exemption',
  tags,
  summary: 'Exempt a member from Party work and activities (old age, health)',
  request: {
    params: idParam,
    body: jsonContent(
      z.object({
        date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
        reason: z.enum(['old_age', 'health']),
        decisionRef: z.string().optional(),
      }),
      'The exemption',
    ),
  },
  responses: { 204: { description: 'Recorded' }, ...problemResponses },
});

const summaryRoute = createRoute({
  method: 'get',
  path: '/ratings/summary',
  tags,
  summary: 'How the members of a unit were rated for a year',
  request: { query: z.object({ org: z.string().min(1), year: z.coerce.number().int().min(1930).max(2100) }) },
  responses: { 200: jsonContent(ratingSummarySchema, 'Summary'), ...problemResponses },
});

export function registerRatingRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(rateRoute, async (c) => {
    return c.json(
      await ratings.rateMember(c.var.database, c.var.actor, c.req.valid('param').id, c.req.valid('json')),
      200,
    );
  });
  app.openapi(exemptionRoute, async (c) => {
    await ratings.exemptFromActivities(
      c.var.database,
      c.var.actor,
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    return c.body(null, 204);
  });
  app.openapi(summaryRoute, async (c) => {
    return c.json(await ratings.ratingSummary(c.var.database, c.var.actor, c.req.valid('query')), 200);
  });
}
