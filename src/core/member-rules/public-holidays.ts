/**
 * Public holidays (ngày nghỉ lễ, tết) that do not count as working days.
 *
 * Source: Labour Code 2019 (Law 45/2019/QH14, 20/11/2019) Art. 112 §1, in force from 2021-01-01:
 * 1/1; Tết: 5 days; Hùng Kings' Commemoration (10/3 lunar); 30/4; 1/5; 2/9 and one day
 * immediately before or after it. Years before 2021 follow Labour Code 2012 Art. 115 (from
 * 2013-05-01): the same list without the day next to 2/9. Before 2013 Tết had 4 days; that is
 * not modelled, the 5-day Tết is used.
 *
 * What the law leaves to the Prime Minister each year is fixed here by convention:
 * - Tết is the last day of the lunar year and the first 4 days of the new year;
 * - the day next to 2/9 is the one that bridges to a weekend, as decided in 2021–2025 (Thu →
 *   3/9, Fri → 1/9, Sat → 1/9, Mon → 3/9, Tue → 1/9); for Wed and Sun, where there was no recent
 *   decision to follow, 1/9 and 3/9 respectively.
 * Not modelled: the Prime Minister's yearly swaps of working days and the compensatory day when a
 * holiday falls on a weekly rest day (Labour Code 2019 Art. 111 §3). Around such days a deadline
 * counted here can differ from the official schedule by a day or two (compensatory days alone
 * would make it come out earlier, never later).
 */
import { addDays, type IsoDate } from '../dates.ts';
import { lunarNewYear, lunarToSolar } from './lunar-calendar.ts';

export const LABOUR_CODE_2019_FROM_YEAR = 2021;

export interface PublicHoliday {
  date: IsoDate;
  vi: string;
  en: string;
}

function weekday(iso: IsoDate): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return t.getUTCDay();
}

/** 0 = Sunday … 6 = Saturday → the day next to 2/9 that is also a holiday. */
const NATIONAL_DAY_SECOND_DAY: Record<number, '01' | '03'> = {
  0: '03',
  1: '03',
  2: '01',
  3: '01',
  4: '03',
  5: '01',
  6: '01',
};

const cache = new Map<number, readonly PublicHoliday[]>();

/** The public holidays of a Gregorian year, in date order. */
export function publicHolidays(year: number): readonly PublicHoliday[] {
  const cached = cache.get(year);
  if (cached) return cached;
  const y = String(year).padStart(4, '0');
  const tet = lunarNewYear(year);
  const hungKings = lunarToSolar(year, 3, 10) as IsoDate;
  const list: PublicHoliday[] = [
    { date: `${y}-01-01`, vi: 'Tết Dương lịch', en: "New Year's Day" },
    {
      date: addDays(tet, -1),
      vi: 'Tết Nguyên đán (ngày cuối năm âm lịch)',
      en: 'Tết (last day of the lunar year)',
    },
    ...[1, 2, 3, 4].map((n) => ({
      date: addDays(tet, n - 1),
      vi: `Tết Nguyên đán (mùng ${n})`,
      en: `Tết (day ${n} of the lunar year)`,
    })),
    { date: hungKings, vi: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', en: "Hùng Kings' Commemoration (10/3 lunar)" },
    { date: `${y}-04-30`, vi: 'Ngày Chiến thắng (30/4)', en: 'Reunification Day (30/4)' },
    { date: `${y}-05-01`, vi: 'Ngày Quốc tế Lao động (1/5)', en: 'International Labour Day (1/5)' },
    { date: `${y}-09-02`, vi: 'Quốc khánh (2/9)', en: 'National Day (2/9)' },
  ];
  if (year >= LABOUR_CODE_2019_FROM_YEAR) {
    const day = NATIONAL_DAY_SECOND_DAY[weekday(`${y}-09-02`)] ?? '01';
    list.push({
      date: `${y}-09-${day}`,
      vi: `Quốc khánh (ngày liền kề ${day === '01' ? 'trước' : 'sau'} 2/9)`,
      en: `National Day (the day ${day === '01' ? 'before' : 'after'} 2/9)`,
    });
  }
  list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const frozen = Object.freeze(list.map((h) => Object.freeze(h)));
  cache.set(year, frozen);
  return frozen;
}

export function publicHolidayOn(date: IsoDate): PublicHoliday | null {
  const year = Number(date.slice(0, 4));
  return publicHolidays(year).find((h) => h.date === date) ?? null;
}
