/**
 * Every query of the member registry. Cells are read from the organization tree (read only);
 * rolled-up counts are refreshed by `refresh_member_stats()` in the same transaction as a change.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB, MemberState } from '../../db/tables.ts';

type Q = Kysely<DB>;

export interface CellRow {
  unitId: number;
  code: string;
  name: string;
  kind: string;
  path: string;
  parentId: number | null;
  topId: number | null;
}

export async function findUnitAsOf(q: Q, code: string, date: string): Promise<CellRow | undefined> {
  const result =
    await sql<CellRow>`SELECT v.unit_id AS "unitId", u.code, v.name, v.kind, v.path::text AS path,
      v.parent_id AS "parentId", v.top_id AS "topId"
    FROM org_unit u JOIN org_unit_version v ON v.unit_id = u.id
    WHERE u.code = ${code} AND v.valid_from <= ${date}::date AND (v.valid_to IS NULL OR v.valid_to > ${date}::date)`.execute(
      q,
    );
  return result.rows[0];
}

export async function findRefCode(
  q: Q,
  table: 'ref_ethnicity' | 'ref_religion' | 'ref_education' | 'ref_theory_level',
  codeOrName: string,
): Promise<string | undefined> {
  const result = await sql<{ code: string }>`SELECT code FROM ${sql.table(table)}
    WHERE code = ${codeOrName} OR vn_fold(name) = vn_fold(${codeOrName}) ORDER BY sort LIMIT 1`.execute(q);
  return result.rows[0]?.code;
}

/** The profile as stored (reference fields as codes on the way in, as names on the way out). */
export interface MemberFields {
  fullName: string;
  otherName: string | null;
  sex: 'male' | 'female';
  birthDate: string;
  birthDatePrecision: 'day' | 'month' | 'year';
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
  standing: 'probationary' | 'official';
  cellId: number;
}

export interface NewMember extends MemberFields {
  sortKey: string;
}

export async function insertMember(q: Q, m: NewMember): Promise<number> {
  const row = await q
    .insertInto('member')
    .values({
      full_name: m.fullName,
      other_name: m.otherName,
      sort_key: m.sortKey,
      sex: m.sex,
      birth_date: m.birthDate,
      birth_date_precision: m.birthDatePrecision,
      birth_place: m.birthPlace,
      hometown: m.hometown,
      ethnicity: m.ethnicity,
      religion: m.religion,
      national_id: m.nationalId,
      party_card_no: m.partyCardNo,
      admission_date: m.admissionDate,
      official_date: m.officialDate,
      education: m.education,
      qualification: m.qualification,
      theory_level: m.theoryLevel,
      occupation: m.occupation,
      standing: m.standing,
      cell_id: m.cellId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function memberIdByNationalId(q: Q, nationalId: string): Promise<number | undefined> {
  const row = await q
    .selectFrom('member')
    .select('id')
    .where('national_id', '=', nationalId)
    .executeTakeFirst();
  return row ? Number(row.id) : undefined;
}

export async function memberIdByCardNo(q: Q, cardNo: string): Promise<number | undefined> {
  const row = await q
    .selectFrom('member')
    .select('id')
    .where('party_card_no', '=', cardNo)
    .executeTakeFirst();
  return row ? Number(row.id) : undefined;
}

export interface MemberRow extends MemberFields {
  id: number;
  state: MemberState;
  cellCode: string;
  cellName: string;
}

// the reference names as scalar sub-selects rather than joins: four fewer relations for the
// planner to order (planning took 1.6 ms of a 50-row fetch, now 0.3 ms)
const memberColumns = sql`m.id, m.full_name AS "fullName", m.other_name AS "otherName", m.sex,
  m.birth_date AS "birthDate", m.birth_date_precision AS "birthDatePrecision", m.birth_place AS "birthPlace",
  m.hometown, (SELECT name FROM ref_ethnicity WHERE code = m.ethnicity) AS ethnicity,
  (SELECT name FROM ref_religion WHERE code = m.religion) AS religion, m.national_id AS "nationalId",
  m.party_card_no AS "partyCardNo", m.admission_date AS "admissionDate", m.official_date AS "officialDate",
  (SELECT name FROM ref_education WHERE code = m.education) AS education, m.qualification,
  (SELECT name FROM ref_theory_level WHERE code = m.theory_level) AS "theoryLevel", m.occupation,
  m.standing, m.state, m.cell_id AS "cellId", u.code AS "cellCode", cv.name AS "cellName"`;

const memberJoins = sql`JOIN org_unit u ON u.id = m.cell_id
  JOIN LATERAL (SELECT name FROM org_unit_version WHERE unit_id = m.cell_id
    ORDER BY valid_from DESC, id DESC LIMIT 1) cv ON TRUE`;

export async function getMember(q: Q, id: number): Promise<MemberRow | undefined> {
  const result =
    await sql<MemberRow>`SELECT ${memberColumns} FROM member m ${memberJoins} WHERE m.id = ${id}`.execute(q);
  const row = result.rows[0];
  return row ? { ...row, id: Number(row.id) } : undefined;
}

/** Locks the member row for the rest of the transaction (two officers acting at once). */
export async function lockMember(q: Q, id: number): Promise<void> {
  await sql`SELECT 1 FROM member WHERE id = ${id} FOR UPDATE`.execute(q);
}

/** A LIKE pattern finding `token` anywhere, its wildcards escaped. */
export function likePattern(token: string): string {
  return `%${token.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Filters of a member list, as stored values (reference codes, date bounds). */
export interface MemberFilters {
  sex?: 'male' | 'female';
  ethnicity?: string;
  religion?: string;
  education?: string;
  theoryLevel?: string;
  bornFrom?: string;
  bornTo?: string;
  admittedFrom?: string;
  admittedTo?: string;
}

/**
 * How many rows of the name order a search walks before it falls back to the trigram index. A
 * common phrase (`tran thi`: ~4 % of the registry) fills a page within a few thousand rows of the
 * walk, where the trigram index would hand over every match to be sorted; a rare one does not, and
 * the index finds its few matches directly.
 */
const NAME_WALK_ROWS = 10_000;

/**
 * Members whose folded name contains every folded token (or whose national ID / card number is
 * the query), within `scopePath` when given. Best first: the ID or the name as typed, then the
 * name without diacritics, then the phrase with its diacritics, then without, then the words in
 * any order; within each, Vietnamese order (given name first).
 */
export async function searchMembers(
  q: Q,
  query: {
    text: string;
    foldedTokens: string[];
    scopePath: string | null;
    states: readonly MemberState[] | null;
    standing: 'probationary' | 'official' | null;
    filters: MemberFilters;
    limit: number;
  },
): Promise<MemberRow[]> {
  const f = query.filters;
  const extra = [
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
  const extraFilter = extra.length > 0 ? sql.join(extra, sql` AND `) : sql`TRUE`;
  const stateFilter =
    query.states === null ? sql`TRUE` : sql`m.state = ANY(${query.states as MemberState[]}::text[])`;
  const standingFilter = query.standing === null ? sql`TRUE` : sql`m.standing = ${query.standing}`;
  const scope =
    query.scopePath === null
      ? sql`TRUE`
      : sql`EXISTS (SELECT 1 FROM org_unit_version sv WHERE sv.unit_id = m.cell_id AND sv.valid_to IS NULL
          AND sv.path <@ ${query.scopePath}::ltree)`;
  const filters = sql`${scope} AND ${stateFilter} AND ${standingFilter} AND ${extraFilter}`;
  // the walk reads the name columns of its index only: it serves searches without other filters
  const walk =
    query.scopePath === null && query.states === null && query.standing === null && extra.length === 0;
  const folded = query.foldedTokens.join(' ');
  const compact = query.text.replace(/\s/g, '');
  const idMatch = /^[0-9A-Za-z-]{4,}$/.test(compact)
    ? sql`m.national_id = ${compact} OR m.party_card_no = ${compact}`
    : sql`FALSE`;
  // the name exactly (ignoring diacritics), by the b-tree on the folded name
  const exact = query.foldedTokens.length > 0 ? sql`m.name_folded = ${folded}` : sql`FALSE`;
  const words = sql.join(
    query.foldedTokens.map((t) => sql`m.name_folded LIKE ${likePattern(t)}`),
    sql` AND `,
  );
  // The phrase is the words and a substring test the trigram index does not see: searched as one
  // pattern, its trigrams would add those at the inner word ends ("ui ", " kh", "ai "), among the
  // longest posting lists of the index, and a rare name would cost twice as much.
  const phrase =
    query.foldedTokens.length > 1 ? sql`(${words} AND strpos(m.name_folded, ${folded}) > 0)` : words;

  const found: number[] = [];
  const take = async (ids: Promise<number[]>) => {
    if (found.length < query.limit) found.push(...(await ids));
  };
  const room = () => query.limit - found.length;
  // 1. the ID, or the name: as typed first, then without diacritics
  await take(
    sql<{ id: number }>`SELECT m.id FROM member m WHERE (${idMatch} OR ${exact}) AND ${filters}
      ORDER BY (lower(m.full_name) = lower(${query.text})) DESC, m.sort_key, m.id LIMIT ${room()}`
      .execute(q)
      .then((r) => r.rows.map((row) => Number(row.id))),
  );
  if (query.foldedTokens.length === 0) {
    // no name: the members of the scope, in name order
    await take(membersInNameOrder(q, filters, room()));
  } else {
    // 2. the phrase: with its diacritics as typed, then without; 3. the words in any order
    const typedWithDiacritics = query.text.toLowerCase() !== folded;
    const accented = sql`(${phrase} AND m.full_name ILIKE ${likePattern(query.text)})`;
    // a pass alone is searched through its own pattern: a rare phrase of common words is found
    // by the phrase's trigrams, the words' would match millions
    const byPhrase = sql`m.name_folded LIKE ${likePattern(folded)}`;
    const passes = [
      ...(typedWithDiacritics ? [{ match: sql`${accented} AND NOT ${exact}`, index: byPhrase }] : []),
      {
        match: typedWithDiacritics
          ? sql`${phrase} AND NOT ${exact} AND NOT ${accented}`
          : sql`${phrase} AND NOT ${exact}`,
        index: byPhrase,
      },
      ...(query.foldedTokens.length > 1 ? [{ match: sql`NOT ${phrase}`, index: words }] : []),
    ];
    await take(matchesByPass(q, words, passes, filters, room(), walk));
  }
  return membersInOrder(q, found);
}

/**
 * The members whose name has every word (`words`), `limit` of them: those of each pass in turn,
 * each pass in name order. Without other filters the first NAME_WALK_ROWS entries of the name
 * order (the covering index `member_name_walk`) are walked once and show how dense each pass is:
 * a pass with enough matches there is taken from the walk (a common name); the others come from
 * the trigram index and a sort — one query over the words for every remaining pass when the walk
 * found them all sparse (a rare name), else pass by pass through the pass's own pattern (`index`).
 */
async function matchesByPass(
  q: Q,
  words: RawBuilder<unknown>,
  passes: readonly { match: RawBuilder<unknown>; index: RawBuilder<unknown> }[],
  filters: RawBuilder<unknown>,
  limit: number,
  walk: boolean,
): Promise<number[]> {
  const passOf = (from: number, to: number) =>
    sql`(CASE ${sql.join(
      passes.slice(from, to).map((p, i) => sql`WHEN ${p.match} THEN ${from + i}::int`),
      sql` `,
    )} END)`;
  const walked = walk
    ? (
        await sql<{ id: string; pass: number }>`SELECT id, pass FROM (
        SELECT m.id, m.pass, row_number() OVER (PARTITION BY m.pass ORDER BY m.sort_key, m.id) AS n FROM (
          SELECT m.id, m.sort_key, ${passOf(0, passes.length)} AS pass FROM (
            SELECT id, sort_key, name_folded, full_name FROM member ORDER BY sort_key, id LIMIT ${NAME_WALK_ROWS}) m
          WHERE ${words}) m
        WHERE m.pass IS NOT NULL) w
      WHERE n <= ${limit} ORDER BY pass, n`.execute(q)
      ).rows.map((w) => ({ id: Number(w.id), pass: Number(w.pass) }))
    : [];
  const found: number[] = [];
  for (let i = 0; i < passes.length && found.length < limit; i++) {
    const room = limit - found.length;
    const inWalk = walked.filter((w) => w.pass === i);
    if (walk && inWalk.length >= room) {
      found.push(...inWalk.slice(0, room).map((w) => w.id));
      continue;
    }
    const sparse = walk && walked.filter((w) => w.pass >= i).length < room;
    const to = sparse ? passes.length : i + 1;
    const indexed = await sql<{ id: string }>`SELECT m.id FROM member m
      WHERE ${sparse ? words : (passes[i] as (typeof passes)[number]).index} AND ${passOf(i, to)} IS NOT NULL
        AND ${filters}
      ORDER BY ${passOf(i, to)}, m.sort_key, m.id LIMIT ${room}`.execute(q);
    found.push(...indexed.rows.map((r) => Number(r.id)));
    i = to - 1;
  }
  return found;
}

/** The members found (ids, best first) with their profile columns, in that order. */
async function membersInOrder(q: Q, found: number[]): Promise<MemberRow[]> {
  if (found.length === 0) return [];
  const result = await sql<MemberRow>`SELECT ${memberColumns}
    FROM unnest(${found}::bigint[]) WITH ORDINALITY AS hit (id, rank)
    JOIN member m ON m.id = hit.id ${memberJoins} ORDER BY hit.rank`.execute(q);
  return result.rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** The first `limit` members of the scope in name order (a list without a name to search). */
async function membersInNameOrder(q: Q, filters: RawBuilder<unknown>, limit: number): Promise<number[]> {
  if (limit <= 0) return [];
  const rows = await sql<{ id: number }>`SELECT m.id FROM member m WHERE ${filters}
    ORDER BY m.sort_key, m.id LIMIT ${limit}`.execute(q);
  return rows.rows.map((r) => Number(r.id));
}

/** The first day a unit existed (its first version). */
export async function unitFoundedOn(q: Q, unitId: number): Promise<string | null> {
  const result = await sql<{
    d: string | null;
  }>`SELECT min(valid_from) AS d FROM org_unit_version WHERE unit_id = ${unitId}`.execute(q);
  return result.rows[0]?.d ?? null;
}

export async function insertMembership(q: Q, memberId: number, cellId: number, from: string): Promise<void> {
  await q
    .insertInto('membership')
    .values({ member_id: memberId, cell_id: cellId, valid_from: from })
    .execute();
}

export async function closeMembership(q: Q, memberId: number, date: string): Promise<number> {
  const result = await q
    .updateTable('membership')
    .set({ valid_to: date })
    .where('member_id', '=', memberId)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function latestMembershipStart(q: Q, memberId: number): Promise<string | null> {
  const result = await sql<{
    d: string | null;
  }>`SELECT max(valid_from) AS d FROM membership WHERE member_id = ${memberId}`.execute(q);
  return result.rows[0]?.d ?? null;
}

export async function insertEvent(
  q: Q,
  e: {
    memberId: number;
    kind: string;
    date: string;
    decisionRef: string | null;
    actor: string;
    details?: object;
  },
): Promise<void> {
  await q
    .insertInto('member_event')
    .values({
      member_id: e.memberId,
      kind: e.kind,
      event_date: e.date,
      decision_ref: e.decisionRef,
      actor: e.actor,
      details: JSON.stringify(e.details ?? {}),
    })
    .execute();
}

export async function eventsOf(q: Q, memberId: number) {
  const rows = await q
    .selectFrom('member_event')
    .select(['id', 'kind', 'event_date', 'decision_ref', 'actor', 'details', 'recorded_at'])
    .where('member_id', '=', memberId)
    .orderBy('event_date')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

export async function membershipsOf(q: Q, memberId: number) {
  const result = await sql<{ cellCode: string; cellName: string; validFrom: string; validTo: string | null }>`
    SELECT u.code AS "cellCode", cv.name AS "cellName", ms.valid_from AS "validFrom", ms.valid_to AS "validTo"
    FROM membership ms JOIN org_unit u ON u.id = ms.cell_id
    JOIN LATERAL (SELECT name FROM org_unit_version WHERE unit_id = ms.cell_id
      ORDER BY (valid_from <= ms.valid_from) DESC, valid_from DESC, id DESC LIMIT 1) cv ON TRUE
    WHERE ms.member_id = ${memberId} ORDER BY ms.valid_from, ms.id`.execute(q);
  return result.rows;
}

export interface TransferRow {
  id: number;
  kind: 'official' | 'temporary';
  fromCellId: number;
  toCellId: number;
  fromCellCode: string;
  toCellCode: string;
  introductionDate: string;
  receivedDate: string | null;
  decisionRef: string | null;
}

const transferSelect = sql`SELECT t.id, t.kind, t.from_cell_id AS "fromCellId", t.to_cell_id AS "toCellId",
    fu.code AS "fromCellCode", tu.code AS "toCellCode", t.introduction_date AS "introductionDate",
    t.received_date AS "receivedDate", t.decision_ref AS "decisionRef"
  FROM member_transfer t JOIN org_unit fu ON fu.id = t.from_cell_id JOIN org_unit tu ON tu.id = t.to_cell_id`;

export async function transfersOf(q: Q, memberId: number): Promise<TransferRow[]> {
  const result = await sql<TransferRow>`${transferSelect} WHERE t.member_id = ${memberId}
    ORDER BY t.introduction_date, t.id`.execute(q);
  return result.rows.map((r) => ({ ...r, id: Number(r.id) }));
}

export async function openTransferOf(q: Q, memberId: number): Promise<TransferRow | undefined> {
  const result =
    await sql<TransferRow>`${transferSelect} WHERE t.member_id = ${memberId} AND t.received_date IS NULL`.execute(
      q,
    );
  const row = result.rows[0];
  return row ? { ...row, id: Number(row.id) } : undefined;
}

export async function insertTransfer(
  q: Q,
  t: {
    memberId: number;
    kind: 'official' | 'temporary';
    fromCellId: number;
    toCellId: number;
    date: string;
    decisionRef: string | null;
  },
): Promise<void> {
  await q
    .insertInto('member_transfer')
    .values({
      member_id: t.memberId,
      kind: t.kind,
      from_cell_id: t.fromCellId,
      to_cell_id: t.toCellId,
      introduction_date: t.date,
      decision_ref: t.decisionRef,
    })
    .execute();
}

export async function markTransferReceived(q: Q, transferId: number, date: string): Promise<void> {
  await q.updateTable('member_transfer').set({ received_date: date }).where('id', '=', transferId).execute();
}

export async function updateMember(
  q: Q,
  id: number,
  change: {
    state?: MemberState;
    standing?: 'official' | 'probationary';
    officialDate?: string;
    cellId?: number;
  },
): Promise<void> {
  await q
    .updateTable('member')
    .set({
      ...(change.state ? { state: change.state } : {}),
      ...(change.standing ? { standing: change.standing } : {}),
      ...(change.officialDate ? { official_date: change.officialDate } : {}),
      ...(change.cellId ? { cell_id: change.cellId } : {}),
    })
    .where('id', '=', id)
    .execute();
}

export async function refreshStats(q: Q, cellIds: number[]): Promise<void> {
  if (cellIds.length === 0) return;
  await sql`SELECT refresh_member_stats(${cellIds}::int[])`.execute(q);
}

/** Cells moved to another committee take their rolled-up counts with them (nothing is recounted). */
export async function moveStats(q: Q, cellIds: number[]): Promise<void> {
  if (cellIds.length === 0) return;
  await sql`SELECT move_member_stats(${cellIds}::int[])`.execute(q);
}

/** Cells (member-holding units) in the current subtree of `path`. */
export async function currentCellsUnder(q: Q, path: string): Promise<number[]> {
  const result = await sql<{ id: number }>`SELECT unit_id AS id FROM org_unit_version
    WHERE valid_to IS NULL AND path <@ ${path}::ltree AND kind IN ('cell', 'grassroots_cell')`.execute(q);
  return result.rows.map((r) => r.id);
}

export type StatRow = { dim: string; value: string; n: number };

export type StatScope = { kind: 'all' } | { kind: 'top'; topId: number } | { kind: 'subtree'; path: string };

/** The dimensions of today's members (the series dimensions are kept beside them, see 0019). */
export const CURRENT_DIMS = [
  'standing',
  'state',
  'sex',
  'birth_month',
  'admission_year',
  'ethnicity',
  'religion',
  'education',
  'theory_level',
] as const;
export const SERIES_DIMS = ['series_admitted', 'series_moved', 'series_official'] as const;

/**
 * Rolled-up counts of the given dimensions: of every province (and of cells outside any), of one
 * province, or of the cells under `path` — those open today and those closed since (merged or
 * dissolved) whose last version was there, like a committee keeps the counts of its closed cells.
 */
export async function statsFromRollup(
  q: Q,
  scope: StatScope,
  dims: readonly string[] = CURRENT_DIMS,
): Promise<StatRow[]> {
  const dimIn = (column: string) => sql`${sql.ref(column)} = ANY(${dims as string[]}::text[])`;
  if (scope.kind === 'all') {
    const result = await sql<StatRow>`SELECT dim, value, sum(n)::int AS n FROM (
        SELECT dim, value, n FROM member_stat_top WHERE ${dimIn('dim')}
        UNION ALL SELECT s.dim, s.value, s.n FROM member_stat_cell_top t
          JOIN member_stat_cell s ON s.cell_id = t.cell_id WHERE t.top_id IS NULL AND ${dimIn('s.dim')}) s
      GROUP BY dim, value`.execute(q);
    return result.rows;
  }
  if (scope.kind === 'top') {
    const result = await sql<StatRow>`SELECT dim, value, n FROM member_stat_top
      WHERE top_id = ${scope.topId} AND ${dimIn('dim')}`.execute(q);
    return result.rows;
  }
  // The units first, then their counts by the primary key: joined in one statement, the planner
  // expected far more cells than a subtree has and read every kept count (0.2–0.6 s for a district
  // on a province's embedded database, 20 ms this way).
  const units = await sql<{ id: number }>`SELECT v.unit_id AS id FROM org_unit_version v
    WHERE v.path <@ ${scope.path}::ltree AND (v.valid_to IS NULL OR NOT EXISTS (SELECT 1 FROM org_unit_version w
      WHERE w.unit_id = v.unit_id AND (w.valid_from, w.id) > (v.valid_from, v.id)))`.execute(q);
  const result = await sql<StatRow>`SELECT dim, value, sum(n)::int AS n FROM member_stat_cell
    WHERE cell_id = ANY(${units.rows.map((u) => u.id)}::int[]) AND ${dimIn('dim')}
    GROUP BY dim, value`.execute(q);
  return result.rows;
}

/** The same counts computed from membership intervals as of a past date. */
export async function statsFromRegistry(q: Q, path: string, date: string): Promise<StatRow[]> {
  const result = await sql<StatRow>`SELECT d.dim, d.value, count(*)::int AS n
    FROM membership ms
    JOIN org_unit_version v ON v.unit_id = ms.cell_id AND v.valid_from <= ${date}::date
      AND (v.valid_to IS NULL OR v.valid_to > ${date}::date)
    JOIN member m ON m.id = ms.member_id
    CROSS JOIN LATERAL (VALUES
      ('standing', CASE WHEN m.official_date IS NOT NULL AND m.official_date <= ${date}::date THEN 'official' ELSE 'probationary' END),
      ('state', 'active'),
      ('sex', m.sex),
      ('birth_month', to_char(m.birth_date, 'YYYY-MM')),
      ('admission_year', to_char(m.admission_date, 'YYYY')),
      ('ethnicity', coalesce(m.ethnicity, '')),
      ('religion', coalesce(m.religion, '')),
      ('education', coalesce(m.education, '')),
      ('theory_level', coalesce(m.theory_level, ''))) AS d (dim, value)
    WHERE v.path <@ ${path}::ltree AND ms.valid_from <= ${date}::date
      AND (ms.valid_to IS NULL OR ms.valid_to > ${date}::date)
    GROUP BY d.dim, d.value`.execute(q);
  return result.rows;
}

export async function refNames(q: Q): Promise<Map<string, string>> {
  const result = await sql<{ key: string; name: string }>`
    SELECT 'ethnicity:' || code AS key, name FROM ref_ethnicity
    UNION ALL SELECT 'religion:' || code, name FROM ref_religion
    UNION ALL SELECT 'education:' || code, name FROM ref_education
    UNION ALL SELECT 'theory_level:' || code, name FROM ref_theory_level`.execute(q);
  return new Map(result.rows.map((r) => [r.key, r.name]));
}

/** Probationary active members in the subtree whose probation ended before `until`. */
export async function probationaryUnder(q: Q, path: string, admittedBefore: string): Promise<MemberRow[]> {
  const result = await sql<MemberRow>`SELECT ${memberColumns} FROM member m ${memberJoins}
    JOIN org_unit_version pv ON pv.unit_id = m.cell_id AND pv.valid_to IS NULL
    WHERE pv.path <@ ${path}::ltree AND m.standing = 'probationary' AND m.state = 'active'
      AND m.admission_date <= ${admittedBefore}::date
    ORDER BY m.admission_date, m.sort_key LIMIT 5000`.execute(q);
  return result.rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** Members of the given cells (for moving them when cells are merged). */
export async function activeMembersOfCells(q: Q, cellIds: number[]): Promise<number[]> {
  if (cellIds.length === 0) return [];
  const rows = await q
    .selectFrom('member')
    .select('id')
    .where('cell_id', 'in', cellIds)
    .where('state', '=', 'active')
    .execute();
  return rows.map((r) => Number(r.id));
}

export async function countMembersOfCells(q: Q, cellIds: number[]): Promise<number> {
  if (cellIds.length === 0) return 0;
  const result = await sql<{ n: number }>`SELECT count(*)::int AS n FROM member
    WHERE cell_id = ANY(${cellIds}::int[]) AND state IN ('active', 'in_transit')`.execute(q);
  return result.rows[0]?.n ?? 0;
}

/** Moves every active member of `fromCellIds` into `toCellId` on `date`: new memberships, same transaction. */
export async function moveMembersBetweenCells(
  q: Q,
  fromCellIds: number[],
  toCellId: number,
  date: string,
): Promise<number> {
  if (fromCellIds.length === 0) return 0;
  await sql`UPDATE membership ms SET valid_to = ${date}::date
    FROM member m WHERE m.id = ms.member_id AND m.cell_id = ANY(${fromCellIds}::int[]) AND m.state = 'active'
      AND ms.valid_to IS NULL`.execute(q);
  await sql`INSERT INTO membership (member_id, cell_id, valid_from)
    SELECT id, ${toCellId}, ${date}::date FROM member WHERE cell_id = ANY(${fromCellIds}::int[]) AND state = 'active'`.execute(
    q,
  );
  const result = await sql<{ n: number }>`WITH moved AS (
      UPDATE member SET cell_id = ${toCellId} WHERE cell_id = ANY(${fromCellIds}::int[]) AND state = 'active' RETURNING 1)
    SELECT count(*)::int AS n FROM moved`.execute(q);
  return result.rows[0]?.n ?? 0;
}

/** Size of each cell (for the structural warnings). */
export async function cellSize(q: Q, cellId: number): Promise<{ total: number; official: number }> {
  const result = await sql<{ total: number; official: number }>`SELECT
      coalesce(sum(n) FILTER (WHERE dim = 'state'), 0)::int AS total,
      coalesce(sum(n) FILTER (WHERE dim = 'standing' AND value = 'official'), 0)::int AS official
    FROM member_stat_cell WHERE cell_id = ${cellId}`.execute(q);
  return result.rows[0] ?? { total: 0, official: 0 };
}

export async function admissionTargetOf(
  q: Q,
  year: number,
): Promise<{ min: number; max: number } | undefined> {
  return (await admissionTargetsBetween(q, year, year)).get(year);
}

/** The yearly targets set for the years `from`–`to` (years without one are absent). */
export async function admissionTargetsBetween(
  q: Q,
  from: number,
  to: number,
): Promise<Map<number, { min: number; max: number }>> {
  const rows = await q
    .selectFrom('admission_target')
    .select(['year', 'min_rate', 'max_rate'])
    .where('year', '>=', from)
    .where('year', '<=', to)
    .execute();
  return new Map(rows.map((r) => [r.year, { min: Number(r.min_rate), max: Number(r.max_rate) }]));
}

/** The cells a member ever belonged to (a changed official date changes the series of each). */
export async function cellsOfMember(q: Q, memberId: number): Promise<number[]> {
  const rows = await q
    .selectFrom('membership')
    .select('cell_id')
    .distinct()
    .where('member_id', '=', memberId)
    .execute();
  return rows.map((r) => r.cell_id);
}

/**
 * Active members in the subtree who reach a badge milestone in (`after`, `until`] and have not been
 * awarded it, with the milestones they already hold.
 */
export async function badgeCandidatesUnder(
  q: Q,
  path: string,
  milestones: readonly number[],
  after: string,
  until: string,
  limit: number,
): Promise<(MemberRow & { awarded: number[] })[]> {
  const result = await sql<MemberRow & { awarded: number[] | null }>`SELECT ${memberColumns},
      (SELECT array_agg(b.years ORDER BY b.years) FROM member_badge b WHERE b.member_id = m.id) AS awarded
    FROM member m ${memberJoins}
    JOIN org_unit_version pv ON pv.unit_id = m.cell_id AND pv.valid_to IS NULL
    WHERE pv.path <@ ${path}::ltree AND m.state = 'active'
      AND m.admission_date <= ${until}::date - interval '30 years'
      AND EXISTS (SELECT 1 FROM unnest(${milestones as number[]}::int[]) ms
        WHERE (m.admission_date + make_interval(years => ms))::date > ${after}::date
          AND (m.admission_date + make_interval(years => ms))::date <= ${until}::date
          AND NOT EXISTS (SELECT 1 FROM member_badge b WHERE b.member_id = m.id AND b.years >= ms))
    ORDER BY m.admission_date, m.sort_key LIMIT ${limit}`.execute(q);
  return result.rows.map((r) => ({ ...r, id: Number(r.id), awarded: r.awarded ?? [] }));
}

export async function badgesOf(q: Q, memberId: number): Promise<number[]> {
  const rows = await q
    .selectFrom('member_badge')
    .select('years')
    .where('member_id', '=', memberId)
    .orderBy('years')
    .execute();
  return rows.map((r) => r.years);
}

export async function insertBadge(
  q: Q,
  b: { memberId: number; years: number; date: string; decisionRef: string | null },
) {
  await q
    .insertInto('member_badge')
    .values({ member_id: b.memberId, years: b.years, awarded_on: b.date, decision_ref: b.decisionRef })
    .execute();
}

/** Open transfers sent from, or addressed to, a cell under `path`. */
export async function openTransfersUnder(
  q: Q,
  path: string,
): Promise<(TransferRow & { memberId: number; fullName: string })[]> {
  const result = await sql<TransferRow & { memberId: number; fullName: string }>`SELECT t.id, t.kind,
      t.from_cell_id AS "fromCellId", t.to_cell_id AS "toCellId", fu.code AS "fromCellCode", tu.code AS "toCellCode",
      t.introduction_date AS "introductionDate", t.received_date AS "receivedDate", t.decision_ref AS "decisionRef",
      m.id AS "memberId", m.full_name AS "fullName"
    FROM member_transfer t JOIN org_unit fu ON fu.id = t.from_cell_id JOIN org_unit tu ON tu.id = t.to_cell_id
    JOIN member m ON m.id = t.member_id
    WHERE t.received_date IS NULL AND EXISTS (SELECT 1 FROM org_unit_version v WHERE v.valid_to IS NULL
      AND v.unit_id IN (t.from_cell_id, t.to_cell_id) AND v.path <@ ${path}::ltree)
    ORDER BY t.introduction_date, m.sort_key LIMIT 2000`.execute(q);
  return result.rows.map((r) => ({ ...r, id: Number(r.id), memberId: Number(r.memberId) }));
}
