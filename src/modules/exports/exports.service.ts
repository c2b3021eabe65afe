/**
 * Files for the sector's own tools: the statistics of a unit as an Excel workbook, one sheet per
 * breakdown, Vietnamese headers.
 */
import ExcelJS from 'exceljs';
import { formatDateVn } from '../../core/dates.ts';
import type { Database } from '../../db/database.ts';
import type { Actor } from '../../db/transaction.ts';
import type { MemberStats } from '../members/members.schemas.ts';
import { getStats } from '../members/members.service.ts';

const SHEETS: { title: string; header: string; pick: (s: MemberStats) => Record<string, number> }[] = [
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
  for (const sheet of SHEETS) {
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
): Promise<{ fileName: string; content: Buffer }> {
  const stats = await getStats(database, actor, query);
  const content = Buffer.from(await statsWorkbook(stats).xlsx.writeBuffer());
  return { fileName: `thong-ke-${stats.org}-${stats.asOf}.xlsx`, content };
}
