/**
 * Inputs and outputs of the organization tree (shared by the API, the CLI and the web app).
 * Imports zod only.
 */
import { z } from 'zod';

export const orgKindSchema = z.enum([
  'central',
  'province',
  'intermediate',
  'grassroots_committee',
  'grassroots_cell',
  'cell',
]);

export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .meta({ description: 'Calendar date, YYYY-MM-DD', example: '2025-07-01' });

export const orgCodeSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, . _ -')
  .meta({ description: 'Stable unit code, what users type', example: 'HN.BD.001' });

const nameSchema = z.string().trim().min(1).max(300);
const decisionRefSchema = z.string().trim().min(1).max(120).optional().meta({ example: '123-QĐ/TU' });

export const orgRefSchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: orgKindSchema,
});

export interface OrgNode {
  code: string;
  name: string;
  kind: z.infer<typeof orgKindSchema>;
  children: OrgNode[];
}

export const orgNodeSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    kind: orgKindSchema,
    get children(): z.ZodArray<z.ZodType<OrgNode>> {
      return z.array(orgNodeSchema);
    },
  })
  .meta({ id: 'OrgNode' });

export const orgTreeSchema = z.object({ asOf: isoDateSchema, root: orgNodeSchema });

export const orgSummarySchema = orgRefSchema.extend({
  parentCode: z.string().nullable(),
  validFrom: isoDateSchema,
  childCount: z.number().int(),
});

export const orgSearchResultSchema = orgRefSchema.extend({
  /** Names of the ancestors, root first, to tell apart units with the same name. */
  ancestors: z.array(z.string()),
  validFrom: isoDateSchema,
});

export const sizeWarningSchema = z.object({ code: z.string(), vi: z.string(), en: z.string() });

export const countsByKindSchema = z.record(orgKindSchema, z.number().int());

export const orgDetailSchema = orgRefSchema.extend({
  asOf: isoDateSchema,
  validFrom: isoDateSchema,
  validTo: isoDateSchema.nullable(),
  parent: orgRefSchema.nullable(),
  ancestors: z.array(orgRefSchema),
  childCount: z.number().int(),
  /** Units in the subtree (the unit itself included), by kind. */
  countsByKind: countsByKindSchema,
  warnings: z.array(sizeWarningSchema),
});

export const operationKindSchema = z.enum(['create', 'rename', 'move', 'merge', 'split', 'dissolve', 'seed']);

export const orgVersionSchema = z.object({
  validFrom: isoDateSchema,
  validTo: isoDateSchema.nullable(),
  name: z.string(),
  kind: orgKindSchema,
  parentCode: z.string().nullable(),
  operationId: z.number().int(),
});

export const orgOperationSchema = z.object({
  id: z.number().int(),
  kind: operationKindSchema,
  date: isoDateSchema,
  decisionRef: z.string().nullable(),
  actor: z.string(),
  recordedAt: z.string(),
  summary: z.record(z.string(), z.unknown()),
});

export const lineageLinkSchema = orgRefSchema.extend({
  relation: z.enum(['merged_into', 'split_into']),
  date: isoDateSchema,
  operationId: z.number().int(),
});

export const orgHistorySchema = z.object({
  code: z.string(),
  versions: z.array(orgVersionSchema),
  operations: z.array(orgOperationSchema),
  lineage: z.object({
    /** Units this one came from (merged into it, or split from). */
    predecessors: z.array(lineageLinkSchema),
    /** Units this one became. */
    successors: z.array(lineageLinkSchema),
  }),
});

const operationBase = {
  date: isoDateSchema,
  decisionRef: decisionRefSchema,
};

export const createOrgInputSchema = z.object({
  code: orgCodeSchema,
  name: nameSchema,
  kind: orgKindSchema,
  parentCode: orgCodeSchema.optional(),
  ...operationBase,
});

export const renameOrgInputSchema = z.object({ code: orgCodeSchema, name: nameSchema, ...operationBase });

export const moveOrgInputSchema = z.object({
  code: orgCodeSchema,
  toParentCode: orgCodeSchema,
  ...operationBase,
});

export const mergeOrgInputSchema = z.object({
  fromCodes: z.array(orgCodeSchema).min(1),
  intoCode: orgCodeSchema,
  /** Required when `intoCode` is a new unit. */
  name: nameSchema.optional(),
  /** Required when `intoCode` is new, or when the merged units are of different kinds. */
  kind: orgKindSchema.optional(),
  /** Parent of a new unit; by default the common parent of the merged units. */
  parentCode: orgCodeSchema.optional(),
  ...operationBase,
});

export const splitOrgInputSchema = z.object({
  code: orgCodeSchema,
  into: z.array(z.object({ code: orgCodeSchema, name: nameSchema })).min(2),
  /** child code → code of the new unit it goes to; every child must be assigned. */
  assign: z.record(z.string(), orgCodeSchema),
  ...operationBase,
});

export const dissolveOrgInputSchema = z.object({ code: orgCodeSchema, ...operationBase });

export const movedUnitSchema = z.object({
  code: z.string(),
  name: z.string(),
  fromParentCode: z.string().nullable(),
  toParentCode: z.string().nullable(),
});

export const operationResultSchema = z.object({
  /** False for a preview: the effect was computed and rolled back. */
  applied: z.boolean(),
  operationId: z.number().int().nullable(),
  kind: operationKindSchema,
  date: isoDateSchema,
  decisionRef: z.string().nullable(),
  created: z.array(orgRefSchema),
  closed: z.array(orgRefSchema),
  renamed: z.array(z.object({ code: z.string(), from: z.string(), to: z.string() })),
  /** Units given a new parent directly by the operation. */
  movedUnits: z.array(movedUnitSchema),
  /** All units that received a new version (the moved units and their whole subtrees). */
  unitsAffected: z.number().int(),
  /** Members whose cell changed (0 until the member registry exists). */
  membersMoved: z.number().int(),
});

export type OrgKindValue = z.infer<typeof orgKindSchema>;
export type OrgTree = z.infer<typeof orgTreeSchema>;
export type OrgSummary = z.infer<typeof orgSummarySchema>;
export type OrgSearchResult = z.infer<typeof orgSearchResultSchema>;
export type OrgDetail = z.infer<typeof orgDetailSchema>;
export type OrgHistory = z.infer<typeof orgHistorySchema>;
export type CreateOrgInput = z.infer<typeof createOrgInputSchema>;
export type RenameOrgInput = z.infer<typeof renameOrgInputSchema>;
export type MoveOrgInput = z.infer<typeof moveOrgInputSchema>;
export type MergeOrgInput = z.infer<typeof mergeOrgInputSchema>;
export type SplitOrgInput = z.infer<typeof splitOrgInputSchema>;
export type DissolveOrgInput = z.infer<typeof dissolveOrgInputSchema>;
export type OperationResult = z.infer<typeof operationResultSchema>;
