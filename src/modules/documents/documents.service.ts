/**
 * The register of the Party's documents: numbering, structure, relations and status, search,
 * review, statistics, questions from lower units (with hot spots) and implementation tasks.
 */
import { addDays, todayVn } from '../../core/dates.ts';
import {
  DOC_TYPES,
  type DocKind,
  type DocTypeCode,
  docNumbersIn,
  docTypeCode,
  docTypeOfKind,
  formatDocNumber,
  KNOWN_ISSUERS,
  parseDocNumber,
  parseDocNumberQuery,
  termOf,
  withoutDocNumbers,
} from '../../core/doc-numbers.ts';
import {
  changesStatus,
  DEFAULT_REVIEW_YEARS,
  documentStatus,
  mayChange,
  replacementChain,
  reviewDueBefore,
  statusDatesFrom,
} from '../../core/doc-status.ts';
import {
  citeProvision,
  type Provision as DetectedProvision,
  detectStructure,
} from '../../core/doc-structure.ts';
import { parseInput } from '../../core/validation.ts';
import { foldVn, normalizeName } from '../../core/vn-text.ts';
import type { Database } from '../../db/database.ts';
import { type Actor, inTransaction, type Tx } from '../../db/transaction.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { orgErrors } from '../orgs/orgs.errors.ts';
import { findUnitInTransaction } from '../orgs/orgs.service.ts';
import { documentErrors } from './documents.errors.ts';
import { readDocumentFile, readHeader } from './documents.import.ts';
import * as repo from './documents.repository.ts';
import {
  type AnswerQuestionInput,
  answerQuestionInputSchema,
  type ChainLink,
  type CreateDocumentInput,
  type CreateQuestionInput,
  type CreateTaskInput,
  createDocumentInputSchema,
  createQuestionInputSchema,
  createTaskInputSchema,
  type DocumentDetail,
  type DocumentStats,
  type DocumentSummary,
  type Hotspot,
  type HotspotsInput,
  hotspotsInputSchema,
  type NextNumber,
  type ProvisionInput,
  provisionInputSchema,
  type Question,
  type RelateInput,
  type RelateResult,
  type ReviewDue,
  relateInputSchema,
  type SearchInput,
  type SearchResult,
  searchInputSchema,
  type Task,
  type TaskProgressInput,
  taskProgressInputSchema,
  type Warning,
} from './documents.schemas.ts';

// ——— Presenting ———

function summary(row: repo.DocumentRow, today: string): DocumentSummary {
  return {
    id: row.id,
    number: row.number,
    type: row.typeCode,
    kind: row.kind,
    title: row.title,
    status: documentStatus(row, today),
    signedDate: row.signedOn,
    effectiveDate: row.effectiveOn,
    issuer: { suffix: row.issuerSuffix, name: row.issuerName, unitCode: row.issuerUnitCode },
    term: row.term,
    fields: row.fields,
  };
}

function presentTask(row: repo.TaskRow, today: string): Task {
  return {
    id: row.id,
    documentId: row.documentId,
    documentNumber: row.documentNumber,
    provision: row.eid || null,
    unitCode: row.unitCode,
    unitName: row.unitName,
    title: row.title,
    dueDate: row.dueOn,
    progress: row.progress,
    report: row.report,
    evidence: row.evidence,
    doneDate: row.doneOn,
    overdue: row.doneOn === null && row.dueOn < today,
  };
}

async function detail(tx: Tx, id: number, today: string): Promise<DocumentDetail> {
  const row = await repo.getDocument(tx, id);
  if (!row) throw documentErrors.idNotFound(id);
  const relations = await repo.relationsOf(tx, id);
  const edges = await repo.replacementEdges(tx, id);
  const generations = replacementChain(id, edges);
  const otherIds = new Set([...relations.flatMap((r) => [r.fromId, r.toId]), ...generations.flat()]);
  const others = new Map((await repo.getDocuments(tx, [...otherIds])).map((d) => [d.id, d]));
  const link = (docId: number): ChainLink => {
    const d = others.get(docId) as repo.DocumentRow;
    return {
      id: d.id,
      number: d.number,
      title: d.title,
      signedDate: d.signedOn,
      status: documentStatus(d, today),
    };
  };
  const questions = await repo.questionsByProvision(tx, id);
  const tasks = (await repo.tasksOfDocument(tx, id)).map((t) => presentTask(t, today));
  return {
    ...summary(row, today),
    expiresDate: row.expiresOn,
    reviewedDate: row.reviewedOn,
    relations: relations.map((r) => {
      const outgoing = r.fromId === id;
      const other = link(outgoing ? r.toId : r.fromId);
      return {
        direction: outgoing ? 'outgoing' : 'incoming',
        kind: r.kind as RelateInput['kind'],
        document: { id: other.id, number: other.number, title: other.title, status: other.status },
        provisions: r.provisions,
        effectiveDate: r.effectiveOn,
        authorityWarning: r.authorityWarning,
      };
    }),
    chain: generations.length > 1 ? generations.map((g) => g.map(link)) : [],
    provisions: (await repo.provisionsOf(tx, id)).map((p) => {
      const mine = questions.filter((q) => q.eid === p.eid);
      return {
        id: p.eid,
        parentId: p.parentEid,
        kind: p.kind,
        num: p.num,
        heading: p.heading,
        text: p.body,
        citation: citeProvision(p.eid),
        questions: mine.length,
        guidance: mine
          .filter((q) => q.published && q.answer !== null && q.answeredOn !== null)
          .map((q) => ({
            questionId: q.questionId,
            question: q.body,
            answer: q.answer as string,
            answeredDate: q.answeredOn as string,
          })),
      };
    }),
    tasks,
    implementation:
      tasks.length === 0 ? null : Math.round(tasks.reduce((sum, t) => sum + t.progress, 0) / tasks.length),
  };
}

// ——— Issuers ———

/** The suffix a unit of the tree writes in its numbers, by its kind. */
function suffixOfUnitKind(kind: string): string {
  if (kind === 'central') return 'TW';
  if (kind === 'province') return 'TU';
  return 'ĐU';
}

async function centralIssuer(tx: Tx): Promise<number> {
  return namedIssuer(tx, 'TW');
}

/** A named body by its suffix, recorded on first use (with the body above it when known). */
async function namedIssuer(tx: Tx, suffix: string): Promise<number> {
  const existing = await repo.issuersBySuffix(tx, suffix);
  const found = existing.find((i) => i.unitId === null) ?? (existing.length === 1 ? existing[0] : undefined);
  if (found) return found.id;
  const known = KNOWN_ISSUERS.find((i) => i.suffix === suffix);
  const parentSuffix = known ? known.parent : 'TW';
  const parentId = suffix === 'TW' || parentSuffix === null ? null : await namedIssuer(tx, parentSuffix);
  return repo.insertIssuer(tx, { suffix, name: known?.vi ?? suffix, unitId: null, parentId });
}

/** `--issuer`: a unit code of the tree, or a suffix as written in numbers (TW, BTCTW, TU …). */
async function resolveIssuer(tx: Tx, text: string, date: string): Promise<{ id: number; suffix: string }> {
  const unit =
    (await findUnitInTransaction(tx, text, date)) ?? (await findUnitInTransaction(tx, text, todayVn()));
  if (unit) {
    const own = await repo.issuerOfUnit(tx, unit.unitId);
    if (own) return { id: own.id, suffix: own.suffix };
    const suffix = suffixOfUnitKind(unit.kind);
    if (suffix === 'TW') {
      const id = await centralIssuer(tx);
      await repo.attachIssuerToUnit(tx, id, unit.unitId);
      return { id, suffix };
    }
    const id = await repo.insertIssuer(tx, {
      suffix,
      name: unit.name,
      unitId: unit.unitId,
      parentId: await centralIssuer(tx),
    });
    return { id, suffix };
  }
  const parsed = parseDocNumberQuery(`1-NQ/${text}`);
  const suffix = parsed?.issuer ?? text.toUpperCase();
  return { id: await namedIssuer(tx, suffix), suffix };
}

/** The issuer named by a suffix or a unit code, recorded on first use (the seed's issuers). */
export async function ensureIssuer(
  database: Database,
  actor: Actor,
  text: string,
): Promise<{ id: number; suffix: string }> {
  return inTransaction(database.db, actor, (tx) => resolveIssuer(tx, text, todayVn()));
}

// ——— Creating and importing ———

function kindFor(code: DocTypeCode, given: DocKind | undefined | null): DocKind {
  if (given && docTypeOfKind(given).code === code) return given;
  // QĐ is both Quy định and Quyết định: without the type word, a decision
  return (DOC_TYPES.find((t) => t.code === code) as (typeof DOC_TYPES)[number]).kind;
}

interface Resolved {
  kind: DocKind;
  code: DocTypeCode;
  seq: number | null;
  qualifier: string | null;
  issuerText: string;
}

function resolveNumber(input: {
  number?: string;
  type?: string;
  kind?: DocKind;
  seq?: number;
  issuer?: string;
}): Resolved {
  const parsed = input.number ? parseDocNumber(input.number) : null;
  if (input.number && !parsed) throw documentErrors.badNumber(input.number);
  const code = input.type ? docTypeCode(input.type) : (parsed?.code ?? null);
  if (input.type && !code) throw documentErrors.unknownType(input.type);
  const finalCode = code ?? (input.kind ? docTypeOfKind(input.kind).code : null);
  if (!finalCode) throw documentErrors.missing('type');
  if (parsed && parsed.code !== finalCode) throw documentErrors.badNumber(input.number as string, 'type');
  const issuerText = input.issuer ?? parsed?.issuer;
  if (!issuerText) throw documentErrors.missing('issuer');
  return {
    kind: kindFor(finalCode, input.kind),
    code: finalCode,
    seq: parsed?.seq ?? input.seq ?? null,
    qualifier: parsed?.qualifier ?? null,
    issuerText,
  };
}

async function createInTransaction(
  tx: Tx,
  actor: Actor,
  input: ReturnType<typeof createDocumentInputSchema.parse>,
): Promise<number> {
  const r = resolveNumber(input);
  const issuer = await resolveIssuer(tx, r.issuerText, input.signedDate);
  const parsedIssuer = input.number ? parseDocNumber(input.number)?.issuer : null;
  if (parsedIssuer && input.issuer && parsedIssuer !== issuer.suffix) {
    throw documentErrors.issuerMismatch(input.number as string, input.issuer);
  }
  const term = input.term ?? termOf(input.signedDate);
  const seq = r.seq ?? (await repo.lastSeq(tx, { issuerId: issuer.id, typeCode: r.code, term })) + 1;
  const number = formatDocNumber({ seq, code: r.code, issuer: issuer.suffix, qualifier: r.qualifier });
  if (await repo.numberTaken(tx, { issuerId: issuer.id, typeCode: r.code, term, seq })) {
    throw documentErrors.numberTaken(number, term);
  }
  const effectiveOn = input.effectiveDate ?? input.signedDate;
  if (effectiveOn < input.signedDate) throw documentErrors.effectiveBeforeSigned();
  const id = await repo.insertDocument(tx, {
    kind: r.kind,
    typeCode: r.code,
    seq,
    qualifier: r.qualifier,
    number,
    issuerId: issuer.id,
    term,
    signedOn: input.signedDate,
    effectiveOn,
    expiresOn: input.expiresDate ?? null,
    title: normalizeName(input.title),
    fields: input.fields,
    actor: actor.id,
  });
  if (input.text.trim()) await repo.replaceProvisions(tx, id, detectStructure(input.text));
  return id;
}

export async function createDocument(
  database: Database,
  actor: Actor,
  raw: CreateDocumentInput,
): Promise<DocumentDetail> {
  const input = parseInput(createDocumentInputSchema, raw);
  return inTransaction(database.db, actor, async (tx) => {
    const id = await createInTransaction(tx, actor, input);
    await recordAudit(tx, { action: 'document.create', entity: 'document', ids: [id] });
    return detail(tx, id, todayVn());
  });
}

export interface ImportOptions {
  number?: string;
  type?: string;
  issuer?: string;
  signed?: string;
  effective?: string;
  title?: string;
  field?: string;
}

/**
 * A `.docx` or `.txt` file into the register: what is not given is read from the header (number,
 * date, type word, title); the text after the header is split into provisions.
 */
export async function importDocument(
  database: Database,
  actor: Actor,
  file: { name: string; data: Uint8Array },
  options: ImportOptions = {},
): Promise<DocumentDetail> {
  const text = await readDocumentFile(file.name, file.data);
  const header = readHeader(text);
  const number = options.number ?? (header.number ? formatDocNumber(header.number) : undefined);
  const signedDate = options.signed ?? header.signedDate;
  if (!signedDate) throw documentErrors.missing('signedDate', file.name);
  const title = options.title ?? header.title;
  if (!title) throw documentErrors.missing('title', file.name);
  return createDocument(database, actor, {
    number,
    type: options.type,
    kind: header.kind ?? undefined,
    issuer: options.issuer,
    signedDate,
    effectiveDate: options.effective,
    title,
    fields: options.field
      ? (options.field.split(',').map((f) => f.trim()) as CreateDocumentInput['fields'])
      : [],
    text: header.body,
  });
}

/** The user's correction of the detected structure replaces the provisions as given. */
/** A corrected structure: at least one provision, each id once, each parent an earlier provision. */
function checkStructure(provisions: readonly DetectedProvision[]): void {
  if (provisions.length === 0)
    throw documentErrors.badStructure(
      'Cấu trúc văn bản không có điều khoản nào',
      'The structure has no provision',
    );
  const seen = new Set<string>();
  for (const p of provisions) {
    if (seen.has(p.eid))
      throw documentErrors.badStructure(
        `Mã điều khoản "${p.eid}" bị trùng`,
        `The provision id "${p.eid}" is used twice`,
      );
    if (p.parentEid !== null && !seen.has(p.parentEid))
      throw documentErrors.badStructure(
        `Điều khoản "${p.eid}" nằm trong "${p.parentEid}", nhưng "${p.parentEid}" không đứng trước nó`,
        `Provision "${p.eid}" is placed in "${p.parentEid}", which does not come before it`,
      );
    seen.add(p.eid);
  }
}

export async function replaceStructure(
  database: Database,
  actor: Actor,
  id: number,
  raw: ProvisionInput[],
): Promise<DocumentDetail> {
  const provisions = raw.map((p) => parseInput(provisionInputSchema, p));
  const detected: DetectedProvision[] = provisions.map((p, i) => ({
    eid: p.id,
    parentEid: p.parentId,
    kind: p.kind,
    num: p.num,
    heading: p.heading,
    body: p.text,
    ordinal: i + 1,
  }));
  checkStructure(detected);
  return inTransaction(database.db, actor, async (tx) => {
    if (!(await repo.getDocument(tx, id))) throw documentErrors.idNotFound(id);
    await repo.replaceProvisions(tx, id, detected);
    // tasks and questions on a provision that is gone now concern the document as a whole
    await repo.detachFromMissingProvisions(tx, id);
    await recordAudit(tx, { action: 'document.structure', entity: 'document', ids: [id] });
    return detail(tx, id, todayVn());
  });
}

// ——— Finding ———

/** A document by id (the API) or by number in any spelling (the CLI, relations). */
export type DocumentRef = number | string;

async function findOne(tx: Tx, ref: DocumentRef, field?: string): Promise<repo.DocumentRow> {
  if (typeof ref === 'number') {
    const row = await repo.getDocument(tx, ref);
    if (!row) throw documentErrors.idNotFound(ref);
    return row;
  }
  const number = ref;
  const parsed = parseDocNumberQuery(number);
  if (!parsed) throw documentErrors.badNumber(number, field);
  const found = await repo.findByNumber(tx, parsed, 1);
  if (!found[0]) throw documentErrors.notFound(number, field);
  return found[0];
}

/** A document by its number in any spelling (the most recently signed when it recurs across terms). */
export async function getDocumentByNumber(
  database: Database,
  actor: Actor,
  number: string,
): Promise<DocumentDetail> {
  return inTransaction(database.db, actor, async (tx) =>
    detail(tx, (await findOne(tx, number)).id, todayVn()),
  );
}

export async function getDocument(database: Database, actor: Actor, id: number): Promise<DocumentDetail> {
  return inTransaction(database.db, actor, (tx) => detail(tx, id, todayVn()));
}

export async function nextNumber(
  database: Database,
  actor: Actor,
  input: { type: string; issuer: string; date?: string },
): Promise<NextNumber> {
  const code = docTypeCode(input.type);
  if (!code) throw documentErrors.unknownType(input.type);
  const date = input.date ?? todayVn();
  return inTransaction(database.db, actor, async (tx) => {
    const issuer = await resolveIssuer(tx, input.issuer, date);
    const term = termOf(date);
    const seq = (await repo.lastSeq(tx, { issuerId: issuer.id, typeCode: code, term })) + 1;
    return { number: formatDocNumber({ seq, code, issuer: issuer.suffix, qualifier: null }), seq, term };
  });
}

/**
 * When even the least common word of a query is in this share of the provisions, a search ranks
 * the matches of the newest RANKED_RECENT_DOCUMENTS matching documents only: ranking every match
 * (a quarter of a national register for `sinh hoạt chi bộ`) takes seconds, and the newest texts
 * are the ones in force. A query with one rarer word ranks every match.
 */
const COMMON_WORD_SHARE = 0.005;
const RANKED_RECENT_DOCUMENTS = 100;

export async function searchDocuments(
  database: Database,
  actor: Actor,
  raw: SearchInput,
): Promise<SearchResult[]> {
  const input = parseInput(searchInputSchema, raw);
  const today = todayVn();
  const typeCode = input.type ? docTypeCode(input.type) : null;
  if (input.type && !typeCode) throw documentErrors.unknownType(input.type);
  const filters: repo.SearchFilters = {
    typeCode: typeCode ?? undefined,
    kind: input.kind,
    status: input.status,
    field: input.field,
    issuer: input.issuer,
    from: input.from,
    to: input.to,
    asOf: today,
  };
  return inTransaction(database.db, actor, async (tx) => {
    let rows: repo.SearchRow[];
    if (!input.q) {
      rows = await repo.latestDocuments(tx, filters, input.limit);
    } else {
      // a query that reads as a number found in the register asks for that document
      const asNumber = parseDocNumberQuery(input.q);
      const byNumber = asNumber ? await repo.searchByNumber(tx, asNumber, filters, input.limit) : [];
      const shares = await repo.wordShares(tx, input.q);
      const recentOnly = (share: number) =>
        share >= COMMON_WORD_SHARE ? { recent: Math.max(RANKED_RECENT_DOCUMENTS, input.limit) } : {};
      rows =
        byNumber.length > 0
          ? byNumber
          : await repo.searchText(tx, input.q, filters, input.limit, recentOnly(Math.min(...shares, 1)));
      // no provision or title has every word: let them spread over the title and one provision
      const words = significantWords(input.q);
      if (rows.length === 0 && words.length > 1) {
        rows = await repo.searchText(tx, input.q, filters, input.limit, {
          spread: { anyWords: words },
          ...recentOnly(Math.max(...shares, 0)),
        });
      }
    }
    return rows.map((r) => ({ ...summary(r, today), provision: r.eid, excerpt: r.excerpt }));
  });
}

// ——— Relations and status ———

const relationWarning = (from: string, to: string): Warning => ({
  code: 'document.relation.not_issuer',
  vi: `Cơ quan ban hành ${from} không phải cơ quan đã ban hành ${to} hay cơ quan cấp trên: chỉ cơ quan ban hành hoặc cấp trên có thẩm quyền mới được sửa đổi, thay thế, bãi bỏ (Quy định 66-QĐ/TW, Điều 3)`,
  en: `The issuer of ${from} is neither the issuer of ${to} nor a body above it: only the issuer or a competent higher body may amend, replace or repeal (Regulation 66-QĐ/TW, Art. 3)`,
});

async function refreshStatusDates(tx: Tx, id: number): Promise<void> {
  const incoming = await repo.incomingRelations(tx, id);
  const dates = statusDatesFrom(
    incoming.map((r) => ({ kind: r.kind as RelateInput['kind'], effectiveOn: r.effectiveOn })),
    null,
  );
  await repo.setStatusDates(tx, id, dates);
}

/**
 * `NUMBER replaces|amends|repeals|implements|guides|cites OTHER`. Replacing, amending and
 * repealing update the other document's status from the relation's date, and warn when the
 * newer document's issuer is neither the older one's nor above it.
 */
export async function relateDocuments(
  database: Database,
  actor: Actor,
  number: DocumentRef,
  raw: RelateInput,
): Promise<RelateResult> {
  const input = parseInput(relateInputSchema, raw);
  return inTransaction(database.db, actor, async (tx) => {
    const from = await findOne(tx, number, 'number');
    const to = await findOne(tx, input.target, 'target');
    if (from.id === to.id) throw documentErrors.selfRelation();
    const changes = changesStatus(input.kind);
    if (changes && from.signedOn < to.signedOn) throw documentErrors.olderChanger(from.number, to.number);
    const existing = new Set(await repo.existingProvisions(tx, to.id, input.provisions));
    const missing = input.provisions.filter((eid) => !existing.has(eid));
    if (missing.length > 0) throw documentErrors.unknownProvisions(missing);
    const warnings: Warning[] = [];
    if (changes) {
      const allowed = mayChange(
        { id: from.issuerId, ancestorIds: await repo.issuerAncestors(tx, from.issuerId) },
        { id: to.issuerId, ancestorIds: await repo.issuerAncestors(tx, to.issuerId) },
      );
      if (!allowed) warnings.push(relationWarning(from.number, to.number));
    }
    await repo.upsertRelation(tx, {
      fromId: from.id,
      kind: input.kind,
      toId: to.id,
      provisions: input.provisions,
      effectiveOn: input.date ?? from.effectiveOn,
      authorityWarning: warnings.length > 0,
      actor: actor.id,
    });
    if (changes) await refreshStatusDates(tx, to.id);
    await recordAudit(tx, { action: 'document.relate', entity: 'document', ids: [from.id] });
    return { document: await detail(tx, from.id, todayVn()), warnings };
  });
}

// ——— Review and statistics ———

export async function markReviewed(
  database: Database,
  actor: Actor,
  number: DocumentRef,
  date: string,
): Promise<DocumentDetail> {
  if (date > todayVn()) throw documentErrors.futureDate('date');
  return inTransaction(database.db, actor, async (tx) => {
    const doc = await findOne(tx, number);
    await repo.markReviewed(tx, doc.id, date);
    await recordAudit(tx, { action: 'document.review', entity: 'document', ids: [doc.id] });
    return detail(tx, doc.id, todayVn());
  });
}

/** Documents in force for more than `years` years (default 5) since entry into force or last review. */
export async function reviewDue(
  database: Database,
  actor: Actor,
  options: { years?: number; asOf?: string; limit?: number } = {},
): Promise<ReviewDue> {
  const years = options.years ?? DEFAULT_REVIEW_YEARS;
  const asOf = options.asOf ?? todayVn();
  const before = reviewDueBefore(asOf, years);
  return inTransaction(database.db, actor, async (tx) => {
    const rows = await repo.reviewDue(tx, before, asOf, options.limit ?? 200);
    return {
      years,
      before,
      results: rows.map((r) => ({ ...summary(r, asOf), lastReviewDate: r.lastReview })),
    };
  });
}

export async function documentStats(
  database: Database,
  actor: Actor,
  asOf: string = todayVn(),
): Promise<DocumentStats> {
  return inTransaction(database.db, actor, async (tx) => ({
    total: await repo.countDocuments(tx),
    byField: await repo.countBy(tx, 'field', asOf),
    byType: await repo.countBy(tx, 'type', asOf),
    byIssuer: await repo.countBy(tx, 'issuer', asOf),
    byTerm: await repo.countBy(tx, 'term', asOf),
    byStatus: await repo.countBy(tx, 'status', asOf),
  }));
}

// ——— Questions ———

/** Words of a question worth matching: its subject without the numbers cited, folded, 3 letters or more. */
function significantWords(text: string): string[] {
  const words = foldVn(withoutDocNumbers(text))
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 3 && !/^\d+$/.test(w));
  return [...new Set(words)].slice(0, 40);
}

/**
 * The documents and provisions a question is probably about: the numbers it mentions, then the
 * provisions sharing the most words with it (of a mentioned document when there is one).
 */
async function suggestTargetsInTransaction(
  tx: Tx,
  text: string,
): Promise<{ documentId: number; eid: string | null }[]> {
  const mentioned: repo.DocumentRow[] = [];
  for (const n of docNumbersIn(text)) {
    const found = await repo.findByNumber(tx, n, 1);
    if (found[0]) mentioned.push(found[0]);
  }
  const matches = await repo.provisionsMatchingAny(tx, significantWords(text), 50);
  const mentionedIds = new Set(mentioned.map((d) => d.id));
  const inMentioned = matches.filter((m) => mentionedIds.has(m.documentId));
  const pick = (mentioned.length > 0 ? inMentioned : matches).slice(0, mentioned.length > 0 ? 2 : 3);
  const targets = pick.map((m) => ({ documentId: m.documentId, eid: m.eid as string | null }));
  for (const d of mentioned) {
    if (!targets.some((t) => t.documentId === d.id)) targets.push({ documentId: d.id, eid: null });
  }
  return targets;
}

function presentTargets(rows: repo.TargetRow[]): Question['targets'] {
  return rows.map((t) => ({
    documentId: t.documentId,
    number: t.number,
    title: t.title,
    provision: t.eid || null,
    citation: t.eid ? citeProvision(t.eid) : null,
  }));
}

async function loadQuestion(tx: Tx, id: number, today: string): Promise<Question> {
  const row = await repo.getQuestion(tx, id);
  if (!row) throw documentErrors.questionNotFound(id);
  return presentQuestion(row, await repo.targetsOf(tx, [id]), today);
}

function presentQuestion(row: repo.QuestionRow, targets: repo.TargetRow[], today: string): Question {
  return {
    id: row.id,
    sender: row.senderName,
    senderUnitCode: row.senderUnitCode,
    receivedDate: row.receivedOn,
    text: row.body,
    officer: row.officer,
    dueDate: row.dueOn,
    answer: row.answer,
    answeredDate: row.answeredOn,
    published: row.published,
    status: row.status,
    overdue: row.status === 'open' && row.dueOn !== null && row.dueOn < today,
    targets: presentTargets(targets.filter((t) => t.questionId === row.id)),
  };
}

export async function suggestTargets(
  database: Database,
  actor: Actor,
  text: string,
): Promise<Question['targets']> {
  return inTransaction(database.db, actor, async (tx) => {
    const suggested = await suggestTargetsInTransaction(tx, text);
    const docs = new Map(
      (
        await repo.getDocuments(
          tx,
          suggested.map((s) => s.documentId),
        )
      ).map((d) => [d.id, d]),
    );
    return presentTargets(
      suggested.map((s) => {
        const d = docs.get(s.documentId) as repo.DocumentRow;
        return { questionId: 0, documentId: d.id, number: d.number, title: d.title, eid: s.eid ?? '' };
      }),
    );
  });
}

/** Files a question from a lower unit; without confirmed targets, the suggested ones are recorded. */
export async function createQuestion(
  database: Database,
  actor: Actor,
  raw: CreateQuestionInput,
): Promise<Question> {
  const input = parseInput(createQuestionInputSchema, raw);
  return inTransaction(database.db, actor, async (tx) => {
    const unit = await findUnitInTransaction(tx, input.sender, input.receivedDate);
    const id = await repo.insertQuestion(tx, {
      senderUnitId: unit?.unitId ?? null,
      senderName: unit?.name ?? normalizeName(input.sender),
      receivedOn: input.receivedDate,
      body: input.text.normalize('NFC'),
      officer: input.officer ?? null,
      dueOn: input.dueDate ?? null,
      actor: actor.id,
    });
    const targets: { documentId: number; eid: string | null }[] = [];
    if (input.targets) {
      for (const t of input.targets) {
        const doc = await findOne(tx, t.number, 'targets');
        if (t.provision) {
          const known = await repo.existingProvisions(tx, doc.id, [t.provision]);
          if (known.length === 0) throw documentErrors.unknownProvisions([t.provision]);
        }
        targets.push({ documentId: doc.id, eid: t.provision });
      }
    } else {
      targets.push(...(await suggestTargetsInTransaction(tx, input.text)));
    }
    await repo.insertQuestionTargets(tx, id, targets);
    await recordAudit(tx, { action: 'document.question', entity: 'doc_question', ids: [id] });
    return loadQuestion(tx, id, todayVn());
  });
}

export async function answerQuestion(
  database: Database,
  actor: Actor,
  id: number,
  raw: AnswerQuestionInput,
): Promise<Question> {
  const input = parseInput(answerQuestionInputSchema, raw);
  return inTransaction(database.db, actor, async (tx) => {
    if (!(await repo.getQuestion(tx, id))) throw documentErrors.questionNotFound(id);
    await repo.answerQuestion(tx, id, {
      answer: input.answer,
      answeredOn: input.answeredDate,
      published: input.publish,
    });
    await recordAudit(tx, { action: 'document.answer', entity: 'doc_question', ids: [id] });
    return loadQuestion(tx, id, todayVn());
  });
}

export async function listQuestions(
  database: Database,
  actor: Actor,
  filter: { status?: 'open' | 'answered'; number?: string; limit?: number } = {},
): Promise<Question[]> {
  return inTransaction(database.db, actor, async (tx) => {
    const documentId = filter.number ? (await findOne(tx, filter.number)).id : undefined;
    const rows = await repo.listQuestions(tx, { status: filter.status, documentId }, filter.limit ?? 100);
    const targets = await repo.targetsOf(
      tx,
      rows.map((r) => r.id),
    );
    const today = todayVn();
    return rows.map((r) => presentQuestion(r, targets, today));
  });
}

/** Provisions and documents ranked by the questions received about them in a period. */
export async function questionHotspots(
  database: Database,
  actor: Actor,
  raw: HotspotsInput = {},
): Promise<Hotspot[]> {
  const input = parseInput(hotspotsInputSchema, raw);
  return inTransaction(database.db, actor, async (tx) => {
    const rows = await repo.hotspots(tx, { from: input.from ?? null, to: input.to ?? null }, input.limit);
    return rows.map((r) => ({
      documentId: r.documentId,
      number: r.number,
      title: r.title,
      provision: r.eid || null,
      citation: r.eid ? citeProvision(r.eid) : null,
      questions: r.questions,
      questionIds: r.questionIds,
    }));
  });
}

// ——— Implementation tasks ———

export async function createTask(
  database: Database,
  actor: Actor,
  number: DocumentRef,
  raw: CreateTaskInput,
): Promise<Task> {
  const input = parseInput(createTaskInputSchema, raw);
  return inTransaction(database.db, actor, async (tx) => {
    const doc = await findOne(tx, number);
    const unit = await findUnitInTransaction(tx, input.unitCode, todayVn());
    if (!unit) throw orgErrors.notFound(input.unitCode, 'unitCode');
    if (input.provision && (await repo.existingProvisions(tx, doc.id, [input.provision])).length === 0) {
      throw documentErrors.unknownProvisions([input.provision]);
    }
    const id = await repo.insertTask(tx, {
      documentId: doc.id,
      eid: input.provision ?? '',
      unitId: unit.unitId,
      title: input.title,
      dueOn: input.dueDate,
      actor: actor.id,
    });
    await recordAudit(tx, { action: 'document.task', entity: 'doc_task', ids: [id] });
    return presentTask((await repo.getTask(tx, id)) as repo.TaskRow, todayVn());
  });
}

/** The assignee's report: progress, what was done, evidence; 100 % closes the task on that date. */
export async function reportTaskProgress(
  database: Database,
  actor: Actor,
  id: number,
  raw: TaskProgressInput,
): Promise<Task> {
  const input = parseInput(taskProgressInputSchema, raw);
  if (input.date > todayVn()) throw documentErrors.futureDate('date');
  return inTransaction(database.db, actor, async (tx) => {
    const signedOn = await repo.taskSignedOn(tx, id);
    if (signedOn && input.date < signedOn) throw documentErrors.progressBeforeDocument(signedOn);
    const updated = await repo.updateTaskProgress(tx, id, {
      progress: input.progress,
      report: input.report ?? null,
      evidence: input.evidence ?? null,
      doneOn: input.progress === 100 ? input.date : null,
    });
    if (!updated) throw documentErrors.taskNotFound(id);
    await recordAudit(tx, { action: 'document.task_progress', entity: 'doc_task', ids: [id] });
    return presentTask((await repo.getTask(tx, id)) as repo.TaskRow, todayVn());
  });
}

/** Open tasks of the units under `org`: overdue and due within `withinDays` days. */
export async function tasksDue(
  database: Database,
  actor: Actor,
  options: { org: string; withinDays?: number; asOf?: string },
): Promise<Task[]> {
  const asOf = options.asOf ?? todayVn();
  const dueBy = addDays(asOf, options.withinDays ?? 14);
  return inTransaction(database.db, actor, async (tx) => {
    const unit = await findUnitInTransaction(tx, options.org, asOf);
    if (!unit) throw orgErrors.notFound(options.org, 'org');
    return (await repo.openTasksUnder(tx, unit.path, dueBy)).map((t) => presentTask(t, asOf));
  });
}
