/** HTTP routes of the admission pipeline: schemas and handlers that call the service, nothing else. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../server/context.ts';
import { idParam, jsonContent, problemResponses } from '../../server/openapi.ts';
import {
  addIntroducerInputSchema,
  candidateSchema,
  createCandidateInputSchema,
  recordStepInputSchema,
} from './admissions.schemas.ts';
import * as admissions from './admissions.service.ts';

const tags = ['Admissions'];

const queueRoute = createRoute({
  method: 'get',
  path: '/admissions/candidates',
  tags,
  summary: 'Candidates for admission under a unit, with the next step and warnings',
  request: { query: z.object({ org: z.string().min(1) }) },
  responses: {
    200: jsonContent(z.object({ results: z.array(candidateSchema) }), 'Work queue'),
    ...problemResponses,
  },
});

const createRouteDef = createRoute({
  method: 'post',
  path: '/admissions/candidates',
  tags,
  summary: 'Add a candidate to a cell’s queue',
  request: { body: jsonContent(createCandidateInputSchema, 'The candidate') },
  responses: { 201: jsonContent(candidateSchema, 'Added'), ...problemResponses },
});

const stepRoute = createRoute({
  method: 'post',
  path: '/admissions/candidates/{id}/steps',
  tags,
  summary: 'Date a step; the ceremony admits the candidate as a probationary member',
  request: { params: idParam, body: jsonContent(recordStepInputSchema, 'The step') },
  responses: { 200: jsonContent(candidateSchema, 'The candidate'), ...problemResponses },
});

const introducerRoute = createRoute({
  method: 'post',
  path: '/admissions/candidates/{id}/introducers',
  tags,
  summary: 'Add an introducer (an official member who has known the candidate 12 months)',
  request: { params: idParam, body: jsonContent(addIntroducerInputSchema, 'The introducer') },
  responses: { 200: jsonContent(candidateSchema, 'The candidate'), ...problemResponses },
});

export function registerAdmissionRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(queueRoute, async (c) => {
    return c.json(
      { results: await admissions.candidateQueue(c.var.database, c.var.actor, c.req.valid('query')) },
      200,
    );
  });
  app.openapi(createRouteDef, async (c) => {
    return c.json(await admissions.createCandidate(c.var.database, c.var.actor, c.req.valid('json')), 201);
  });
  app.openapi(stepRoute, async (c) => {
    const candidate = await admissions.recordStep(
      c.var.database,
      c.var.actor,
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    return c.json(candidate, 200);
  });
  app.openapi(introducerRoute, async (c) => {
    const candidate = await admissions.addIntroducer(
      c.var.database,
      c.var.actor,
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    return c.json(candidate, 200);
  });
}
