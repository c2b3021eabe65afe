/**
 * Data quality of a unit's member records (chất lượng dữ liệu đảng viên), for offices to make
 * their data correct and complete: how complete each profile field is, suspected duplicates,
 * dates that cannot be right (rules in core/member-rules/impossible-dates.ts), and page by page
 * the records to fix. Reads only, under the actor's row-level security like the member lists: a
 * unit outside the actor's subtree is not found.
 */
import { todayVn } from '../../core/dates.ts';
import { IMPOSSIBLE_DATE_FIELD } from '../../core/member-rules/impossible-dates.ts';
import { parseInput } from '../../core/validation.ts';
import type { Database } from '../../db/database.ts';
import { type Actor, inTransaction, type Tx } from '../../db/transaction.ts';
import { orgErrors } from '../orgs/orgs.errors.ts';
import { findUnitInTransaction } from '../orgs/orgs.service.ts';
import * as repo from './quality.repository.ts';
import {
  type DuplicateKind,
  type FieldToCorrect,
  type ImpossibleDateRule,
  type IssueKind,
  type IssuesQuery,
  issuesQuerySchema,
  type QualityField,
  type QualityIssues,
  type QualitySummary,
} from './quality.schemas.ts';

async function requireUnit(tx: Tx, code: string, today: string) {
  const unit = await findUnitInTransaction(tx, code, today);
  if (!unit) throw orgErrors.notFound(code, 'org');
  return unit;
}

/** The summary of a unit's subtree today. */
export async function qualitySummary(
  database: Database,
  actor: Actor,
  query: { org: string },
): Promise<QualitySummary> {
  const today = todayVn();
  return inTransaction(database.db, actor, async (tx) => {
    const unit = await requireUnit(tx, query.org, today);
    const counts = await repo.completenessAndDatesUnder(tx, unit.path, today);
    const duplicates = await repo.duplicateCountsUnder(tx, unit.path);
    return {
      org: unit.code,
      orgName: unit.name,
      asOf: today,
      total: counts.total,
      completeness: counts.fields.map((f) => ({
        ...f,
        share: f.applicable > 0 ? f.filled / f.applicable : 1,
      })),
      duplicates,
      impossibleDates: counts.dates,
      recordsWithImpossibleDates: counts.recordsWithImpossibleDates,
    };
  });
}

function selectorOf(kind: IssueKind): repo.IssueSelector {
  const dot = kind.indexOf('.');
  const name = kind.slice(dot + 1);
  switch (kind.slice(0, dot)) {
    case 'missing':
      return { group: 'missing', field: name as QualityField };
    case 'duplicate':
      return { group: 'duplicate', kind: name as DuplicateKind };
    default:
      return { group: 'date', rule: name as ImpossibleDateRule };
  }
}

/** The profile field an office corrects for a problem. */
function fieldToCorrect(selector: repo.IssueSelector): FieldToCorrect {
  switch (selector.group) {
    case 'missing':
      return selector.field === 'birthDateExact' ? 'birthDate' : selector.field;
    case 'duplicate':
      return selector.kind === 'nameBirth' ? 'fullName' : 'partyCardNo';
    case 'date':
      return IMPOSSIBLE_DATE_FIELD[selector.rule];
  }
}

/** One page of the records of a unit's subtree with one kind of problem, in Vietnamese name order. */
export async function qualityIssues(
  database: Database,
  actor: Actor,
  raw: IssuesQuery,
): Promise<QualityIssues> {
  const query = parseInput(issuesQuerySchema, raw);
  const selector = selectorOf(query.kind);
  const today = todayVn();
  return inTransaction(database.db, actor, async (tx) => {
    const unit = await requireUnit(tx, query.org, today);
    const { total, rows } = await repo.issuesUnder(tx, {
      path: unit.path,
      selector,
      today,
      limit: query.limit,
      offset: query.offset,
    });
    const field = fieldToCorrect(selector);
    return {
      org: unit.code,
      kind: query.kind,
      total,
      limit: query.limit,
      offset: query.offset,
      results: rows.map((row) => ({ ...row, problem: query.kind, field })),
    };
  });
}
