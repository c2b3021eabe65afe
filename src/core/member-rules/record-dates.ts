/**
 * The dates of a member's record, checked the same way by the member form and by the import: the
 * admission after the birth, the official date (recognition) not before the admission, neither
 * in the future, and the age at admission (admission.ts: 18 to 60 full years, counted by month).
 * The order follows from the Party Charter adopted by the 11th National Congress (19/01/2011, in
 * force from that day, unchanged on these points since): a member is admitted, then recognised as
 * an official member at the end of the probation that starts at the admission (Art. 5). The age
 * rule's source and period are in admission.ts (Reg 24-QĐ/TW from 30/07/2021, Reg 232-QĐ/TW from
 * 20/01/2025).
 */
import type { IsoDate } from '../dates.ts';
import { type AdmissionAgeCode, admissionAgeCheck } from './admission.ts';

export interface RecordDates {
  birthDate: IsoDate;
  admissionDate: IsoDate;
  officialDate: IsoDate | null;
}

export type RecordDateProblem =
  | { rule: 'future'; field: 'admissionDate' | 'officialDate' }
  | { rule: 'order'; field: 'admissionDate' | 'officialDate'; vi: string; en: string }
  | { rule: 'age'; field: 'admissionDate'; code: AdmissionAgeCode; vi: string; en: string };

/**
 * Every problem of the dates, in the order a form reports the first one. The age is judged on
 * `consideredOn` (the day the cell considered the admission; the admission date when unknown), and
 * only for an admission after the birth and not in the future.
 */
export function recordDateProblems(
  d: RecordDates,
  today: IsoDate,
  consideredOn: IsoDate = d.admissionDate,
): RecordDateProblem[] {
  const problems: RecordDateProblem[] = [];
  if (d.admissionDate > today) problems.push({ rule: 'future', field: 'admissionDate' });
  if (d.officialDate && d.officialDate > today) problems.push({ rule: 'future', field: 'officialDate' });
  const afterBirth = d.admissionDate > d.birthDate;
  if (!afterBirth)
    problems.push({
      rule: 'order',
      field: 'admissionDate',
      vi: 'Ngày vào Đảng phải sau ngày sinh',
      en: 'The admission date must be after the birth date',
    });
  if (d.officialDate && d.officialDate < d.admissionDate)
    problems.push({
      rule: 'order',
      field: 'officialDate',
      vi: 'Ngày chính thức không thể trước ngày vào Đảng',
      en: 'The official date cannot be before the admission date',
    });
  if (afterBirth && d.admissionDate <= today) {
    const age = admissionAgeCheck(d.birthDate, consideredOn);
    if (!age.ok)
      problems.push({ rule: 'age', field: 'admissionDate', code: age.code, vi: age.vi, en: age.en });
  }
  return problems;
}
