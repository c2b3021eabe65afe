/**
 * Inputs and outputs of the data-quality report (shared by the API, the CLI and the web app).
 * Imports zod and the names of the checks in core only.
 */
import { z } from 'zod';
import { isoDateSchema as isoDate } from '../../core/iso-date.ts';
import {
  DUPLICATE_KINDS,
  type DuplicateKind,
  ISSUE_KINDS,
  type IssueKind,
  QUALITY_FIELDS,
  type QualityField,
} from '../../core/member-quality-checks.ts';
import { IMPOSSIBLE_DATE_RULES, type ImpossibleDateRule } from '../../core/member-rules/impossible-dates.ts';

export type { DuplicateKind, ImpossibleDateRule, IssueKind, QualityField };

/** The profile fields a record to fix points at. */
export const FIELDS_TO_CORRECT = [
  'fullName',
  'birthDate',
  'admissionDate',
  'officialDate',
  'nationalId',
  'partyCardNo',
  'ethnicity',
  'religion',
  'birthPlace',
  'hometown',
  'education',
  'qualification',
  'theoryLevel',
  'occupation',
] as const;

export type FieldToCorrect = (typeof FIELDS_TO_CORRECT)[number];

export const issueKindSchema = z.enum(ISSUE_KINDS as [IssueKind, ...IssueKind[]]);

export const qualitySummarySchema = z.object({
  org: z.string(),
  orgName: z.string(),
  /** The day the report was computed for (probation ended, dates in the future). */
  asOf: isoDate,
  /** Current members of the subtree (active or in transit). */
  total: z.number().int(),
  completeness: z.array(
    z.object({
      field: z.enum(QUALITY_FIELDS),
      /** Members the field applies to (all, except the official date). */
      applicable: z.number().int(),
      filled: z.number().int(),
      /** filled ÷ applicable, 0–1 (1 when nobody is concerned). */
      share: z.number(),
    }),
  ),
  duplicates: z.array(
    z.object({
      kind: z.enum(DUPLICATE_KINDS),
      /** Members sharing their key with another member of the subtree. */
      records: z.number().int(),
      groups: z.number().int(),
    }),
  ),
  impossibleDates: z.array(z.object({ rule: z.enum(IMPOSSIBLE_DATE_RULES), records: z.number().int() })),
  /** Members breaking at least one date rule. */
  recordsWithImpossibleDates: z.number().int(),
});

export const issuesQuerySchema = z.object({
  org: z.string().min(1),
  kind: issueKindSchema,
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const qualityIssueSchema = z.object({
  memberId: z.number().int(),
  fullName: z.string(),
  birthDate: isoDate,
  admissionDate: isoDate,
  officialDate: isoDate.nullable(),
  cellCode: z.string(),
  cellName: z.string(),
  problem: issueKindSchema,
  /** The profile field to correct. */
  field: z.enum(FIELDS_TO_CORRECT),
  /** The other members of the subtree in the same duplicate group. */
  relatedIds: z.array(z.number().int()),
});

export const qualityIssuesSchema = z.object({
  org: z.string(),
  kind: issueKindSchema,
  /** Records of this kind in the subtree (all pages). */
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  results: z.array(qualityIssueSchema),
});

export type QualitySummary = z.infer<typeof qualitySummarySchema>;
export type IssuesQuery = z.input<typeof issuesQuerySchema>;
export type QualityIssue = z.infer<typeof qualityIssueSchema>;
export type QualityIssues = z.infer<typeof qualityIssuesSchema>;
