/** HTTP routes for file exports: the file, with a name that says what it is. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../server/context.ts';
import { problemResponses } from '../../server/openapi.ts';
import { exportStatsXlsx } from './exports.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const statsRoute = createRoute({
  method: 'get',
  path: '/exports/stats.xlsx',
  tags: ['Exports'],
  summary: "The statistics of a unit's subtree as an Excel workbook, one sheet per breakdown",
  request: {
    query: z.object({
      org: z.string().min(1),
      asOf: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .optional(),
    }),
  },
  responses: {
    200: {
      content: { [XLSX]: { schema: z.string().meta({ format: 'binary' }) } },
      description: 'The workbook',
    },
    ...problemResponses,
  },
});

export function registerExportRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(statsRoute, async (c) => {
    const file = await exportStatsXlsx(c.var.database, c.var.actor, c.req.valid('query'));
    return c.body(new Uint8Array(file.content), 200, {
      'content-type': XLSX,
      'content-disposition': `attachment; filename="${file.fileName}"`,
    });
  });
}
