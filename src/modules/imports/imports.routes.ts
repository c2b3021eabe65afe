/**
 * HTTP routes of imports. An upload is the file as the request body (streamed to a temporary
 * file, so a large CSV never sits in memory); the answer comes at once with the import's id, and
 * the browser polls the import for its progress and outcome.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { contentDisposition } from '../../server/content-disposition.ts';
import type { AppEnv } from '../../server/context.ts';
import { sendFile } from '../../server/file-response.ts';
import { idParam, problemResponses } from '../../server/openapi.ts';
import { importKindSchema, importResultSchema, importRunSchema } from './imports.schemas.ts';
import { getImport, importTemplate, listImports, rejectedRowsFile, startImport } from './imports.service.ts';
import { type WorkbookFile, XLSX_TYPE } from './imports.workbooks.ts';

const tags = ['Imports'];
const binary = z.string().meta({ format: 'binary' });
const workbookResponses = {
  200: { content: { [XLSX_TYPE]: { schema: binary } }, description: 'The workbook' },
  ...problemResponses,
};
const flag = z
  .enum(['true', 'false'])
  .default('false')
  .transform((v) => v === 'true');

const uploadRoute = createRoute({
  method: 'post',
  path: '/imports',
  tags,
  summary: 'Upload an .xlsx or .csv file (the request body) and start importing it',
  request: {
    query: z.object({
      kind: importKindSchema,
      fileName: z.string().min(1).max(255).meta({ example: 'dang-vien.xlsx' }),
      dryRun: flag.meta({ description: 'check every row, store nothing (the preview)' }),
      update: flag.meta({ description: 'update members matched by national ID or card number' }),
    }),
    body: { content: { 'application/octet-stream': { schema: binary } }, required: true },
  },
  responses: {
    202: { content: { 'application/json': { schema: importRunSchema } }, description: 'Started' },
    ...problemResponses,
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/imports',
  tags,
  summary: 'Past imports, latest first',
  request: { query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) }) },
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ imports: z.array(importRunSchema) }) } },
      description: 'The imports',
    },
    ...problemResponses,
  },
});

const templateRoute = createRoute({
  method: 'get',
  path: '/imports/template/{kind}',
  tags,
  summary: 'The .xlsx template to fill in, both header rows explained',
  request: { params: z.object({ kind: importKindSchema.meta({ param: { name: 'kind', in: 'path' } }) }) },
  responses: workbookResponses,
});

const getRoute = createRoute({
  method: 'get',
  path: '/imports/{id}',
  tags,
  summary: "An import: its progress, counts and the first rejected rows' errors",
  request: { params: idParam },
  responses: {
    200: { content: { 'application/json': { schema: importResultSchema } }, description: 'The import' },
    ...problemResponses,
  },
});

const rejectedRoute = createRoute({
  method: 'get',
  path: '/imports/{id}/rejected.xlsx',
  tags,
  summary: 'The rejected rows with their original values and a reason column',
  request: { params: idParam },
  responses: workbookResponses,
});

function sendWorkbook(file: WorkbookFile): Response {
  return new Response(new Uint8Array(file.content), {
    status: 200,
    headers: {
      'content-type': XLSX_TYPE,
      'content-disposition': contentDisposition(file.fileName),
    },
  });
}

async function saveUpload(body: ReadableStream<Uint8Array> | null, fileName: string): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tochuc-upload-'));
  const target = path.join(dir, path.basename(fileName).replace(/[^\w.-]/g, '_') || 'upload');
  const source = body ? Readable.fromWeb(body as NodeReadableStream<Uint8Array>) : Readable.from([]);
  await pipeline(source, fs.createWriteStream(target));
  return target;
}

export function registerImportRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(uploadRoute, async (c) => {
    const { kind, fileName, dryRun, update } = c.req.valid('query');
    const saved = await saveUpload(c.req.raw.body, fileName);
    const { database, actor } = c.var;
    const removeUpload = () => fs.rmSync(path.dirname(saved), { recursive: true, force: true });
    try {
      const started = await startImport(database, actor, { path: saved, fileName }, { kind, dryRun, update });
      // the outcome, a failure included, is recorded with the import: the browser reads it there
      started.done.then(removeUpload, removeUpload);
      const { errors: _errors, ...run } = await getImport(database, actor, started.id);
      return c.json(run, 202);
    } catch (err) {
      removeUpload();
      throw err;
    }
  });
  app.openapi(listRoute, async (c) =>
    c.json({ imports: await listImports(c.var.database, c.var.actor, c.req.valid('query').limit) }, 200),
  );
  app.openapi(templateRoute, async (c) => sendWorkbook(await importTemplate(c.req.valid('param').kind)));
  app.openapi(getRoute, async (c) =>
    c.json(await getImport(c.var.database, c.var.actor, c.req.valid('param').id), 200),
  );
  // streamed: each page of rows is read in its own transaction while the file is written
  app.openapi(rejectedRoute, async (c) =>
    sendFile(c, await rejectedRowsFile(c.var.database, c.var.actor, c.req.valid('param').id)),
  );
}
