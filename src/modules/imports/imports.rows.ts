/**
 * From a file's cells to a service input, row by row, with no database: headers matched to
 * columns, legacy text converted, dates, sex and numbers read, then the same schema and date
 * rules as the forms. What needs the registry (cells, reference lists, duplicates) is checked in
 * batches by the service.
 */
import type { IsoDate } from '../../core/dates.ts';
import type { LocalizedMessage } from '../../core/errors.ts';
import { parseFileDate } from '../../core/file-dates.ts';
import type { LegacyTextConverter } from '../../core/legacy-vn-encodings.ts';
import {
  type FileColumn,
  MEMBER_FILE_COLUMNS,
  type MemberFileColumn,
  matchHeader,
} from '../../core/member-file-columns.ts';
import { recordDateProblems } from '../../core/member-rules/index.ts';
import { invalidInputError } from '../../core/validation.ts';
import { foldVn } from '../../core/vn-text.ts';
import { recordDateError } from '../members/members.errors.ts';
import { type AddMemberInput, addMemberInputSchema } from '../members/members.schemas.ts';
import { rowMessages } from './imports.errors.ts';
import type { CellValue } from './imports.readers.ts';

export interface CellError {
  column: string;
  message: LocalizedMessage;
}

export interface ColumnLayout<C extends FileColumn> {
  /** The file's header cells, as typed. */
  headers: string[];
  /** The column each position holds, if any (unknown columns are carried along untouched). */
  byIndex: (C | undefined)[];
}

const headerText = (cell: CellValue) => (cell === null ? '' : String(cell).trim());

/** Matches the header row; the required columns missing (with the converter, headers in TCVN3 read too). */
export function layoutOf<C extends FileColumn>(
  columns: readonly C[],
  cells: CellValue[],
  converter: LegacyTextConverter,
): { layout: ColumnLayout<C>; missing: C[] } {
  const headers = cells.map((c) => converter.convert(headerText(c)));
  const byIndex = headers.map((h) => matchHeader(columns, h));
  const missing = columns.filter((c) => c.required && !byIndex.includes(c));
  return { layout: { headers, byIndex }, missing };
}

/** The template's second header row (English) repeats the columns: it is skipped, not imported. */
export function isHeaderRepeat<C extends FileColumn>(layout: ColumnLayout<C>, cells: CellValue[]): boolean {
  const named = layout.byIndex.filter((c) => c !== undefined).length;
  return (
    named > 0 &&
    layout.byIndex.every((column, i) => {
      if (column === undefined) return true;
      const cell = cells[i];
      return typeof cell === 'string' && matchHeader([column], cell) === column;
    })
  );
}

export const isBlankRow = (cells: CellValue[]) =>
  cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));

/** A cell's text (legacy encodings converted, trimmed), or undefined when empty. */
export function cellText(value: CellValue | undefined, converter: LegacyTextConverter): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const text = typeof value === 'number' ? String(value) : converter.convert(value).trim();
  return text === '' ? undefined : text;
}

/** The row's cells as the file had them (for the rejected-rows workbook). */
export function rawValues(cells: CellValue[], width: number): (string | number | null)[] {
  const out: (string | number | null)[] = [];
  for (let i = 0; i < Math.max(width, cells.length); i++) {
    const c = cells[i] ?? null;
    out.push(c instanceof Date ? c.toISOString().slice(0, 10) : c);
  }
  return out;
}

const SEX: Record<string, 'male' | 'female'> = {
  nam: 'male',
  male: 'male',
  m: 'male',
  nu: 'female',
  female: 'female',
  f: 'female',
};

/** National ID: 12 digits (citizen identity card, Law on Identification 2023 Art. 12). */
const NATIONAL_ID_DIGITS = 12;

type CellRead = { value: string; precision?: 'day' | 'month' | 'year' } | { error: LocalizedMessage };

/** One cell by its column's type; undefined when empty. */
function readMemberCell(
  column: MemberFileColumn,
  value: CellValue,
  converter: LegacyTextConverter,
): CellRead | undefined {
  if (column.type === 'date' || column.type === 'partial_date') {
    if (value === null || (typeof value === 'string' && value.trim() === '')) return undefined;
    const read = parseFileDate(value, { allowPartial: column.type === 'partial_date' });
    if (!read.ok) return { error: read.message };
    return { value: read.date, precision: column.type === 'partial_date' ? read.precision : undefined };
  }
  const text = cellText(value, converter);
  if (text === undefined) return undefined;
  if (column.type === 'sex') {
    const sex = SEX[foldVn(text)];
    return sex ? { value: sex } : { error: rowMessages.sex(text) };
  }
  if (column.type === 'digits') {
    const digits = text.replace(/[\s.]/g, '');
    // a number cell drops leading zeros: say so rather than pad (the zeros could be anywhere)
    if (typeof value === 'number' && /^\d+$/.test(digits) && digits.length < NATIONAL_ID_DIGITS)
      return { error: rowMessages.lostZeros(digits, NATIONAL_ID_DIGITS) };
    return { value: digits };
  }
  return { value: text };
}

export interface MemberRowInput extends AddMemberInput {
  birthDatePrecision: 'day' | 'month' | 'year';
}

export type ParsedMemberRow = { ok: true; input: MemberRowInput } | { ok: false; errors: CellError[] };

/** Reads one member row and checks it as the member form is checked (schema, dates, age). */
export function parseMemberRow(
  layout: ColumnLayout<MemberFileColumn>,
  cells: CellValue[],
  converter: LegacyTextConverter,
  today: IsoDate,
): ParsedMemberRow {
  const errors: CellError[] = [];
  const input: Record<string, string> = {};
  const headerOf = new Map<string, string>();
  let precision: 'day' | 'month' | 'year' = 'day';
  for (const [i, column] of layout.byIndex.entries()) {
    if (!column) continue;
    const header = layout.headers[i] as string;
    headerOf.set(column.field, header);
    const read = readMemberCell(column, cells[i] ?? null, converter);
    if (read === undefined) continue;
    if ('error' in read) errors.push({ column: header, message: read.error });
    else {
      input[column.field] = read.value;
      if (read.precision) precision = read.precision;
    }
  }
  for (const column of MEMBER_FILE_COLUMNS) {
    if (
      column.required &&
      input[column.field] === undefined &&
      !errors.some((e) => e.column === headerOf.get(column.field))
    )
      errors.push({ column: headerOf.get(column.field) ?? column.vi, message: rowMessages.required() });
  }
  if (errors.length > 0) return { ok: false, errors };
  const parsed = addMemberInputSchema.safeParse(input);
  if (!parsed.success) {
    const details = invalidInputError(parsed.error.issues).details as {
      errors: { field?: string; message: LocalizedMessage }[];
    };
    return {
      ok: false,
      errors: details.errors.map((e) => ({
        column: (e.field && headerOf.get(e.field.split('.')[0] as string)) || e.field || '',
        message: e.message,
      })),
    };
  }
  const member: MemberRowInput = { ...parsed.data, birthDatePrecision: precision };
  const ruleErrors = memberDateProblems(member, today).map((p) => ({
    column: headerOf.get(p.field) ?? p.field,
    message: p.message,
  }));
  return ruleErrors.length > 0 ? { ok: false, errors: ruleErrors } : { ok: true, input: member };
}

/** The date rules of a member record, as `addMember` applies them (every problem, not the first). */
function memberDateProblems(
  m: MemberRowInput,
  today: IsoDate,
): { field: string; message: LocalizedMessage }[] {
  return recordDateProblems({ ...m, officialDate: m.officialDate ?? null }, today).map((p) => {
    const error = recordDateError(p);
    return { field: error.field ?? p.field, message: error.messages };
  });
}
