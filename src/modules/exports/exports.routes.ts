/** HTTP routes for file exports: the file, streamed, with a name that says what it is. */
import { PassThrough, Readable } from 'node:stream';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { contentDisposition } from '../../server/content-disposition.ts';
import type { AppEnv } from '../../server/context.ts';
import { idParam, problemResponses } from '../../server/openapi.ts';
import { DOCX_TYPE } from './exports.docx.ts';
import { CSV_TYPE, XLSX_TYPE } from './exports.member-file.ts';
import { memberExportQuerySchema, reportQuerySchema } from './exports.schemas.ts';
import {
  type ExportFile,
  exportMemberProfile,
  exportMembers,
  exportReport,
  exportStatsXlsx,
} from './exports.service.ts';

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

function send(c: Context<AppEnv>, file: ExportFile) {
  const body = new PassThrough();
  // a failure after the first bytes can only cut the download short (the status is already sent)
  file.write(body).catch((err: unknown) => body.destroy(err as Error));
  return c.body(Readable.toWeb(body) as ReadableStream, 200, {
    'content-type': file.contentType,
    'content-disposition': contentDisposition(file.fileName),
  });
}

export function registerExportRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(statsRoute, async (c) =>
    send(c, await exportStatsXlsx(c.var.database, c.var.actor, c.req.valid('query'))),
  );
  app.openapi(membersRoute, async (c) =>
    send(c, await exportMembers(c.var.database, c.var.actor, c.req.valid('query'))),
  );
  app.openapi(profileRoute, async (c) =>
    send(c, await exportMemberProfile(c.var.database, c.var.actor, c.req.valid('param').id)),
  );
  app.openapi(reportRoute, async (c) =>
    send(c, await exportReport(c.var.database, c.var.actor, c.req.valid('query'))),
  );
}
