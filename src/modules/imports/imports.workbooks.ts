/**
 * The workbooks imports hand out: the template to fill in (Vietnamese header row, English header
 * row, each header's note saying what to type) and the rejected rows of an import (the original
 * cells and a reason column, streamed).
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { type FileColumn, MEMBER_FILE_COLUMNS, ORG_FILE_COLUMNS } from '../../core/member-file-columns.ts';
import { ORG_KIND_LABELS, ORG_KINDS } from '../../core/org-kinds.ts';
import { type RowSink, type SinkCell, xlsxSink } from '../exports/exports.member-file.ts';
import type { ImportKind, RowError } from './imports.schemas.ts';

export { XLSX_TYPE } from '../exports/exports.member-file.ts';

export interface WorkbookFile {
  fileName: string;
  content: Buffer;
}

async function toFile(workbook: ExcelJS.Workbook, fileName: string): Promise<WorkbookFile> {
  return { fileName, content: Buffer.from(await workbook.xlsx.writeBuffer()) };
}

const REQUIRED = { vi: 'Bắt buộc', en: 'Required' };
const OPTIONAL = { vi: 'Không bắt buộc', en: 'Optional' };

export async function templateWorkbook(kind: ImportKind): Promise<WorkbookFile> {
  const columns: readonly FileColumn[] = kind === 'members' ? MEMBER_FILE_COLUMNS : ORG_FILE_COLUMNS;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'tochuc';
  const sheet = workbook.addWorksheet(kind === 'members' ? 'Đảng viên' : 'Tổ chức');
  sheet.columns = columns.map((c) => ({
    key: c.key,
    width: Math.max(16, c.vi.length + 4),
    style: { numFmt: '@' },
  }));
  const vi = sheet.addRow(columns.map((c) => c.vi));
  const en = sheet.addRow(columns.map((c) => c.en));
  for (const row of [vi, en]) row.font = { bold: true };
  columns.forEach((c, i) => {
    const need = c.required ? REQUIRED : OPTIONAL;
    vi.getCell(i + 1).note = `${need.vi}. ${c.hint.vi}\n${need.en}. ${c.hint.en}`;
  });
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  const help = workbook.addWorksheet('Hướng dẫn - Help');
  help.columns = [
    { header: 'Cột (tiếng Việt)', key: 'vi', width: 28 },
    { header: 'Column (English)', key: 'en', width: 28 },
    { header: 'Bắt buộc / Required', key: 'required', width: 20 },
    { header: 'Cách ghi', key: 'hintVi', width: 60 },
    { header: 'How to write it', key: 'hintEn', width: 60 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of columns) {
    help.addRow({
      vi: c.vi,
      en: c.en,
      required: c.required ? 'Có / Yes' : 'Không / No',
      hintVi: c.hint.vi,
      hintEn: c.hint.en,
    });
  }
  help.addRow({});
  help.addRow({
    vi: 'Dòng 1: tiêu đề tiếng Việt; dòng 2: tiêu đề tiếng Anh (có thể xóa một trong hai). Tiêu đề không phân biệt hoa thường, dấu, khoảng trắng.',
    en: 'Row 1: Vietnamese headers; row 2: English headers (either may be deleted). Headers ignore case, diacritics and spacing.',
  });
  if (kind === 'orgs') {
    help.addRow({});
    for (const k of ORG_KINDS)
      help.addRow({ vi: ORG_KIND_LABELS[k].vi, en: `${ORG_KIND_LABELS[k].en} (${k})` });
  }
  return toFile(workbook, kind === 'members' ? 'mau-nhap-dang-vien.xlsx' : 'mau-nhap-to-chuc.xlsx');
}

/** The file's own cells stay text when retyped (a corrected national ID keeps its leading zeros). */
const TEXT_COLUMN = { numFmt: '@' };
const REASON_COLUMN = { alignment: { wrapText: true, vertical: 'top' as const } };

/**
 * The rejected rows of an import as a workbook written to `out` row by row: the file's columns
 * under its own headers, then the row number and the reasons (Vietnamese / English, one a line).
 * Styled, which makes exceljs about 2.6 times slower: the sheet is for correcting and importing
 * again, and rejected rows are usually few.
 */
export function rejectedRowsSink(out: Writable, headers: readonly string[]): RowSink<SinkCell> {
  return xlsxSink(out, 'Dòng bị loại', [
    ...headers.map((header) => ({ header, style: TEXT_COLUMN })),
    'Dòng / Row',
    { header: 'Lý do / Reason', width: 80, style: REASON_COLUMN },
  ]);
}

/** One row of the rejected-rows sheet, in the columns of `rejectedRowsSink`. */
export function rejectedRowValues(
  headers: readonly string[],
  row: { rowNo: number; raw: readonly SinkCell[]; errors: readonly RowError[] },
): SinkCell[] {
  const reason = row.errors.map((e) => `${e.column}: ${e.message.vi} / ${e.message.en}`).join('\n');
  return [...headers.map((_, i) => row.raw[i] ?? null), row.rowNo, reason];
}
