/**
 * Files for the sector's own tools: member lists (.xlsx, .csv) in the columns the import reads,
 * the statistics of a unit (.xlsx, one sheet per breakdown), a member profile (.docx) and the
 * quantity-and-quality report by subordinate unit (.xlsx, .docx). Each export is one function
 * here (the place to audit it); it checks its input first, then answers a file that writes itself
 * to a stream — member lists page by page, so a whole province never sits in memory.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { hasPermission, maskIdentity } from '../../core/access.ts';
import { addDays, formatDateVn, requireDate, todayVn } from '../../core/dates.ts';
import { AppError } from '../../core/errors.ts';
import { parseInput } from '../../core/validation.ts';
import { foldVn } from '../../core/vn-text.ts';
import type { Database } from '../../db/database.ts';
import { type Actor, inTransaction, type Tx } from '../../db/transaction.ts';
import { recordAudit, recordAuditAlone } from '../audit/audit.service.ts';
import type { MemberStats } from '../members/members.schemas.ts';
import { getMemberProfile, getStats, STATUS_FILTER, storedFilters } from '../members/members.service.ts';
import { orgErrors } from '../orgs/orgs.errors.ts';
import { findUnitInTransaction, getOrg, listChildren } from '../orgs/orgs.service.ts';
import { DOCX_TYPE, profileDocx } from './exports.docx.ts';
import {
  CSV_TYPE,
  csvSink,
  MEMBER_FILE_HEADERS,
  memberFileValues,
  type RowSink,
  XLSX_TYPE,
  xlsxSink,
} from './exports.member-file.ts';
import { type ReportData, reportColumns, reportDocx, reportXlsx } from './exports.report.ts';
import * as repo from './exports.repository.ts';
import {
  type MemberExportQuery,
  memberExportQuerySchema,
  type ReportQuery,
  reportQuerySchema,
} from './exports.schemas.ts';

export interface ExportFile {
  /** The name users see (Vietnamese); HTTP adds an ASCII fallback. */
  fileName: string;
  contentType: string;
  /** Writes the whole file to `out` and ends it; resolves with the number of data rows. */
  write(out: Writable, onProgress?: (rows: number) => void): Promise<number>;
}

function bufferFile(
  fileName: string,
  contentType: string,
  make: () => Promise<Buffer>,
  rows: number,
): ExportFile {
  return {
    fileName,
    contentType,
    async write(out) {
      out.end(await make());
      await once(out, 'finish');
      return rows;
    },
  };
}

/** Identity numbers masked for a user without `members.identity`, as in the API's JSON. */
function identityFor(actor: Actor) {
  const shown = !actor.user || hasPermission(actor.user.grants, 'members.identity');
  return <T extends { nationalId: string | null; partyCardNo: string | null }>(m: T): T =>
    shown ? m : { ...m, nationalId: maskIdentity(m.nationalId), partyCardNo: maskIdentity(m.partyCardNo) };
}

async function requireOrg(tx: Tx, code: string, date: string) {
  const unit = await findUnitInTransaction(tx, code, date);
  if (!unit) throw orgErrors.notFound(code, 'org');
  return unit;
}

const exportErrors = {
  statusOnDate: (status: string) =>
    new AppError(
      'export.status_on_date',
      'validation',
      {
        vi: `Danh sách tại một ngày trong quá khứ chỉ lọc được theo chính thức hoặc dự bị (không theo "${status}")`,
        en: `A list as of a past date filters only by official or probationary (not "${status}")`,
      },
      { field: 'status' },
    ),
};

/** Cells per query and rows per page: a page stays a few thousand rows whatever the scope. */
export interface Paging {
  cellsPerChunk: number;
  pageSize: number;
}
const PAGING: Paging = { cellsPerChunk: 200, pageSize: 2000 };

/**
 * Members of a unit's subtree (every unit when none), with the filters of the member list, as
 * `.xlsx` or `.csv` in the import's columns; on a past date, the members of the cells that day.
 * Cell by cell in tree order, then in Vietnamese order; each page in its own short transaction.
 */
export async function exportMembers(
  database: Database,
  actor: Actor,
  raw: MemberExportQuery,
  paging: Paging = PAGING,
): Promise<ExportFile> {
  const query = parseInput(memberExportQuerySchema, raw);
  const asOf = query.asOf ? requireDate(query.asOf, 'asOf') : null;
  if (asOf && query.status && query.status !== 'official' && query.status !== 'probationary') {
    throw exportErrors.statusOnDate(query.status);
  }
  const date = asOf ?? todayVn();
  const { unit, filters, cells } = await inTransaction(database.db, actor, async (tx) => {
    const unit = query.org ? await requireOrg(tx, query.org, date) : null;
    await recordAudit(tx, {
      action: 'export.members',
      entity: 'org_unit',
      ids: unit ? [unit.code] : [],
      details: query,
    });
    return {
      unit,
      filters: await storedFilters(tx, query),
      cells: await repo.cellsUnder(tx, unit?.path ?? null, date),
    };
  });
  const text = (query.q ?? '').normalize('NFC').trim();
  const compact = text.replace(/\s/g, '');
  const status = query.status ? STATUS_FILTER[query.status] : null;
  const criteria: repo.ExportCriteria = {
    foldedTokens: foldVn(text).split(' ').filter(Boolean),
    idText: /^[0-9A-Za-z-]{4,}$/.test(compact) ? compact : null,
    asOf,
    states: status?.states ?? ['active', 'in_transit'],
    standing: status?.standing ?? null,
    filters,
  };
  const format = query.format;
  const identity = identityFor(actor);
  return {
    fileName: `Danh sách đảng viên - ${unit?.name ?? 'tất cả'} - ${date}.${format}`,
    contentType: format === 'csv' ? CSV_TYPE : XLSX_TYPE,
    async write(out, onProgress) {
      const sink: RowSink =
        format === 'csv'
          ? csvSink(out, MEMBER_FILE_HEADERS)
          : xlsxSink(out, 'Đảng viên', MEMBER_FILE_HEADERS);
      let rows = 0;
      for (let start = 0; start < cells.length; start += paging.cellsPerChunk) {
        const chunk = cells.slice(start, start + paging.cellsPerChunk);
        const ids = chunk.map((c) => c.id);
        let after: repo.Keyset | null = null;
        for (;;) {
          const page = await inTransaction(database.db, actor, (tx) =>
            repo.memberPage(tx, ids, criteria, after, paging.pageSize),
          );
          for (const m of page) {
            const cell = chunk[m.pos - 1];
            if (cell) sink.add(memberFileValues(identity(m), cell));
          }
          rows += page.length;
          if (page.length > 0) onProgress?.(rows);
          await sink.drained();
          const last = page.at(-1);
          if (!last || page.length < paging.pageSize) break;
          after = { pos: last.pos, sortKey: last.sortKey, id: last.id };
        }
      }
      await sink.close();
      return rows;
    },
  };
}

const STATS_SHEETS: { title: string; header: string; pick: (s: MemberStats) => Record<string, number> }[] = [
  {
    title: 'Giới tính',
    header: 'Giới tính',
    pick: (s) => ({ Nam: s.bySex.male, Nữ: s.bySex.female }),
  },
  { title: 'Độ tuổi', header: 'Độ tuổi', pick: (s) => s.byAgeBand },
  { title: 'Dân tộc', header: 'Dân tộc', pick: (s) => s.byEthnicity },
  { title: 'Tôn giáo', header: 'Tôn giáo', pick: (s) => s.byReligion },
  { title: 'Trình độ học vấn', header: 'Trình độ', pick: (s) => s.byEducation },
  { title: 'Lý luận chính trị', header: 'Trình độ', pick: (s) => s.byTheoryLevel },
  { title: 'Tuổi đảng', header: 'Số năm', pick: (s) => s.byYearsOfMembership },
];

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
}

export function statsWorkbook(stats: MemberStats): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'tochuc';
  const summary = workbook.addWorksheet('Tổng hợp');
  summary.columns = [
    { header: 'Chỉ tiêu', key: 'label', width: 42 },
    { header: 'Số lượng', key: 'value', width: 16 },
  ];
  styleHeader(summary.getRow(1));
  summary.addRows([
    { label: 'Tổ chức', value: stats.org },
    { label: 'Tính đến ngày', value: formatDateVn(stats.asOf) },
    { label: 'Tổng số đảng viên', value: stats.total },
    { label: 'Đảng viên chính thức', value: stats.official },
    { label: 'Đảng viên dự bị', value: stats.probationary },
    { label: 'Đang chuyển sinh hoạt', value: stats.inTransit },
    { label: 'Kết nạp trong năm', value: stats.admittedThisYear },
    { label: 'Tỉ lệ kết nạp (%)', value: Math.round(stats.admissionRate * 10_000) / 100 },
    {
      label: 'Chỉ tiêu kết nạp (%)',
      value: `${stats.admissionTarget.min * 100}–${stats.admissionTarget.max * 100}`,
    },
  ]);
  for (const sheet of STATS_SHEETS) {
    const ws = workbook.addWorksheet(sheet.title);
    ws.columns = [
      { header: sheet.header, key: 'label', width: 32 },
      { header: 'Số đảng viên', key: 'value', width: 16 },
      { header: 'Tỉ lệ (%)', key: 'share', width: 12 },
    ];
    styleHeader(ws.getRow(1));
    for (const [label, value] of Object.entries(sheet.pick(stats))) {
      ws.addRow({
        label,
        value,
        share: stats.total > 0 ? Math.round((value / stats.total) * 10_000) / 100 : 0,
      });
    }
  }
  return workbook;
}

/** The statistics of a unit's subtree on a date as an `.xlsx` file. */
export async function exportStatsXlsx(
  database: Database,
  actor: Actor,
  query: { org: string; asOf?: string },
): Promise<ExportFile> {
  const stats = await getStats(database, actor, query);
  await recordAuditAlone(database, actor, {
    action: 'export.stats',
    entity: 'org_unit',
    ids: [query.org],
    details: { asOf: stats.asOf },
  });
  return bufferFile(
    `Thống kê đảng viên - ${stats.org} - ${stats.asOf}.xlsx`,
    XLSX_TYPE,
    async () => Buffer.from(await statsWorkbook(stats).xlsx.writeBuffer()),
    STATS_SHEETS.length,
  );
}

/** A member's profile ("Phiếu đảng viên") as a Word document. */
export async function exportMemberProfile(database: Database, actor: Actor, id: number): Promise<ExportFile> {
  const profile = identityFor(actor)(await getMemberProfile(database, actor, id));
  // the heading names the member's (last) cell and its committee, as they were then
  const last = profile.memberships.at(-1);
  const on = last?.validTo ? addDays(last.validTo, -1) : todayVn();
  const cell = await getOrg(database, actor, last?.cellCode ?? profile.cellCode, on);
  const unitLines = [cell.parent?.name, cell.name].filter((n) => n !== undefined).map((n) => n.toUpperCase());
  await recordAuditAlone(database, actor, { action: 'export.member_profile', entity: 'member', ids: [id] });
  return bufferFile(
    `Phiếu đảng viên - ${profile.fullName}.docx`,
    DOCX_TYPE,
    () => profileDocx(profile, unitLines, todayVn()),
    1,
  );
}

async function reportData(database: Database, actor: Actor, org: string, asOf: string): Promise<ReportData> {
  const { unit, refs } = await inTransaction(database.db, actor, async (tx) => ({
    unit: await requireOrg(tx, org, asOf),
    refs: await repo.referenceLists(tx),
  }));
  const columns = reportColumns(refs);
  const values = (s: MemberStats) => columns.map((c) => c.value(s));
  const rows: ReportData['rows'] = [];
  for (const child of await listChildren(database, actor, unit.code, asOf)) {
    const stats = await getStats(database, actor, { org: child.code, asOf });
    rows.push({ code: child.code, name: child.name, values: values(stats) });
  }
  const total = values(await getStats(database, actor, { org: unit.code, asOf }));
  return { org: { code: unit.code, name: unit.name }, asOf, columns, rows, total };
}

/** The quantity-and-quality report of members by subordinate unit, as `.xlsx` or `.docx`. */
export async function exportReport(database: Database, actor: Actor, raw: ReportQuery): Promise<ExportFile> {
  const query = parseInput(reportQuerySchema, raw);
  const asOf = query.asOf ? requireDate(query.asOf, 'asOf') : todayVn();
  const data = await reportData(database, actor, query.org, asOf);
  const name = `Báo cáo số lượng, chất lượng đảng viên - ${data.org.name} - ${asOf}.${query.format}`;
  await recordAuditAlone(database, actor, {
    action: 'export.report',
    entity: 'org_unit',
    ids: [data.org.code],
    details: { asOf, format: query.format },
  });
  return query.format === 'xlsx'
    ? bufferFile(name, XLSX_TYPE, () => reportXlsx(data), data.rows.length)
    : bufferFile(name, DOCX_TYPE, () => reportDocx(data, todayVn()), data.rows.length);
}
