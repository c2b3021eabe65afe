/**
 * Member files in the columns the import reads (src/core/member-file-columns.ts), so an exported
 * file imports back unchanged: dates and IDs as text (leading zeros, partial birth dates), sex as
 * Nam/Nữ, references by name. Written row by row to a stream: `.xlsx` through exceljs' streaming
 * writer, `.csv` as UTF-8 with a BOM (Excel then reads Vietnamese correctly) and CRLF line ends.
 * Values are always string cells in `.xlsx` (never formulas); in `.csv` a value a spreadsheet would
 * run as a formula gets a leading apostrophe (src/core/spreadsheet-text.ts).
 */
import { type EventEmitter, once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { formatDateVn } from '../../core/dates.ts';
import { MEMBER_FILE_COLUMNS, type MemberFileColumnKey } from '../../core/member-file-columns.ts';
import { guardCsvText } from '../../core/spreadsheet-text.ts';
import type { ExportMemberRow } from './exports.repository.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv; charset=utf-8';

/** Shown after the importable columns (the cell's name, the status); the import ignores them. */
const EXTRA_HEADERS = ['Tên chi bộ', 'Tình trạng'];

/** Standing or state, as the sector says it. */
export const STATUS_VI: Record<string, string> = {
  official: 'Chính thức',
  probationary: 'Dự bị',
  in_transit: 'Đang chuyển sinh hoạt',
  removed: 'Xoá tên',
  resigned: 'Ra khỏi Đảng',
  expelled: 'Khai trừ',
  deceased: 'Từ trần',
};

export const MEMBER_FILE_HEADERS: readonly string[] = [
  ...MEMBER_FILE_COLUMNS.map((c) => c.vi),
  ...EXTRA_HEADERS,
];

/** `1985-06-01` with month precision → `06/1985`; year precision → `1985`. */
export function partialDate(iso: string, precision: 'day' | 'month' | 'year'): string {
  if (precision === 'year') return iso.slice(0, 4);
  if (precision === 'month') return `${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  return formatDateVn(iso);
}

export interface CellNames {
  code: string;
  name: string;
}

/** The cells of one member row, in the order of `MEMBER_FILE_HEADERS`. */
export function memberFileValues(m: ExportMemberRow, cell: CellNames): string[] {
  const value: Record<MemberFileColumnKey, string | null> = {
    full_name: m.fullName,
    other_name: m.otherName,
    birth_date: partialDate(m.birthDate, m.birthDatePrecision),
    sex: m.sex === 'male' ? 'Nam' : 'Nữ',
    birth_place: m.birthPlace,
    hometown: m.hometown,
    ethnicity: m.ethnicity,
    religion: m.religion,
    national_id: m.nationalId,
    party_card_no: m.partyCardNo,
    admission_date: formatDateVn(m.admissionDate),
    official_date: m.officialDate && formatDateVn(m.officialDate),
    education: m.education,
    qualification: m.qualification,
    theory_level: m.theoryLevel,
    occupation: m.occupation,
    cell_code: cell.code,
    decision_ref: m.decisionRef,
  };
  const status = m.state === 'active' ? m.standing : m.state;
  return [...MEMBER_FILE_COLUMNS.map((c) => value[c.key] ?? ''), cell.name, STATUS_VI[status] ?? status];
}

/** A cell as the sinks write it: text, a number, or nothing. */
export type SinkCell = string | number | null;

/** Where rows go, whatever the format. */
export interface RowSink<C extends SinkCell = string> {
  add(values: readonly C[]): void;
  /** Resolves once the output has room again (backpressure between pages). */
  drained(): Promise<void>;
  close(): Promise<void>;
}

/** Waits for `stream` to drain; fails instead of waiting forever when `out` is gone first. */
async function drainedBefore(stream: EventEmitter, out: Writable): Promise<void> {
  if (out.destroyed) throw out.errored ?? new Error('the output was closed before the file was written');
  const stop = new AbortController();
  const closed = once(out, 'close', { signal: stop.signal }).then(() => {
    throw out.errored ?? new Error('the output was closed before the file was written');
  });
  try {
    await Promise.race([once(stream, 'drain', { signal: stop.signal }), closed]);
  } finally {
    stop.abort();
  }
}

async function drain(out: Writable): Promise<void> {
  if (out.writableNeedDrain) await drainedBefore(out, out);
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvSink(out: Writable, headers: readonly string[]): RowSink {
  let buffered: string[] = [`\uFEFF${headers.map(csvField).join(',')}`];
  const flush = () => {
    if (buffered.length === 0) return;
    out.write(`${buffered.join('\r\n')}\r\n`);
    buffered = [];
  };
  return {
    add(values) {
      // typed by users: a value that would run as a formula is marked as text (the import unmarks it)
      buffered.push(values.map((v) => csvField(guardCsvText(v))).join(','));
      if (buffered.length >= 1000) flush();
    },
    async drained() {
      flush();
      await drain(out);
    },
    async close() {
      flush();
      out.end();
      await once(out, 'finish');
    },
  };
}

/** A column of a streamed sheet: its header, and its width and cell style when not the default. */
export interface SheetColumn {
  header: string;
  width?: number;
  style?: Partial<ExcelJS.Style>;
}

/**
 * exceljs' streaming writer hands a sheet's XML to the zip through a buffer that ignores
 * backpressure: rows written faster than they are compressed pile up there uncompressed (65 MB
 * at 200 k rows) unless the writer also waits for the zip's input to drain. Internal to exceljs
 * (4.4: the sheet's `_stream`, a StreamBuf piped into archiver's input); absent, only `out` is
 * waited for.
 */
function zipInputOf(sheet: ExcelJS.Worksheet): EventEmitter | undefined {
  const internal = sheet as unknown as {
    _stream?: { pipes?: (EventEmitter & { _writableState?: { needDrain?: boolean } })[] };
  };
  const input = internal._stream?.pipes?.[0];
  return input?._writableState?.needDrain ? input : undefined;
}

/**
 * Columns given as bare headers are plain text cells (IDs keep their leading zeros, dates stay
 * dd/mm/yyyy) and the workbook has no styles at all: exceljs writes three times faster without
 * them. A column with a style turns styles on for the whole sheet, and the header row is bold.
 */
export function xlsxSink(
  out: Writable,
  sheetName: string,
  columns: readonly (string | SheetColumn)[],
): RowSink<SinkCell> {
  const specs = columns.map((c) => (typeof c === 'string' ? { header: c } : c));
  const styled = specs.some((c) => c.style !== undefined);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: styled,
    useSharedStrings: false,
  });
  workbook.creator = 'tochuc';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = specs.map(({ header, width, style }) => ({
    header,
    width: width ?? Math.max(12, header.length + 4),
    ...(style && { style }),
  }));
  if (styled) sheet.getRow(1).font = { bold: true };
  return {
    add(values) {
      sheet.addRow([...values]).commit();
    },
    async drained() {
      const zipInput = zipInputOf(sheet);
      if (zipInput) await drainedBefore(zipInput, out);
      await drain(out);
    },
    async close() {
      sheet.commit();
      await workbook.commit();
      if (!out.writableFinished) await once(out, 'finish');
    },
  };
}
