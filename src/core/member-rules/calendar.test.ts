import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import {
  addMonths,
  addWorkingDays,
  addYears,
  daysBetween,
  isWorkingDay,
  monthsBetween,
  yearsBetween,
} from './calendar.ts';

function errorCode(fn: () => unknown): string | null {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? e.code : 'not an AppError';
  }
  return null;
}

describe('addMonths (Civil Code 2015 Art. 147–148: a month on is the same day number)', () => {
  it('moves by calendar months', () => {
    expect(addMonths('2024-03-15', 12)).toBe('2025-03-15');
    expect(addMonths('2024-11-30', 3)).toBe('2025-02-28');
    expect(addMonths('2025-03-15', -3)).toBe('2024-12-15');
  });

  it('clamps to the last day of a shorter month: 31/01 + 1 month is 28/02 or 29/02', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('rejects a date that does not exist or is not ISO, with a stable code', () => {
    expect(errorCode(() => addMonths('2025-02-30', 1))).toBe('date.invalid');
    expect(errorCode(() => addMonths('15/03/2025', 1))).toBe('date.invalid');
  });
});

describe('monthsBetween / yearsBetween (whole months completed, "tính theo tháng")', () => {
  it('counts a month as completed on the same day number: the day before, the day of, the day after', () => {
    expect(monthsBetween('2007-03-15', '2025-03-14')).toBe(215);
    expect(monthsBetween('2007-03-15', '2025-03-15')).toBe(216);
    expect(monthsBetween('2007-03-15', '2025-03-16')).toBe(216);
  });

  it('completes a month from the 31st on the last day of a shorter month', () => {
    expect(monthsBetween('2025-01-31', '2025-02-27')).toBe(0);
    expect(monthsBetween('2025-01-31', '2025-02-28')).toBe(1);
  });

  it('is negative when the end is earlier, and zero on the same day', () => {
    expect(monthsBetween('2025-03-15', '2025-03-15')).toBe(0);
    expect(monthsBetween('2025-03-15', '2024-03-15')).toBe(-12);
  });

  it('counts whole years on the anniversary, not the day before', () => {
    expect(yearsBetween('1995-11-07', '2025-11-06')).toBe(29);
    expect(yearsBetween('1995-11-07', '2025-11-07')).toBe(30);
    expect(yearsBetween('1995-11-07', '2025-11-08')).toBe(30);
  });

  it('counts calendar days', () => {
    expect(daysBetween('2025-02-28', '2025-03-01')).toBe(1);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-03-01', '2025-02-28')).toBe(-1);
  });
});

describe('isWorkingDay', () => {
  it('is Monday to Friday', () => {
    expect(isWorkingDay('2025-03-14')).toBe(true); // Friday
    expect(isWorkingDay('2025-03-15')).toBe(false); // Saturday
    expect(isWorkingDay('2025-03-16')).toBe(false); // Sunday
    expect(isWorkingDay('2025-03-17')).toBe(true); // Monday
  });

  it('excludes Hùng Kings’ day 2025 (Monday 07/04) but not the days around it', () => {
    expect(isWorkingDay('2025-04-04')).toBe(true);
    expect(isWorkingDay('2025-04-07')).toBe(false);
    expect(isWorkingDay('2025-04-08')).toBe(true);
  });

  it('excludes Tết 2025: 27/01 works, 28/01 does not, 31/01 does not, 03/02 works', () => {
    expect(isWorkingDay('2025-01-27')).toBe(true);
    expect(isWorkingDay('2025-01-28')).toBe(false);
    expect(isWorkingDay('2025-01-31')).toBe(false);
    expect(isWorkingDay('2025-02-03')).toBe(true);
  });
});

describe('addWorkingDays (the start day is not counted)', () => {
  it('goes from Friday to Monday, and 0 days is the same day', () => {
    expect(addWorkingDays('2025-03-14', 1)).toBe('2025-03-17');
    expect(addWorkingDays('2025-03-15', 0)).toBe('2025-03-15');
    expect(addWorkingDays('2025-03-17', -1)).toBe('2025-03-14');
  });

  it('skips Hùng Kings’ day: 30 working days from Saturday 15/03/2025 end on 28/04/2025', () => {
    expect(addWorkingDays('2025-03-15', 30)).toBe('2025-04-28');
  });

  it('skips Tết: 30 working days from Monday 20/01/2025 end on 07/03/2025', () => {
    expect(addWorkingDays('2025-01-20', 30)).toBe('2025-03-07');
  });

  it('skips the National Day holidays: 30 working days from 25/08/2025 end on 08/10/2025', () => {
    expect(addWorkingDays('2025-08-25', 30)).toBe('2025-10-08');
  });

  it('rejects a fractional count', () => {
    expect(errorCode(() => addWorkingDays('2025-03-14', 1.5))).toBe('working_days.invalid');
  });
});
