/**
 * Probation and recognition as an official member (thời kỳ dự bị, công nhận đảng viên chính thức).
 *
 * Source: Party Charter (2011) Art. 5; Regulation 232-QĐ/TW (20/1/2025) §4, same as Regulation
 * 24-QĐ/TW (30/7/2021) §4. Applies from 2021-07-30 (Reg 24), unchanged by Reg 232.
 * - The admission ceremony is held within 30 working days of receiving the admission decision;
 *   later needs the upper committee's permission.
 * - Probation lasts 12 months from the ceremony.
 * - Within 30 working days after the 12 months end, the cell reviews and proposes recognition
 *   (or removal from the list).
 * - A member who qualifies is official as of the end of the 12 months, however late the meeting
 *   or the approval.
 */
import type { IsoDate } from '../dates.ts';
import { addMonths, addWorkingDays, daysBetween } from './calendar.ts';

export const PROBATION_MONTHS = 12;
export const CEREMONY_WORKING_DAYS = 30;
export const RECOGNITION_REVIEW_WORKING_DAYS = 30;
/** How far ahead "due soon" looks: calendar days before the end of probation. */
export const RECOGNITION_DUE_SOON_DAYS = 30;

/** The date the probation ends, which is also the date the member is official from. */
export function probationEnd(ceremonyDate: IsoDate): IsoDate {
  return addMonths(ceremonyDate, PROBATION_MONTHS);
}

/** Last day for the cell to review the member for recognition. */
export function recognitionReviewDeadline(ceremonyDate: IsoDate): IsoDate {
  return addWorkingDays(probationEnd(ceremonyDate), RECOGNITION_REVIEW_WORKING_DAYS);
}

/**
 * Last day for the admission ceremony. The regulation counts from the day the cell receives the
 * decision: pass that date when it is recorded, the decision's date otherwise.
 */
export function ceremonyDeadline(decisionDate: IsoDate): IsoDate {
  return addWorkingDays(decisionDate, CEREMONY_WORKING_DAYS);
}

export type RecognitionStatus = 'in_probation' | 'due_soon' | 'awaiting_review' | 'overdue';

/**
 * - `in_probation`: probation ends more than 30 days after `today`;
 * - `due_soon`: it ends within the next 30 days (the 30th day included);
 * - `awaiting_review`: it has ended and the review deadline has not passed (deadline day included);
 * - `overdue`: the review deadline has passed.
 */
export function recognitionStatus(ceremonyDate: IsoDate, today: IsoDate): RecognitionStatus {
  const end = probationEnd(ceremonyDate);
  if (today < end) {
    return daysBetween(today, end) <= RECOGNITION_DUE_SOON_DAYS ? 'due_soon' : 'in_probation';
  }
  return today <= recognitionReviewDeadline(ceremonyDate) ? 'awaiting_review' : 'overdue';
}

export const RECOGNITION_STATUS_LABELS: Record<RecognitionStatus, { vi: string; en: string }> = {
  in_probation: { vi: 'Đang trong thời kỳ dự bị', en: 'On probation' },
  due_soon: { vi: 'Sắp hết thời kỳ dự bị (trong 30 ngày)', en: 'Probation ends within 30 days' },
  awaiting_review: {
    vi: 'Đã hết thời kỳ dự bị, chờ chi bộ xét công nhận chính thức',
    en: 'Probation ended, awaiting the cell’s recognition review',
  },
  overdue: {
    vi: 'Quá hạn 30 ngày làm việc xét công nhận đảng viên chính thức',
    en: 'Past the 30-working-day deadline for the recognition review',
  },
};
