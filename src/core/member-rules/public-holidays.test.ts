import { describe, expect, it } from 'vitest';
import { publicHolidayOn, publicHolidays } from './public-holidays.ts';

describe('public holidays (Labour Code 2019 Art. 112 §1)', () => {
  it('lists the 11 days of 2025: 1/1, Tết 28/01–01/02, Hùng Kings 07/04, 30/4, 1/5, 1/9 and 2/9', () => {
    expect(publicHolidays(2025).map((h) => h.date)).toEqual([
      '2025-01-01',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-02-01',
      '2025-04-07',
      '2025-04-30',
      '2025-05-01',
      '2025-09-01',
      '2025-09-02',
    ]);
  });

  it('takes the last day of the lunar year and mùng 1–4 as Tết 2026 (16–20/02/2026)', () => {
    expect(publicHolidayOn('2026-02-15')).toBeNull();
    expect(publicHolidayOn('2026-02-16')?.vi).toBe('Tết Nguyên đán (ngày cuối năm âm lịch)');
    expect(publicHolidayOn('2026-02-20')?.en).toBe('Tết (day 4 of the lunar year)');
    expect(publicHolidayOn('2026-02-21')).toBeNull();
  });

  it('adds the day next to 2/9 that bridges to a weekend: 3/9 in 2024 (Mon), 1/9 in 2025 (Tue)', () => {
    expect(publicHolidayOn('2024-09-03')).not.toBeNull();
    expect(publicHolidayOn('2024-09-01')).toBeNull();
    expect(publicHolidayOn('2025-09-01')).not.toBeNull();
    expect(publicHolidayOn('2025-09-03')).toBeNull();
  });

  it('has no day next to 2/9 before the 2019 Code took effect (2020)', () => {
    expect(publicHolidays(2020)).toHaveLength(10);
    expect(publicHolidayOn('2020-09-01')).toBeNull();
    expect(publicHolidayOn('2020-09-03')).toBeNull();
  });

  it('follows the 2021–2023 decisions for 2/9 on Thursday (3/9), Friday (1/9) and Saturday (1/9)', () => {
    expect(publicHolidayOn('2021-09-03')).not.toBeNull();
    expect(publicHolidayOn('2022-09-01')).not.toBeNull();
    expect(publicHolidayOn('2023-09-01')).not.toBeNull();
  });

  it('takes 1/9 when 2/9 is a Wednesday (2026), by convention', () => {
    expect(publicHolidayOn('2026-09-01')?.en).toBe('National Day (the day before 2/9)');
    expect(publicHolidayOn('2026-09-03')).toBeNull();
  });
});
