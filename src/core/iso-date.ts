/**
 * The calendar date every input schema takes: `YYYY-MM-DD`, and a day that exists (`2021-02-30`
 * is refused, not rolled over to March). Imports zod only: the web app's forms use it too.
 */
import { z } from 'zod';

/** The code of the issue raised for a well-formed date that is not a day of the calendar. */
export const NOT_A_CALENDAR_DAY = 'not_a_calendar_day';

export function isCalendarDay(text: string): boolean {
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine(isCalendarDay, { message: NOT_A_CALENDAR_DAY })
  .meta({ description: 'Calendar date, YYYY-MM-DD', example: '2024-05-19' });
