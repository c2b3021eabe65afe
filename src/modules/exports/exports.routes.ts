/** HTTP routes for file exports: the file, streamed, with a name that says what it is. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../server/context.ts';
import { sendFile } from '../../server/file-response.ts';
import { idParam, problemResponses } from '../../server/openapi.ts';
import { DOCX_TYPE } from './exports.docx.ts';
import { CSV_TYPE, XLSX_TYPE } from './exports.member-file.ts';
import { memberExportQuerySchema, reportQuerySchema } from './exports.schemas.ts';
import { exportMemberProfile, exportMembers, exportReport, exportStatsXlsx } from './exports.service.ts';

const tags = ['Exports'];
const binary = z.string().meta({ format: 'binary' });
const files = (types: string[], description: string) => ({
  200: { content: Object.fromEntries(types.map((t) => [t, { schema: binary }])), description },
  ...problemResponses,
});

const statsRoute = createRoute({
  method: 'get',
  path: '/exports/stats.xlsx',
  tags,
  summary: "The statistics of a unit's subtree as an Excel workbook, one sheet per breakdown",
  request: { query: reportQuerySchema.omit({ format: true }) },
  responses: files([XLSX_TYPE], 'The workbook'),
});

const membersRoute = createRoute({
  method: 'get',
  path: '/exports/members',
  tags,
  summary:
    'Members (the filters of the member list) as .xlsx or .csv (UTF-8 with BOM), in the columns the import reads',
  request: { query: memberExportQuerySchema },
  responses: files([XLSX_TYPE, CSV_TYPE], 'The member list, streamed'),
});

const profileRoute = createRoute({
  method: 'get',
  path: '/exports/members/{id}/profile.docx',
  tags,
  summary: 'A member profile ("Phiếu đảng viên") as a Word document',
  request: { params: idParam },
  responses: files([DOCX_TYPE], 'The profile'),
});

const reportRoute = createRoute({
  method: 'get',
  path: '/exports/report',
  tags,
  summary: 'The quantity-and-quality report of members by subordinate unit, as .xlsx or .docx',
  request: { query: reportQuerySchema },
  responses: files([XLSX_TYPE, DOCX_TYPE], 'The report'),
});

export function registerExportRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(statsRoute, async (c) =>
    sendFile(c, await exportStatsXlsx(c.var.database, c.var.actor, c.req.valid('query'))),
  );
  app.openapi(membersRoute, async (c) =>
    sendFile(c, await exportMembers(c.var.database, c.var.actor, c.req.valid('query'))),
  );
  app.openapi(profileRoute, async (c) =>
    sendFile(c, await exportMemberProfile(c.var.database, c.var.actor, c.req.valid('param').id)),
  );
  app.openapi(reportRoute, async (c) =>
    sendFile(c, await exportReport(c.var.database, c.var.actor, c.req.valid('query'))),
  );
}
