/**
 * Every query of the data-quality report. Each check is one SQL predicate (or, for duplicates, one
 * grouping key) over the current members of a subtree, so the summary counts every check in one
 * pass and a list of records to fix reads the same predicate: the two cannot disagree. Only the
 * member row is read: comparing the dates of members' events too would, under row-level security,
 * cost a member lookup per event and double the time of a province's report.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import {
  DUPLICATE_KINDS,
  type DuplicateKind,
  QUALITY_FIELDS,
  type QualityField,
} from '../../core/member-quality-checks.ts';
import { ADMISSION_MIN_AGE_YEARS } from '../../core/member-rules/admission.ts';
import {
  EARLIEST_PLAUSIBLE_BIRTH,
  IMPOSSIBLE_DATE_RULES,
  type ImpossibleDateRule,
  PARTY_FOUNDED,
  PROBATION_CHECKED_FROM,
} from '../../core/member-rules/impossible-dates.ts';
import { PROBATION_MONTHS } from '../../core/member-rules/probation.ts';
import type { DB } from '../../db/tables.ts';

type Q = Kysely<DB>;
type Predicate = RawBuilder<unknown>;

/** Members `m` with the current version `v` of their cell. */
const members = sql`member m JOIN org_unit_version v ON v.unit_id = m.cell_id AND v.valid_to IS NULL`;

/** Members of the subtree today, not removed, expelled or deceased. */
const currentUnder = (path: string) => sql`v.path <@ ${path}::ltree AND m.state IN ('active', 'in_transit')`;

const blank = (column: string) => sql`nullif(btrim(${sql.ref(`m.${column}`)}), '') IS NULL`;
const probationEndOf = sql`(m.admission_date + make_interval(months => ${PROBATION_MONTHS}))::date`;

/** When a field counts as missing. */
const MISSING: Record<QualityField, Predicate> = {
  nationalId: blank('national_id'),
  partyCardNo: blank('party_card_no'),
  ethnicity: sql`m.ethnicity IS NULL`,
  religion: sql`m.religion IS NULL`,
  birthPlace: blank('birth_place'),
  hometown: blank('hometown'),
  education: sql`m.education IS NULL`,
  qualification: blank('qualification'),
  theoryLevel: sql`m.theory_level IS NULL`,
  occupation: blank('occupation'),
  officialDate: sql`m.official_date IS NULL`,
  birthDateExact: sql`m.birth_date_precision <> 'day'`,
};

/** Who a field applies to: everybody, except the official date (once the probation has ended). */
function appliesTo(field: QualityField, today: string): Predicate {
  return field === 'officialDate' ? sql`${probationEndOf} <= ${today}::date` : sql`TRUE`;
}

/** The rules of core/member-rules/impossible-dates.ts, row by row in SQL (over `m`). */
function dateChecks(today: string): Record<ImpossibleDateRule, Predicate> {
  return {
    birthBefore1900: sql`m.birth_date < ${EARLIEST_PLAUSIBLE_BIRTH}::date`,
    birthInFuture: sql`m.birth_date > ${today}::date`,
    admissionBeforeFounding: sql`m.admission_date < ${PARTY_FOUNDED}::date`,
    admissionBeforeBirth: sql`m.admission_date <= m.birth_date`,
    // counted by month: before the first day of the month of the 18th birthday
    admittedUnder18: sql`m.admission_date < (date_trunc('month', m.birth_date::timestamp)
      + make_interval(months => ${ADMISSION_MIN_AGE_YEARS * 12}))::date`,
    admissionInFuture: sql`m.admission_date > ${today}::date`,
    officialBeforeAdmission: sql`m.official_date < m.admission_date`,
    officialBeforeProbationEnd: sql`m.admission_date >= ${PROBATION_CHECKED_FROM}::date
      AND m.official_date >= m.admission_date AND m.official_date < ${probationEndOf}`,
    officialInFuture: sql`m.official_date > ${today}::date`,
  };
}

/** The key suspected duplicates share; null when the member is not compared. */
const DUPLICATE_KEY: Record<DuplicateKind, Predicate> = {
  nameBirth: sql`m.name_folded || '|' || m.birth_date::text`,
  cardNo: sql`nullif(upper(regexp_replace(m.party_card_no, '[^0-9A-Za-z]', '', 'g')), '')`,
};

export interface CompletenessAndDates {
  total: number;
  fields: { field: QualityField; applicable: number; filled: number }[];
  dates: { rule: ImpossibleDateRule; records: number }[];
  recordsWithImpossibleDates: number;
}

/** Completeness of every field and the count of every date rule, in one pass over the subtree. */
export async function completenessAndDatesUnder(
  q: Q,
  path: string,
  today: string,
): Promise<CompletenessAndDates> {
  const fieldCounts = QUALITY_FIELDS.flatMap((field) => {
    const applies = appliesTo(field, today);
    return [
      sql`count(*) FILTER (WHERE ${applies})::int AS ${sql.id(`applies.${field}`)}`,
      sql`count(*) FILTER (WHERE ${applies} AND NOT (${MISSING[field]}))::int AS ${sql.id(`filled.${field}`)}`,
    ];
  });
  const checks = dateChecks(today);
  const ruleCounts = IMPOSSIBLE_DATE_RULES.map(
    (rule) => sql`count(*) FILTER (WHERE ${checks[rule]})::int AS ${sql.id(`date.${rule}`)}`,
  );
  const anyRule = sql.join(
    IMPOSSIBLE_DATE_RULES.map((rule) => sql`(${checks[rule]})`),
    sql` OR `,
  );
  const result = await sql<Record<string, number>>`SELECT count(*)::int AS total,
      ${sql.join([...fieldCounts, ...ruleCounts])},
      count(*) FILTER (WHERE ${anyRule})::int AS "anyDate"
    FROM ${members} WHERE ${currentUnder(path)}`.execute(q);
  const row = result.rows[0] ?? {};
  return {
    total: row.total ?? 0,
    fields: QUALITY_FIELDS.map((field) => ({
      field,
      applicable: row[`applies.${field}`] ?? 0,
      filled: row[`filled.${field}`] ?? 0,
    })),
    dates: IMPOSSIBLE_DATE_RULES.map((rule) => ({ rule, records: row[`date.${rule}`] ?? 0 })),
    recordsWithImpossibleDates: row.anyDate ?? 0,
  };
}

/** For each kind of duplicate: members sharing their key with another member of the subtree, and groups. */
export async function duplicateCountsUnder(
  q: Q,
  path: string,
): Promise<{ kind: DuplicateKind; records: number; groups: number }[]> {
  const keys = DUPLICATE_KINDS.map((kind) => sql`${DUPLICATE_KEY[kind]} AS ${sql.id(kind)}`);
  const counts = DUPLICATE_KINDS.map(
    (kind) => sql`SELECT ${kind}::text AS kind, coalesce(sum(g.n), 0)::int AS records, count(*)::int AS groups
      FROM (SELECT count(*) AS n FROM keyed WHERE ${sql.ref(kind)} IS NOT NULL
        GROUP BY ${sql.ref(kind)} HAVING count(*) > 1) g`,
  );
  const result = await sql<{ kind: DuplicateKind; records: number; groups: number }>`WITH keyed AS (
      SELECT ${sql.join(keys)} FROM ${members} WHERE ${currentUnder(path)})
    ${sql.join(counts, sql` UNION ALL `)}`.execute(q);
  return result.rows;
}

export interface IssueRow {
  memberId: number;
  fullName: string;
  birthDate: string;
  admissionDate: string;
  officialDate: string | null;
  cellCode: string;
  cellName: string;
  relatedIds: number[];
}

/** A list of records to fix: members missing a field, in a duplicate group, or breaking a date rule. */
export type IssueSelector =
  | { group: 'missing'; field: QualityField }
  | { group: 'duplicate'; kind: DuplicateKind }
  | { group: 'date'; rule: ImpossibleDateRule };

/** The members of the subtree a selector picks (`id`, `sort_key`, `first_key`, `key`, `related`). */
function hitsOf(selector: IssueSelector, path: string, today: string): RawBuilder<unknown> {
  if (selector.group === 'duplicate') {
    return sql`keyed AS (SELECT m.id, m.sort_key, ${DUPLICATE_KEY[selector.kind]} AS key
        FROM ${members} WHERE ${currentUnder(path)}),
      groups AS (SELECT key, min(sort_key) AS first_key, array_agg(id) AS ids FROM keyed
        WHERE key IS NOT NULL GROUP BY key HAVING count(*) > 1),
      hits AS MATERIALIZED (SELECT k.id, k.sort_key, g.first_key, g.key, array_remove(g.ids, k.id) AS related
        FROM keyed k JOIN groups g ON g.key = k.key)`;
  }
  const problem =
    selector.group === 'missing'
      ? sql`${appliesTo(selector.field, today)} AND ${MISSING[selector.field]}`
      : dateChecks(today)[selector.rule];
  return sql`hits AS MATERIALIZED (SELECT m.id, m.sort_key, m.sort_key AS first_key, NULL::text AS key,
      '{}'::bigint[] AS related FROM ${members} WHERE ${currentUnder(path)} AND (${problem}))`;
}

/**
 * One page of the members of the subtree with a problem, and how many there are: in Vietnamese
 * name order (given name first), the members of a duplicate group next to each other.
 */
export async function issuesUnder(
  q: Q,
  query: { path: string; selector: IssueSelector; today: string; limit: number; offset: number },
): Promise<{ total: number; rows: IssueRow[] }> {
  // one row even for an empty page, to carry the total
  const result = await sql<
    Omit<IssueRow, 'memberId'> & { total: number; memberId: number | null }
  >`WITH ${hitsOf(query.selector, query.path, query.today)}
    SELECT t.total, p.* FROM (SELECT count(*)::int AS total FROM hits) t
    LEFT JOIN LATERAL (
      SELECT h.first_key, h.key, h.sort_key, h.id AS "memberId", m.full_name AS "fullName",
        m.birth_date AS "birthDate", m.admission_date AS "admissionDate", m.official_date AS "officialDate",
        u.code AS "cellCode", v.name AS "cellName", h.related AS "relatedIds"
      FROM hits h JOIN member m ON m.id = h.id JOIN org_unit u ON u.id = m.cell_id
      JOIN org_unit_version v ON v.unit_id = m.cell_id AND v.valid_to IS NULL
      ORDER BY h.first_key, h.key, h.sort_key, h.id LIMIT ${query.limit} OFFSET ${query.offset}) p ON TRUE
    ORDER BY p.first_key, p.key, p.sort_key, p."memberId"`.execute(q);
  const rows = result.rows.flatMap((r) =>
    r.memberId === null
      ? []
      : [
          {
            memberId: Number(r.memberId),
            fullName: r.fullName,
            birthDate: r.birthDate,
            admissionDate: r.admissionDate,
            officialDate: r.officialDate,
            cellCode: r.cellCode,
            cellName: r.cellName,
            relatedIds: r.relatedIds.map(Number),
          },
        ],
  );
  return { total: result.rows[0]?.total ?? 0, rows };
}
