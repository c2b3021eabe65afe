/** Files for import tests, the browser test and the benchmark, written the ways the sector's tools write them. */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { MEMBER_FILE_COLUMNS, type MemberFileColumnKey } from '../../core/member-file-columns.ts';

export type FileCell = string | number | Date | null;

export type TextEncoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be' | 'windows1258' | 'latin1';

function csvField(value: FileCell): string {
  if (value === null) return '';
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvText(rows: FileCell[][]): string {
  return `${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/**
 * Windows-1258 has â ê ô ơ ư ă đ as letters and the five tones as combining marks: Unicode text
 * decomposed, its shape marks recomposed, is what Vietnamese Windows writes.
 */
function toWindows1258Form(text: string): string {
  return text
    .normalize('NFD')
    .replace(/([aeoAEO])\u0302|([aA])\u0306|([ouOU])\u031b|([dD])\u0335/g, (m) => m.normalize('NFC'));
}

export function encodeText(text: string, encoding: TextEncoding): Buffer {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
    case 'utf16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]);
    case 'windows1258':
      return iconv.encode(toWindows1258Form(text), 'windows1258');
    case 'latin1':
      // legacy TCVN3/VNI text, given as the Windows-1252 characters of its bytes
      return Buffer.from(text, 'latin1');
  }
}

export function writeCsv(path: string, rows: FileCell[][], encoding: TextEncoding = 'utf8'): void {
  fs.writeFileSync(path, encodeText(csvText(rows), encoding));
}

/** A workbook; a cell given as `{ text }` is stored as text even when it looks like a number. */
export async function writeXlsx(path: string, rows: (FileCell | { text: string })[][]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Đảng viên');
  for (const row of rows) {
    const added = sheet.addRow(
      row.map((c) => (c !== null && typeof c === 'object' && 'text' in c ? c.text : c)),
    );
    row.forEach((c, i) => {
      const cell = added.getCell(i + 1);
      if (c instanceof Date) cell.numFmt = 'dd/mm/yyyy';
      if (c !== null && typeof c === 'object' && 'text' in c) cell.numFmt = '@';
    });
  }
  await workbook.xlsx.writeFile(path);
}

export type MemberFileRow = Partial<Record<MemberFileColumnKey, FileCell>>;

let counter = 0;

/** A valid member row (Vietnamese-form values), overridable. */
export function aMemberFileRow(overrides: MemberFileRow = {}): MemberFileRow {
  counter += 1;
  return {
    full_name: `Nguyễn Văn Nhập ${counter}`,
    birth_date: '15/06/1985',
    sex: 'Nam',
    national_id: `0011${String(counter).padStart(8, '0')}`,
    ethnicity: 'Kinh',
    admission_date: '19/05/2010',
    official_date: '19/05/2011',
    cell_code: 'C11',
    ...overrides,
  };
}

/** Header row (Vietnamese) and the rows, over the columns given (default: every column a row has). */
export function memberTable(rows: MemberFileRow[], keys?: MemberFileColumnKey[]): FileCell[][] {
  const columns = keys ?? [...new Set(rows.flatMap((r) => Object.keys(r) as MemberFileColumnKey[]))];
  const header = columns.map((k) => MEMBER_FILE_COLUMNS.find((c) => c.key === k)?.vi ?? k);
  return [header, ...rows.map((r) => columns.map((k) => r[k] ?? null))];
}
