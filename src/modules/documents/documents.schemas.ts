/** Inputs and outputs of the document register, its search, questions and tasks. */
import { z } from 'zod';
import { DOC_FIELD_KEYS, DOC_KINDS } from '../../core/doc-numbers.ts';
import { DOC_RELATION_KINDS, DOC_STATUSES } from '../../core/doc-status.ts';
import { isoDateSchema as isoDate } from '../../core/iso-date.ts';

export const docStatusSchema = z.enum(DOC_STATUSES);
export const docRelationKindSchema = z.enum(DOC_RELATION_KINDS);
export const docFieldSchema = z.enum(DOC_FIELD_KEYS);
export const docKindSchema = z.enum(DOC_KINDS);

export const createDocumentInputSchema = z.object({
  /** `26-NQ/TW`, or only the type and sequence with `issuer` (the sequence may be suggested). */
  number: z.string().trim().min(1).max(60).optional(),
  /** The abbreviation in numbers: NQ, QĐ, CT, KL, HD, KH … */
  type: z.string().trim().min(1).max(10).optional(),
  /** Quy định or Quyết định when the type is QĐ (default: read from the text, else decision). */
  kind: docKindSchema.optional(),
  seq: z.number().int().positive().optional(),
  /** The suffix as written in numbers (TW, BTCTW, TU …) or a unit code. */
  issuer: z.string().trim().min(1).max(60).optional(),
  term: z.number().int().min(1).max(30).optional(),
  signedDate: isoDate,
  effectiveDate: isoDate.optional(),
  expiresDate: isoDate.optional(),
  title: z.string().trim().min(3).max(1000),
  fields: z.array(docFieldSchema).max(6).default([]),
  /** Plain text, one paragraph per line; its structure is detected. */
  text: z.string().max(2_000_000).default(''),
});

export const provisionInputSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/),
  parentId: z.string().nullable(),
  kind: z.enum(['preamble', 'part', 'chapter', 'section', 'article', 'clause', 'point']),
  num: z.string().nullable(),
  heading: z.string().nullable(),
  text: z.string(),
});

export const relateInputSchema = z.object({
  kind: docRelationKindSchema,
  /** The other (older) document's number. */
  target: z.string().trim().min(1).max(60),
  /** The provisions of the target amended (stable ids). */
  provisions: z.array(z.string().regex(/^[a-z0-9_]+$/)).default([]),
  /** When the relation takes effect; default the newer document's effective date. */
  date: isoDate.optional(),
});

export const searchInputSchema = z.object({
  q: z.string().trim().max(300).default(''),
  type: z.string().trim().max(10).optional(),
  kind: docKindSchema.optional(),
  status: docStatusSchema.optional(),
  field: docFieldSchema.optional(),
  issuer: z.string().trim().max(60).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});

export const issuerSchema = z.object({
  suffix: z.string(),
  name: z.string(),
  unitCode: z.string().nullable(),
});

export const documentSummarySchema = z.object({
  id: z.number().int(),
  number: z.string(),
  type: z.string(),
  kind: z.string(),
  title: z.string(),
  status: docStatusSchema,
  signedDate: isoDate,
  effectiveDate: isoDate,
  issuer: issuerSchema,
  term: z.number().int(),
  fields: z.array(z.string()),
});

export const searchResultSchema = documentSummarySchema.extend({
  /** The stable id of the provision the text matched (null: the title or the number). */
  provision: z.string().nullable(),
  /** The matching passage, matched words in <b>…</b>. */
  excerpt: z.string().nullable(),
});

export const guidanceSchema = z.object({
  questionId: z.number().int(),
  question: z.string(),
  answer: z.string(),
  answeredDate: isoDate,
});

export const provisionSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  kind: z.string(),
  num: z.string().nullable(),
  heading: z.string().nullable(),
  text: z.string(),
  citation: z.string(),
  questions: z.number().int(),
  guidance: z.array(guidanceSchema),
});

export const relationSchema = z.object({
  /** outgoing: this document replaces/amends … the other; incoming: the other one does it to this. */
  direction: z.enum(['outgoing', 'incoming']),
  kind: docRelationKindSchema,
  document: z.object({
    id: z.number().int(),
    number: z.string(),
    title: z.string(),
    status: docStatusSchema,
  }),
  provisions: z.array(z.string()),
  effectiveDate: isoDate,
  authorityWarning: z.boolean(),
});

export const chainLinkSchema = z.object({
  id: z.number().int(),
  number: z.string(),
  title: z.string(),
  signedDate: isoDate,
  status: docStatusSchema,
});

export const taskSchema = z.object({
  id: z.number().int(),
  documentId: z.number().int(),
  documentNumber: z.string(),
  provision: z.string().nullable(),
  unitCode: z.string(),
  unitName: z.string(),
  title: z.string(),
  dueDate: isoDate,
  progress: z.number().int(),
  report: z.string().nullable(),
  evidence: z.string().nullable(),
  doneDate: isoDate.nullable(),
  overdue: z.boolean(),
});

export const documentDetailSchema = documentSummarySchema.extend({
  expiresDate: isoDate.nullable(),
  reviewedDate: isoDate.nullable(),
  relations: z.array(relationSchema),
  /** Replacement generations, oldest first, this document among them. */
  chain: z.array(z.array(chainLinkSchema)),
  provisions: z.array(provisionSchema),
  tasks: z.array(taskSchema),
  /** Share of this document's tasks done, 0–100 (null: no tasks). */
  implementation: z.number().int().nullable(),
});

export const warningSchema = z.object({ code: z.string(), vi: z.string(), en: z.string() });

export const relateResultSchema = z.object({
  document: documentDetailSchema,
  warnings: z.array(warningSchema),
});

export const nextNumberSchema = z.object({
  number: z.string(),
  seq: z.number().int(),
  term: z.number().int(),
});

export const statsRowSchema = z.object({ key: z.string(), n: z.number().int() });
export const documentStatsSchema = z.object({
  total: z.number().int(),
  byField: z.array(statsRowSchema),
  byType: z.array(statsRowSchema),
  byIssuer: z.array(statsRowSchema),
  byTerm: z.array(statsRowSchema),
  byStatus: z.array(statsRowSchema),
});

export const reviewDueSchema = z.object({
  years: z.number().int(),
  before: isoDate,
  results: z.array(documentSummarySchema.extend({ lastReviewDate: isoDate })),
});

export const createQuestionInputSchema = z.object({
  /** Unit code of the sender, or the sender's name when not a unit of the tree. */
  sender: z.string().trim().min(1).max(200),
  receivedDate: isoDate,
  text: z.string().trim().min(5).max(20_000),
  officer: z.string().trim().max(200).optional(),
  dueDate: isoDate.optional(),
  /** Confirmed targets; when absent, the suggested ones are used. */
  targets: z
    .array(z.object({ number: z.string().trim().min(1), provision: z.string().nullable().default(null) }))
    .optional(),
});

export const answerQuestionInputSchema = z.object({
  answer: z.string().trim().min(2).max(20_000),
  answeredDate: isoDate,
  publish: z.boolean().default(false),
});

export const questionTargetSchema = z.object({
  documentId: z.number().int(),
  number: z.string(),
  title: z.string(),
  provision: z.string().nullable(),
  citation: z.string().nullable(),
});

export const questionSchema = z.object({
  id: z.number().int(),
  sender: z.string(),
  senderUnitCode: z.string().nullable(),
  receivedDate: isoDate,
  text: z.string(),
  officer: z.string().nullable(),
  dueDate: isoDate.nullable(),
  answer: z.string().nullable(),
  answeredDate: isoDate.nullable(),
  published: z.boolean(),
  status: z.enum(['open', 'answered']),
  overdue: z.boolean(),
  targets: z.array(questionTargetSchema),
});

export const hotspotSchema = z.object({
  documentId: z.number().int(),
  number: z.string(),
  title: z.string(),
  provision: z.string().nullable(),
  citation: z.string().nullable(),
  questions: z.number().int(),
  questionIds: z.array(z.number().int()),
});

export const hotspotsInputSchema = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const createTaskInputSchema = z.object({
  provision: z
    .string()
    .regex(/^[a-z0-9_]+$/)
    .optional(),
  unitCode: z.string().trim().min(1),
  title: z.string().trim().min(3).max(1000),
  dueDate: isoDate,
});

export const taskProgressInputSchema = z.object({
  progress: z.number().int().min(0).max(100),
  report: z.string().trim().max(10_000).optional(),
  evidence: z.string().trim().max(2_000).optional(),
  date: isoDate,
});

export type CreateDocumentInput = z.input<typeof createDocumentInputSchema>;
export type ProvisionInput = z.infer<typeof provisionInputSchema>;
export type RelateInput = z.input<typeof relateInputSchema>;
export type SearchInput = z.input<typeof searchInputSchema>;
export type DocumentSummary = z.infer<typeof documentSummarySchema>;
export type SearchResult = z.infer<typeof searchResultSchema>;
export type DocumentDetail = z.infer<typeof documentDetailSchema>;
export type Provision = z.infer<typeof provisionSchema>;
export type Relation = z.infer<typeof relationSchema>;
export type ChainLink = z.infer<typeof chainLinkSchema>;
export type RelateResult = z.infer<typeof relateResultSchema>;
export type NextNumber = z.infer<typeof nextNumberSchema>;
export type DocumentStats = z.infer<typeof documentStatsSchema>;
export type ReviewDue = z.infer<typeof reviewDueSchema>;
export type CreateQuestionInput = z.input<typeof createQuestionInputSchema>;
export type AnswerQuestionInput = z.input<typeof answerQuestionInputSchema>;
export type Question = z.infer<typeof questionSchema>;
export type QuestionTarget = z.infer<typeof questionTargetSchema>;
export type Hotspot = z.infer<typeof hotspotSchema>;
export type HotspotsInput = z.input<typeof hotspotsInputSchema>;
export type CreateTaskInput = z.input<typeof createTaskInputSchema>;
export type TaskProgressInput = z.input<typeof taskProgressInputSchema>;
export type Task = z.infer<typeof taskSchema>;
export type Warning = z.infer<typeof warningSchema>;
