/** HTTP routes of the member registry: schemas and handlers that call the service, nothing else. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Database } from '../../db/database.ts';
import type { Actor } from '../../db/transaction.ts';
import type { AppEnv } from '../../server/context.ts';
import { idParam, jsonContent, problemResponses } from '../../server/openapi.ts';
import {
  addMemberInputSchema,
  awardBadgeInputSchema,
  badgeDueSchema,
  dueRecognitionSchema,
  leaveInputSchema,
  type MemberProfile,
  memberProfileSchema,
  memberSearchResultSchema,
  memberStatusSchema,
  recognizeInputSchema,
  statsSchema,
  statsSeriesSchema,
  transferInTransitSchema,
  transferOutInputSchema,
  transferReceiveInputSchema,
} from './members.schemas.ts';
import * as members from './members.service.ts';

const tags = ['Members'];
const dateQuery = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const searchRoute = createRoute({
  method: 'get',
  path: '/members',
  tags,
  summary: 'Search members by name (without diacritics), national ID or card number',
  request: {
    query: z.object({
      q: z
        .string()
        .max(200)
        .optional()
        .meta({ description: 'name, national ID or card number; optional with org' }),
      org: z.string().optional().meta({ description: 'only in the subtree of this unit' }),
      status: memberStatusSchema.optional(),
      sex: z.enum(['male', 'female']).optional(),
      ethnicity: z.string().optional(),
      religion: z.string().optional(),
      education: z.string().optional(),
      theoryLevel: z.string().optional(),
      ageBand: z.enum(['<=30', '31-40', '41-50', '51-60', '>60']).optional(),
      minYears: z.coerce
        .number()
        .int()
        .min(0)
        .max(100)
        .optional()
        .meta({ description: 'years of membership, at least' }),
      maxYears: z.coerce
        .number()
        .int()
        .min(0)
        .max(100)
        .optional()
        .meta({ description: 'years of membership, at most' }),
      limit: z.coerce.number().int().min(1).max(500).optional(),
    }),
  },
  responses: {
    200: jsonContent(z.object({ results: z.array(memberSearchResultSchema) }), 'Best match first'),
    ...problemResponses,
  },
});

const profileRoute = createRoute({
  method: 'get',
  path: '/members/{id}',
  tags,
  summary: 'A member profile with its events',
  request: { params: idParam },
  responses: { 200: jsonContent(memberProfileSchema, 'The profile'), ...problemResponses },
});

const addRoute = createRoute({
  method: 'post',
  path: '/members',
  tags,
  summary: 'Record a member in a cell',
  request: {
    query: z.object({ ageException: z.enum(['true', 'false']).optional() }),
    body: jsonContent(addMemberInputSchema, 'The member'),
  },
  responses: { 201: jsonContent(z.object({ id: z.number().int() }), 'Recorded'), ...problemResponses },
});

function eventRoute<T extends z.ZodType>(path: string, summary: string, body: T) {
  return createRoute({
    method: 'post',
    path: `/members/{id}/${path}`,
    tags,
    summary,
    request: { params: idParam, body: jsonContent(body, 'The event') },
    responses: { 200: jsonContent(memberProfileSchema, 'The profile after the event'), ...problemResponses },
  });
}

const dueRoute = createRoute({
  method: 'get',
  path: '/members/due/recognition',
  tags,
  summary: 'Probationary members due for recognition (next 30 days, awaiting review, overdue)',
  request: { query: z.object({ org: z.string().min(1), today: dateQuery.optional() }) },
  responses: {
    200: jsonContent(z.object({ results: z.array(dueRecognitionSchema) }), 'Work queue'),
    ...problemResponses,
  },
});

const transfersDueRoute = createRoute({
  method: 'get',
  path: '/members/due/transfers',
  tags,
  summary: 'Members in transit from or to the cells of a unit, with the 30-working-day deadline',
  request: { query: z.object({ org: z.string().min(1) }) },
  responses: {
    200: jsonContent(z.object({ results: z.array(transferInTransitSchema) }), 'Work queue'),
    ...problemResponses,
  },
});

const badgesDueRoute = createRoute({
  method: 'get',
  path: '/members/due/badges',
  tags,
  summary: 'Members who become eligible for a Party badge at an award round',
  request: { query: z.object({ org: z.string().min(1), round: dateQuery.optional() }) },
  responses: {
    200: jsonContent(z.object({ round: z.string(), results: z.array(badgeDueSchema) }), 'Work queue'),
    ...problemResponses,
  },
});

const statsRoute = createRoute({
  method: 'get',
  path: '/stats',
  tags: ['Statistics'],
  summary: "Statistics of a unit's subtree on a date",
  request: { query: z.object({ org: z.string().min(1), asOf: dateQuery.optional() }) },
  responses: { 200: jsonContent(statsSchema, 'Statistics'), ...problemResponses },
});

const yearQuery = z.coerce.number().int().min(1900).max(2100);

const statsSeriesRoute = createRoute({
  method: 'get',
  path: '/stats/series',
  tags: ['Statistics'],
  summary: "A unit's members on 31/12 of each year (today for the current one) and its admissions",
  request: {
    query: z.object({
      org: z.string().min(1),
      from: yearQuery.optional().meta({ description: 'first year; default 10 years before `to`' }),
      to: yearQuery.optional().meta({ description: 'last year; default this year' }),
    }),
  },
  responses: { 200: jsonContent(statsSeriesSchema, 'One point per year'), ...problemResponses },
});

export function registerMemberRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(dueRoute, async (c) => {
    const results = await members.dueForRecognition(c.var.database, c.var.actor, c.req.valid('query'));
    return c.json({ results }, 200);
  });
  app.openapi(transfersDueRoute, async (c) => {
    return c.json(
      { results: await members.transfersInTransit(c.var.database, c.var.actor, c.req.valid('query')) },
      200,
    );
  });
  app.openapi(badgesDueRoute, async (c) => {
    return c.json(await members.badgesDue(c.var.database, c.var.actor, c.req.valid('query')), 200);
  });
  app.openapi(searchRoute, async (c) => {
    const results = await members.searchMembers(c.var.database, c.var.actor, c.req.valid('query'));
    return c.json({ results }, 200);
  });
  app.openapi(profileRoute, async (c) => {
    return c.json(await members.getMemberProfile(c.var.database, c.var.actor, c.req.valid('param').id), 200);
  });
  app.openapi(addRoute, async (c) => {
    const ageException = c.req.valid('query').ageException === 'true';
    return c.json(
      await members.addMember(c.var.database, c.var.actor, c.req.valid('json'), { ageException }),
      201,
    );
  });
  // every event answers the profile after it
  type EventService = (database: Database, actor: Actor, id: number, input: never) => Promise<MemberProfile>;
  const events: [string, string, z.ZodType, EventService][] = [
    ['recognition', 'Recognise as an official member', recognizeInputSchema, members.recognizeMember],
    ['transfer-out', 'Send the member to another cell', transferOutInputSchema, members.transferOut],
    [
      'transfer-in',
      'Receive the member in the destination cell',
      transferReceiveInputSchema,
      members.receiveTransfer,
    ],
    [
      'leave',
      'Removal, non-recognition, expulsion, resignation or death',
      leaveInputSchema,
      members.recordLeave,
    ],
    ['badges', 'Record a Party badge award', awardBadgeInputSchema, members.awardBadge],
  ];
  for (const [path, summary, schema, run] of events) {
    app.openapi(eventRoute(path, summary, schema), async (c) => {
      const profile = await run(
        c.var.database,
        c.var.actor,
        c.req.valid('param').id,
        c.req.valid('json') as never,
      );
      return c.json(profile, 200);
    });
  }
  app.openapi(statsSeriesRoute, async (c) => {
    return c.json(await members.getStatsSeries(c.var.database, c.var.actor, c.req.valid('query')), 200);
  });
  app.openapi(statsRoute, async (c) => {
    return c.json(await members.getStats(c.var.database, c.var.actor, c.req.valid('query')), 200);
  });
}
