import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { lunarNewYear, lunarToSolar, solarToLunar } from './lunar-calendar.ts';

// Mùng 1 Tết, 2000–2050, as printed in Vietnamese calendars (UTC+7).
const TET_2000_2050 = (
  '02-05 01-24 02-12 02-01 01-22 02-09 01-29 02-17 02-07 01-26 02-14 02-03 01-23 02-10 01-31 02-19 ' +
  '02-08 01-28 02-16 02-05 01-25 02-12 02-01 01-22 02-10 01-29 02-17 02-06 01-26 02-13 02-02 01-23 ' +
  '02-11 01-31 02-19 02-08 01-28 02-15 02-04 01-24 02-12 02-01 01-22 02-10 01-30 02-17 02-06 01-26 ' +
  '02-14 02-02 01-23'
).split(' ');

describe('Vietnamese lunar calendar (UTC+7, Decision 121-CP of 1967)', () => {
  it('puts Tết 2024, 2025 and 2026 on 10/02/2024, 29/01/2025 and 17/02/2026', () => {
    expect(lunarNewYear(2024)).toBe('2024-02-10');
    expect(lunarNewYear(2025)).toBe('2025-01-29');
    expect(lunarNewYear(2026)).toBe('2026-02-17');
  });

  it('matches the published Tết dates for every year 2000–2050', () => {
    const computed = TET_2000_2050.map((_, i) => lunarNewYear(2000 + i).slice(5));
    expect(computed).toEqual(TET_2000_2050);
  });

  it('uses UTC+7, not China’s UTC+8, where the two differ (Tết 1985 and 2007)', () => {
    expect(lunarNewYear(1985)).toBe('1985-01-21');
    expect(lunarNewYear(2007)).toBe('2007-02-17');
  });

  it('puts Hùng Kings’ day (10/3 lunar) of 2025 on 07/04/2025 and of 2026 on 26/04/2026', () => {
    expect(lunarToSolar(2025, 3, 10)).toBe('2025-04-07');
    expect(lunarToSolar(2026, 3, 10)).toBe('2026-04-26');
  });

  it('places leap months: 2nd in 2023, 6th in 2025, 11th in 2033', () => {
    expect(lunarToSolar(2023, 2, 1, true)).toBe('2023-03-22');
    expect(lunarToSolar(2025, 6, 1, true)).toBe('2025-07-25');
    expect(lunarToSolar(2033, 11, 1, true)).toBe('2033-12-22');
    expect(solarToLunar('2025-07-25')).toEqual({ year: 2025, month: 6, day: 1, leap: true });
  });

  it('takes the regular 3rd month, not the leap one, for 10/3 in a year with a leap 3rd month (2031)', () => {
    expect(lunarToSolar(2031, 3, 10)).toBe('2031-04-01');
    expect(lunarToSolar(2031, 3, 10, true)).not.toBe('2031-04-01');
  });

  it('converts the day before, the day of and the day after Tết 2025', () => {
    expect(solarToLunar('2025-01-28')).toEqual({ year: 2024, month: 12, day: 29, leap: false });
    expect(solarToLunar('2025-01-29')).toEqual({ year: 2025, month: 1, day: 1, leap: false });
    expect(solarToLunar('2025-01-30')).toEqual({ year: 2025, month: 1, day: 2, leap: false });
  });

  it('returns null for a lunar date that does not exist', () => {
    expect(lunarToSolar(2024, 12, 30)).toBeNull(); // the 12th month of Giáp Thìn has 29 days
    expect(lunarToSolar(2024, 5, 1, true)).toBeNull(); // 2024 has no leap month
    expect(lunarToSolar(2025, 13, 1)).toBeNull();
  });

  it('rejects a Gregorian date that does not exist', () => {
    expect(() => solarToLunar('2025-02-29')).toThrow(AppError);
    expect(() => solarToLunar('29/01/2025')).toThrow(AppError);
  });

  it('round-trips every day of 2000–2050 through the lunar calendar', () => {
    let failures = 0;
    for (let t = Date.UTC(2000, 0, 1); t < Date.UTC(2051, 0, 1); t += 86_400_000) {
      const iso = new Date(t).toISOString().slice(0, 10);
      const l = solarToLunar(iso);
      if (lunarToSolar(l.year, l.month, l.day, l.leap) !== iso) failures++;
    }
    expect(failures).toBe(0);
  });
});
