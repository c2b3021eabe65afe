/** Inputs and outputs of Party fees. Imports zod only. */
import { z } from 'zod';
import { isoDateSchema as isoDate } from '../../core/iso-date.ts';

const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');

export const feeCategorySchema = z.enum([
  'social_insurance',
  'si_benefit',
  'pension',
  'student',
  'abroad_mission',
  'abroad_other',
  'other_domestic',
]);

export const feeSettingInputSchema = z.object({
  category: feeCategorySchema,
  base: z.number().int().min(0).optional(),
  fixedAmount: z.number().int().min(0).optional(),
  exemption: z.enum(['social_pension', 'poor_household', 'severe_illness', 'hardship']).optional(),
  reductionPercent: z.union([z.literal(30), z.literal(50), z.literal(70)]).optional(),
});

export const paymentInputSchema = z.object({
  months: z.array(yearMonth).min(1).max(24),
  paidOn: isoDate,
});

export const feeMonthSchema = z.object({
  month: yearMonth,
  due: z.number().int(),
  exempt: z.boolean(),
  paid: z.number().int().nullable(),
  paidOn: isoDate.nullable(),
});

export const feeAccountSchema = z.object({
  memberId: z.number().int(),
  year: z.number().int(),
  setting: feeSettingInputSchema.nullable(),
  months: z.array(feeMonthSchema),
  warning: z.object({ vi: z.string(), en: z.string() }).nullable(),
});

export const arrearsSchema = z.object({
  org: z.string(),
  year: z.number().int(),
  asOfMonth: yearMonth,
  /** Members with 3 or more months unpaid in the year (first 2,000, in Vietnamese order). */
  results: z.array(
    z.object({
      id: z.number().int(),
      fullName: z.string(),
      cellCode: z.string(),
      unpaidMonths: z.number().int(),
    }),
  ),
  total: z.number().int(),
});

export type FeeSettingInput = z.infer<typeof feeSettingInputSchema>;
export type FeeAccount = z.infer<typeof feeAccountSchema>;
export type Arrears = z.infer<typeof arrearsSchema>;
