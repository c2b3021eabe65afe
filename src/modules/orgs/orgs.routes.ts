/** HTTP routes of the organization tree: schemas and handlers that call the service, nothing else. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../server/context.ts';
import { jsonContent, problemResponses } from '../../server/openapi.ts';
import {
  createOrgInputSchema,
  dissolveOrgInputSchema,
  isoDateSchema,
  mergeOrgInputSchema,
  moveOrgInputSchema,
  operationResultSchema,
  orgDetailSchema,
  orgHistorySchema,
  orgSearchResultSchema,
  orgSummarySchema,
  orgTreeSchema,
  renameOrgInputSchema,
  splitOrgInputSchema,
} from './orgs.schemas.ts';
import * as orgs from './orgs.service.ts';

const tags = ['Organizations'];
const codeParam = z.object({
  code: z
    .string()
    .min(1)
    .meta({ param: { name: 'code', in: 'path' }, example: 'TW' }),
});
const asOfQuery = z.object({ asOf: isoDateSchema.optional() });
const previewQuery = z.object({
  preview: z
    .enum(['true', 'false'])
    .optional()
    .meta({ description: 'true: compute the effect and roll it back' }),
});

const treeRoute = createRoute({
  method: 'get',
  path: '/orgs/tree',
  tags,
  summary: 'The tree (or a subtree) as of a date',
  request: {
    query: asOfQuery.extend({
      org: z.string().optional().meta({ description: 'root of the subtree (default: the root)' }),
      depth: z.coerce.number().int().min(0).max(20).optional(),
    }),
  },
  responses: { 200: jsonContent(orgTreeSchema, 'The tree'), ...problemResponses },
});

const searchRoute = createRoute({
  method: 'get',
  path: '/orgs/search',
  tags,
  summary: 'Search units by name (without diacritics) or code',
  request: {
    query: asOfQuery.extend({
      q: z.string().min(1).max(200),
      limit: z.coerce.number().int().min(1).max(200).optional(),
    }),
  },
  responses: {
    200: jsonContent(z.object({ results: z.array(orgSearchResultSchema) }), 'Best match first'),
    ...problemResponses,
  },
});

const detailRoute = createRoute({
  method: 'get',
  path: '/orgs/{code}',
  tags,
  summary: 'A unit as of a date',
  request: { params: codeParam, query: asOfQuery },
  responses: { 200: jsonContent(orgDetailSchema, 'The unit'), ...problemResponses },
});

const childrenRoute = createRoute({
  method: 'get',
  path: '/orgs/{code}/children',
  tags,
  summary: 'Direct children of a unit as of a date, in Vietnamese name order',
  request: { params: codeParam, query: asOfQuery },
  responses: {
    200: jsonContent(z.object({ results: z.array(orgSummarySchema) }), 'Children'),
    ...problemResponses,
  },
});

const historyRoute = createRoute({
  method: 'get',
  path: '/orgs/{code}/history',
  tags,
  summary: 'Versions, operations and lineage of a unit',
  request: { params: codeParam },
  responses: { 200: jsonContent(orgHistorySchema, 'History'), ...problemResponses },
});

const createRouteDef = createRoute({
  method: 'post',
  path: '/orgs',
  tags,
  summary: 'Create a unit (dated)',
  request: { query: previewQuery, body: jsonContent(createOrgInputSchema, 'The new unit') },
  responses: {
    201: jsonContent(operationResultSchema, 'Created'),
    200: jsonContent(operationResultSchema, 'Preview (nothing stored)'),
    ...problemResponses,
  },
});

function operationRoute(name: string, summary: string, body: z.ZodType) {
  return createRoute({
    method: 'post',
    path: `/orgs/operations/${name}`,
    tags,
    summary,
    request: { query: previewQuery, body: jsonContent(body, 'The operation') },
    responses: { 200: jsonContent(operationResultSchema, 'Effect of the operation'), ...problemResponses },
  });
}

export function registerOrgRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(treeRoute, async (c) => {
    const { org, asOf, depth } = c.req.valid('query');
    return c.json(await orgs.getTree(c.var.database, c.var.actor, { code: org, asOf, depth }), 200);
  });
  app.openapi(searchRoute, async (c) => {
    const { q, asOf, limit } = c.req.valid('query');
    return c.json({ results: await orgs.searchOrgs(c.var.database, c.var.actor, { q, asOf, limit }) }, 200);
  });
  app.openapi(detailRoute, async (c) => {
    const { code } = c.req.valid('param');
    return c.json(await orgs.getOrg(c.var.database, c.var.actor, code, c.req.valid('query').asOf), 200);
  });
  app.openapi(childrenRoute, async (c) => {
    const { code } = c.req.valid('param');
    const results = await orgs.listChildren(c.var.database, c.var.actor, code, c.req.valid('query').asOf);
    return c.json({ results }, 200);
  });
  app.openapi(historyRoute, async (c) => {
    return c.json(await orgs.getHistory(c.var.database, c.var.actor, c.req.valid('param').code), 200);
  });
  app.openapi(createRouteDef, async (c) => {
    const preview = c.req.valid('query').preview === 'true';
    const result = await orgs.createOrg(c.var.database, c.var.actor, c.req.valid('json'), { preview });
    return preview ? c.json(result, 200) : c.json(result, 201);
  });
  const operations = [
    ['rename', 'Rename a unit', renameOrgInputSchema, orgs.renameOrg],
    ['move', 'Move a unit with its subtree under another parent', moveOrgInputSchema, orgs.moveOrg],
    ['merge', 'Merge units into a new or existing unit', mergeOrgInputSchema, orgs.mergeOrgs],
    ['split', 'Split a unit into new units', splitOrgInputSchema, orgs.splitOrg],
    ['dissolve', 'Dissolve an empty unit', dissolveOrgInputSchema, orgs.dissolveOrg],
  ] as const;
  for (const [name, summary, schema, run] of operations) {
    const route = operationRoute(name, summary, schema);
    app.openapi(route, async (c) => {
      const preview = c.req.valid('query').preview === 'true';
      const input = c.req.valid('json') as Parameters<typeof run>[2];
      const result = await (run as (...args: unknown[]) => Promise<unknown>)(
        c.var.database,
        c.var.actor,
        input,
        {
          preview,
        },
      );
      return c.json(result as z.infer<typeof operationResultSchema>, 200);
    });
  }
}
