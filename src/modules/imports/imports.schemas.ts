/** Inputs and outputs of imports (shared by the API, the CLI and the web app). Imports zod only. */
import { z } from 'zod';

export const importKindSchema = z.enum(['orgs', 'members']);

export const importOptionsSchema = z.object({
  kind: importKindSchema,
  /** Check every row and report, store nothing. */
  dryRun: z.boolean().default(false),
  /** Update members matched by national ID or party card number. */
  update: z.boolean().default(false),
});

export const rowErrorSchema = z.object({
  /** As the spreadsheet shows it: the header is row 1. */
  row: z.number().int(),
  /** The column's header as the file has it. */
  column: z.string(),
  message: z.object({ vi: z.string(), en: z.string() }),
});

export const convertedSchema = z.object({
  tcvn3: z.number().int(),
  vni: z.number().int(),
  nfd: z.number().int(),
});

export const importRunSchema = z.object({
  id: z.number().int(),
  kind: importKindSchema,
  actor: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  dryRun: z.boolean(),
  update: z.boolean(),
  status: z.enum(['running', 'done', 'unreadable', 'failed']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  rowsRead: z.number().int(),
  /**
   * The part of the file processed (0–1; 1 once the import has finished): read and checked, and on
   * a PostgreSQL server applied as well (the embedded database applies the rows after the last).
   */
  progress: z.number().min(0).max(1),
  accepted: z.number().int(),
  rejected: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  converted: convertedSchema,
  failure: z.object({ code: z.string(), vi: z.string(), en: z.string() }).nullable(),
});

export const importResultSchema = importRunSchema.extend({
  /** The first rejected rows' errors (all of them in the rejected-rows workbook). */
  errors: z.array(rowErrorSchema),
});

export type ImportKind = z.infer<typeof importKindSchema>;
export type ImportOptions = z.input<typeof importOptionsSchema>;
export type RowError = z.infer<typeof rowErrorSchema>;
export type Converted = z.infer<typeof convertedSchema>;
export type ImportRun = z.infer<typeof importRunSchema>;
export type ImportResult = z.infer<typeof importResultSchema>;
