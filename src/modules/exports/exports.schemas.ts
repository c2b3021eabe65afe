/** Inputs of the exports (shared by the API, the CLI and the web app). Imports zod only. */
import { z } from 'zod';
import { isoDateSchema as isoDate } from '../../core/iso-date.ts';

export const memberFileFormatSchema = z.enum(['xlsx', 'csv']);
export const reportFormatSchema = z.enum(['xlsx', 'docx']);

/** The filters of the member list (`GET /members`), plus a past date and the file format. */
export const memberExportQuerySchema = z.object({
  format: memberFileFormatSchema,
  q: z
    .string()
    .max(200)
    .optional()
    .meta({ description: 'name (without diacritics), national ID or card number' }),
  org: z.string().min(1).optional().meta({ description: 'the subtree of this unit; every unit when absent' }),
  asOf: isoDate.optional().meta({ description: 'members of the cells on this date (default: today)' }),
  status: z
    .enum(['probationary', 'official', 'in_transit', 'removed', 'expelled', 'deceased'])
    .optional()
    .meta({ description: 'default: current members (official, probationary, in transit)' }),
  sex: z.enum(['male', 'female']).optional(),
  ethnicity: z.string().optional(),
  religion: z.string().optional(),
  education: z.string().optional(),
  theoryLevel: z.string().optional(),
  ageBand: z.enum(['<=30', '31-40', '41-50', '51-60', '>60']).optional(),
  minYears: z.coerce.number().int().min(0).max(100).optional(),
  maxYears: z.coerce.number().int().min(0).max(100).optional(),
});

export const reportQuerySchema = z.object({
  format: reportFormatSchema,
  org: z.string().min(1),
  asOf: isoDate.optional(),
});

export type MemberFileFormat = z.infer<typeof memberFileFormatSchema>;
export type ReportFormat = z.infer<typeof reportFormatSchema>;
export type MemberExportQuery = z.infer<typeof memberExportQuerySchema>;
export type ReportQuery = z.input<typeof reportQuerySchema>;
