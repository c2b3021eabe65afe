/**
 * Birth dates that are only partly known (ngày sinh không đầy đủ).
 *
 * Old records often give only the year of birth, or the month and year. The sector's convention,
 * which age checks such as the admission age (Reg 232-QĐ/TW, 20/1/2025) then rely on, places such
 * a date on the earliest day it can mean: only the year → 01/01 of that year; month and year →
 * the 1st of that month. It is applied as the sector's practice: no regulation text stating it
 * was read.
 */
import type { IsoDate } from '../dates.ts';
import { validationError } from '../errors.ts';
import { lastDayOfMonth } from './calendar.ts';

export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
}

const MIN_YEAR = 1800;
const MAX_YEAR = 9999;

function isValidPartial({ year, month, day }: PartialDate): boolean {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) return false;
  if (month === undefined) return day === undefined;
  if (!Number.isInteger(month) || month < 1 || month > 12) return false;
  if (day === undefined) return true;
  return Number.isInteger(day) && day >= 1 && day <= lastDayOfMonth(year, month);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** The ISO date a partial birth date stands for: a missing day is the 1st, a missing month January. */
export function normalizeBirthDate(date: PartialDate): IsoDate {
  if (!isValidPartial(date)) {
    const shown = [date.day, date.month, date.year].filter((x) => x !== undefined).join('/');
    throw validationError(
      'birth_date.invalid',
      {
        vi: `Ngày sinh không hợp lệ: ${shown} (cần năm; tháng nếu có; ngày chỉ khi có tháng)`,
        en: `Invalid birth date: ${shown} (a year; a month if known; a day only with a month)`,
      },
      'birthDate',
    );
  }
  return `${pad(date.year, 4)}-${pad(date.month ?? 1)}-${pad(date.day ?? 1)}`;
}

export type BirthDatePrecision = 'day' | 'month' | 'year';

/** The date kept for a birth date known to `precision` only: the known parts of `iso`, placed as above. */
export function birthDateAtPrecision(iso: IsoDate, precision: BirthDatePrecision): IsoDate {
  if (precision === 'day') return iso;
  const [year, month] = iso.split('-').map(Number) as [number, number];
  return normalizeBirthDate({ year, month: precision === 'month' ? month : undefined });
}

type PartReader = (m: RegExpExecArray) => PartialDate;

const FORMATS: ReadonlyArray<readonly [RegExp, PartReader]> = [
  [/^(\d{4})$/, (m) => ({ year: Number(m[1]) })],
  [/^(\d{1,2})\/(\d{4})$/, (m) => ({ year: Number(m[2]), month: Number(m[1]) })],
  [
    /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/,
    (m) => ({ year: Number(m[3]), month: Number(m[2]), day: Number(m[1]) }),
  ],
  [/^(\d{4})-(\d{2})-(\d{2})$/, (m) => ({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) })],
];

/**
 * Reads `yyyy`, `mm/yyyy`, `dd/mm/yyyy` or `yyyy-mm-dd` into its known parts; null for anything
 * else or for a date that does not exist.
 */
export function parsePartialDate(text: string): PartialDate | null {
  const s = text.trim();
  for (const [pattern, read] of FORMATS) {
    const match = pattern.exec(s);
    if (match) {
      const parts = read(match);
      return isValidPartial(parts) ? parts : null;
    }
  }
  return null;
}
