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
