/** Inputs and outputs of the member registry (shared by the API, the CLI and the web app). Imports zod only. */
import { z } from 'zod';
import { isoDateSchema as isoDate } from '../../core/iso-date.ts';

export const sexSchema = z.enum(['male', 'female']);

/** The status in the contract: the standing of an active member, else what ended or suspended it. */
export const memberStatusSchema = z.enum([
  'probationary',
  'official',
  'in_transit',
  'removed',
  'expelled',
  'deceased',
]);

export const memberSearchResultSchema = z.object({
  id: z.number().int(),
  fullName: z.string(),
  birthDate: isoDate,
  sex: sexSchema,
  cellCode: z.string(),
  status: memberStatusSchema,
});

export const memberEventSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  date: isoDate,
  decisionRef: z.string().nullable(),
  actor: z.string(),
  details: z.record(z.string(), z.unknown()),
  recordedAt: z.string(),
});

export const transferSchema = z.object({
  id: z.number().int(),
  kind: z.enum(['official', 'temporary']),
  fromCellCode: z.string(),
  toCellCode: z.string(),
  introductionDate: isoDate,
  receivedDate: isoDate.nullable(),
  /** Last day to present the introduction to the new cell (30 working days). */
  presentBy: isoDate,
  decisionRef: z.string().nullable(),
});

export const memberProfileSchema = memberSearchResultSchema.extend({
  otherName: z.string().nullable(),
  birthDatePrecision: z.enum(['day', 'month', 'year']),
  birthPlace: z.string().nullable(),
  hometown: z.string().nullable(),
  ethnicity: z.string().nullable(),
  religion: z.string().nullable(),
  nationalId: z.string().nullable(),
  partyCardNo: z.string().nullable(),
  admissionDate: isoDate,
  officialDate: isoDate.nullable(),
  /** Date the probation ends (the member is official from then, once recognised). */
  probationEnd: isoDate,
  education: z.string().nullable(),
  qualification: z.string().nullable(),
  theoryLevel: z.string().nullable(),
  occupation: z.string().nullable(),
  cellName: z.string(),
  events: z.array(memberEventSchema),
  transfers: z.array(transferSchema),
  memberships: z.array(
    z.object({ cellCode: z.string(), cellName: z.string(), validFrom: isoDate, validTo: isoDate.nullable() }),
  ),
});

const optionalText = z.string().trim().min(1).max(300).optional();

export const addMemberInputSchema = z.object({
  fullName: z.string().trim().min(2).max(200),
  otherName: optionalText,
  birthDate: isoDate,
  birthDatePrecision: z.enum(['day', 'month', 'year']).optional(),
  sex: sexSchema,
  birthPlace: optionalText,
  hometown: optionalText,
  ethnicity: z.string().optional().meta({ description: 'code or name, e.g. 01 or Kinh' }),
  religion: z.string().optional(),
  nationalId: z
    .string()
    .regex(/^[0-9]{12}$/, '12 digits')
    .optional(),
  partyCardNo: z.string().trim().min(1).max(40).optional(),
  admissionDate: isoDate,
  officialDate: isoDate.optional(),
  education: z.string().optional(),
  qualification: optionalText,
  theoryLevel: z.string().optional(),
  occupation: optionalText,
  cellCode: z.string().min(1),
  decisionRef: optionalText,
});

const eventBase = { date: isoDate, decisionRef: optionalText };

export const recognizeInputSchema = z.object({ ...eventBase });
export const transferOutInputSchema = z.object({
  ...eventBase,
  toCellCode: z.string().min(1),
  kind: z.enum(['official', 'temporary']).default('official'),
});
export const transferReceiveInputSchema = z.object({ ...eventBase });
export const leaveInputSchema = z.object({
  ...eventBase,
  kind: z.enum(['removal', 'expulsion', 'resignation', 'death', 'not_recognised']),
  reason: optionalText,
});

export const ageBandSchema = z.object({
  '<=30': z.number(),
  '31-40': z.number(),
  '41-50': z.number(),
  '51-60': z.number(),
  '>60': z.number(),
});

export const statsSchema = z.object({
  org: z.string(),
  asOf: isoDate,
  total: z.number().int(),
  official: z.number().int(),
  probationary: z.number().int(),
  inTransit: z.number().int(),
  bySex: z.object({ male: z.number().int(), female: z.number().int() }),
  byAgeBand: ageBandSchema,
  byEthnicity: z.record(z.string(), z.number().int()),
  byReligion: z.record(z.string(), z.number().int()),
  byEducation: z.record(z.string(), z.number().int()),
  byTheoryLevel: z.record(z.string(), z.number().int()),
  byYearsOfMembership: z.record(z.string(), z.number().int()),
  admittedThisYear: z.number().int(),
  /** admitted in the year ÷ members at the start of the year. */
  admissionRate: z.number(),
  admissionTarget: z.object({ min: z.number(), max: z.number() }),
  /** `rollup`: kept counts (current date); `registry`: computed from the intervals (past dates). */
  source: z.enum(['rollup', 'registry']),
});

/** A year of a unit's series: its members on 31/12 (today for the current year) and its admissions. */
export const statsSeriesPointSchema = z.object({
  year: z.number().int(),
  asOf: isoDate,
  total: z.number().int(),
  official: z.number().int(),
  probationary: z.number().int(),
  /** Members admitted in the unit during the year (those who left since included). */
  admitted: z.number().int(),
  /** Members on 31/12 of the year before. */
  membersAtStart: z.number().int(),
  /** admitted ÷ membersAtStart. */
  admissionRate: z.number(),
  admissionTarget: z.object({ min: z.number(), max: z.number() }),
});

export const statsSeriesSchema = z.object({
  org: z.string(),
  from: z.number().int(),
  to: z.number().int(),
  points: z.array(statsSeriesPointSchema),
});

export const dueRecognitionSchema = z.object({
  id: z.number().int(),
  fullName: z.string(),
  cellCode: z.string(),
  admissionDate: isoDate,
  probationEnd: isoDate,
  reviewDeadline: isoDate,
  status: z.enum(['due_soon', 'awaiting_review', 'overdue']),
});

export type MemberSearchResult = z.infer<typeof memberSearchResultSchema>;
export type MemberProfile = z.infer<typeof memberProfileSchema>;
export type AddMemberInput = z.infer<typeof addMemberInputSchema>;
export type TransferOutInput = z.input<typeof transferOutInputSchema>;
export type LeaveInput = z.infer<typeof leaveInputSchema>;
export type MemberStats = z.infer<typeof statsSchema>;
export type MemberStatsSeries = z.infer<typeof statsSeriesSchema>;
export type DueRecognition = z.infer<typeof dueRecognitionSchema>;

export const badgeDueSchema = z.object({
  id: z.number().int(),
  fullName: z.string(),
  cellCode: z.string(),
  admissionDate: isoDate,
  milestone: z.number().int(),
  reachedOn: isoDate,
  /** Lower milestones never awarded, for the committee to decide. */
  missed: z.array(z.number().int()),
});

export const awardBadgeInputSchema = z.object({
  years: z.number().int(),
  date: isoDate,
  decisionRef: optionalText,
});

export type BadgeDue = z.infer<typeof badgeDueSchema>;

export const transferInTransitSchema = transferSchema.extend({
  memberId: z.number().int(),
  fullName: z.string(),
  /** Past the 30 working days to present the introduction to the new cell. */
  overdue: z.boolean(),
});

export type TransferInTransit = z.infer<typeof transferInTransitSchema>;
