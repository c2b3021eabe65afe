/**
 * Annual quality rating of Party members (đánh giá, xếp loại chất lượng đảng viên).
 *
 * Source: Regulation 366-QĐ/TW (30/8/2025), which replaced Regulation 124-QĐ/TW (4/10/2023),
 * which replaced Regulation 132-QĐ/TW (8/3/2018).
 * - Four levels. From Reg 366 they follow a 100-point score: ≥ 90 excellent, 70 to < 90 good,
 *   50 to < 70 completed, < 50 not completed. The score scale applies from the 2025 rating year
 *   (the first review after Reg 366 was signed). Ratings of 2024 and earlier (Reg 124, Reg 132)
 *   had no score: the level was chosen directly against criteria, so a score has no meaning there.
 * - The score only sets the band. The higher levels also need conditions a person judges (all
 *   tasks on time, at least 30% beyond requirements for "excellent"), and some facts rate a member
 *   "not completed" whatever the score (discipline in the year, for instance). The "< 50" band
 *   for "not completed" is inferred from the other bands: that clause of Reg 366 was not read.
 * - Not rated (Reg 124, kept as the baseline since Reg 366's list was not read; Reg 24-QĐ/TW
 *   Art. 7 for exemption from Party activities): members suspended from Party activities, members
 *   exempt from Party work and activities, members admitted less than 6 months before the review.
 *   Other cases some guidance adds (long sick leave, maternity leave) are not modelled.
 */
import { formatDateVn, type IsoDate } from '../dates.ts';
import { monthsBetween } from './calendar.ts';

export const QUALITY_LEVELS = ['excellent', 'good', 'completed', 'not_completed'] as const;
export type QualityLevel = (typeof QUALITY_LEVELS)[number];

export const QUALITY_LEVEL_LABELS: Record<QualityLevel, { vi: string; en: string }> = {
  excellent: { vi: 'Hoàn thành xuất sắc nhiệm vụ', en: 'Completed tasks excellently' },
  good: { vi: 'Hoàn thành tốt nhiệm vụ', en: 'Completed tasks well' },
  completed: { vi: 'Hoàn thành nhiệm vụ', en: 'Completed tasks' },
  not_completed: { vi: 'Không hoàn thành nhiệm vụ', en: 'Did not complete tasks' },
};

/** The first rating year scored on the 100-point scale of Reg 366-QĐ/TW. */
export const SCORE_SCALE_FROM_YEAR = 2025;
export const SCORE_THRESHOLDS = { excellent: 90, good: 70, completed: 50 } as const;

export type RatingFromScoreCode = 'quality.no_score_scale' | 'quality.score_out_of_range';

export type RatingFromScoreResult =
  | { ok: true; level: QualityLevel }
  | { ok: false; code: RatingFromScoreCode; vi: string; en: string };

/** The level band a score falls in, for a rating year that uses the 100-point scale. */
export function ratingFromScore(score: number, ratingYear: number): RatingFromScoreResult {
  if (ratingYear < SCORE_SCALE_FROM_YEAR) {
    return {
      ok: false,
      code: 'quality.no_score_scale',
      vi: `Năm ${ratingYear} chưa xếp loại theo thang điểm 100 (áp dụng từ năm ${SCORE_SCALE_FROM_YEAR} theo Quy định 366-QĐ/TW): chọn trực tiếp mức xếp loại`,
      en: `Ratings for ${ratingYear} were not scored out of 100 (the scale applies from ${SCORE_SCALE_FROM_YEAR} under Regulation 366-QĐ/TW): choose the level directly`,
    };
  }
  if (!Number.isFinite(score) || score < 0 || score > 100) {
    return {
      ok: false,
      code: 'quality.score_out_of_range',
      vi: `Điểm phải từ 0 đến 100: ${score}`,
      en: `The score must be between 0 and 100: ${score}`,
    };
  }
  if (score >= SCORE_THRESHOLDS.excellent) return { ok: true, level: 'excellent' };
  if (score >= SCORE_THRESHOLDS.good) return { ok: true, level: 'good' };
  if (score >= SCORE_THRESHOLDS.completed) return { ok: true, level: 'completed' };
  return { ok: true, level: 'not_completed' };
}

export const RATING_EXEMPTION_MONTHS_SINCE_ADMISSION = 6;

export type RatingExemptionCode = 'suspended' | 'exempt_from_activities' | 'admitted_under_6_months';

export interface RatingExemption {
  code: RatingExemptionCode;
  vi: string;
  en: string;
}

export interface RatingExemptionFacts {
  /** Date of the admission ceremony; null when unknown (old members): not checked then. */
  admissionCeremonyDate: IsoDate | null;
  /** Suspended from Party activities (đình chỉ sinh hoạt đảng) at the review. */
  suspended: boolean;
  /** Since when the member is exempt from Party work and activities, if they are. */
  exemptFromActivitiesSince?: IsoDate | null;
}

/** Why a member is not rated at the review on `reviewDate`, or null when they are rated. */
export function ratingExemption(facts: RatingExemptionFacts, reviewDate: IsoDate): RatingExemption | null {
  if (facts.suspended) {
    return {
      code: 'suspended',
      vi: 'Không xếp loại: đảng viên đang bị đình chỉ sinh hoạt đảng',
      en: 'Not rated: the member is suspended from Party activities',
    };
  }
  const exemptSince = facts.exemptFromActivitiesSince;
  if (exemptSince && exemptSince <= reviewDate) {
    return {
      code: 'exempt_from_activities',
      vi: `Không xếp loại: đảng viên được miễn công tác và sinh hoạt đảng từ ${formatDateVn(exemptSince)}`,
      en: `Not rated: the member has been exempt from Party work and activities since ${formatDateVn(exemptSince)}`,
    };
  }
  const admitted = facts.admissionCeremonyDate;
  if (admitted && monthsBetween(admitted, reviewDate) < RATING_EXEMPTION_MONTHS_SINCE_ADMISSION) {
    return {
      code: 'admitted_under_6_months',
      vi: `Không xếp loại: đảng viên mới kết nạp ngày ${formatDateVn(admitted)}, chưa đủ 6 tháng`,
      en: `Not rated: admitted on ${formatDateVn(admitted)}, less than 6 months before the review`,
    };
  }
  return null;
}
