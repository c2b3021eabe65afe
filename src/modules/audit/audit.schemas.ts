/** Inputs and outputs of the audit log. Imports zod only. */
import { z } from 'zod';
import { isoDateSchema as isoDate } from '../../core/iso-date.ts';

export const auditFilterSchema = z.object({
  /** `user:lan`, or just `lan` (any kind of actor with that name). */
  actor: z.string().min(1).max(200).optional(),
  /** An action (`member.profile_read`) or a prefix of whole words (`member`). */
  action: z
    .string()
    .regex(/^[a-z0-9_]+(\.[a-z0-9_]+)*$/, 'module.use_case')
    .max(100)
    .optional(),
  entity: z.string().min(1).max(50).optional(),
  /** With `entity`: entries naming this record. */
  recordId: z.string().min(1).max(50).optional(),
  /** Days in Vietnam time, both included. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** Keyset: entries older than this id (the `next` of the previous page). */
  before: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(500).optional(),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  ip: z.string().nullable(),
  action: z.string(),
  entity: z.string().nullable(),
  ids: z.array(z.string()),
  details: z.record(z.string(), z.unknown()).nullable(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  /** Pass as `before` for the next (older) page; null on the last page. */
  next: z.number().int().nullable(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

export const brokenLinkSchema = z.object({
  id: z.string(),
  reason: z.enum(['hash', 'link']),
  expected: z.string(),
  found: z.string(),
});

export const auditVerificationSchema = z.object({
  intact: z.boolean(),
  /** Entries checked before the first broken link (all of them when intact). */
  checked: z.number().int(),
  /** Hash of the last entry checked: note it down to detect a later truncation of the tail. */
  lastHash: z.string(),
  broken: brokenLinkSchema.nullable(),
});
export type AuditVerification = z.infer<typeof auditVerificationSchema>;
