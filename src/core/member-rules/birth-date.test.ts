import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { birthDateAtPrecision, normalizeBirthDate, parsePartialDate } from './birth-date.ts';

function errorCode(fn: () => unknown): string | null {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? e.code : 'not an AppError';
  }
  return null;
}

describe('normalizeBirthDate (sector convention for partly known birth dates)', () => {
  it('puts a birth date known only by its year on 01/01 of that year', () => {
    expect(normalizeBirthDate({ year: 1965 })).toBe('1965-01-01');
  });

  it('puts a birth date known by month and year on the 1st of the month', () => {
    expect(normalizeBirthDate({ year: 1965, month: 7 })).toBe('1965-07-01');
  });

  it('keeps a full date as it is', () => {
    expect(normalizeBirthDate({ year: 2000, month: 2, day: 29 })).toBe('2000-02-29');
  });

  it('rejects a day without a month, a month out of range and a day that does not exist', () => {
    expect(errorCode(() => normalizeBirthDate({ year: 1965, day: 5 }))).toBe('birth_date.invalid');
    expect(errorCode(() => normalizeBirthDate({ year: 1965, month: 13 }))).toBe('birth_date.invalid');
    expect(errorCode(() => normalizeBirthDate({ year: 2001, month: 2, day: 29 }))).toBe('birth_date.invalid');
  });
});

describe('birthDateAtPrecision', () => {
  it('keeps only the known parts of a date: the year on 01/01, the month on its 1st, a full date as it is', () => {
    expect(birthDateAtPrecision('1975-06-15', 'year')).toBe('1975-01-01');
    expect(birthDateAtPrecision('1975-06-15', 'month')).toBe('1975-06-01');
    expect(birthDateAtPrecision('1975-06-15', 'day')).toBe('1975-06-15');
  });
});

describe('parsePartialDate', () => {
  it('reads yyyy, mm/yyyy, dd/mm/yyyy and yyyy-mm-dd', () => {
    expect(parsePartialDate('1965')).toEqual({ year: 1965 });
    expect(parsePartialDate('07/1965')).toEqual({ year: 1965, month: 7 });
    expect(parsePartialDate('7/1965')).toEqual({ year: 1965, month: 7 });
    expect(parsePartialDate('5/7/1965')).toEqual({ year: 1965, month: 7, day: 5 });
    expect(parsePartialDate(' 1965-07-05 ')).toEqual({ year: 1965, month: 7, day: 5 });
  });

  it('checks the last day of the month: 28/02 and 29/02 of a leap year, not 30/02', () => {
    expect(parsePartialDate('28/02/2024')).toEqual({ year: 2024, month: 2, day: 28 });
    expect(parsePartialDate('29/02/2024')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parsePartialDate('30/02/2024')).toBeNull();
  });

  it('returns null for other shapes and impossible months', () => {
    expect(parsePartialDate('')).toBeNull();
    expect(parsePartialDate('65')).toBeNull();
    expect(parsePartialDate('13/1965')).toBeNull();
    expect(parsePartialDate('1965-07')).toBeNull();
    expect(parsePartialDate('05.07.1965')).toBeNull();
  });
});
