/** Row types of the tables, as Kysely sees them (kept in step with migrations/). */
import type { ColumnType, Generated } from 'kysely';

/** `date` columns travel as ISO strings (`YYYY-MM-DD`). */
type DateColumn = string;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface OrgOperationTable {
  id: Generated<number>;
  kind: 'create' | 'rename' | 'move' | 'merge' | 'split' | 'dissolve' | 'seed';
  effective_date: DateColumn;
  decision_ref: string | null;
  actor: string;
  summary: ColumnType<unknown, string | undefined, string>;
  recorded_at: Timestamp;
}

export interface OrgUnitTable {
  id: Generated<number>;
  code: string;
}

export interface OrgUnitVersionTable {
  id: Generated<number>;
  unit_id: number;
  valid_from: DateColumn;
  valid_to: DateColumn | null;
  parent_id: number | null;
  name: string;
  kind: string;
  path: string;
  top_id: number | null;
  op_id: number;
  closed_by_op: number | null;
}

export interface OrgLineageTable {
  op_id: number;
  predecessor_id: number;
  successor_id: number;
  relation: 'merged_into' | 'split_into';
  effective_date: DateColumn;
}

export interface DB {
  org_operation: OrgOperationTable;
  org_unit: OrgUnitTable;
  org_unit_version: OrgUnitVersionTable;
  org_lineage: OrgLineageTable;
  member: MemberTable;
  membership: MembershipTable;
  member_event: MemberEventTable;
  member_transfer: MemberTransferTable;
  ref_ethnicity: RefTable;
  ref_religion: RefTable;
  ref_education: RefTable;
  ref_theory_level: RefTable;
  member_stat_cell: MemberStatCellTable;
  member_stat_cell_top: MemberStatCellTopTable;
  member_stat_top: MemberStatTopTable;
  admission_target: AdmissionTargetTable;
  member_badge: MemberBadgeTable;
  admission_candidate: AdmissionCandidateTable;
  admission_introducer: AdmissionIntroducerTable;
  member_fee_setting: MemberFeeSettingTable;
  member_fee_payment: MemberFeePaymentTable;
  member_rating: MemberRatingTable;
  doc_issuer: DocIssuerTable;
  document: DocumentTable;
  document_provision: DocumentProvisionTable;
  document_relation: DocumentRelationTable;
  doc_question: DocQuestionTable;
  doc_question_target: DocQuestionTargetTable;
  doc_task: DocTaskTable;
  audit_log: AuditLogTable;
  import_run: ImportRunTable;
  import_rejected_row: ImportRejectedRowTable;
}

export interface MemberTable {
  id: Generated<number>;
  full_name: string;
  other_name: string | null;
  /** vn_fold(full_name), stored for search. */
  name_folded: ColumnType<string, never, never>;
  sort_key: string;
  sex: 'male' | 'female';
  birth_date: DateColumn;
  birth_date_precision: ColumnType<'day' | 'month' | 'year', 'day' | 'month' | 'year' | undefined>;
  birth_place: string | null;
  hometown: string | null;
  ethnicity: string | null;
  religion: string | null;
  national_id: string | null;
  party_card_no: string | null;
  admission_date: DateColumn;
  official_date: DateColumn | null;
  education: string | null;
  qualification: string | null;
  theory_level: string | null;
  occupation: string | null;
  standing: 'probationary' | 'official';
  state: ColumnType<MemberState, MemberState | undefined>;
  cell_id: number;
  exempt_since: ColumnType<DateColumn | null, DateColumn | null | undefined, DateColumn | null>;
  created_at: Timestamp;
}

export type MemberState = 'active' | 'in_transit' | 'removed' | 'expelled' | 'resigned' | 'deceased';

export interface MembershipTable {
  id: Generated<number>;
  member_id: number;
  cell_id: number;
  valid_from: DateColumn;
  valid_to: DateColumn | null;
}

export interface MemberEventTable {
  id: Generated<number>;
  member_id: number;
  kind: string;
  event_date: DateColumn;
  decision_ref: string | null;
  actor: string;
  details: ColumnType<unknown, string | undefined, string>;
  recorded_at: Timestamp;
}

export interface MemberTransferTable {
  id: Generated<number>;
  member_id: number;
  kind: 'official' | 'temporary';
  from_cell_id: number;
  to_cell_id: number;
  introduction_date: DateColumn;
  received_date: DateColumn | null;
  decision_ref: string | null;
}

export interface RefTable {
  code: string;
  name: string;
  sort: number;
}

export interface MemberStatCellTable {
  cell_id: number;
  dim: string;
  value: string;
  n: number;
}

export interface MemberStatCellTopTable {
  cell_id: number;
  top_id: number | null;
}

export interface MemberStatTopTable {
  top_id: number;
  dim: string;
  value: string;
  n: number;
}

export interface AdmissionTargetTable {
  year: number;
  min_rate: string;
  max_rate: string;
}

export interface MemberBadgeTable {
  member_id: number;
  years: number;
  awarded_on: DateColumn;
  decision_ref: string | null;
}

export interface AdmissionCandidateTable {
  id: Generated<number>;
  cell_id: number;
  full_name: string;
  sort_key: string;
  birth_date: DateColumn;
  sex: 'male' | 'female';
  national_id: string | null;
  youth_union_member: ColumnType<boolean, boolean | undefined, boolean>;
  awareness_class_date: DateColumn | null;
  application_date: DateColumn | null;
  cell_resolution_date: DateColumn | null;
  decision_date: DateColumn | null;
  decision_ref: string | null;
  ceremony_date: DateColumn | null;
  member_id: number | null;
  withdrawn_on: DateColumn | null;
  created_by: string;
  created_at: Timestamp;
}

export interface AdmissionIntroducerTable {
  candidate_id: number;
  member_id: number;
  known_since: DateColumn;
}

export interface MemberFeeSettingTable {
  member_id: number;
  category: string;
  base: number | null;
  fixed_amount: number | null;
  exemption: string | null;
  reduction_percent: number | null;
  updated_at: Timestamp;
}

export interface MemberFeePaymentTable {
  member_id: number;
  month: string;
  amount: number;
  paid_on: DateColumn;
  recorded_by: string;
}

export interface MemberRatingTable {
  member_id: number;
  year: number;
  score: string | null;
  level: string | null;
  exemption: string | null;
  decided_on: DateColumn;
  decision_ref: string | null;
  recorded_by: string;
}

/** Append-only; id, at, actor, prev_hash and hash are set by the chaining trigger. */
export interface AuditLogTable {
  id: ColumnType<number, never, never>;
  at: ColumnType<Date, never, never>;
  actor: ColumnType<string, never, never>;
  ip: string | null;
  action: string;
  entity: string | null;
  ids: ColumnType<string[], string[] | undefined, never>;
  details: ColumnType<unknown, string | null | undefined, never>;
  prev_hash: ColumnType<string, never, never>;
  hash: ColumnType<string, never, never>;
}

export interface DocIssuerTable {
  id: Generated<number>;
  suffix: string;
  name: string;
  unit_id: number | null;
  parent_id: number | null;
}

export interface DocumentTable {
  id: Generated<number>;
  kind: string;
  type_code: string;
  seq: number;
  qualifier: string | null;
  number: string;
  issuer_id: number;
  term: number;
  signed_on: DateColumn;
  effective_on: DateColumn;
  expires_on: DateColumn | null;
  title: string;
  fields: string[];
  reviewed_on: DateColumn | null;
  replaced_on: DateColumn | null;
  repealed_on: DateColumn | null;
  amended_on: DateColumn | null;
  search: ColumnType<string, never, never>;
  created_by: string;
  created_at: Timestamp;
}

export interface DocumentProvisionTable {
  document_id: number;
  eid: string;
  parent_eid: string | null;
  kind: string;
  num: string | null;
  heading: string | null;
  body: string;
  ordinal: number;
  search: ColumnType<string, never, never>;
}

export interface DocumentRelationTable {
  from_id: number;
  kind: string;
  to_id: number;
  provisions: string[];
  effective_on: DateColumn;
  authority_warning: boolean;
  created_by: string;
  created_at: Timestamp;
}

export interface DocQuestionTable {
  id: Generated<number>;
  sender_unit_id: number | null;
  sender_name: string;
  received_on: DateColumn;
  body: string;
  officer: string | null;
  due_on: DateColumn | null;
  answer: string | null;
  answered_on: DateColumn | null;
  published: Generated<boolean>;
  status: Generated<'open' | 'answered'>;
  created_by: string;
  created_at: Timestamp;
}

export interface DocQuestionTargetTable {
  question_id: number;
  document_id: number;
  eid: string;
}

export interface DocTaskTable {
  id: Generated<number>;
  document_id: number;
  eid: string;
  unit_id: number;
  title: string;
  due_on: DateColumn;
  progress: Generated<number>;
  report: string | null;
  evidence: string | null;
  done_on: DateColumn | null;
  created_by: string;
  created_at: Timestamp;
}

export interface ImportRunTable {
  id: Generated<number>;
  kind: 'orgs' | 'members';
  actor: string;
  file_name: string;
  sha256: string;
  dry_run: boolean;
  update_existing: boolean;
  status: ColumnType<'running' | 'done' | 'unreadable' | 'failed', string | undefined, string>;
  started_at: Timestamp;
  finished_at: Timestamp | null;
  rows_read: Generated<number>;
  share_read: Generated<number>;
  accepted: Generated<number>;
  rejected: Generated<number>;
  created: Generated<number>;
  updated: Generated<number>;
  unchanged: Generated<number>;
  converted: ColumnType<unknown, string | undefined, string>;
  headers: ColumnType<unknown, string | undefined, string>;
  failure: ColumnType<unknown, string | null | undefined, string | null>;
}

export interface ImportRejectedRowTable {
  import_id: number;
  row_no: number;
  raw: string;
  errors: ColumnType<unknown, string, string>;
}
