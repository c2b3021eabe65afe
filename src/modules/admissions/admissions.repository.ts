/** Every query of the admission pipeline. */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/tables.ts';

type Q = Kysely<DB>;

export interface CandidateRow {
  id: number;
  cellId: number;
  cellCode: string;
  fullName: string;
  birthDate: string;
  sex: 'male' | 'female';
  youthUnionMember: boolean;
  awarenessClassDate: string | null;
  applicationDate: string | null;
  cellResolutionDate: string | null;
  decisionDate: string | null;
  decisionRef: string | null;
  ceremonyDate: string | null;
  memberId: number | null;
}

const candidateSelect = sql`SELECT c.id, c.cell_id AS "cellId", u.code AS "cellCode", c.full_name AS "fullName",
    c.birth_date AS "birthDate", c.sex, c.youth_union_member AS "youthUnionMember",
    c.awareness_class_date AS "awarenessClassDate", c.application_date AS "applicationDate",
    c.cell_resolution_date AS "cellResolutionDate", c.decision_date AS "decisionDate",
    c.decision_ref AS "decisionRef", c.ceremony_date AS "ceremonyDate", c.member_id AS "memberId"
  FROM admission_candidate c JOIN org_unit u ON u.id = c.cell_id`;

const normalize = (r: CandidateRow): CandidateRow => ({
  ...r,
  id: Number(r.id),
  memberId: r.memberId === null ? null : Number(r.memberId),
});

export async function insertCandidate(
  q: Q,
  c: {
    cellId: number;
    fullName: string;
    sortKey: string;
    birthDate: string;
    sex: 'male' | 'female';
    nationalId: string | null;
    youthUnionMember: boolean;
    actor: string;
  },
): Promise<number> {
  const row = await q
    .insertInto('admission_candidate')
    .values({
      cell_id: c.cellId,
      full_name: c.fullName,
      sort_key: c.sortKey,
      birth_date: c.birthDate,
      sex: c.sex,
      national_id: c.nationalId,
      youth_union_member: c.youthUnionMember,
      created_by: c.actor,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function getCandidate(q: Q, id: number): Promise<CandidateRow | undefined> {
  const result = await sql<CandidateRow>`${candidateSelect} WHERE c.id = ${id} FOR UPDATE OF c`.execute(q);
  const row = result.rows[0];
  return row ? normalize(row) : undefined;
}

/** Open candidates (not admitted, not withdrawn) of the cells under `path`. */
export async function openCandidatesUnder(q: Q, path: string): Promise<CandidateRow[]> {
  const result = await sql<CandidateRow>`${candidateSelect}
    JOIN org_unit_version v ON v.unit_id = c.cell_id AND v.valid_to IS NULL
    WHERE v.path <@ ${path}::ltree AND c.member_id IS NULL AND c.withdrawn_on IS NULL
    ORDER BY u.code, c.sort_key LIMIT 2000`.execute(q);
  return result.rows.map(normalize);
}

const STEP_COLUMN = {
  awareness_class: 'awareness_class_date',
  application: 'application_date',
  cell_resolution: 'cell_resolution_date',
  decision: 'decision_date',
  ceremony: 'ceremony_date',
} as const;

export async function setStep(
  q: Q,
  id: number,
  step: keyof typeof STEP_COLUMN,
  date: string,
  decisionRef: string | null,
): Promise<void> {
  await q
    .updateTable('admission_candidate')
    .set({
      [STEP_COLUMN[step]]: date,
      ...(step === 'decision' && decisionRef ? { decision_ref: decisionRef } : {}),
    })
    .where('id', '=', id)
    .execute();
}

export async function linkMember(q: Q, id: number, memberId: number): Promise<void> {
  await q.updateTable('admission_candidate').set({ member_id: memberId }).where('id', '=', id).execute();
}

export async function addIntroducer(
  q: Q,
  candidateId: number,
  memberId: number,
  knownSince: string,
): Promise<void> {
  await q
    .insertInto('admission_introducer')
    .values({ candidate_id: candidateId, member_id: memberId, known_since: knownSince })
    .onConflict((oc) => oc.columns(['candidate_id', 'member_id']).doUpdateSet({ known_since: knownSince }))
    .execute();
}

export interface IntroducerRow {
  candidateId: number;
  memberId: number;
  fullName: string;
  knownSince: string;
  officialDate: string | null;
}

export async function introducersOf(q: Q, candidateIds: number[]): Promise<IntroducerRow[]> {
  if (candidateIds.length === 0) return [];
  const result = await sql<IntroducerRow>`SELECT i.candidate_id AS "candidateId", i.member_id AS "memberId",
      m.full_name AS "fullName", i.known_since AS "knownSince",
      CASE WHEN m.state = 'active' THEN m.official_date END AS "officialDate"
    FROM admission_introducer i JOIN member m ON m.id = i.member_id
    WHERE i.candidate_id = ANY(${candidateIds}::bigint[]) ORDER BY m.sort_key`.execute(q);
  return result.rows.map((r) => ({ ...r, candidateId: Number(r.candidateId), memberId: Number(r.memberId) }));
}

/** Since when a member is official (null while on probation or no longer active); undefined: no such member. */
export async function officialSinceOf(q: Q, memberId: number): Promise<{ since: string | null } | undefined> {
  const result = await sql<{ since: string | null }>`SELECT
      CASE WHEN state = 'active' THEN official_date END AS since FROM member WHERE id = ${memberId}`.execute(
    q,
  );
  return result.rows[0];
}
