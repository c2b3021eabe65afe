/**
 * Age and membership-length bands for the statistics of the sector's quantity-and-quality report
 * (Guidance 12-HD/BTCTW, forms of the annual statistical report). Ages move every day, so counts
 * are kept by birth month and turned into bands for the date asked (counted by whole months).
 */
export const AGE_BANDS = ['<=30', '31-40', '41-50', '51-60', '>60'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Age in whole years on `date` of someone born in `birthMonth` (`YYYY-MM`), counted by month. */
export function ageInYearsByMonth(birthMonth: string, date: string): number {
  const [by, bm] = birthMonth.split('-').map(Number) as [number, number];
  const [y, m] = date.split('-').map(Number) as [number, number];
  return Math.floor((y * 12 + m - (by * 12 + bm)) / 12);
}

export function ageBandOf(age: number): AgeBand {
  if (age <= 30) return '<=30';
  if (age <= 40) return '31-40';
  if (age <= 50) return '41-50';
  if (age <= 60) return '51-60';
  return '>60';
}

export const MEMBERSHIP_YEAR_BANDS = ['<5', '5-9', '10-19', '20-29', '30-39', '>=40'] as const;

export function membershipYearsBand(years: number): (typeof MEMBERSHIP_YEAR_BANDS)[number] {
  if (years < 5) return '<5';
  if (years < 10) return '5-9';
  if (years < 20) return '10-19';
  if (years < 30) return '20-29';
  if (years < 40) return '30-39';
  return '>=40';
}
