/** HTTP routes of the document register: schemas and handlers that call the service, nothing else. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { isoDateSchema as isoDate } from '../../core/iso-date.ts';
import type { AppEnv } from '../../server/context.ts';
import { idParam, jsonContent, problemResponses } from '../../server/openapi.ts';
import {
  answerQuestionInputSchema,
  createDocumentInputSchema,
  createQuestionInputSchema,
  createTaskInputSchema,
  documentDetailSchema,
  documentStatsSchema,
  hotspotSchema,
  hotspotsInputSchema,
  nextNumberSchema,
  provisionInputSchema,
  questionSchema,
  questionTargetSchema,
  relateInputSchema,
  relateResultSchema,
  reviewDueSchema,
  searchInputSchema,
  searchResultSchema,
  taskProgressInputSchema,
  taskSchema,
} from './documents.schemas.ts';
import * as docs from './documents.service.ts';

const tags = ['Documents'];
const ok = <T extends z.ZodType>(schema: T, description: string) => ({
  200: jsonContent(schema, description),
  ...problemResponses,
});
const created = <T extends z.ZodType>(schema: T, description: string) => ({
  201: jsonContent(schema, description),
  ...problemResponses,
});

const searchRoute = createRoute({
  method: 'get',
  path: '/documents',
  tags,
  summary: 'Search the register (with or without diacritics, or by number in any spelling), with filters',
  request: { query: searchInputSchema },
  responses: ok(z.object({ results: z.array(searchResultSchema) }), 'Matching documents, best first'),
});

const createDocRoute = createRoute({
  method: 'post',
  path: '/documents',
  tags,
  summary: 'Record a document; its text is split into provisions with stable ids',
  request: { body: jsonContent(createDocumentInputSchema, 'The document') },
  responses: created(documentDetailSchema, 'Recorded'),
});

const importBodySchema = z.object({
  fileName: z.string().min(1).max(255).meta({ example: '26-NQ-TW.docx' }),
  /** The file, base64-encoded. */
  content: z.string().min(1),
  number: z.string().optional(),
  type: z.string().optional(),
  issuer: z.string().optional(),
  signed: isoDate.optional(),
  effective: isoDate.optional(),
  title: z.string().optional(),
  field: z.string().optional(),
});

const importRoute = createRoute({
  method: 'post',
  path: '/documents/import',
  tags,
  summary: 'Import a .docx or .txt document; what is not given is read from its header',
  request: { body: jsonContent(importBodySchema, 'The file and what is known of it') },
  responses: created(documentDetailSchema, 'Imported'),
});

const byNumberRoute = createRoute({
  method: 'get',
  path: '/documents/by-number',
  tags,
  summary: 'A document by its number in any spelling (the latest when it recurs across terms)',
  request: { query: z.object({ number: z.string().min(1) }) },
  responses: ok(documentDetailSchema, 'The document'),
});

const statsRoute = createRoute({
  method: 'get',
  path: '/documents/stats',
  tags,
  summary: 'Documents by field, type, issuer, term and status',
  responses: ok(documentStatsSchema, 'Counts'),
});

const reviewDueRoute = createRoute({
  method: 'get',
  path: '/documents/review-due',
  tags,
  summary: 'Documents in force for more than N years (default 5) without review',
  request: { query: z.object({ years: z.coerce.number().int().min(1).max(50).optional() }) },
  responses: ok(reviewDueSchema, 'Due for review'),
});

const nextNumberRoute = createRoute({
  method: 'get',
  path: '/documents/next-number',
  tags,
  summary: 'The next number of a type for an issuer in the term of the date',
  request: {
    query: z.object({ type: z.string().min(1), issuer: z.string().min(1), date: isoDate.optional() }),
  },
  responses: ok(nextNumberSchema, 'The suggestion'),
});

const relateRoute = createRoute({
  method: 'post',
  path: '/documents/{id}/relations',
  tags,
  summary: 'This document replaces / amends / repeals / implements / guides / cites another',
  request: { params: idParam, body: jsonContent(relateInputSchema, 'The relation') },
  responses: ok(relateResultSchema, 'The document, with warnings'),
});

const provisionsRoute = createRoute({
  method: 'post',
  path: '/documents/{id}/provisions',
  tags,
  summary: 'Replace the detected structure with a corrected one',
  request: {
    params: idParam,
    body: jsonContent(z.object({ provisions: z.array(provisionInputSchema) }), 'The provisions'),
  },
  responses: ok(documentDetailSchema, 'The document'),
});

const reviewedRoute = createRoute({
  method: 'post',
  path: '/documents/{id}/review',
  tags,
  summary: 'Record that the document was reviewed',
  request: { params: idParam, body: jsonContent(z.object({ date: isoDate }), 'The review date') },
  responses: ok(documentDetailSchema, 'The document'),
});

const getRoute = createRoute({
  method: 'get',
  path: '/documents/{id}',
  tags,
  summary: 'A document with its relations, replacement chain, provisions, guidance and tasks',
  request: { params: idParam },
  responses: ok(documentDetailSchema, 'The document'),
});

const hotspotsRoute = createRoute({
  method: 'get',
  path: '/documents/questions/hotspots',
  tags,
  summary: 'Provisions and documents ranked by the questions received about them in a period',
  request: { query: hotspotsInputSchema },
  responses: ok(z.object({ results: z.array(hotspotSchema) }), 'Hot spots'),
});

const listQuestionsRoute = createRoute({
  method: 'get',
  path: '/documents/questions',
  tags,
  summary: 'Questions from lower units, latest first',
  request: {
    query: z.object({
      status: z.enum(['open', 'answered']).optional(),
      number: z.string().optional(),
      limit: z.coerce.number().int().min(1).max(500).default(100),
    }),
  },
  responses: ok(z.object({ results: z.array(questionSchema) }), 'Questions'),
});

const suggestRoute = createRoute({
  method: 'post',
  path: '/documents/questions/suggest',
  tags,
  summary: 'The documents and provisions a question text is probably about',
  request: { body: jsonContent(z.object({ text: z.string().min(1).max(20_000) }), 'The question text') },
  responses: ok(z.object({ targets: z.array(questionTargetSchema) }), 'Suggestions'),
});

const createQuestionRoute = createRoute({
  method: 'post',
  path: '/documents/questions',
  tags,
  summary: 'File a question; without confirmed targets the suggested ones are recorded',
  request: { body: jsonContent(createQuestionInputSchema, 'The question') },
  responses: created(questionSchema, 'Filed'),
});

const answerRoute = createRoute({
  method: 'post',
  path: '/documents/questions/{id}/answer',
  tags,
  summary: 'Answer a question, optionally publishing the answer as guidance on its provisions',
  request: { params: idParam, body: jsonContent(answerQuestionInputSchema, 'The answer') },
  responses: ok(questionSchema, 'The question'),
});

const createTaskRoute = createRoute({
  method: 'post',
  path: '/documents/{id}/tasks',
  tags,
  summary: 'Assign an implementation task of the document (or one provision) to a unit',
  request: { params: idParam, body: jsonContent(createTaskInputSchema, 'The task') },
  responses: created(taskSchema, 'Assigned'),
});

const progressRoute = createRoute({
  method: 'post',
  path: '/documents/tasks/{id}/progress',
  tags,
  summary: "The assignee's progress report (100 closes the task)",
  request: { params: idParam, body: jsonContent(taskProgressInputSchema, 'The report') },
  responses: ok(taskSchema, 'The task'),
});

const tasksDueRoute = createRoute({
  method: 'get',
  path: '/documents/tasks/due',
  tags,
  summary: 'Open tasks of the units under a unit: overdue and due within N days',
  request: {
    query: z.object({
      org: z.string().min(1),
      withinDays: z.coerce.number().int().min(0).max(365).optional(),
    }),
  },
  responses: ok(z.object({ results: z.array(taskSchema) }), 'Tasks'),
});

export function registerDocumentRoutes(app: OpenAPIHono<AppEnv>): void {
  // fixed paths before `/documents/{id}`
  app.openapi(searchRoute, async (c) =>
    c.json({ results: await docs.searchDocuments(c.var.database, c.var.actor, c.req.valid('query')) }, 200),
  );
  app.openapi(createDocRoute, async (c) =>
    c.json(await docs.createDocument(c.var.database, c.var.actor, c.req.valid('json')), 201),
  );
  app.openapi(importRoute, async (c) => {
    const { fileName, content, ...options } = c.req.valid('json');
    const data = new Uint8Array(Buffer.from(content, 'base64'));
    return c.json(
      await docs.importDocument(c.var.database, c.var.actor, { name: fileName, data }, options),
      201,
    );
  });
  app.openapi(byNumberRoute, async (c) =>
    c.json(await docs.getDocumentByNumber(c.var.database, c.var.actor, c.req.valid('query').number), 200),
  );
  app.openapi(statsRoute, async (c) => c.json(await docs.documentStats(c.var.database, c.var.actor), 200));
  app.openapi(reviewDueRoute, async (c) =>
    c.json(await docs.reviewDue(c.var.database, c.var.actor, c.req.valid('query')), 200),
  );
  app.openapi(nextNumberRoute, async (c) =>
    c.json(await docs.nextNumber(c.var.database, c.var.actor, c.req.valid('query')), 200),
  );
  app.openapi(hotspotsRoute, async (c) =>
    c.json({ results: await docs.questionHotspots(c.var.database, c.var.actor, c.req.valid('query')) }, 200),
  );
  app.openapi(listQuestionsRoute, async (c) =>
    c.json({ results: await docs.listQuestions(c.var.database, c.var.actor, c.req.valid('query')) }, 200),
  );
  app.openapi(suggestRoute, async (c) =>
    c.json(
      { targets: await docs.suggestTargets(c.var.database, c.var.actor, c.req.valid('json').text) },
      200,
    ),
  );
  app.openapi(createQuestionRoute, async (c) =>
    c.json(await docs.createQuestion(c.var.database, c.var.actor, c.req.valid('json')), 201),
  );
  app.openapi(answerRoute, async (c) =>
    c.json(
      await docs.answerQuestion(c.var.database, c.var.actor, c.req.valid('param').id, c.req.valid('json')),
      200,
    ),
  );
  app.openapi(tasksDueRoute, async (c) =>
    c.json({ results: await docs.tasksDue(c.var.database, c.var.actor, c.req.valid('query')) }, 200),
  );
  app.openapi(progressRoute, async (c) =>
    c.json(
      await docs.reportTaskProgress(
        c.var.database,
        c.var.actor,
        c.req.valid('param').id,
        c.req.valid('json'),
      ),
      200,
    ),
  );
  app.openapi(getRoute, async (c) =>
    c.json(await docs.getDocument(c.var.database, c.var.actor, c.req.valid('param').id), 200),
  );
  app.openapi(relateRoute, async (c) =>
    c.json(
      await docs.relateDocuments(c.var.database, c.var.actor, c.req.valid('param').id, c.req.valid('json')),
      200,
    ),
  );
  app.openapi(provisionsRoute, async (c) =>
    c.json(
      await docs.replaceStructure(
        c.var.database,
        c.var.actor,
        c.req.valid('param').id,
        c.req.valid('json').provisions,
      ),
      200,
    ),
  );
  app.openapi(reviewedRoute, async (c) =>
    c.json(
      await docs.markReviewed(c.var.database, c.var.actor, c.req.valid('param').id, c.req.valid('json').date),
      200,
    ),
  );
  app.openapi(createTaskRoute, async (c) =>
    c.json(
      await docs.createTask(c.var.database, c.var.actor, c.req.valid('param').id, c.req.valid('json')),
      201,
    ),
  );
}
