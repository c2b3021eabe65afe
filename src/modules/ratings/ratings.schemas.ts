/** Inputs and outputs of the annual quality rating. Imports zod only. */
import { z } from 'zod';
import { isoDateSchema as isoDate } from '../../core/iso-date.ts';

export const qualityLevelSchema = z.enum(['excellent', 'good', 'completed', 'not_completed']);

export const rateInputSchema = z.object({
  year: z.number().int().min(1930).max(2100),
  /** From the 2025 rating year: the 100-point score decides the level. */
  score: z.number().min(0).max(100).optional(),
  /** Before 2025: the level chosen directly. */
  level: qualityLevelSchema.optional(),
  date: isoDate,
  decisionRef: z.string().trim().min(1).max(120).optional(),
});

export const ratingSchema = z.object({
  memberId: z.number().int(),
  year: z.number().int(),
  score: z.number().nullable(),
  level: qualityLevelSchema.nullable(),
  exemption: z.object({ code: z.string(), vi: z.string(), en: z.string() }).nullable(),
  date: isoDate,
});

export const ratingSummarySchema = z.object({
  org: z.string(),
  year: z.number().int(),
  members: z.number().int(),
  byLevel: z.record(qualityLevelSchema, z.number().int()),
  exempt: z.number().int(),
  notRatedYet: z.number().int(),
});

export type RateInput = z.infer<typeof rateInputSchema>;
export type Rating = z.infer<typeof ratingSchema>;
export type RatingSummary = z.infer<typeof ratingSummarySchema>;
