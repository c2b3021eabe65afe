/** HTTP routes of Party fees: schemas and handlers that call the service, nothing else. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../server/context.ts';
import { idParam, jsonContent, problemResponses } from '../../server/openapi.ts';
import {
  arrearsSchema,
  feeAccountSchema,
  feeSettingInputSchema,
  paymentInputSchema,
} from './fees.schemas.ts';
import * as fees from './fees.service.ts';

const tags = ['Party fees'];

const accountRoute = createRoute({
  method: 'get',
  path: '/members/{id}/fees',
  tags,
  summary: "A member's fees for a year: due, paid, and the arrears warning",
  request: {
    params: idParam,
    query: z.object({ year: z.coerce.number().int().min(1930).max(2100).optional() }),
  },
  responses: { 200: jsonContent(feeAccountSchema, 'The year'), ...problemResponses },
});

const settingRoute = createRoute({
  method: 'put',
  path: '/members/{id}/fees/setting',
  tags,
  summary: "Set how a member's monthly fee is computed",
  request: { params: idParam, body: jsonContent(feeSettingInputSchema, 'The setting') },
  responses: { 200: jsonContent(feeAccountSchema, 'The current year'), ...problemResponses },
});

const paymentRoute = createRoute({
  method: 'post',
  path: '/members/{id}/fees/payments',
  tags,
  summary: 'Record months paid (all or none)',
  request: { params: idParam, body: jsonContent(paymentInputSchema, 'The months') },
  responses: { 200: jsonContent(feeAccountSchema, 'The year'), ...problemResponses },
});

const arrearsRoute = createRoute({
  method: 'get',
  path: '/fees/arrears',
  tags,
  summary: 'Members of a unit with 3 or more months unpaid in the year',
  request: {
    query: z.object({ org: z.string().min(1), year: z.coerce.number().int().min(1930).max(2100).optional() }),
  },
  responses: { 200: jsonContent(arrearsSchema, 'Work queue'), ...problemResponses },
});

export function registerFeeRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(accountRoute, async (c) => {
    const year = c.req.valid('query').year ?? new Date().getFullYear();
    return c.json(await fees.feeAccount(c.var.database, c.var.actor, c.req.valid('param').id, year), 200);
  });
  app.openapi(settingRoute, async (c) => {
    return c.json(
      await fees.setFeeSetting(c.var.database, c.var.actor, c.req.valid('param').id, c.req.valid('json')),
      200,
    );
  });
  app.openapi(paymentRoute, async (c) => {
    return c.json(
      await fees.recordPayments(c.var.database, c.var.actor, c.req.valid('param').id, c.req.valid('json')),
      200,
    );
  });
  app.openapi(arrearsRoute, async (c) => {
    return c.json(await fees.feeArrears(c.var.database, c.var.actor, c.req.valid('query')), 200);
  });
}
