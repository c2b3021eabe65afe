/**
 * Dates as they arrive in the sector's files: `dd/mm/yyyy` (the Vietnamese order, also with `-`
 * or `.`), `yyyy-mm-dd`, an Excel serial day number, or a date cell of a workbook. A value that
 * could be read two ways is refused with the reason, never guessed: a two-digit year (which
 * century?), a day/month pair that only makes sense month-first (a file typed in the US order,
 * where every other date is then in doubt), a bare four-digit number in a full-date column (a
 * year, or an Excel serial of 1902–1927?).
 */
import type { IsoDate } from './dates.ts';
import type { LocalizedMessage } from './errors.ts';

export type DatePrecision = 'day' | 'month' | 'year';

export type FileDate =
  | { ok: true; date: IsoDate; precision: DatePrecision }
  | { ok: false; message: LocalizedMessage };

/** Excel's day 0 in the 1900 date system: it counts 1900-02-29, so serials from 61 on are off by one. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
/** 9999-12-31: the largest serial Excel shows as a date. */
const MAX_SERIAL = 2_958_465;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (y < 1800 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const iso = (y: number, m: number, d: number): IsoDate => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
const ok = (date: IsoDate, precision: DatePrecision = 'day'): FileDate => ({ ok: true, date, precision });
const fail = (vi: string, en: string): FileDate => ({ ok: false, message: { vi, en } });

/** A date cell of a workbook: Excel stores a day, exceljs hands it over as midnight UTC. */
function fromJsDate(value: Date): FileDate {
  if (Number.isNaN(value.getTime())) return fail('Ngày không hợp lệ', 'Invalid date');
  return ok(iso(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate()));
}

/** Excel serial day number (1900 date system) → ISO date. */
export function excelSerialToIso(serial: number): IsoDate {
  // serials below 61 precede Excel's phantom 29/02/1900
  const d = new Date(EXCEL_EPOCH_MS + (serial < 61 ? serial + 1 : serial) * DAY_MS);
  return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function fromSerial(serial: number, allowYearOnly: boolean): FileDate {
  if (!Number.isInteger(serial)) {
    // a date with a time of day: the day is what counts
    return fromSerial(Math.floor(serial), false);
  }
  if (serial >= 1000 && serial <= 9999) {
    if (allowYearOnly && serial >= 1800) return ok(iso(serial, 1, 1), 'year');
    return fail(
      `Số ${serial} có thể là năm hoặc số ngày kiểu Excel; hãy ghi dd/mm/yyyy`,
      `${serial} could be a year or an Excel day number; write dd/mm/yyyy`,
    );
  }
  if (serial < 1 || serial > MAX_SERIAL)
    return fail(`Số ${serial} không phải ngày`, `${serial} is not a date`);
  return ok(excelSerialToIso(serial));
}

const ISO_FORM = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const DMY_FORM = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{2}|\d{4})$/;
const MY_FORM = /^(\d{1,2})[-/.](\d{4})$/;
const Y_FORM = /^(\d{4})$/;
const SERIAL_FORM = /^\d{1,7}(\.\d+)?$/;

function fromText(text: string, allowPartial: boolean): FileDate {
  const s = text.trim();
  const isoMatch = ISO_FORM.exec(s);
  if (isoMatch) {
    const [y, m, d] = [Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3])];
    return isRealDate(y, m, d) ? ok(iso(y, m, d)) : fail(`Ngày không có thật: ${s}`, `No such date: ${s}`);
  }
  const dmy = DMY_FORM.exec(s);
  if (dmy) {
    const [d, m, yearText] = [Number(dmy[1]), Number(dmy[3]), dmy[4] as string];
    if (yearText.length === 2) {
      return fail(
        `Năm viết hai chữ số (${s}): không rõ thế kỷ; hãy ghi đủ bốn chữ số`,
        `Two-digit year (${s}): the century is unclear; write all four digits`,
      );
    }
    const y = Number(yearText);
    if (isRealDate(y, m, d)) return ok(iso(y, m, d));
    if (isRealDate(y, d, m)) {
      return fail(
        `${s} chỉ đọc được theo kiểu tháng/ngày/năm; hãy ghi ngày/tháng/năm (dd/mm/yyyy)`,
        `${s} only reads month/day/year; write day/month/year (dd/mm/yyyy)`,
      );
    }
    return fail(`Ngày không có thật: ${s}`, `No such date: ${s}`);
  }
  if (allowPartial) {
    const my = MY_FORM.exec(s);
    if (my) {
      const [m, y] = [Number(my[1]), Number(my[2])];
      if (isRealDate(y, m, 1)) return ok(iso(y, m, 1), 'month');
      return fail(`Tháng không có thật: ${s}`, `No such month: ${s}`);
    }
    const year = Y_FORM.exec(s);
    if (year && isRealDate(Number(year[1]), 1, 1)) return ok(iso(Number(year[1]), 1, 1), 'year');
  }
  // a numeric date cell saved to CSV keeps its serial
  if (SERIAL_FORM.test(s)) return fromSerial(Number(s), allowPartial);
  return fail(
    `Không đọc được ngày "${s}" (dùng dd/mm/yyyy hoặc yyyy-mm-dd)`,
    `Cannot read the date "${s}" (use dd/mm/yyyy or yyyy-mm-dd)`,
  );
}

/**
 * Reads a date cell. `allowPartial` (birth dates) also accepts `mm/yyyy` and `yyyy`, a day or
 * month unknown, placed on the first day they can mean (see member-rules/birth-date.ts).
 */
export function parseFileDate(value: unknown, options: { allowPartial?: boolean } = {}): FileDate {
  const allowPartial = options.allowPartial ?? false;
  if (value instanceof Date) return fromJsDate(value);
  if (typeof value === 'number') return fromSerial(value, allowPartial);
  if (typeof value === 'string') return fromText(value, allowPartial);
  return fail('Không đọc được ngày', 'Cannot read the date');
}
