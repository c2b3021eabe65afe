import { todayVn } from '../../../src/core/dates.ts';

/** Calendar dates: the API speaks `YYYY-MM-DD`, users read and type `dd/mm/yyyy`. */

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DISPLAY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Today in Vietnam — the server's "today" — wherever the browser is. */
export function todayIso(): string {
  return todayVn();
}

export function isIsoDate(text: string): boolean {
  const match = ISO.exec(text);
  return match !== null && isRealDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** `2025-07-01` → `01/07/2025`; anything else is returned unchanged. */
export function formatDate(iso: string): string {
  const match = ISO.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}

/** Accepts `dd/mm/yyyy` (also `d/m/yyyy`, `dd.mm.yyyy`, `dd-mm-yyyy`) or `yyyy-mm-dd`; null when not a real date. */
export function parseDisplayDate(text: string): string | null {
  const value = text.trim();
  if (isIsoDate(value)) return value;
  const match = DISPLAY.exec(value);
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isRealDate(year, month, day) ? `${pad(year, 4)}-${pad(month)}-${pad(day)}` : null;
}

export function addDays(iso: string, days: number): string {
  const match = ISO.exec(iso);
  if (!match) return iso;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days));
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** A timestamp (ISO 8601 with time) shown as `dd/mm/yyyy hh:mm` in local time. */
export function formatTimestamp(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * The last day a version holds. The API gives half-open intervals [validFrom, validTo): `validTo` is
 * the first day it no longer holds, so the last day is the one before (null when open-ended or
 * when the version was superseded the same day it began).
 */
export function lastDayOf(validFrom: string, validTo: string | null): string | null {
  if (validTo === null || validTo <= validFrom) return null;
  return addDays(validTo, -1);
}

/** A date known only to the month or the year (a birth date): `07/1985` or `1985`. */
export function formatPartialDate(iso: string, precision: 'day' | 'month' | 'year'): string {
  const match = ISO.exec(iso);
  if (!match || precision === 'day') return formatDate(iso);
  return precision === 'month' ? `${match[2]}/${match[1]}` : (match[1] ?? iso);
}
