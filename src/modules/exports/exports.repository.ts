/**
 * Queries of the exports: the cells of a scope, then their members page by page (keyset on the
 * cell's position, the Vietnamese sort key and the id), so a province never sits in memory.
 */
import { type Kysely, sql } from 'kysely';
import type { DB, MemberState } from '../../db/tables.ts';
import { likePattern, type MemberFields } from '../members/members.repository.ts';

type Q = Kysely<DB>;

export interface ExportCell {
  id: number;
  code: string;
  name: string;
}

/** Member-holding units in the subtree of `path` (every one when null) as of `date`, in tree order. */
export async function cellsUnder(q: Q, path: string | null, date: string): Promise<ExportCell[]> {
  const scope = path === null ? sql`TRUE` : sql`v.path <@ ${path}::ltree`;
  const result = await sql<ExportCell>`SELECT v.unit_id AS id, u.code, v.name
    FROM org_unit_version v JOIN org_unit u ON u.id = v.unit_id
    WHERE ${scope} AND v.kind IN ('cell', 'grassroots_cell')
      AND v.valid_from <= ${date}::date AND (v.valid_to IS NULL OR v.valid_to > ${date}::date)
    ORDER BY v.path`.execute(q);
  return result.rows;
}

/** A member as a file row: reference fields by name, the admission decision from its event. */
export interface ExportMemberRow extends MemberFields {
  id: number;
  decisionRef: string | null;
  state: MemberState;
  /** Keyset position: the cell's place in the page's list, then the sort key and id. */
  pos: number;
  sortKey: string;
}

export interface ExportCriteria {
  /** Folded name tokens that must all appear; or the exact national ID / card number. */
  foldedTokens: string[];
  idText: string | null;
  /** `null`: members today (by state and standing); a date: members of the cells on that day. */
  asOf: string | null;
  states: readonly MemberState[];
  standing: 'probationary' | 'official' | null;
  filters: {
    sex?: 'male' | 'female';
    ethnicity?: string;
    religion?: string;
    education?: string;
    theoryLevel?: string;
    bornFrom?: string;
    bornTo?: string;
    admittedFrom?: string;
    admittedTo?: string;
  };
}

export interface Keyset {
  pos: number;
  sortKey: string;
  id: number;
}

function criteriaSql(c: ExportCriteria) {
  const f = c.filters;
  const standingOn =
    c.asOf === null
      ? sql`m.standing`
      : sql`(CASE WHEN m.official_date <= ${c.asOf}::date THEN 'official' ELSE 'probationary' END)`;
  const names = c.foldedTokens.map((t) => sql`m.name_folded LIKE ${likePattern(t)}`);
  const nameMatch = names.length > 0 ? sql`(${sql.join(names, sql` AND `)})` : null;
  const idMatch =
    c.idText === null ? null : sql`(m.national_id = ${c.idText} OR m.party_card_no = ${c.idText})`;
  const parts = [
    nameMatch && idMatch ? sql`(${nameMatch} OR ${idMatch})` : (nameMatch ?? idMatch),
    c.asOf === null ? sql`m.state = ANY(${c.states as MemberState[]}::text[])` : null,
    c.standing ? sql`${standingOn} = ${c.standing}` : null,
    f.sex ? sql`m.sex = ${f.sex}` : null,
    f.ethnicity ? sql`m.ethnicity = ${f.ethnicity}` : null,
    f.religion ? sql`m.religion = ${f.religion}` : null,
    f.education ? sql`m.education = ${f.education}` : null,
    f.theoryLevel ? sql`m.theory_level = ${f.theoryLevel}` : null,
    f.bornFrom ? sql`m.birth_date >= ${f.bornFrom}::date` : null,
    f.bornTo ? sql`m.birth_date <= ${f.bornTo}::date` : null,
    f.admittedFrom ? sql`m.admission_date >= ${f.admittedFrom}::date` : null,
    f.admittedTo ? sql`m.admission_date <= ${f.admittedTo}::date` : null,
  ].filter((x) => x !== null);
  return { where: parts.length > 0 ? sql.join(parts, sql` AND `) : sql`TRUE`, standingOn };
}

/**
 * The next page of members of `cellIds` (in that order) after `after`: today's members by their
 * current cell, or on a past date by the membership interval covering it.
 */
export async function memberPage(
  q: Q,
  cellIds: number[],
  criteria: ExportCriteria,
  after: Keyset | null,
  limit: number,
): Promise<ExportMemberRow[]> {
  const { where, standingOn } = criteriaSql(criteria);
  const membersOfCells =
    criteria.asOf === null
      ? sql`member m ON m.cell_id = c.cell_id`
      : sql`membership ms ON ms.cell_id = c.cell_id AND ms.valid_from <= ${criteria.asOf}::date
          AND (ms.valid_to IS NULL OR ms.valid_to > ${criteria.asOf}::date)
        JOIN member m ON m.id = ms.member_id`;
  const keyset =
    after === null
      ? sql`TRUE`
      : sql`(c.pos, m.sort_key, m.id) > (${after.pos}, ${after.sortKey}, ${after.id})`;
  const result =
    await sql<ExportMemberRow>`SELECT m.id, m.full_name AS "fullName", m.other_name AS "otherName",
      m.sex, m.birth_date AS "birthDate", m.birth_date_precision AS "birthDatePrecision",
      m.birth_place AS "birthPlace", m.hometown, eth.name AS ethnicity, rel.name AS religion,
      m.national_id AS "nationalId", m.party_card_no AS "partyCardNo", m.admission_date AS "admissionDate",
      ${criteria.asOf === null ? sql`m.official_date` : sql`(CASE WHEN m.official_date <= ${criteria.asOf}::date THEN m.official_date END)`} AS "officialDate",
      edu.name AS education, m.qualification, th.name AS "theoryLevel", m.occupation,
      (SELECT e.decision_ref FROM member_event e WHERE e.member_id = m.id AND e.kind = 'admission'
        ORDER BY e.event_date, e.id LIMIT 1) AS "decisionRef",
      m.state, ${standingOn} AS standing, c.cell_id AS "cellId", c.pos::int AS pos, m.sort_key AS "sortKey"
    FROM unnest(${cellIds}::int[]) WITH ORDINALITY AS c (cell_id, pos)
    JOIN ${membersOfCells}
    LEFT JOIN ref_ethnicity eth ON eth.code = m.ethnicity
    LEFT JOIN ref_religion rel ON rel.code = m.religion
    LEFT JOIN ref_education edu ON edu.code = m.education
    LEFT JOIN ref_theory_level th ON th.code = m.theory_level
    WHERE ${where} AND ${keyset}
    ORDER BY c.pos, m.sort_key, m.id
    LIMIT ${limit}`.execute(q);
  return result.rows.map((r) => ({ ...r, id: Number(r.id) }));
}

export type ReferenceList = 'ethnicity' | 'religion' | 'education' | 'theory_level';

/** The reference lists in their official order (the report's columns follow it). */
export async function referenceLists(q: Q): Promise<Record<ReferenceList, { code: string; name: string }[]>> {
  const result = await sql<{ list: ReferenceList; code: string; name: string }>`
    SELECT 'ethnicity' AS list, code, name, sort FROM ref_ethnicity
    UNION ALL SELECT 'religion', code, name, sort FROM ref_religion
    UNION ALL SELECT 'education', code, name, sort FROM ref_education
    UNION ALL SELECT 'theory_level', code, name, sort FROM ref_theory_level
    ORDER BY list, sort`.execute(q);
  const lists: Record<ReferenceList, { code: string; name: string }[]> = {
    ethnicity: [],
    religion: [],
    education: [],
    theory_level: [],
  };
  for (const r of result.rows) lists[r.list].push({ code: r.code, name: r.name });
  return lists;
}
