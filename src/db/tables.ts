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
}
