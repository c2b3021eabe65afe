/** Outputs of backup and restore. Imports zod only. */
import { z } from 'zod';

const auditStateSchema = z.object({
  intact: z.boolean(),
  entries: z.number().int(),
  lastHash: z.string(),
});

export const backupSummarySchema = z.object({
  kind: z.enum(['pglite', 'postgres']),
  file: z.string(),
  bytes: z.number().int(),
  audit: auditStateSchema,
});
export type BackupSummary = z.infer<typeof backupSummarySchema>;

export const restoreSummarySchema = backupSummarySchema.extend({
  /** Rows per table after the restore (tables with rows only). */
  rows: z.record(z.string(), z.number().int()),
});
export type RestoreSummary = z.infer<typeof restoreSummarySchema>;
