/** Every query of the document register. */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DocNumberQuery } from '../../core/doc-numbers.ts';
import { type DocStatus, STATUS_PRECEDENCE, type StatusDates } from '../../core/doc-status.ts';
import type { Provision as DetectedProvision } from '../../core/doc-structure.ts';
import type { CopyValue, Database } from '../../db/database.ts';
import type { DB } from '../../db/tables.ts';

type Q = Kysely<DB>;

// ——— Issuers ———

export interface IssuerRow {
  id: number;
  suffix: string;
  name: string;
  unitId: number | null;
  unitCode: string | null;
}

const issuerSelect = sql`SELECT i.id, i.suffix, i.name, i.unit_id AS "unitId", u.code AS "unitCode"
  FROM doc_issuer i LEFT JOIN org_unit u ON u.id = i.unit_id`;

export async function issuersBySuffix(q: Q, suffix: string): Promise<IssuerRow[]> {
  const { rows } =
    await sql<IssuerRow>`${issuerSelect} WHERE i.suffix = ${suffix} ORDER BY i.unit_id NULLS FIRST, i.id`.execute(
      q,
    );
  return rows;
}

export async function issuerOfUnit(q: Q, unitId: number): Promise<IssuerRow | undefined> {
  const { rows } = await sql<IssuerRow>`${issuerSelect} WHERE i.unit_id = ${unitId}`.execute(q);
  return rows[0];
}

export async function insertIssuer(
  q: Q,
  issuer: { suffix: string; name: string; unitId: number | null; parentId: number | null },
): Promise<number> {
  const row = await q
    .insertInto('doc_issuer')
    .values({ suffix: issuer.suffix, name: issuer.name, unit_id: issuer.unitId, parent_id: issuer.parentId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function attachIssuerToUnit(q: Q, issuerId: number, unitId: number): Promise<void> {
  await q.updateTable('doc_issuer').set({ unit_id: unitId }).where('id', '=', issuerId).execute();
}

/**
 * The bodies above an issuer: its named parents, and the issuers of the units above its unit in
 * today's tree.
 */
export async function issuerAncestors(q: Q, issuerId: number): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`
    WITH RECURSIVE up (id) AS (
      SELECT parent_id FROM doc_issuer WHERE id = ${issuerId} AND parent_id IS NOT NULL
      UNION
      SELECT i.parent_id FROM doc_issuer i JOIN up ON i.id = up.id WHERE i.parent_id IS NOT NULL
    )
    SELECT id FROM up
    UNION
    SELECT a.id FROM doc_issuer me
    JOIN org_unit_version v ON v.unit_id = me.unit_id AND v.valid_to IS NULL
    JOIN org_unit_version av ON av.path @> v.path AND av.unit_id <> me.unit_id AND av.valid_to IS NULL
    JOIN doc_issuer a ON a.unit_id = av.unit_id
    WHERE me.id = ${issuerId}`.execute(q);
  return rows.map((r) => Number(r.id));
}

// ——— Documents ———

export interface DocumentRow extends StatusDates {
  id: number;
  kind: string;
  typeCode: string;
  seq: number;
  number: string;
  issuerId: number;
  issuerSuffix: string;
  issuerName: string;
  issuerUnitCode: string | null;
  term: number;
  signedOn: string;
  effectiveOn: string;
  title: string;
  fields: string[];
  reviewedOn: string | null;
}

const documentColumns = sql`d.id::int AS id, d.kind, d.type_code AS "typeCode", d.seq, d.number,
  d.issuer_id AS "issuerId", i.suffix AS "issuerSuffix", i.name AS "issuerName", iu.code AS "issuerUnitCode",
  d.term::int AS term, d.signed_on AS "signedOn", d.effective_on AS "effectiveOn", d.expires_on AS "expiresOn",
  d.title, d.fields, d.reviewed_on AS "reviewedOn", d.replaced_on AS "replacedOn",
  d.repealed_on AS "repealedOn", d.amended_on AS "amendedOn"`;

const documentFrom = sql`FROM document d JOIN doc_issuer i ON i.id = d.issuer_id
  LEFT JOIN org_unit iu ON iu.id = i.unit_id`;

export interface NewDocument {
  kind: string;
  typeCode: string;
  seq: number;
  qualifier: string | null;
  number: string;
  issuerId: number;
  term: number;
  signedOn: string;
  effectiveOn: string;
  expiresOn: string | null;
  title: string;
  fields: string[];
  actor: string;
}

export async function insertDocument(q: Q, d: NewDocument): Promise<number> {
  const row = await q
    .insertInto('document')
    .values({
      kind: d.kind,
      type_code: d.typeCode,
      seq: d.seq,
      qualifier: d.qualifier,
      number: d.number,
      issuer_id: d.issuerId,
      term: d.term,
      signed_on: d.signedOn,
      effective_on: d.effectiveOn,
      expires_on: d.expiresOn,
      title: d.title,
      fields: d.fields,
      created_by: d.actor,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function numberTaken(
  q: Q,
  key: { issuerId: number; typeCode: string; term: number; seq: number },
): Promise<boolean> {
  const row = await q
    .selectFrom('document')
    .select('id')
    .where('issuer_id', '=', key.issuerId)
    .where('type_code', '=', key.typeCode)
    .where('term', '=', key.term)
    .where('seq', '=', key.seq)
    .executeTakeFirst();
  return row !== undefined;
}

export async function lastSeq(
  q: Q,
  key: { issuerId: number; typeCode: string; term: number },
): Promise<number> {
  const { rows } = await sql<{ n: number | null }>`SELECT max(seq) AS n FROM document
    WHERE issuer_id = ${key.issuerId} AND type_code = ${key.typeCode} AND term = ${key.term}`.execute(q);
  return rows[0]?.n ?? 0;
}

export async function getDocument(q: Q, id: number): Promise<DocumentRow | undefined> {
  const { rows } =
    await sql<DocumentRow>`SELECT ${documentColumns} ${documentFrom} WHERE d.id = ${id}`.execute(q);
  return rows[0];
}

export async function getDocuments(q: Q, ids: readonly number[]): Promise<DocumentRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<DocumentRow>`SELECT ${documentColumns} ${documentFrom}
    WHERE d.id = ANY(${ids.map(Number)}::bigint[])`.execute(q);
  return rows;
}

/** Documents with this number, the most recently signed first (a number recurs across terms). */
export async function findByNumber(q: Q, n: DocNumberQuery, limit = 20): Promise<DocumentRow[]> {
  const { rows } = await sql<DocumentRow>`SELECT ${documentColumns} ${documentFrom}
    WHERE d.seq = ${n.seq} AND d.type_code = ${n.code}
      ${n.issuer ? sql`AND i.suffix = ${n.issuer}` : sql``}
      ${n.qualifier ? sql`AND d.qualifier = ${n.qualifier}` : sql``}
    ORDER BY d.signed_on DESC, d.id DESC LIMIT ${limit}`.execute(q);
  return rows;
}

export async function markReviewed(q: Q, id: number, date: string): Promise<void> {
  await q.updateTable('document').set({ reviewed_on: date }).where('id', '=', id).execute();
}

export async function setStatusDates(q: Q, id: number, dates: Omit<StatusDates, 'expiresOn'>): Promise<void> {
  await q
    .updateTable('document')
    .set({ replaced_on: dates.replacedOn, repealed_on: dates.repealedOn, amended_on: dates.amendedOn })
    .where('id', '=', id)
    .execute();
}

// ——— Provisions ———

/** Tasks and question targets on a provision the document no longer has move to the whole document. */
export async function detachFromMissingProvisions(q: Q, documentId: number): Promise<void> {
  const missing = sql`eid <> '' AND eid NOT IN (SELECT p.eid FROM document_provision p WHERE p.document_id = ${documentId})`;
  await sql`UPDATE doc_task SET eid = '' WHERE document_id = ${documentId} AND ${missing}`.execute(q);
  await sql`INSERT INTO doc_question_target (question_id, document_id, eid)
    SELECT question_id, document_id, '' FROM doc_question_target WHERE document_id = ${documentId} AND ${missing}
    ON CONFLICT DO NOTHING`.execute(q);
  await sql`DELETE FROM doc_question_target WHERE document_id = ${documentId} AND ${missing}`.execute(q);
}

export interface ProvisionRow {
  eid: string;
  parentEid: string | null;
  kind: string;
  num: string | null;
  heading: string | null;
  body: string;
  ordinal: number;
}

export async function replaceProvisions(
  q: Q,
  documentId: number,
  provisions: readonly DetectedProvision[],
): Promise<void> {
  await q.deleteFrom('document_provision').where('document_id', '=', documentId).execute();
  // a few hundred rows per statement keeps the parameter count well under the limit
  for (let i = 0; i < provisions.length; i += 500) {
    await q
      .insertInto('document_provision')
      .values(
        provisions.slice(i, i + 500).map((p) => ({
          document_id: documentId,
          eid: p.eid,
          parent_eid: p.parentEid,
          kind: p.kind,
          num: p.num,
          heading: p.heading,
          body: p.body,
          ordinal: p.ordinal,
        })),
      )
      .execute();
  }
}

export async function provisionsOf(q: Q, documentId: number): Promise<ProvisionRow[]> {
  const { rows } =
    await sql<ProvisionRow>`SELECT eid, parent_eid AS "parentEid", kind, num, heading, body, ordinal
    FROM document_provision WHERE document_id = ${documentId} ORDER BY ordinal`.execute(q);
  return rows;
}

export async function existingProvisions(
  q: Q,
  documentId: number,
  eids: readonly string[],
): Promise<string[]> {
  if (eids.length === 0) return [];
  const { rows } = await sql<{ eid: string }>`SELECT eid FROM document_provision
    WHERE document_id = ${documentId} AND eid = ANY(${[...eids]}::text[])`.execute(q);
  return rows.map((r) => r.eid);
}

// ——— Relations ———

export interface RelationRow {
  fromId: number;
  kind: string;
  toId: number;
  provisions: string[];
  effectiveOn: string;
  authorityWarning: boolean;
}

const relationColumns = sql`from_id::int AS "fromId", kind, to_id::int AS "toId", provisions,
  effective_on AS "effectiveOn", authority_warning AS "authorityWarning"`;

export async function upsertRelation(q: Q, r: RelationRow & { actor: string }): Promise<void> {
  await sql`INSERT INTO document_relation (from_id, kind, to_id, provisions, effective_on, authority_warning, created_by)
    VALUES (${r.fromId}, ${r.kind}, ${r.toId}, ${r.provisions}::text[], ${r.effectiveOn}, ${r.authorityWarning}, ${r.actor})
    ON CONFLICT (from_id, kind, to_id) DO UPDATE SET provisions = EXCLUDED.provisions,
      effective_on = EXCLUDED.effective_on, authority_warning = EXCLUDED.authority_warning`.execute(q);
}

export async function relationsOf(q: Q, documentId: number): Promise<RelationRow[]> {
  const { rows } = await sql<RelationRow>`SELECT ${relationColumns} FROM document_relation
    WHERE from_id = ${documentId} OR to_id = ${documentId} ORDER BY effective_on, kind`.execute(q);
  return rows;
}

export async function incomingRelations(q: Q, documentId: number): Promise<RelationRow[]> {
  const { rows } = await sql<RelationRow>`SELECT ${relationColumns} FROM document_relation
    WHERE to_id = ${documentId}`.execute(q);
  return rows;
}

/** Every `replaces` edge reachable from a document in either direction. */
export async function replacementEdges(q: Q, documentId: number): Promise<{ from: number; to: number }[]> {
  const { rows } = await sql<{ from: number; to: number }>`
    WITH RECURSIVE linked (id) AS (
      SELECT ${documentId}::bigint
      UNION
      SELECT CASE WHEN r.from_id = l.id THEN r.to_id ELSE r.from_id END
      FROM document_relation r JOIN linked l ON (r.from_id = l.id OR r.to_id = l.id)
      WHERE r.kind = 'replaces'
    )
    SELECT DISTINCT r.from_id::int AS "from", r.to_id::int AS "to" FROM document_relation r
    WHERE r.kind = 'replaces' AND r.from_id IN (SELECT id FROM linked)`.execute(q);
  return rows;
}

// ——— Status in SQL (the same precedence as core/doc-status.ts) ———

const STATUS_COLUMNS: Record<keyof StatusDates, string> = {
  repealedOn: 'repealed_on',
  replacedOn: 'replaced_on',
  expiresOn: 'expires_on',
  amendedOn: 'amended_on',
};

export function statusSql(asOf: string): RawBuilder<DocStatus> {
  const whens = STATUS_PRECEDENCE.map(
    ([status, key]) => sql`WHEN d.${sql.raw(STATUS_COLUMNS[key])} <= ${asOf}::date THEN ${status}`,
  );
  return sql<DocStatus>`(CASE ${sql.join(whens, sql` `)} ELSE 'in_force' END)`;
}

// ——— Search ———

export interface SearchFilters {
  typeCode?: string;
  kind?: string;
  status?: DocStatus;
  field?: string;
  issuer?: string;
  from?: string;
  to?: string;
  asOf: string;
}

function filterSql(f: SearchFilters): RawBuilder<unknown> {
  const parts = [
    f.typeCode ? sql`d.type_code = ${f.typeCode}` : null,
    f.kind ? sql`d.kind = ${f.kind}` : null,
    f.status ? sql`${statusSql(f.asOf)} = ${f.status}` : null,
    f.field ? sql`${f.field} = ANY(d.fields)` : null,
    f.issuer ? sql`(i.suffix = ${f.issuer} OR iu.code = ${f.issuer})` : null,
    f.from ? sql`d.signed_on >= ${f.from}::date` : null,
    f.to ? sql`d.signed_on <= ${f.to}::date` : null,
  ].filter((p) => p !== null);
  return parts.length === 0 ? sql`TRUE` : sql.join(parts, sql` AND `);
}

export interface SearchRow extends DocumentRow {
  eid: string | null;
  excerpt: string | null;
}

/** Documents by number (any spelling parsed beforehand), newest first, with the filters. */
export async function searchByNumber(
  q: Q,
  n: DocNumberQuery,
  filters: SearchFilters,
  limit: number,
): Promise<SearchRow[]> {
  const { rows } =
    await sql<SearchRow>`SELECT ${documentColumns}, NULL AS eid, NULL AS excerpt ${documentFrom}
    WHERE d.seq = ${n.seq} AND d.type_code = ${n.code}
      ${n.issuer ? sql`AND i.suffix = ${n.issuer}` : sql``} AND ${filterSql(filters)}
    ORDER BY d.signed_on DESC, d.id DESC LIMIT ${limit}`.execute(q);
  return rows;
}

/**
 * Full text over titles and provisions, without regard to diacritics; each document once, at
 * its best-matching provision (a title match counts double), ranked, ties going to the text
 * that has the query exactly as typed (with its diacritics), then to the newest.
 *
 * `spread`: the words may be split between the title and one provision (the second pass, when
 * no provision or title has them all): candidates are the provisions with any of `anyWords`.
 *
 * `recent`: rank only the matches in the newest `recent` documents that match (the plan for
 * words found in a large share of the texts, see `wordShares`): they are found from each
 * document's words (`document.words`, one value per document), where a GIN scan of the provisions
 * would read and intersect posting lists of hundreds of thousands of entries and every match
 * would be ranked.
 */
export async function searchText(
  q: Q,
  text: string,
  filters: SearchFilters,
  limit: number,
  options: { spread?: { anyWords: readonly string[] }; recent?: number } = {},
): Promise<SearchRow[]> {
  const { spread, recent } = options;
  const typed = text.normalize('NFC').toLowerCase();
  const exactIn = (column: RawBuilder<unknown>) => sql`strpos(lower(${column}), ${typed}) > 0`;
  const provisionText = sql`coalesce(p.heading, '') || ' ' || p.body`;
  const provisions = recent
    ? sql`recent r JOIN document_provision p ON p.document_id = r.id`
    : sql`document_provision p`;
  const documents = recent ? sql`recent r JOIN document d ON d.id = r.id` : sql`document d`;
  const hits = spread
    ? sql`SELECT p.document_id AS id, p.eid, ts_rank_cd(p.search, tsq.anyq) AS rank,
          ${exactIn(sql`d.title || ' ' || ${provisionText}`)} AS exact
        FROM ${provisions} JOIN document d ON d.id = p.document_id, tsq
        WHERE p.search @@ tsq.anyq AND (d.search || p.search) @@ tsq.query`
    : sql`SELECT p.document_id AS id, p.eid, ts_rank_cd(p.search, tsq.query) AS rank,
          ${exactIn(provisionText)} AS exact
        FROM ${provisions}, tsq WHERE p.search @@ tsq.query
        UNION ALL
        SELECT d.id, NULL, ts_rank_cd(d.search, tsq.query) * 2, ${exactIn(sql`d.title`)}
        FROM ${documents}, tsq WHERE d.search @@ tsq.query`;
  // a document qualifies by its title or by the words of all its provisions (one of them must then
  // hold every word, or the title and one of them when spread); the filters apply to the walk too
  const qualifies = spread
    ? sql`(d.search || d.words) @@ tsq.query`
    : sql`(d.search @@ tsq.query OR d.words @@ tsq.query)`;
  const recentCte = recent
    ? sql`recent AS (
        SELECT d.id ${documentFrom}, tsq WHERE ${filterSql(filters)} AND ${qualifies}
        ORDER BY d.signed_on DESC, d.id DESC LIMIT ${recent}
      ),`
    : sql``;
  if (recent) {
    // Walk the documents newest first and stop after `recent`: the planner cannot tell how many
    // documents hold words that travel together (it multiplies their shares), would pick a bitmap
    // scan fetching every match, and would start parallel workers that cost more than the walk.
    await sql`SET LOCAL enable_bitmapscan = off`.execute(q);
    await sql`SET LOCAL max_parallel_workers_per_gather = 0`.execute(q);
  }
  const anyq = spread ? spread.anyWords.join(' | ') : '';
  const { rows } = await sql<SearchRow>`
    WITH tsq AS MATERIALIZED (SELECT plainto_tsquery('vn_unaccent', ${text}) AS query,
        to_tsquery('vn_unaccent', ${anyq}) AS anyq),
    ${recentCte}
    hits AS (${hits}),
    best AS (
      SELECT DISTINCT ON (id) id, eid, rank, exact FROM hits ORDER BY id, rank DESC, exact DESC, eid NULLS FIRST
    ),
    page AS (
      SELECT ${documentColumns}, b.eid, b.rank, b.exact
      FROM best b JOIN document d ON d.id = b.id JOIN doc_issuer i ON i.id = d.issuer_id
      LEFT JOIN org_unit iu ON iu.id = i.unit_id
      WHERE ${filterSql(filters)}
      ORDER BY round(b.rank::numeric, 4) DESC, b.exact DESC, d.signed_on DESC, d.id DESC
      LIMIT ${limit}
    )
    SELECT page.*, ts_headline('vn_unaccent', coalesce(p.body, page.title), tsq.query,
        'MaxFragments=1, MaxWords=30, MinWords=12, StartSel=<b>, StopSel=</b>') AS excerpt
    FROM page CROSS JOIN tsq
    LEFT JOIN document_provision p ON p.document_id = page.id AND p.eid = page.eid
    ORDER BY round(page.rank::numeric, 4) DESC, page.exact DESC, page."signedOn" DESC, page.id DESC`.execute(
    q,
  );
  return rows;
}

/**
 * The share of the provisions holding each word, from the statistics ANALYZE keeps (0 for a word
 * it does not list, and for every word before the first ANALYZE).
 */
export async function wordShares(q: Q, text: string): Promise<number[]> {
  const { rows } = await sql<{ share: number }>`SELECT share FROM doc_word_shares(${text})`.execute(q);
  return rows.map((r) => Number(r.share));
}

/** The newest documents (the register's first page, and a search with filters only). */
export async function latestDocuments(q: Q, filters: SearchFilters, limit: number): Promise<SearchRow[]> {
  const { rows } =
    await sql<SearchRow>`SELECT ${documentColumns}, NULL AS eid, NULL AS excerpt ${documentFrom}
    WHERE ${filterSql(filters)} ORDER BY d.signed_on DESC, d.id DESC LIMIT ${limit}`.execute(q);
  return rows;
}

/**
 * Provisions whose text shares the most words with `words` (any of them), best first: ts_rank
 * counts the words matched, where cover density would favour a short run of a few.
 */
export async function provisionsMatchingAny(
  q: Q,
  words: readonly string[],
  limit: number,
): Promise<{ documentId: number; eid: string; rank: number }[]> {
  if (words.length === 0) return [];
  const { rows } = await sql<{ documentId: number; eid: string; rank: number }>`
    WITH tsq AS (SELECT to_tsquery('vn_unaccent', ${words.join(' | ')}) AS query)
    SELECT p.document_id::int AS "documentId", p.eid, ts_rank(p.search, tsq.query) AS rank
    FROM document_provision p, tsq WHERE p.search @@ tsq.query AND p.kind <> 'preamble'
    ORDER BY rank DESC, p.document_id DESC, p.ordinal LIMIT ${limit}`.execute(q);
  return rows;
}

// ——— Review and statistics ———

export async function reviewDue(
  q: Q,
  before: string,
  asOf: string,
  limit: number,
): Promise<(DocumentRow & { lastReview: string })[]> {
  const { rows } = await sql<DocumentRow & { lastReview: string }>`SELECT ${documentColumns},
      greatest(d.effective_on, coalesce(d.reviewed_on, d.effective_on)) AS "lastReview"
    ${documentFrom}
    WHERE ${statusSql(asOf)} IN ('in_force', 'partly_amended')
      AND greatest(d.effective_on, coalesce(d.reviewed_on, d.effective_on)) <= ${before}::date
    ORDER BY "lastReview", d.id LIMIT ${limit}`.execute(q);
  return rows;
}

export async function countBy(
  q: Q,
  dimension: 'field' | 'type' | 'issuer' | 'term' | 'status',
  asOf: string,
): Promise<{ key: string; n: number }[]> {
  const key = {
    field: sql`f.field`,
    type: sql`d.kind`,
    issuer: sql`i.suffix`,
    term: sql`d.term::text`,
    status: statusSql(asOf),
  }[dimension];
  const from =
    dimension === 'field'
      ? sql`FROM document d CROSS JOIN LATERAL unnest(d.fields) AS f (field)`
      : sql`FROM document d JOIN doc_issuer i ON i.id = d.issuer_id`;
  const { rows } = await sql<{ key: string; n: number }>`SELECT ${key} AS key, count(*)::int AS n ${from}
    GROUP BY 1 ORDER BY n DESC, key`.execute(q);
  return rows;
}

export async function countDocuments(q: Q): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM document`.execute(q);
  return rows[0]?.n ?? 0;
}

// ——— Questions ———

export interface QuestionRow {
  id: number;
  senderName: string;
  senderUnitCode: string | null;
  receivedOn: string;
  body: string;
  officer: string | null;
  dueOn: string | null;
  answer: string | null;
  answeredOn: string | null;
  published: boolean;
  status: 'open' | 'answered';
}

const questionSelect = sql`SELECT qn.id::int AS id, qn.sender_name AS "senderName", u.code AS "senderUnitCode",
    qn.received_on AS "receivedOn", qn.body, qn.officer, qn.due_on AS "dueOn", qn.answer,
    qn.answered_on AS "answeredOn", qn.published, qn.status
  FROM doc_question qn LEFT JOIN org_unit u ON u.id = qn.sender_unit_id`;

export async function insertQuestion(
  q: Q,
  row: {
    senderUnitId: number | null;
    senderName: string;
    receivedOn: string;
    body: string;
    officer: string | null;
    dueOn: string | null;
    actor: string;
  },
): Promise<number> {
  const inserted = await q
    .insertInto('doc_question')
    .values({
      sender_unit_id: row.senderUnitId,
      sender_name: row.senderName,
      received_on: row.receivedOn,
      body: row.body,
      officer: row.officer,
      due_on: row.dueOn,
      answer: null,
      answered_on: null,
      created_by: row.actor,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(inserted.id);
}

export async function insertQuestionTargets(
  q: Q,
  questionId: number,
  targets: readonly { documentId: number; eid: string | null }[],
): Promise<void> {
  if (targets.length === 0) return;
  await q
    .insertInto('doc_question_target')
    .values(targets.map((t) => ({ question_id: questionId, document_id: t.documentId, eid: t.eid ?? '' })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function getQuestion(q: Q, id: number): Promise<QuestionRow | undefined> {
  const { rows } = await sql<QuestionRow>`${questionSelect} WHERE qn.id = ${id}`.execute(q);
  return rows[0];
}

export async function listQuestions(
  q: Q,
  filter: { status?: 'open' | 'answered'; documentId?: number },
  limit: number,
): Promise<QuestionRow[]> {
  const { rows } = await sql<QuestionRow>`${questionSelect}
    WHERE TRUE ${filter.status ? sql`AND qn.status = ${filter.status}` : sql``}
      ${filter.documentId ? sql`AND EXISTS (SELECT 1 FROM doc_question_target t WHERE t.question_id = qn.id AND t.document_id = ${filter.documentId})` : sql``}
    ORDER BY qn.received_on DESC, qn.id DESC LIMIT ${limit}`.execute(q);
  return rows;
}

export interface TargetRow {
  questionId: number;
  documentId: number;
  number: string;
  title: string;
  eid: string;
}

export async function targetsOf(q: Q, questionIds: readonly number[]): Promise<TargetRow[]> {
  if (questionIds.length === 0) return [];
  const { rows } = await sql<TargetRow>`SELECT t.question_id::int AS "questionId", d.id::int AS "documentId",
      d.number, d.title, t.eid
    FROM doc_question_target t JOIN document d ON d.id = t.document_id
    WHERE t.question_id = ANY(${questionIds.map(Number)}::bigint[]) ORDER BY d.number, t.eid`.execute(q);
  return rows;
}

export async function answerQuestion(
  q: Q,
  id: number,
  a: { answer: string; answeredOn: string; published: boolean },
): Promise<void> {
  await q
    .updateTable('doc_question')
    .set({ answer: a.answer, answered_on: a.answeredOn, published: a.published, status: 'answered' })
    .where('id', '=', id)
    .execute();
}

/** Published answers and question counts for each provision of a document. */
export async function questionsByProvision(
  q: Q,
  documentId: number,
): Promise<
  {
    eid: string;
    questionId: number;
    body: string;
    answer: string | null;
    answeredOn: string | null;
    published: boolean;
  }[]
> {
  const { rows } = await sql<{
    eid: string;
    questionId: number;
    body: string;
    answer: string | null;
    answeredOn: string | null;
    published: boolean;
  }>`SELECT t.eid, qn.id::int AS "questionId", qn.body, qn.answer, qn.answered_on AS "answeredOn", qn.published
    FROM doc_question_target t JOIN doc_question qn ON qn.id = t.question_id
    WHERE t.document_id = ${documentId} ORDER BY qn.answered_on NULLS LAST, qn.id`.execute(q);
  return rows;
}

/** Provisions (and documents as a whole) ranked by the questions received about them in a period. */
export async function hotspots(
  q: Q,
  period: { from: string | null; to: string | null },
  limit: number,
): Promise<
  {
    documentId: number;
    number: string;
    title: string;
    eid: string;
    questions: number;
    questionIds: number[];
  }[]
> {
  const { rows } = await sql<{
    documentId: number;
    number: string;
    title: string;
    eid: string;
    questions: number;
    questionIds: number[];
  }>`SELECT d.id::int AS "documentId", d.number, d.title, t.eid, count(*)::int AS questions,
      array_agg(qn.id::int ORDER BY qn.received_on DESC, qn.id DESC) AS "questionIds"
    FROM doc_question_target t JOIN doc_question qn ON qn.id = t.question_id
    JOIN document d ON d.id = t.document_id
    WHERE TRUE ${period.from ? sql`AND qn.received_on >= ${period.from}::date` : sql``}
      ${period.to ? sql`AND qn.received_on <= ${period.to}::date` : sql``}
    GROUP BY d.id, d.number, d.title, t.eid
    ORDER BY questions DESC, d.number, t.eid LIMIT ${limit}`.execute(q);
  return rows;
}

// ——— Tasks ———

export interface TaskRow {
  id: number;
  documentId: number;
  documentNumber: string;
  eid: string;
  unitCode: string;
  unitName: string;
  title: string;
  dueOn: string;
  progress: number;
  report: string | null;
  evidence: string | null;
  doneOn: string | null;
}

const taskSelect = sql`SELECT t.id::int AS id, t.document_id::int AS "documentId", d.number AS "documentNumber",
    t.eid, u.code AS "unitCode", v.name AS "unitName", t.title, t.due_on AS "dueOn", t.progress::int AS progress,
    t.report, t.evidence, t.done_on AS "doneOn"
  FROM doc_task t JOIN document d ON d.id = t.document_id JOIN org_unit u ON u.id = t.unit_id
  JOIN org_unit_version v ON v.unit_id = t.unit_id AND v.valid_to IS NULL`;

export async function insertTask(
  q: Q,
  t: { documentId: number; eid: string; unitId: number; title: string; dueOn: string; actor: string },
): Promise<number> {
  const row = await q
    .insertInto('doc_task')
    .values({
      document_id: t.documentId,
      eid: t.eid,
      unit_id: t.unitId,
      title: t.title,
      due_on: t.dueOn,
      report: null,
      evidence: null,
      done_on: null,
      created_by: t.actor,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function updateTaskProgress(
  q: Q,
  id: number,
  p: { progress: number; report: string | null; evidence: string | null; doneOn: string | null },
): Promise<boolean> {
  const result = await q
    .updateTable('doc_task')
    .set({ progress: p.progress, report: p.report, evidence: p.evidence, done_on: p.doneOn })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The signing date of the document that assigned a task (no report can come before it). */
export async function taskSignedOn(q: Q, id: number): Promise<string | undefined> {
  const { rows } = await sql<{ signedOn: string }>`SELECT d.signed_on AS "signedOn"
    FROM doc_task t JOIN document d ON d.id = t.document_id WHERE t.id = ${id}`.execute(q);
  return rows[0]?.signedOn;
}

export async function getTask(q: Q, id: number): Promise<TaskRow | undefined> {
  const { rows } = await sql<TaskRow>`${taskSelect} WHERE t.id = ${id}`.execute(q);
  return rows[0];
}

export async function tasksOfDocument(q: Q, documentId: number): Promise<TaskRow[]> {
  const { rows } =
    await sql<TaskRow>`${taskSelect} WHERE t.document_id = ${documentId} ORDER BY t.due_on, t.id`.execute(q);
  return rows;
}

/** Open tasks of the units under `path` due on or before `dueBy`. */
export async function openTasksUnder(q: Q, path: string, dueBy: string): Promise<TaskRow[]> {
  const { rows } = await sql<TaskRow>`${taskSelect}
    WHERE t.done_on IS NULL AND t.due_on <= ${dueBy}::date AND v.path <@ ${path}::ltree
    ORDER BY t.due_on, t.id`.execute(q);
  return rows;
}

// ——— Seed (bulk load) ———

export async function provinceUnits(q: Q): Promise<{ code: string; name: string }[]> {
  const { rows } = await sql<{ code: string; name: string }>`SELECT u.code, v.name FROM org_unit u
    JOIN org_unit_version v ON v.unit_id = u.id AND v.valid_to IS NULL
    WHERE v.kind = 'province' ORDER BY u.code`.execute(q);
  return rows;
}

export async function maxDocumentId(q: Q): Promise<number> {
  const { rows } = await sql<{ id: number }>`SELECT coalesce(max(id), 0)::int AS id FROM document`.execute(q);
  return rows[0]?.id ?? 0;
}

export interface SeedRows {
  documents: CopyValue[][];
  provisions: CopyValue[][];
  relations: CopyValue[][];
}

/** COPYs one batch of seeded documents, their provisions and relations; returns the provisions. */
export async function copySeedRows(database: Database, rows: SeedRows): Promise<number> {
  await database.copyRows(
    'document',
    [
      'id',
      'kind',
      'type_code',
      'seq',
      'qualifier',
      'number',
      'issuer_id',
      'term',
      'signed_on',
      'effective_on',
      'expires_on',
      'title',
      'fields',
      'created_by',
    ],
    rows.documents,
  );
  const provisions = await database.copyRows(
    'document_provision',
    ['document_id', 'eid', 'parent_eid', 'kind', 'num', 'heading', 'body', 'ordinal'],
    rows.provisions,
  );
  await database.copyRows(
    'document_relation',
    ['from_id', 'kind', 'to_id', 'provisions', 'effective_on', 'authority_warning', 'created_by'],
    rows.relations,
  );
  return provisions;
}

/** After a bulk load: the replaced documents' dates, the id sequence, planner statistics. */
export async function finishSeedLoad(q: Q, firstId: number): Promise<void> {
  await sql`UPDATE document d SET replaced_on = r.effective_on FROM document_relation r
    WHERE r.to_id = d.id AND r.kind = 'replaces' AND d.id >= ${firstId}`.execute(q);
  await sql`SELECT setval(pg_get_serial_sequence('document', 'id'), (SELECT max(id) FROM document))`.execute(
    q,
  );
  await sql`ANALYZE document`.execute(q);
  await sql`ANALYZE document_provision`.execute(q);
  await sql`ANALYZE document_relation`.execute(q);
}
