/**
 * Dates a member record cannot hold (ngày tháng không hợp lý trong hồ sơ đảng viên): what the
 * data-quality page lists for an office to check against the paper file and correct.
 *
 * Sources and the period each applies to:
 * - Admission age: Party Charter (2011) Art. 1 and Regulation 24-QĐ/TW (30/7/2021), kept by
 *   Regulation 232-QĐ/TW (20/1/2025): admitted from full 18 years, counted by month (see
 *   `admission.ts`). The date recorded is the admission ceremony, which follows the cell's
 *   consideration, so a member under 18 at the ceremony was under 18 when considered. Applied to
 *   records of every date: an older record flagged here is checked against the file, not changed.
 * - Probation: Party Charter (2011) Art. 5, 12 months from the ceremony (`probation.ts`); a member
 *   is official from its end, never before. Checked for admissions from 19/1/2011, the day the
 *   11th Congress adopted that Charter; earlier admissions are not checked.
 * - The Party was founded on 3/2/1930: nobody was admitted before.
 * - A birth before 1900 (a member over 125 years old) and any date after today are typing errors.
 * No clock: "today" is a parameter.
 */
import type { IsoDate } from '../dates.ts';
import { ADMISSION_MIN_AGE_YEARS, ageInMonthsByMonth } from './admission.ts';
import { probationEnd } from './probation.ts';

export const EARLIEST_PLAUSIBLE_BIRTH: IsoDate = '1900-01-01';
export const PARTY_FOUNDED: IsoDate = '1930-02-03';
/** Admissions from this day are held to the 12-month probation of the Party Charter (2011). */
export const PROBATION_CHECKED_FROM: IsoDate = '2011-01-19';

export const IMPOSSIBLE_DATE_RULES = [
  'birthBefore1900',
  'birthInFuture',
  'admissionBeforeFounding',
  'admissionBeforeBirth',
  'admittedUnder18',
  'admissionInFuture',
  'officialBeforeAdmission',
  'officialBeforeProbationEnd',
  'officialInFuture',
] as const;

export type ImpossibleDateRule = (typeof IMPOSSIBLE_DATE_RULES)[number];

/** The field an office opens to correct each problem. */
export const IMPOSSIBLE_DATE_FIELD: Record<
  ImpossibleDateRule,
  'birthDate' | 'admissionDate' | 'officialDate'
> = {
  birthBefore1900: 'birthDate',
  birthInFuture: 'birthDate',
  admissionBeforeFounding: 'admissionDate',
  admissionBeforeBirth: 'admissionDate',
  admittedUnder18: 'birthDate',
  admissionInFuture: 'admissionDate',
  officialBeforeAdmission: 'officialDate',
  officialBeforeProbationEnd: 'officialDate',
  officialInFuture: 'officialDate',
};

export interface MemberRecordDates {
  birthDate: IsoDate;
  admissionDate: IsoDate;
  officialDate: IsoDate | null;
}

/** Every rule the record breaks on `today`, in the order of IMPOSSIBLE_DATE_RULES. */
export function impossibleDates(m: MemberRecordDates, today: IsoDate): ImpossibleDateRule[] {
  const official = m.officialDate;
  const broken: Record<ImpossibleDateRule, boolean> = {
    birthBefore1900: m.birthDate < EARLIEST_PLAUSIBLE_BIRTH,
    birthInFuture: m.birthDate > today,
    admissionBeforeFounding: m.admissionDate < PARTY_FOUNDED,
    admissionBeforeBirth: m.admissionDate <= m.birthDate,
    admittedUnder18: ageInMonthsByMonth(m.birthDate, m.admissionDate) < ADMISSION_MIN_AGE_YEARS * 12,
    admissionInFuture: m.admissionDate > today,
    officialBeforeAdmission: official !== null && official < m.admissionDate,
    officialBeforeProbationEnd:
      official !== null &&
      m.admissionDate >= PROBATION_CHECKED_FROM &&
      official >= m.admissionDate &&
      official < probationEnd(m.admissionDate),
    officialInFuture: official !== null && official > today,
  };
  return IMPOSSIBLE_DATE_RULES.filter((rule) => broken[rule]);
}
