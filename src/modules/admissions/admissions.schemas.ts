/** Inputs and outputs of the admission pipeline (candidates as a work queue). Imports zod only. */
import { z } from 'zod';
import { isoDateSchema as isoDate } from '../../core/iso-date.ts';

export const admissionStepSchema = z.enum([
  'awareness_class',
  'application',
  'cell_resolution',
  'decision',
  'ceremony',
]);

export const createCandidateInputSchema = z.object({
  cellCode: z.string().min(1),
  fullName: z.string().trim().min(2).max(200),
  birthDate: isoDate,
  sex: z.enum(['male', 'female']),
  nationalId: z
    .string()
    .regex(/^[0-9]{12}$/, '12 digits')
    .optional(),
  youthUnionMember: z.boolean().optional(),
});

export const recordStepInputSchema = z.object({
  step: admissionStepSchema,
  date: isoDate,
  decisionRef: z.string().trim().min(1).max(120).optional(),
});

export const addIntroducerInputSchema = z.object({
  memberId: z.number().int().positive(),
  knownSince: isoDate,
});

export const candidateSchema = z.object({
  id: z.number().int(),
  cellCode: z.string(),
  fullName: z.string(),
  birthDate: isoDate,
  sex: z.enum(['male', 'female']),
  youthUnionMember: z.boolean(),
  steps: z.partialRecord(admissionStepSchema, isoDate),
  decisionRef: z.string().nullable(),
  introducers: z.array(z.object({ memberId: z.number().int(), fullName: z.string(), knownSince: isoDate })),
  nextStep: admissionStepSchema.nullable(),
  memberId: z.number().int().nullable(),
  warnings: z.array(z.object({ code: z.string(), vi: z.string(), en: z.string() })),
});

export type CreateCandidateInput = z.infer<typeof createCandidateInputSchema>;
export type RecordStepInput = z.infer<typeof recordStepInputSchema>;
export type Candidate = z.infer<typeof candidateSchema>;
