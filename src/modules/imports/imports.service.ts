/**
 * Imports of organization and member files. A file streams through: rows are read, converted
 * and checked in batches (members: COPYed into a scratch table, duplicates in the file found
 * there) and the accepted rows applied in one transaction — on a PostgreSQL server batch by batch
 * while the rest of the file is read, on the embedded database after the last batch — and the
 * rejected rows kept with their reasons. Every import is recorded, a dry run too.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { todayVn } from '../../core/dates.ts';
import { AppError, type LocalizedMessage } from '../../core/errors.ts';
import { parseFileDate } from '../../core/file-dates.ts';
import { LegacyTextConverter } from '../../core/legacy-vn-encodings.ts';
import {
  type FileColumn,
  MEMBER_FILE_COLUMNS,
  type MemberFileColumn,
  ORG_FILE_COLUMNS,
  type OrgFileColumn,
} from '../../core/member-file-columns.ts';
import { holdsMembers, ORG_KIND_LABELS, ORG_KINDS, type OrgKind } from '../../core/org-kinds.ts';
import { isWithinAny } from '../../core/unit-paths.ts';
import { parseInput } from '../../core/validation.ts';
import { foldVn, normalizeName, personSortKey } from '../../core/vn-text.ts';
import type { CopyValue, Database } from '../../db/database.ts';
import {
  type Actor,
  dryRun,
  grantedUnitPaths,
  inTransaction,
  pathsGranted,
  type Tx,
} from '../../db/transaction.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { SinkCell } from '../exports/exports.member-file.ts';
import type { ExportFile } from '../exports/exports.service.ts';
import { memberErrors } from '../members/members.errors.ts';
import { refreshStats } from '../members/members.repository.ts';
import { createOrgInTransaction } from '../orgs/orgs.service.ts';
import { importErrors, rowMessages } from './imports.errors.ts';
import { type FileRow, readFileRows } from './imports.readers.ts';
import * as repo from './imports.repository.ts';
import {
  type CellError,
  type ColumnLayout,
  cellText,
  isBlankRow,
  isHeaderRepeat,
  layoutOf,
  type MemberRowInput,
  type ParsedMemberRow,
  parseMemberRow,
  rawValues,
} from './imports.rows.ts';
import {
  type Converted,
  type ImportKind,
  type ImportOptions,
  type ImportResult,
  type ImportRun,
  importKindSchema,
  importOptionsSchema,
  type RowError,
} from './imports.schemas.ts';
import {
  rejectedRowsSink,
  rejectedRowValues,
  templateWorkbook,
  type WorkbookFile,
  XLSX_TYPE,
} from './imports.workbooks.ts';

/** How far an import has read its file: rows, and the part of the file (0–1). */
export interface Progress {
  rowsRead: number;
  share: number;
}

export interface ImportFile {
  /** Where the file is on disk. */
  path: string;
  /** The name the user gave it (shown in the log, tells .xlsx from .csv). */
  fileName: string;
}

/** Rows checked and COPYed per batch: registry look-ups are one query per batch. */
export const IMPORT_BATCH = 5_000;
/** Errors returned with an import (the rejected-rows workbook and the CLI report have them all). */
const ERRORS_SHOWN = 500;

type Options = { kind: ImportKind; dryRun: boolean; update: boolean };

/** A recorded import being run: its file, what was asked, and where its progress goes. */
interface ImportJob {
  database: Database;
  actor: Actor;
  importId: number;
  file: ImportFile;
  options: Options;
  converter: LegacyTextConverter;
  onProgress: (progress: Progress) => void;
}

interface Outcome {
  rowsRead: number;
  accepted: number;
  rejected: number;
  created: number;
  updated: number;
  unchanged: number;
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const errorsJson = (errors: CellError[]) =>
  JSON.stringify(errors.map((e) => ({ column: e.column, vi: e.message.vi, en: e.message.en })));

/** Reads rows until the header, then yields the data rows (the template's second header row skipped). */
async function* dataRows<C extends FileColumn>(
  rows: AsyncGenerator<FileRow>,
  file: ImportFile,
  columns: readonly C[],
  converter: LegacyTextConverter,
  onLayout: (layout: ColumnLayout<C>) => Promise<void>,
): AsyncGenerator<FileRow & { layout: ColumnLayout<C> }> {
  let layout: ColumnLayout<C> | undefined;
  for await (const row of rows) {
    if (isBlankRow(row.cells)) continue;
    if (!layout) {
      const found = layoutOf(columns, row.cells, converter);
      if (found.missing.length > 0) throw importErrors.missingColumns(found.missing);
      layout = found.layout;
      await onLayout(layout);
      continue;
    }
    if (isHeaderRepeat(layout, row.cells)) continue;
    yield { ...row, layout };
  }
  if (!layout) throw importErrors.empty(file.fileName);
}

// ——— members ———

interface ImportScope {
  write: readonly string[] | null;
  read: readonly string[] | null;
}

/**
 * The paths a user's grants cover, for changes and for reading members: rows outside the first
 * are rejected one by one (rather than the whole import failing on the row-level policies), and
 * a member outside the second is not described. The system (no user) sees the whole registry.
 */
async function importScope(database: Database, actor: Actor, today: string): Promise<ImportScope> {
  const grants = actor.user?.grants;
  if (!grants) return { write: null, read: null };
  const paths = await grantedUnitPaths(database.db, grants, today);
  return {
    write: pathsGranted(grants, 'registry.write', paths),
    read: pathsGranted(grants, 'members.read', paths),
  };
}

type RefList = repo.RefRow['list'];
type LaidOutRow = FileRow & { layout: ColumnLayout<MemberFileColumn> };
interface ParsedRow {
  row: LaidOutRow;
  /** The row's cells as JSON, kept with a rejected row. */
  raw: string;
  result: ParsedMemberRow;
}

class MemberBatchChecker {
  private readonly units = new Map<string, repo.UnitRow | null>();
  private refs = new Map<RefList, Map<string, string>>();

  constructor(
    private readonly database: Database,
    private readonly importId: number,
    private readonly update: boolean,
    private readonly today: string,
    /** Whether new members get their ids now (an import that will be applied; not a dry run). */
    private readonly drawIds: boolean,
    /** The subtrees the importing user may change and read (null: the whole registry). */
    private readonly scope: ImportScope,
  ) {}

  async loadReferenceLists(): Promise<void> {
    for (const r of await repo.referenceLists(this.database.db)) {
      let list = this.refs.get(r.list);
      if (!list) {
        list = new Map();
        this.refs.set(r.list, list);
      }
      list.set(r.code, r.code);
      if (!list.has(foldVn(r.name))) list.set(foldVn(r.name), r.code);
    }
  }

  private refCode(list: RefList, value: string | undefined): string | null | undefined {
    if (value === undefined || value.trim() === '') return null;
    const codes = this.refs.get(list);
    return codes?.get(value.trim()) ?? codes?.get(foldVn(value)) ?? undefined;
  }

  private async loadUnits(codes: string[]): Promise<void> {
    const missing = [...new Set(codes)].filter((c) => !this.units.has(c));
    if (missing.length === 0) return;
    for (const c of missing) this.units.set(c, null);
    for (const u of await repo.unitsByCode(this.database.db, missing, this.today)) this.units.set(u.code, u);
  }

  /** Reads and checks a batch's rows on their own (no database): the part that overlaps the previous batch's staging. */
  parse(batch: LaidOutRow[], converter: LegacyTextConverter): ParsedRow[] {
    return batch.map((row) => ({
      row,
      raw: JSON.stringify(rawValues(row.cells, row.layout.headers.length)),
      result: parseMemberRow(row.layout, row.cells, converter, this.today),
    }));
  }

  /**
   * Checks a parsed batch against the registry and COPYs it, accepted and rejected rows alike; then
   * rejects the accepted rows that repeat an earlier row of the file.
   */
  async stage(parsed: ParsedRow[]) {
    const ok = parsed.flatMap((p) => (p.result.ok ? [p.result.input] : []));
    await this.loadUnits(ok.map((m) => m.cellCode));
    const byId = await repo.membersByIds(
      this.database.db,
      ok.flatMap((m) => (m.nationalId ? [m.nationalId] : [])),
      ok.flatMap((m) => (m.partyCardNo ? [m.partyCardNo] : [])),
    );
    const byNational = new Map(byId.flatMap((m) => (m.nationalId ? [[m.nationalId, m] as const] : [])));
    const byCard = new Map(byId.flatMap((m) => (m.partyCardNo ? [[m.partyCardNo, m] as const] : [])));
    const withoutIds = ok.filter((m) => !m.nationalId && !m.partyCardNo);
    const byPerson = new Map(
      (
        await repo.membersByNaturalKey(
          this.database.db,
          withoutIds.map((m) => ({
            fullName: normalizeName(m.fullName),
            birthDate: m.birthDate,
            admissionDate: m.admissionDate,
          })),
        )
      ).map((m) => [`${m.fullName}|${m.birthDate}|${m.admissionDate}`, m]),
    );
    const copyRows: CopyValue[][] = [];
    for (const { row, raw, result } of parsed) {
      const staged = result.ok
        ? this.checkAgainstRegistry(row.layout, result.input, byNational, byCard, byPerson)
        : { errors: result.errors };
      if ('errors' in staged) {
        copyRows.push([this.importId, row.rowNo, raw, errorsJson(staged.errors), ...EMPTY_MEMBER]);
      } else {
        copyRows.push([this.importId, row.rowNo, raw, null, ...staged.values]);
      }
    }
    if (this.drawIds) {
      // the ids of the new members, drawn here rather than by rewriting every staged row at the end
      const created = copyRows.filter((r) => r[STAGED_ACTION] === 'create');
      const ids = await repo.nextMemberIds(this.database.db, created.length);
      created.forEach((r, i) => {
        r[STAGED_ACTION + 1] = ids[i] as number;
      });
    }
    await repo.copyStagedMembers(this.database, copyRows);
    // compared with the file's earlier rows here, off the connection that applies them
    const first = parsed[0]?.row;
    const last = parsed.at(-1)?.row;
    if (first && last)
      await repo.rejectFileDuplicates(
        this.database.db,
        this.importId,
        { from: first.rowNo, to: last.rowNo },
        duplicateKeys(last.layout),
      );
  }

  private checkAgainstRegistry(
    layout: ColumnLayout<MemberFileColumn>,
    m: MemberRowInput,
    byNational: Map<string, repo.ExistingMember>,
    byCard: Map<string, repo.ExistingMember>,
    byPerson: Map<string, repo.ExistingMember>,
  ): { errors: CellError[] } | { values: CopyValue[] } {
    const header = (key: MemberFileColumn['key']) => headerOf(layout, key);
    const errors: CellError[] = [];
    const unit = this.units.get(m.cellCode);
    if (!unit)
      errors.push({
        column: header('cell_code'),
        message: memberErrors.cellNotFound(m.cellCode, this.today).messages,
      });
    else if (!holdsMembers(unit.kind as OrgKind))
      errors.push({ column: header('cell_code'), message: memberErrors.notACell(m.cellCode).messages });
    else if (!isWithinAny(unit.path, this.scope.write))
      errors.push({ column: header('cell_code'), message: rowMessages.outsideScope(m.cellCode) });
    const refs = {} as Record<RefList, string | null>;
    for (const [list, field, key] of REF_FIELDS) {
      const code = this.refCode(list, m[field]);
      if (code === undefined)
        errors.push({
          column: header(key),
          message: memberErrors.unknownReference(field, m[field] ?? '').messages,
        });
      else refs[list] = code;
    }
    const fullName = normalizeName(m.fullName);
    const national = m.nationalId ? byNational.get(m.nationalId) : undefined;
    const card = m.partyCardNo ? byCard.get(m.partyCardNo) : undefined;
    if (national && card && national.id !== card.id)
      errors.push({ column: header('national_id'), message: rowMessages.twoMembers() });
    if (errors.length > 0) return { errors };
    const existing = national ?? card ?? byPerson.get(`${fullName}|${m.birthDate}|${m.admissionDate}`);
    const values: Omit<repo.ExistingMember, 'id' | 'cellId' | 'cellCode' | 'cellPath'> = {
      fullName,
      otherName: m.otherName ?? null,
      sex: m.sex,
      birthDate: m.birthDate,
      birthDatePrecision: m.birthDatePrecision,
      birthPlace: m.birthPlace ?? null,
      hometown: m.hometown ?? null,
      ethnicity: refs.ethnicity,
      religion: refs.religion,
      nationalId: m.nationalId ?? null,
      partyCardNo: m.partyCardNo ?? null,
      admissionDate: m.admissionDate,
      officialDate: m.officialDate ?? null,
      education: refs.education,
      qualification: m.qualification ?? null,
      theoryLevel: refs.theory_level,
      occupation: m.occupation ?? null,
    };
    let action: 'create' | 'update' | 'unchanged' = 'create';
    if (existing) {
      if (existing.cellCode !== m.cellCode) {
        const readable = existing.cellPath !== null && isWithinAny(existing.cellPath, this.scope.read);
        return {
          errors: [
            {
              column: header('cell_code'),
              message: readable
                ? rowMessages.otherCell(existing.cellCode)
                : rowMessages.otherCellOutsideScope(),
            },
          ],
        };
      }
      const datesDiffer =
        existing.admissionDate !== values.admissionDate || existing.officialDate !== values.officialDate;
      // what the file leaves empty is not a difference (an update keeps it)
      const differs = PROFILE_FIELDS.some((f) => values[f] !== null && values[f] !== existing[f]);
      if (!differs && !datesDiffer) action = 'unchanged';
      else if (!this.update || (!national && !card) || datesDiffer) {
        const which = datesDiffer
          ? {
              column: header('admission_date'),
              what: { vi: 'Ngày vào Đảng/ngày chính thức', en: 'The admission or official date' },
            }
          : national
            ? {
                column: header('national_id'),
                what: { vi: `Số CCCD ${m.nationalId}`, en: `National ID ${m.nationalId}` },
              }
            : card
              ? {
                  column: header('party_card_no'),
                  what: { vi: `Số thẻ ${m.partyCardNo}`, en: `Card ${m.partyCardNo}` },
                }
              : {
                  column: header('full_name'),
                  what: { vi: `Đảng viên ${fullName}`, en: `Member ${fullName}` },
                };
        return { errors: [{ column: which.column, message: rowMessages.existsDifferently(which.what) }] };
      } else action = 'update';
    }
    return {
      values: [
        action,
        existing?.id ?? null,
        values.fullName,
        values.otherName,
        personSortKey(fullName),
        values.sex,
        values.birthDate,
        values.birthDatePrecision,
        values.birthPlace,
        values.hometown,
        values.ethnicity,
        values.religion,
        values.nationalId,
        values.partyCardNo,
        values.admissionDate,
        values.officialDate,
        values.education,
        values.qualification,
        values.theoryLevel,
        values.occupation,
        unit?.unitId ?? null,
        m.cellCode,
        m.decisionRef ?? null,
        unit?.founded ?? null,
      ],
    };
  }
}

const REF_FIELDS = [
  ['ethnicity', 'ethnicity', 'ethnicity'],
  ['religion', 'religion', 'religion'],
  ['education', 'education', 'education'],
  ['theory_level', 'theoryLevel', 'theory_level'],
] as const satisfies readonly (readonly [RefList, keyof MemberRowInput, MemberFileColumn['key']])[];

const PROFILE_FIELDS = [
  'fullName',
  'otherName',
  'sex',
  'birthDate',
  'birthDatePrecision',
  'birthPlace',
  'hometown',
  'ethnicity',
  'religion',
  'nationalId',
  'partyCardNo',
  'education',
  'qualification',
  'theoryLevel',
  'occupation',
] as const;

/** Where a staged row holds its action, followed by the member's id. */
const STAGED_ACTION = repo.STAGED_MEMBER_COLUMNS.indexOf('action');

/** The staged columns after `errors` of a rejected row: all empty. */
const EMPTY_MEMBER: CopyValue[] = repo.STAGED_MEMBER_COLUMNS.slice(4).map(() => null);

function headerOf<C extends FileColumn>(layout: ColumnLayout<C>, key: C['key']): string {
  const i = layout.byIndex.findIndex((c) => c?.key === key);
  const column =
    MEMBER_FILE_COLUMNS.find((c) => c.key === key) ?? ORG_FILE_COLUMNS.find((c) => c.key === key);
  return i >= 0 ? (layout.headers[i] as string) : (column?.vi ?? key);
}

const DUPLICATE_KEYS = [
  { key: 'national_id', column: 'national_id', what: { vi: 'Số CCCD', en: 'The national ID' } },
  { key: 'party_card_no', column: 'party_card_no', what: { vi: 'Số thẻ đảng viên', en: 'The card number' } },
  {
    key: 'person',
    column: 'full_name',
    what: { vi: 'Họ tên, ngày sinh, ngày vào Đảng', en: 'Name, birth and admission dates' },
  },
] as const;

/** The keys two rows of a file must not share, with their messages (`{row}`: the earlier row). */
function duplicateKeys(layout: ColumnLayout<MemberFileColumn>) {
  return DUPLICATE_KEYS.map((k) => {
    const message = rowMessages.duplicateInFile(k.what, '{row}');
    return { key: k.key, column: headerOf(layout, k.column), vi: message.vi, en: message.en };
  });
}

/**
 * Reads, checks and stages the file batch by batch; after each batch is staged, `staged` is called
 * with its rows (in file order, one batch at a time, while the next batches are read and staged).
 */
async function stageMemberFile(
  database: Database,
  importId: number,
  file: ImportFile,
  checker: MemberBatchChecker,
  converter: LegacyTextConverter,
  staged: (range: repo.RowRange) => Promise<void>,
  onProgress: (progress: Progress) => void,
): Promise<number> {
  let rowsRead = 0;
  let batch: LaidOutRow[] = [];
  // batch k is handed on while k+1 is staged in the database and k+2 read and checked here
  let staging: Promise<void> = Promise.resolve();
  let handing: Promise<void> = Promise.resolve();
  let handingFailure: { error: unknown } | undefined;
  const flush = async () => {
    const parsed = checker.parse(batch, converter);
    batch = [];
    await staging;
    if (handingFailure) throw handingFailure.error;
    const last = parsed.at(-1)?.row;
    if (!last) return;
    // what is handed on keeps none of the rows: the applying may lag many batches behind
    const { share } = last;
    const range = { from: (parsed[0] as ParsedRow).row.rowNo, to: last.rowNo };
    const count = parsed.length;
    staging = checker.stage(parsed);
    handing = Promise.all([handing, staging]).then(async () => {
      await staged(range);
      rowsRead += count;
      await repo.setProgress(database.db, importId, { rowsRead, share });
      onProgress({ rowsRead, share });
    });
    // a failure surfaces where the work is awaited: at the next batch or after the last
    staging.catch(() => undefined);
    handing.catch((error: unknown) => {
      handingFailure ??= { error };
    });
  };
  const rows = dataRows(
    readFileRows(file.path, file.fileName),
    file,
    MEMBER_FILE_COLUMNS,
    converter,
    async (l) => {
      await repo.setProgress(database.db, importId, { rowsRead: 0, share: 0, headers: l.headers });
    },
  );
  try {
    for await (const row of rows) {
      batch.push(row);
      if (batch.length >= IMPORT_BATCH) await flush();
    }
    if (batch.length > 0) await flush();
    await staging;
    await handing;
  } finally {
    // nothing may still be writing when a failed import is cleaned up
    await Promise.all([staging.catch(() => undefined), handing.catch(() => undefined)]);
  }
  return rowsRead;
}

async function importMembers(job: ImportJob): Promise<Outcome> {
  const { database, actor, importId, file, options, converter, onProgress } = job;
  const today = todayVn();
  const checker = new MemberBatchChecker(
    database,
    importId,
    options.update,
    today,
    !options.dryRun,
    await importScope(database, actor, today),
  );
  await checker.loadReferenceLists();
  /** Applies a staged batch's accepted rows, unless this is a dry run. */
  const apply = async (tx: Tx, range: repo.RowRange) => {
    if (!options.dryRun) await repo.applyStagedMembers(tx, importId, range, actor.id, today);
  };
  const conclude = async (tx: Tx, rowsRead: number): Promise<Outcome> => {
    const counts = await repo.stagedCounts(tx, importId);
    const outcome: Outcome = {
      rowsRead,
      accepted: counts.create + counts.update + counts.unchanged,
      rejected: counts.rejected,
      created: options.dryRun ? 0 : counts.create,
      updated: options.dryRun ? 0 : counts.update,
      unchanged: counts.unchanged,
    };
    if (!options.dryRun && counts.create + counts.update > 0) {
      await repo.countNewMembers(tx, importId);
      await refreshStats(tx, await repo.updatedCells(tx, importId));
    }
    await repo.closeStaging(tx, importId);
    await finish(tx, importId, outcome, converter);
    return outcome;
  };
  const stage = (staged: Parameters<typeof stageMemberFile>[5]) =>
    stageMemberFile(database, importId, file, checker, converter, staged, onProgress);
  if (database.kind === 'postgres') {
    // applied batch by batch in the import's one transaction, while the file is still being read
    return inTransaction(database.db, actor, async (tx) =>
      conclude(tx, await stage((range) => apply(tx, range))),
    );
  }
  // embedded: one connection, which the transaction would hold while the batches are staged
  let whole: repo.RowRange | undefined;
  const rowsRead = await stage(async (range) => {
    whole = { from: whole?.from ?? range.from, to: range.to };
  });
  return inTransaction(database.db, actor, async (tx) => {
    if (whole) await apply(tx, whole);
    return conclude(tx, rowsRead);
  });
}

/** Records the outcome of a run, and audits it (one entry per file, not per row). */
async function finish(tx: Tx, importId: number, o: Outcome, converter: LegacyTextConverter) {
  await repo.finishRun(tx, importId, { status: 'done', ...o, converted: converter.counts, failure: null });
  await recordAudit(tx, { action: 'import.run', entity: 'import_run', ids: [importId], details: { ...o } });
}

// ——— organizations ———

const KIND_BY_FOLD = new Map<string, OrgKind>(
  ORG_KINDS.flatMap((k) => [
    [foldVn(k), k],
    [foldVn(ORG_KIND_LABELS[k].vi), k],
    [foldVn(ORG_KIND_LABELS[k].en), k],
  ]),
);

/** The column an error of the organization service names (its input fields). */
const ORG_FIELD_COLUMN: Record<string, OrgFileColumn['key']> = {
  code: 'code',
  name: 'name',
  kind: 'kind',
  parentCode: 'parent_code',
  date: 'valid_from',
};

async function importOrgs(job: ImportJob): Promise<Outcome> {
  const { database, actor, importId, file, options, converter, onProgress } = job;
  // organization files are small (a province is a few thousand units): read whole, applied in order
  const rows: (FileRow & { layout: ColumnLayout<OrgFileColumn> })[] = [];
  let headers: string[] = [];
  for await (const row of dataRows(
    readFileRows(file.path, file.fileName),
    file,
    ORG_FILE_COLUMNS,
    converter,
    async (l) => {
      headers = l.headers;
    },
  ))
    rows.push(row);
  await repo.setProgress(database.db, importId, { rowsRead: rows.length, share: 1, headers });
  const rejected: { importId: number; rowNo: number; raw: string; errors: string }[] = [];
  const outcome: Outcome = {
    rowsRead: rows.length,
    accepted: 0,
    rejected: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
  };
  const work = async (tx: Tx) => {
    for (const [i, row] of rows.entries()) {
      const errors = await importOrgRow(tx, actor, row, converter);
      if (errors === 'created' || errors === 'unchanged') {
        outcome.accepted += 1;
        if (errors === 'created') outcome.created += 1;
        else outcome.unchanged += 1;
      } else {
        outcome.rejected += 1;
        rejected.push({
          importId,
          rowNo: row.rowNo,
          raw: JSON.stringify(rawValues(row.cells, headers.length)),
          errors: errorsJson(errors),
        });
      }
      if ((i + 1) % 500 === 0) onProgress({ rowsRead: i + 1, share: 1 });
    }
    return outcome;
  };
  if (options.dryRun) {
    await dryRun(database.db, actor, work);
    outcome.created = 0;
  }
  await inTransaction(database.db, actor, async (tx) => {
    if (!options.dryRun) await work(tx);
    await repo.insertRejected(tx, rejected);
    await finish(tx, importId, outcome, converter);
  });
  onProgress({ rowsRead: rows.length, share: 1 });
  return outcome;
}

async function importOrgRow(
  tx: Tx,
  actor: Actor,
  row: FileRow & { layout: ColumnLayout<OrgFileColumn> },
  converter: LegacyTextConverter,
): Promise<'created' | 'unchanged' | CellError[]> {
  const { layout, cells } = row;
  const value = (key: OrgFileColumn['key']) => {
    const i = layout.byIndex.findIndex((c) => c?.key === key);
    return i >= 0 ? cells[i] : null;
  };
  const header = (key: OrgFileColumn['key']) => headerOf(layout, key);
  const errors: CellError[] = [];
  const text = (key: OrgFileColumn['key']) => {
    const t = cellText(value(key), converter);
    const column = ORG_FILE_COLUMNS.find((c) => c.key === key);
    if (t === undefined && column?.required)
      errors.push({ column: header(key), message: rowMessages.required() });
    return t;
  };
  const code = text('code');
  const name = text('name');
  const kindText = text('kind');
  const parentCode = text('parent_code');
  const kind = kindText === undefined ? undefined : KIND_BY_FOLD.get(foldVn(kindText));
  if (kindText !== undefined && !kind)
    errors.push({ column: header('kind'), message: rowMessages.orgKind(kindText) });
  const dateCell = value('valid_from');
  let date: string | undefined;
  if (dateCell === null || dateCell === undefined)
    errors.push({ column: header('valid_from'), message: rowMessages.required() });
  else {
    const read = parseFileDate(dateCell);
    if (read.ok) date = read.date;
    else errors.push({ column: header('valid_from'), message: read.message });
  }
  if (errors.length > 0 || !code || !name || !kind || !date) return errors;
  await repo.savepoint(tx);
  try {
    await createOrgInTransaction(tx, actor, { code, name, kind, parentCode, date });
    await repo.releaseSavepoint(tx);
    return 'created';
  } catch (err) {
    await repo.rollbackToSavepoint(tx);
    if (!(err instanceof AppError)) throw err;
    if (err.code === 'org.code_taken') {
      const existing = await repo.orgByCode(tx, code);
      const same =
        existing &&
        existing.name === normalizeName(name) &&
        existing.kind === kind &&
        (existing.parentCode ?? undefined) === parentCode &&
        existing.validFrom === date;
      if (same) return 'unchanged';
      return [{ column: header('code'), message: rowMessages.orgExistsDifferently(code) }];
    }
    const details = err.details as { errors?: { field?: string; message: LocalizedMessage }[] } | undefined;
    const list = details?.errors ?? [{ field: err.field, message: err.messages }];
    return list.map((e) => ({
      column: header(ORG_FIELD_COLUMN[e.field ?? ''] ?? 'code'),
      message: e.message,
    }));
  }
}

// ——— the import as a whole ———

function runOf(r: repo.RunRow): ImportRun {
  const converted = (r.converted ?? {}) as Partial<Converted>;
  return {
    id: Number(r.id),
    kind: r.kind,
    actor: r.actor,
    fileName: r.file_name,
    sha256: r.sha256,
    dryRun: r.dry_run,
    update: r.update_existing,
    status: r.status,
    startedAt: new Date(r.started_at).toISOString(),
    finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
    rowsRead: r.rows_read,
    progress: r.status === 'running' ? r.share_read : 1,
    accepted: r.accepted,
    rejected: r.rejected,
    created: r.created,
    updated: r.updated,
    unchanged: r.unchanged,
    converted: { tcvn3: converted.tcvn3 ?? 0, vni: converted.vni ?? 0, nfd: converted.nfd ?? 0 },
    failure: (r.failure as ImportRun['failure']) ?? null,
  };
}

function rowErrorsOf(rows: { row_no: number; errors: unknown }[]): RowError[] {
  return rows.flatMap((r) =>
    (r.errors as { column: string; vi: string; en: string }[]).map((e) => ({
      row: r.row_no,
      column: e.column,
      message: { vi: e.vi, en: e.en },
    })),
  );
}

export interface StartedImport {
  id: number;
  /** Settles when the import ends; rejects with `import.unreadable` when the file cannot be read. */
  done: Promise<ImportResult>;
}

/**
 * Records the import and starts it; the web answers with the id at once and the browser polls
 * `getImport` for the progress.
 */
export async function startImport(
  database: Database,
  actor: Actor,
  file: ImportFile,
  raw: ImportOptions,
  onProgress: (progress: Progress) => void = () => {},
): Promise<StartedImport> {
  const options = parseInput(importOptionsSchema, raw);
  const sha256 = await sha256Of(file.path).catch((err: Error) => {
    throw importErrors.unreadable(file.fileName, err.message);
  });
  const id = await inTransaction(database.db, actor, (tx) =>
    repo.insertRun(tx, { actor: actor.id, fileName: file.fileName, sha256, ...options }),
  );
  const converter = new LegacyTextConverter();
  const run = options.kind === 'members' ? importMembers : importOrgs;
  const done = run({ database, actor, importId: id, file, options, converter, onProgress }).then(
    () => getImport(database, actor, id),
    async (err: unknown) => {
      const unreadable = err instanceof AppError && err.code === 'import.unreadable';
      const failure =
        err instanceof AppError
          ? { code: err.code, ...err.messages }
          : {
              code: 'import.failed',
              vi: `Lỗi hệ thống: ${String(err)}`,
              en: `Internal error: ${String(err)}`,
            };
      // nothing of a failed import stays applied: the scratch rows go, the log says why
      await inTransaction(database.db, actor, async (tx) => {
        await repo.closeStaging(tx, id);
        await repo.finishRun(tx, id, {
          status: unreadable ? 'unreadable' : 'failed',
          rowsRead: 0,
          accepted: 0,
          rejected: 0,
          created: 0,
          updated: 0,
          unchanged: 0,
          converted: converter.counts,
          failure,
        });
      });
      throw err;
    },
  );
  return { id, done };
}

/** Imports a file and waits for the outcome (the CLI, tests). */
export async function importFile(
  database: Database,
  actor: Actor,
  file: ImportFile,
  options: ImportOptions,
  onProgress?: (progress: Progress) => void,
): Promise<ImportResult> {
  return (await startImport(database, actor, file, options, onProgress)).done;
}

export async function getImport(database: Database, actor: Actor, id: number): Promise<ImportResult> {
  return inTransaction(database.db, actor, async (tx) => {
    const run = await repo.getRun(tx, id);
    if (!run) throw importErrors.notFound(id);
    return { ...runOf(run), errors: rowErrorsOf(await repo.rejectedRowsAfter(tx, id, 0, ERRORS_SHOWN)) };
  });
}

/** Rejected rows per page of the workbook and of the CLI report: each page is its own transaction. */
export const REJECTED_PAGE = 2_000;

/**
 * An import's rejected rows, a page at a time in row order, each page read in a short transaction
 * of its own under the actor: row-level security applies to every page, and a long download
 * does not hold the embedded database's one connection.
 */
async function* rejectedRowPages(
  database: Database,
  actor: Actor,
  id: number,
  pageSize: number,
): AsyncGenerator<repo.RejectedRow[]> {
  let after = 0;
  for (;;) {
    const page = await inTransaction(database.db, actor, (tx) =>
      repo.rejectedRowsAfter(tx, id, after, pageSize),
    );
    if (page.length > 0) yield page;
    const last = page.at(-1);
    if (!last || page.length < pageSize) return;
    after = last.row_no;
  }
}

/** Every error of an import in row order, a page of rows at a time (the CLI report). */
export async function* rowErrorPages(
  database: Database,
  actor: Actor,
  id: number,
  pageSize = REJECTED_PAGE,
): AsyncGenerator<RowError[]> {
  for await (const page of rejectedRowPages(database, actor, id, pageSize)) yield rowErrorsOf(page);
}

export async function listImports(database: Database, actor: Actor, limit = 50): Promise<ImportRun[]> {
  return inTransaction(database.db, actor, async (tx) => (await repo.listRuns(tx, limit)).map(runOf));
}

/**
 * The rejected rows of an import as a workbook: the file's cells as they were, and the reasons.
 * An unknown import (or one the actor may not see) fails here; the rows are read page by page
 * as the file is written.
 */
export async function rejectedRowsFile(
  database: Database,
  actor: Actor,
  id: number,
  pageSize = REJECTED_PAGE,
): Promise<ExportFile> {
  const headers = await inTransaction(database.db, actor, async (tx) => {
    const run = await repo.getRun(tx, id);
    if (!run) throw importErrors.notFound(id);
    return (run.headers as string[] | null) ?? [];
  });
  return {
    fileName: `dong-bi-loai-${id}.xlsx`,
    contentType: XLSX_TYPE,
    async write(out, onProgress) {
      const sink = rejectedRowsSink(out, headers);
      let rows = 0;
      for await (const page of rejectedRowPages(database, actor, id, pageSize)) {
        for (const r of page) {
          const raw = JSON.parse(r.raw) as SinkCell[];
          sink.add(rejectedRowValues(headers, { rowNo: r.row_no, raw, errors: rowErrorsOf([r]) }));
        }
        rows += page.length;
        onProgress?.(rows);
        await sink.drained();
      }
      await sink.close();
      return rows;
    },
  };
}

/** The template to fill in, with both header rows explained. */
export function importTemplate(kind: ImportKind): Promise<WorkbookFile> {
  return templateWorkbook(parseInput(importKindSchema, kind));
}
