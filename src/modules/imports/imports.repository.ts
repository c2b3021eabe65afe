/**
 * Every query of imports: the import log, the scratch table member rows are COPYed into, the
 * batch look-ups that check them against the registry, and the set-based statements that apply
 * the accepted rows.
 */
import { type Kysely, sql } from 'kysely';
import type { CopyValue, Database } from '../../db/database.ts';
import type { DB } from '../../db/tables.ts';

type Q = Kysely<DB>;

export interface NewRun {
  kind: 'orgs' | 'members';
  actor: string;
  fileName: string;
  sha256: string;
  dryRun: boolean;
  update: boolean;
}

export async function insertRun(q: Q, run: NewRun): Promise<number> {
  const row = await q
    .insertInto('import_run')
    .values({
      kind: run.kind,
      actor: run.actor,
      file_name: run.fileName,
      sha256: run.sha256,
      dry_run: run.dryRun,
      update_existing: run.update,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** How far a running import has come: rows read, the part of the file read, and its headers once known. */
export async function setProgress(
  q: Q,
  id: number,
  progress: { rowsRead: number; share: number; headers?: string[] },
): Promise<void> {
  await q
    .updateTable('import_run')
    .set({
      rows_read: progress.rowsRead,
      share_read: progress.share,
      ...(progress.headers ? { headers: JSON.stringify(progress.headers) } : {}),
    })
    .where('id', '=', id)
    .execute();
}

export interface RunOutcome {
  status: 'done' | 'unreadable' | 'failed';
  rowsRead: number;
  accepted: number;
  rejected: number;
  created: number;
  updated: number;
  unchanged: number;
  converted: Record<string, number>;
  failure: { code: string; vi: string; en: string } | null;
}

export async function finishRun(q: Q, id: number, o: RunOutcome): Promise<void> {
  await q
    .updateTable('import_run')
    .set({
      status: o.status,
      finished_at: sql<Date>`now()`,
      rows_read: o.rowsRead,
      accepted: o.accepted,
      rejected: o.rejected,
      created: o.created,
      updated: o.updated,
      unchanged: o.unchanged,
      converted: JSON.stringify(o.converted),
      failure: o.failure ? JSON.stringify(o.failure) : null,
    })
    .where('id', '=', id)
    .execute();
}

const RUN_COLUMNS = [
  'id',
  'kind',
  'actor',
  'file_name',
  'sha256',
  'dry_run',
  'update_existing',
  'status',
  'started_at',
  'finished_at',
  'rows_read',
  'share_read',
  'accepted',
  'rejected',
  'created',
  'updated',
  'unchanged',
  'converted',
  'headers',
  'failure',
] as const;

export async function getRun(q: Q, id: number) {
  return q.selectFrom('import_run').select(RUN_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function listRuns(q: Q, limit: number) {
  return q.selectFrom('import_run').select(RUN_COLUMNS).orderBy('id', 'desc').limit(limit).execute();
}

export type RunRow = NonNullable<Awaited<ReturnType<typeof getRun>>>;

// ——— rejected rows ———

export async function insertRejected(
  q: Q,
  rows: { importId: number; rowNo: number; raw: string; errors: string }[],
): Promise<void> {
  if (rows.length === 0) return;
  await q
    .insertInto('import_rejected_row')
    .values(rows.map((r) => ({ import_id: r.importId, row_no: r.rowNo, raw: r.raw, errors: r.errors })))
    .execute();
}

/**
 * A page of an import's rejected rows in row order: the `limit` rows after row `afterRowNo` (0 for
 * the first page), by keyset on the primary key, so the last page costs what the first does.
 */
export async function rejectedRowsAfter(q: Q, importId: number, afterRowNo: number, limit: number) {
  return q
    .selectFrom('import_rejected_row')
    .select(['row_no', 'raw', 'errors'])
    .where('import_id', '=', importId)
    .where('row_no', '>', afterRowNo)
    .orderBy('row_no')
    .limit(limit)
    .execute();
}

export type RejectedRow = Awaited<ReturnType<typeof rejectedRowsAfter>>[number];

// ——— look-ups ———

export interface RefRow {
  list: 'ethnicity' | 'religion' | 'education' | 'theory_level';
  code: string;
  name: string;
}

export async function referenceLists(q: Q): Promise<RefRow[]> {
  const result = await sql<RefRow>`
    SELECT 'ethnicity' AS list, code, name FROM ref_ethnicity
    UNION ALL SELECT 'religion', code, name FROM ref_religion
    UNION ALL SELECT 'education', code, name FROM ref_education
    UNION ALL SELECT 'theory_level', code, name FROM ref_theory_level`.execute(q);
  return result.rows;
}

export interface UnitRow {
  code: string;
  unitId: number;
  kind: string;
  path: string;
  founded: string;
}

/** Units by code as they stand on `date`, with the day each was founded. */
export async function unitsByCode(q: Q, codes: string[], date: string): Promise<UnitRow[]> {
  if (codes.length === 0) return [];
  const result = await sql<UnitRow>`
    SELECT u.code, v.unit_id AS "unitId", v.kind, v.path::text AS path,
      (SELECT min(w.valid_from) FROM org_unit_version w WHERE w.unit_id = u.id) AS founded
    FROM org_unit u JOIN org_unit_version v ON v.unit_id = u.id
    WHERE u.code = ANY (${codes}::text[])
      AND v.valid_from <= ${date}::date AND (v.valid_to IS NULL OR v.valid_to > ${date}::date)`.execute(q);
  return result.rows.map((r) => ({ ...r, unitId: Number(r.unitId) }));
}

export interface ExistingMember {
  id: number;
  fullName: string;
  otherName: string | null;
  sex: string;
  birthDate: string;
  birthDatePrecision: string;
  birthPlace: string | null;
  hometown: string | null;
  ethnicity: string | null;
  religion: string | null;
  nationalId: string | null;
  partyCardNo: string | null;
  admissionDate: string;
  officialDate: string | null;
  education: string | null;
  qualification: string | null;
  theoryLevel: string | null;
  occupation: string | null;
  cellId: number;
  cellCode: string;
  /** null when the cell has no current version (dissolved) */
  cellPath: string | null;
}

const existingSelect = sql`SELECT m.id, m.full_name AS "fullName", m.other_name AS "otherName", m.sex,
    m.birth_date AS "birthDate", m.birth_date_precision AS "birthDatePrecision", m.birth_place AS "birthPlace",
    m.hometown, m.ethnicity, m.religion, m.national_id AS "nationalId", m.party_card_no AS "partyCardNo",
    m.admission_date AS "admissionDate", m.official_date AS "officialDate", m.education, m.qualification,
    m.theory_level AS "theoryLevel", m.occupation, m.cell_id AS "cellId", u.code AS "cellCode",
    cv.path::text AS "cellPath"
  FROM member m JOIN org_unit u ON u.id = m.cell_id
  LEFT JOIN org_unit_version cv ON cv.unit_id = m.cell_id AND cv.valid_to IS NULL`;

/** Members holding any of these national IDs or card numbers. */
export async function membersByIds(
  q: Q,
  nationalIds: string[],
  cardNos: string[],
): Promise<ExistingMember[]> {
  if (nationalIds.length === 0 && cardNos.length === 0) return [];
  // two index look-ups: an OR of the two would scan the table
  const result =
    await sql<ExistingMember>`${existingSelect} WHERE m.national_id = ANY (${nationalIds}::text[])
    UNION ${existingSelect} WHERE m.party_card_no = ANY (${cardNos}::text[])`.execute(q);
  return result.rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** Members with no ID in the file, found by name, birth date and admission date. */
export async function membersByNaturalKey(
  q: Q,
  keys: { fullName: string; birthDate: string; admissionDate: string }[],
): Promise<ExistingMember[]> {
  if (keys.length === 0) return [];
  const result = await sql<ExistingMember>`${existingSelect}
    JOIN unnest(${keys.map((k) => k.fullName)}::text[], ${keys.map((k) => k.birthDate)}::date[],
      ${keys.map((k) => k.admissionDate)}::date[]) AS k (full_name, birth_date, admission_date)
      ON k.full_name = m.full_name AND k.birth_date = m.birth_date AND k.admission_date = m.admission_date`.execute(
    q,
  );
  return result.rows.map((r) => ({ ...r, id: Number(r.id) }));
}

// ——— member rows: staged, checked, applied ———

/** The scratch table's columns, in the order `StagedMemberRow` values are written. */
export const STAGED_MEMBER_COLUMNS = [
  'import_id',
  'row_no',
  'raw',
  'errors',
  'action',
  'member_id',
  'full_name',
  'other_name',
  'sort_key',
  'sex',
  'birth_date',
  'birth_date_precision',
  'birth_place',
  'hometown',
  'ethnicity',
  'religion',
  'national_id',
  'party_card_no',
  'admission_date',
  'official_date',
  'education',
  'qualification',
  'theory_level',
  'occupation',
  'cell_id',
  'cell_code',
  'decision_ref',
  'cell_founded',
] as const;

/** `count` fresh member ids from the member sequence. */
export async function nextMemberIds(q: Q, count: number): Promise<number[]> {
  if (count === 0) return [];
  const result = await sql<{ id: string }>`SELECT nextval(pg_get_serial_sequence('member', 'id')) AS id
    FROM generate_series(1, ${count}::int)`.execute(q);
  return result.rows.map((r) => Number(r.id));
}

export async function copyStagedMembers(database: Database, rows: CopyValue[][]): Promise<number> {
  return database.copyRows('import_member_row', STAGED_MEMBER_COLUMNS, rows);
}

/** Rows of an import, by their numbers in the file (both ends included). */
export interface RowRange {
  from: number;
  to: number;
}

/**
 * Rejects, among the accepted rows of `range`, those repeating an earlier accepted row's national
 * ID, card number, or (with neither) name, birth and admission dates; `{row}` in the messages
 * becomes the earliest such row's number. The rows before `range` have been through it already.
 */
export async function rejectFileDuplicates(
  q: Q,
  importId: number,
  range: RowRange,
  keys: { key: 'national_id' | 'party_card_no' | 'person'; column: string; vi: string; en: string }[],
): Promise<void> {
  for (const k of keys) {
    // the same key as `b`, through the scratch table's indexes (migration 0024)
    const sameKey =
      k.key === 'person'
        ? sql`b.national_id IS NULL AND b.party_card_no IS NULL AND e.national_id IS NULL
            AND e.party_card_no IS NULL AND e.full_name = b.full_name AND e.birth_date = b.birth_date
            AND e.admission_date = b.admission_date`
        : sql`e.${sql.ref(k.key)} = b.${sql.ref(k.key)}`;
    await sql`UPDATE import_member_row r
      SET errors = jsonb_build_array(jsonb_build_object('column', ${k.column}::text,
        'vi', replace(${k.vi}::text, '{row}', d.first_row::text),
        'en', replace(${k.en}::text, '{row}', d.first_row::text)))
      FROM (SELECT b.row_no, (SELECT min(e.row_no) FROM import_member_row e
              WHERE e.import_id = b.import_id AND ${sameKey} AND e.errors IS NULL AND e.row_no < b.row_no)
              AS first_row
            FROM import_member_row b
            WHERE b.import_id = ${importId} AND b.row_no BETWEEN ${range.from} AND ${range.to}
              AND b.errors IS NULL) d
      WHERE r.import_id = ${importId} AND r.row_no = d.row_no AND d.first_row IS NOT NULL`.execute(q);
  }
}

export async function stagedCounts(
  q: Q,
  importId: number,
): Promise<{ rejected: number; create: number; update: number; unchanged: number }> {
  const result = await sql<{ action: string | null; n: number }>`
    SELECT CASE WHEN errors IS NULL THEN action END AS action, count(*)::int AS n
    FROM import_member_row WHERE import_id = ${importId} GROUP BY 1`.execute(q);
  const counts = { rejected: 0, create: 0, update: 0, unchanged: 0 };
  for (const r of result.rows) {
    if (r.action === null) counts.rejected += Number(r.n);
    else counts[r.action as 'create' | 'update' | 'unchanged'] += Number(r.n);
  }
  return counts;
}

/**
 * Applies the accepted rows of `range`, set-based: new members (with the ids drawn when they were
 * staged), their membership from admission (or the cell's founding, for a member admitted before
 * it existed), admission and recognition events; updated profiles with a correction event.
 */
export async function applyStagedMembers(
  q: Q,
  importId: number,
  range: RowRange,
  actor: string,
  today: string,
): Promise<void> {
  const accepted = sql`import_id = ${importId} AND row_no BETWEEN ${range.from} AND ${range.to}
    AND errors IS NULL`;
  await sql`INSERT INTO member (id, full_name, other_name, sort_key, sex, birth_date, birth_date_precision,
      birth_place, hometown, ethnicity, religion, national_id, party_card_no, admission_date, official_date,
      education, qualification, theory_level, occupation, standing, cell_id)
    SELECT member_id, full_name, other_name, sort_key, sex, birth_date, birth_date_precision,
      birth_place, hometown, ethnicity, religion, national_id, party_card_no, admission_date, official_date,
      education, qualification, theory_level, occupation,
      CASE WHEN official_date IS NULL THEN 'probationary' ELSE 'official' END, cell_id
    FROM import_member_row WHERE ${accepted} AND action = 'create' ORDER BY row_no`.execute(q);
  await sql`INSERT INTO membership (member_id, cell_id, valid_from)
    SELECT member_id, cell_id, greatest(admission_date, cell_founded) FROM import_member_row WHERE ${accepted} AND action = 'create'`.execute(
    q,
  );
  await sql`INSERT INTO member_event (member_id, kind, event_date, decision_ref, actor, details)
    SELECT member_id, 'admission', admission_date, decision_ref, ${actor},
      jsonb_build_object('cellCode', cell_code, 'importId', import_id, 'row', row_no)
    FROM import_member_row WHERE ${accepted} AND action = 'create'
    UNION ALL
    SELECT member_id, 'recognition', official_date, NULL, ${actor},
      jsonb_build_object('importId', import_id, 'row', row_no)
    FROM import_member_row WHERE ${accepted} AND action = 'create' AND official_date IS NOT NULL`.execute(q);
  await sql`UPDATE member m SET
      full_name = coalesce(r.full_name, m.full_name), other_name = coalesce(r.other_name, m.other_name),
      sort_key = coalesce(r.sort_key, m.sort_key), sex = coalesce(r.sex, m.sex),
      birth_date = coalesce(r.birth_date, m.birth_date),
      birth_date_precision = coalesce(r.birth_date_precision, m.birth_date_precision),
      birth_place = coalesce(r.birth_place, m.birth_place), hometown = coalesce(r.hometown, m.hometown),
      ethnicity = coalesce(r.ethnicity, m.ethnicity), religion = coalesce(r.religion, m.religion),
      national_id = coalesce(r.national_id, m.national_id), party_card_no = coalesce(r.party_card_no, m.party_card_no),
      education = coalesce(r.education, m.education), qualification = coalesce(r.qualification, m.qualification),
      theory_level = coalesce(r.theory_level, m.theory_level), occupation = coalesce(r.occupation, m.occupation)
    FROM import_member_row r WHERE r.import_id = ${importId} AND r.row_no BETWEEN ${range.from} AND ${range.to}
      AND r.errors IS NULL AND r.action = 'update' AND m.id = r.member_id`.execute(q);
  await sql`INSERT INTO member_event (member_id, kind, event_date, decision_ref, actor, details)
    SELECT member_id, 'correction', ${today}::date, NULL, ${actor},
      jsonb_build_object('importId', import_id, 'row', row_no)
    FROM import_member_row WHERE ${accepted} AND action = 'update'`.execute(q);
}

/** The cells of the members an import updated, to recount. */
export async function updatedCells(q: Q, importId: number): Promise<number[]> {
  const cells = await sql<{ id: number }>`SELECT DISTINCT cell_id AS id FROM import_member_row
    WHERE import_id = ${importId} AND errors IS NULL AND action = 'update' ORDER BY 1`.execute(q);
  return cells.rows.map((r) => Number(r.id));
}

/**
 * Adds the new members to their cells' kept counts (migration 0021) instead of recounting the
 * cells: each counted as `member_stat_rows` counts a member with one open membership from
 * `greatest(admission, cell founded)`. One pass of grouping sets, a set per dimension, rather
 * than a row per member and dimension (13 M rows for a 1 M-row file).
 */
export async function countNewMembers(q: Q, importId: number): Promise<void> {
  const accepted = sql`import_id = ${importId} AND errors IS NULL`;
  await sql`SELECT member_stat_added_open()`.execute(q);
  await sql`INSERT INTO member_stat_added (cell_id, dim, value, n)
    SELECT g.cell_id, d.dim, d.value, d.n FROM (
      SELECT cell_id, standing, sex, birth_month, admission_year, ethnicity, religion, education,
        theory_level, joined_year, official_year, count(*)::int AS n
      FROM (SELECT r.cell_id,
          CASE WHEN r.official_date IS NULL THEN 'probationary' ELSE 'official' END AS standing,
          r.sex, to_char(r.birth_date, 'YYYY-MM') AS birth_month,
          to_char(r.admission_date, 'YYYY') AS admission_year,
          coalesce(r.ethnicity, '') AS ethnicity, coalesce(r.religion, '') AS religion,
          coalesce(r.education, '') AS education, coalesce(r.theory_level, '') AS theory_level,
          to_char(greatest(r.admission_date, r.cell_founded), 'YYYY') AS joined_year,
          -- '' (not null) for a probationary member: null marks the set a column is not grouped in
          CASE WHEN r.official_date IS NULL THEN ''
            ELSE to_char(greatest(r.admission_date, r.cell_founded, r.official_date), 'YYYY') END AS official_year
        FROM import_member_row r WHERE ${accepted} AND r.action = 'create') r
      GROUP BY GROUPING SETS ((cell_id), (cell_id, standing), (cell_id, sex), (cell_id, birth_month),
        (cell_id, admission_year), (cell_id, ethnicity), (cell_id, religion), (cell_id, education),
        (cell_id, theory_level), (cell_id, joined_year), (cell_id, official_year))) g
    CROSS JOIN LATERAL (VALUES
      ('state', CASE WHEN num_nonnulls(g.standing, g.sex, g.birth_month, g.admission_year, g.ethnicity,
        g.religion, g.education, g.theory_level, g.joined_year, g.official_year) = 0 THEN 'active' END, g.n),
      ('standing', g.standing, g.n),
      ('sex', g.sex, g.n),
      ('birth_month', g.birth_month, g.n),
      ('admission_year', g.admission_year, g.n),
      ('ethnicity', g.ethnicity, g.n),
      ('religion', g.religion, g.n),
      ('education', g.education, g.n),
      ('theory_level', g.theory_level, g.n),
      ('series_admitted', g.admission_year, g.n),
      -- a member who joined the cell after the admission year moved in then (add_member_stats
      -- sums the two and keeps what is not zero)
      ('series_moved', g.joined_year, g.n),
      ('series_moved', g.admission_year, -g.n),
      ('series_official', nullif(g.official_year, ''), g.n)
    ) AS d (dim, value, n)
    WHERE d.value IS NOT NULL`.execute(q);
  await sql`SELECT add_member_stats()`.execute(q);
}

/** Keeps the rejected rows of a member import and drops its scratch rows. */
export async function closeStaging(q: Q, importId: number): Promise<void> {
  await sql`INSERT INTO import_rejected_row (import_id, row_no, raw, errors)
    SELECT import_id, row_no, raw, errors FROM import_member_row
    WHERE import_id = ${importId} AND errors IS NOT NULL`.execute(q);
  await sql`DELETE FROM import_member_row WHERE import_id = ${importId}`.execute(q);
}

// ——— organization rows: each applied under a savepoint, so one bad row does not undo the others ———

export async function savepoint(q: Q): Promise<void> {
  await sql`SAVEPOINT import_row`.execute(q);
}

export async function releaseSavepoint(q: Q): Promise<void> {
  await sql`RELEASE SAVEPOINT import_row`.execute(q);
}

export async function rollbackToSavepoint(q: Q): Promise<void> {
  await sql`ROLLBACK TO SAVEPOINT import_row`.execute(q);
}

export interface OrgRow {
  code: string;
  name: string;
  kind: string;
  parentCode: string | null;
  validFrom: string;
}

/** The first version of a unit (what an organization file describes), by code. */
export async function orgByCode(q: Q, code: string): Promise<OrgRow | undefined> {
  const result =
    await sql<OrgRow>`SELECT u.code, v.name, v.kind, p.code AS "parentCode", v.valid_from AS "validFrom"
    FROM org_unit u JOIN org_unit_version v ON v.unit_id = u.id
    LEFT JOIN org_unit p ON p.id = v.parent_id
    WHERE u.code = ${code} ORDER BY v.valid_from LIMIT 1`.execute(q);
  return result.rows[0];
}
