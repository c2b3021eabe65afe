/**
 * The quantity-and-quality report of members by subordinate unit ("Báo cáo số lượng, chất lượng
 * đảng viên"): one row per direct child unit, columns for the breakdowns of the statistics, the
 * unit's own statistics as the total. As an Excel workbook and a landscape Word table.
 */
import { AlignmentType } from 'docx';
import ExcelJS from 'exceljs';
import { AGE_BANDS, MEMBERSHIP_YEAR_BANDS } from '../../core/age-bands.ts';
import { formatDateVn } from '../../core/dates.ts';
import type { MemberStats } from '../members/members.schemas.ts';
import { type CellSpec, documentBuffer, para, table } from './exports.docx.ts';
import type { ReferenceList } from './exports.repository.ts';

export interface ReportColumn {
  /** The header group ("Tuổi đời", "Trình độ học vấn" …), or none for a column of its own. */
  group: string | null;
  header: string;
  value: (s: MemberStats) => number;
}

export interface ReportData {
  org: { code: string; name: string };
  asOf: string;
  columns: ReportColumn[];
  rows: { code: string; name: string; values: number[] }[];
  total: number[];
}

/** Counts not in the listed references (nor unknown, `—`): e.g. ethnic minorities = not Kinh. */
const sumExcept = (counts: Record<string, number>, excluded: string[]) =>
  Object.entries(counts).reduce((n, [name, count]) => (excluded.includes(name) ? n : n + count), 0);

const nameOf = (list: { code: string; name: string }[], code: string) =>
  list.find((r) => r.code === code)?.name ?? code;

const AGE_HEADERS: Record<(typeof AGE_BANDS)[number], string> = {
  '<=30': 'Đến 30',
  '31-40': '31–40',
  '41-50': '41–50',
  '51-60': '51–60',
  '>60': 'Trên 60',
};

const YEARS_HEADERS: Record<(typeof MEMBERSHIP_YEAR_BANDS)[number], string> = {
  '<5': 'Dưới 5',
  '5-9': '5–9',
  '10-19': '10–19',
  '20-29': '20–29',
  '30-39': '30–39',
  '>=40': 'Từ 40',
};

/** The columns, in the order of the statistics; reference columns in the official list order. */
export function reportColumns(refs: Record<ReferenceList, { code: string; name: string }[]>): ReportColumn[] {
  const majority = nameOf(refs.ethnicity, '01'); // Kinh
  const noReligion = nameOf(refs.religion, 'none');
  const one = (header: string, value: ReportColumn['value']): ReportColumn => ({
    group: null,
    header,
    value,
  });
  return [
    one('Tổng số', (s) => s.total),
    { group: 'Chia ra', header: 'Chính thức', value: (s) => s.official },
    { group: 'Chia ra', header: 'Dự bị', value: (s) => s.probationary },
    one('Nữ', (s) => s.bySex.female),
    one('Dân tộc thiểu số', (s) => sumExcept(s.byEthnicity, [majority, '—'])),
    one('Có tôn giáo', (s) => sumExcept(s.byReligion, [noReligion, '—'])),
    ...AGE_BANDS.map((band) => ({
      group: 'Tuổi đời',
      header: AGE_HEADERS[band],
      value: (s: MemberStats) => s.byAgeBand[band],
    })),
    ...refs.education.map((r) => ({
      group: 'Trình độ học vấn',
      header: r.name,
      value: (s: MemberStats) => s.byEducation[r.name] ?? 0,
    })),
    ...refs.theory_level.map((r) => ({
      group: 'Lý luận chính trị',
      header: r.name,
      value: (s: MemberStats) => s.byTheoryLevel[r.name] ?? 0,
    })),
    ...MEMBERSHIP_YEAR_BANDS.map((band) => ({
      group: 'Tuổi đảng (năm)',
      header: YEARS_HEADERS[band],
      value: (s: MemberStats) => s.byYearsOfMembership[band] ?? 0,
    })),
    one('Kết nạp trong năm', (s) => s.admittedThisYear),
  ];
}

function title(data: ReportData): string[] {
  return [
    'BÁO CÁO SỐ LƯỢNG, CHẤT LƯỢNG ĐẢNG VIÊN',
    `${data.org.name} (${data.org.code}) — tính đến ngày ${formatDateVn(data.asOf)}`,
  ];
}

/** Header cells of two rows: a group spans its columns, a column without a group spans both rows. */
function headerRows(columns: ReportColumn[]): { top: CellSpec[]; bottom: CellSpec[] } {
  const top: CellSpec[] = [
    { text: 'STT', bold: true, rowSpan: 2 },
    { text: 'Đơn vị', bold: true, rowSpan: 2 },
    { text: 'Mã', bold: true, rowSpan: 2 },
  ];
  const bottom: CellSpec[] = [];
  columns.forEach((c, i) => {
    if (c.group === null) {
      top.push({ text: c.header, bold: true, rowSpan: 2, align: AlignmentType.CENTER });
      return;
    }
    if (columns[i - 1]?.group !== c.group) {
      const span = columns.slice(i).findIndex((d) => d.group !== c.group);
      top.push({
        text: c.group,
        bold: true,
        columnSpan: span === -1 ? columns.length - i : span,
        align: AlignmentType.CENTER,
      });
    }
    bottom.push({ text: c.header, bold: true, align: AlignmentType.CENTER });
  });
  return { top, bottom };
}

export async function reportXlsx(data: ReportData): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'tochuc';
  const ws = workbook.addWorksheet('Báo cáo', {
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', xSplit: 3, ySplit: 5 }],
  });
  const width = data.columns.length + 3;
  const [heading, subtitle] = title(data);
  ws.addRow([heading]).font = { bold: true, size: 14 };
  ws.addRow([subtitle]).font = { italic: true };
  ws.mergeCells(1, 1, 1, width);
  ws.mergeCells(2, 1, 2, width);
  ws.addRow([]);
  // two header rows: groups above, columns below; lone columns merged down
  const { top } = headerRows(data.columns);
  const topRow = ws.getRow(4);
  const bottomRow = ws.getRow(5);
  let col = 1;
  for (const c of top) {
    topRow.getCell(col).value = c.text;
    if (c.rowSpan === 2) ws.mergeCells(4, col, 5, col);
    if (c.columnSpan && c.columnSpan > 1) ws.mergeCells(4, col, 4, col + c.columnSpan - 1);
    col += c.columnSpan ?? 1;
  }
  data.columns.forEach((c, i) => {
    if (c.group !== null) bottomRow.getCell(4 + i).value = c.header;
  });
  for (const row of [topRow, bottomRow]) {
    row.font = { bold: true };
    row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  }
  data.rows.forEach((r, i) => {
    ws.addRow([i + 1, r.name, r.code, ...r.values]);
  });
  ws.addRow(['', 'Tổng cộng', data.org.code, ...data.total]).font = { bold: true };
  ws.getColumn(1).width = 6;
  ws.getColumn(2).width = 40;
  ws.getColumn(3).width = 12;
  for (let i = 4; i <= width; i += 1) ws.getColumn(i).width = 11;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function reportDocx(data: ReportData, today: string): Promise<Buffer> {
  const { top, bottom } = headerRows(data.columns);
  const size = 16; // 8 pt: thirty columns across a landscape page
  const right = AlignmentType.RIGHT;
  const number = (n: number): CellSpec => ({ text: n.toLocaleString('vi-VN'), align: right });
  const [heading, subtitle] = title(data);
  return documentBuffer(
    [
      para(heading ?? '', { bold: true, size: 28, align: AlignmentType.CENTER }),
      para(subtitle ?? '', { italic: true, align: AlignmentType.CENTER }),
      table(
        [
          top,
          bottom,
          ...data.rows.map((r, i) => [String(i + 1), r.name, r.code, ...r.values.map(number)]),
          ['', { text: 'Tổng cộng', bold: true }, data.org.code, ...data.total.map(number)],
        ],
        size,
        2,
      ),
      para(''),
      para(`Xuất từ tochuc ngày ${formatDateVn(today)}`, { italic: true, align: right }),
    ],
    true,
  );
}
