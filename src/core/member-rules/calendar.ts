/**
 * Counting months, years and working days between ISO dates, as the member rules need.
 *
 * - Months and years are calendar months, counted like the Charter's "tính theo tháng" and like
 *   Civil Code 2015 Art. 147–148 count a period: from a date, n months later is the same day
 *   number n months on, or the month's last day when that day does not exist (31/01 + 1 month →
 *   28/02 or 29/02).
 * - Working days (ngày làm việc) are Monday to Friday except the public holidays of Labour Code
 *   2019 Art. 112 (see `public-holidays.ts` for what is and is not modelled). The day counted
 *   from is not itself counted (Civil Code 2015 Art. 147).
 */
import { addDays, type IsoDate } from '../dates.ts';
import { validationError } from '../errors.ts';
import { publicHolidayOn } from './public-holidays.ts';

export type { PublicHoliday } from './public-holidays.ts';
export { publicHolidayOn, publicHolidays } from './public-holidays.ts';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

interface DateParts {
  y: number;
  m: number;
  d: number;
}

export function lastDayOfMonth(year: number, month: number): number {
  const t = new Date(0);
  t.setUTCFullYear(year, month, 0);
  return t.getUTCDate();
}

/** Splits a `YYYY-MM-DD` date; a malformed or impossible date is a validation error. */
export function dateParts(date: IsoDate): DateParts {
  const match = ISO.exec(date);
  const parts = match ? { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) } : null;
  if (!parts || parts.m < 1 || parts.m > 12 || parts.d < 1 || parts.d > lastDayOfMonth(parts.y, parts.m)) {
    throw validationError('date.invalid', {
      vi: `Ngày không hợp lệ: "${date}" (dùng yyyy-mm-dd)`,
      en: `Invalid date: "${date}" (use yyyy-mm-dd)`,
    });
  }
  return parts;
}

function isoOf(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** `n` calendar months after `date` (before it when negative), clamped to the month's last day. */
export function addMonths(date: IsoDate, n: number): IsoDate {
  const { y, m, d } = dateParts(date);
  const index = y * 12 + (m - 1) + n;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return isoOf(year, month, Math.min(d, lastDayOfMonth(year, month)));
}

export function addYears(date: IsoDate, n: number): IsoDate {
  return addMonths(date, 12 * n);
}

/**
 * Whole months completed from `from` to `to`: the largest n with `addMonths(from, n) <= to`.
 * 15/03/2007 → 14/03/2025 is 215 months, → 15/03/2025 is 216. Negative when `to` is earlier.
 */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  if (to < from) return -monthsBetween(to, from);
  const a = dateParts(from);
  const b = dateParts(to);
  const n = b.y * 12 + b.m - (a.y * 12 + a.m);
  return addMonths(from, n) > to ? n - 1 : n;
}

/** Whole years completed from `from` to `to` (an age, a Party age). */
export function yearsBetween(from: IsoDate, to: IsoDate): number {
  return Math.trunc(monthsBetween(from, to) / 12);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const a = dateParts(from);
  const b = dateParts(to);
  const ta = new Date(0);
  ta.setUTCFullYear(a.y, a.m - 1, a.d);
  const tb = new Date(0);
  tb.setUTCFullYear(b.y, b.m - 1, b.d);
  return Math.round((tb.getTime() - ta.getTime()) / 86_400_000);
}

/** Monday–Friday and not a public holiday. */
export function isWorkingDay(date: IsoDate): boolean {
  const { y, m, d } = dateParts(date);
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  const weekday = t.getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return publicHolidayOn(date) === null;
}

/**
 * The n-th working day after `date` (before it when n is negative); `date` itself is not counted,
 * so `addWorkingDays(friday, 1)` is the next Monday and `addWorkingDays(date, 0)` is `date`.
 * "Within 30 working days of X" ends on `addWorkingDays(X, 30)`, inclusive.
 */
export function addWorkingDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) {
    throw validationError('working_days.invalid', {
      vi: `Số ngày làm việc phải là số nguyên: ${n}`,
      en: `The number of working days must be an integer: ${n}`,
    });
  }
  const step = n < 0 ? -1 : 1;
  dateParts(date);
  let current = date;
  for (let left = Math.abs(n); left > 0; ) {
    current = addDays(current, step);
    if (isWorkingDay(current)) left--;
  }
  return current;
}
