/**
 * The checks of the data-quality report on member records (chất lượng dữ liệu đảng viên), named
 * once for the server, the command line and the web app: the profile fields whose completeness is
 * measured, the kinds of suspected duplicates, and the date rules of
 * `member-rules/impossible-dates.ts`. Each check is also a list of records to fix, `kind` below.
 */
import { IMPOSSIBLE_DATE_RULES, type ImpossibleDateRule } from './member-rules/impossible-dates.ts';

export const QUALITY_FIELDS = [
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
  /** Only for members whose 12-month probation has ended. */
  'officialDate',
  /** The birth date known to the day (not only the month or the year). */
  'birthDateExact',
] as const;

/** The same folded name and birth date; the same card number once spaces, dots and dashes are removed. */
export const DUPLICATE_KINDS = ['nameBirth', 'cardNo'] as const;

export type QualityField = (typeof QUALITY_FIELDS)[number];
export type DuplicateKind = (typeof DUPLICATE_KINDS)[number];

/** One list of records to fix: a field left empty, a kind of duplicate, or a broken date rule. */
export type IssueKind =
  | `missing.${QualityField}`
  | `duplicate.${DuplicateKind}`
  | `date.${ImpossibleDateRule}`;

export const ISSUE_KINDS: readonly IssueKind[] = [
  ...QUALITY_FIELDS.map((field) => `missing.${field}` as const),
  ...DUPLICATE_KINDS.map((kind) => `duplicate.${kind}` as const),
  ...IMPOSSIBLE_DATE_RULES.map((rule) => `date.${rule}` as const),
];
