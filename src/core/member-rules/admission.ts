/**
 * Admission conditions that can be checked from dates (kết nạp đảng viên).
 *
 * Source: Party Charter (2011) Art. 1 and 4; Regulation 232-QĐ/TW (20/1/2025, in force on
 * signing), which keeps on these points what Regulation 24-QĐ/TW (30/7/2021) said; HD 01-HD/TW
 * (28/9/2021). Applies to applications considered from 2021-07-30 onward (Reg 24, then Reg 232).
 * - Age: from full 18 to full 60 years, counted by month, at the date the cell meets to consider
 *   the admission. Over 60 is possible only as an exception: the Party committee directly under
 *   the Central Committee decides, with its standing committee's written consent. So it is
 *   returned as a flagged exception, never as a pass.
 * - The Party-awareness class certificate (giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng)
 *   is valid for 5 years.
 * - An introducer (người giới thiệu) is an official member who has worked, studied or lived with
 *   the applicant for at least 12 months.
 * "Counted by month" (tính theo tháng) means the day of birth does not matter: someone born in
 * March 2007 is 18 for the whole of March 2025. "Full 60" is read as: 60 years and 0 months is
 * still within the range, 60 years and 1 month is over 60.
 */
import { formatDateVn, type IsoDate } from '../dates.ts';
import { addYears, monthsBetween } from './calendar.ts';

export const ADMISSION_MIN_AGE_YEARS = 18;
export const ADMISSION_MAX_AGE_YEARS = 60;
export const PARTY_AWARENESS_CERT_VALID_YEARS = 5;
export const INTRODUCER_MIN_MONTHS_KNOWN = 12;

export type AdmissionAgeCode = 'admission.too_young' | 'admission.over_60';

export type AdmissionAgeResult =
  | { ok: true }
  | { ok: false; code: AdmissionAgeCode; months: number; vi: string; en: string };

function ageVi(months: number): string {
  const rest = months % 12;
  return `${Math.floor(months / 12)} tuổi${rest ? ` ${rest} tháng` : ''}`;
}

function ageEn(months: number): string {
  const years = Math.floor(months / 12);
  const rest = months % 12;
  return `${years} years${rest ? ` ${rest} month${rest === 1 ? '' : 's'}` : ''}`;
}

/** Age in months counted by calendar month: the day of the month is not taken into account. */
export function ageInMonthsByMonth(birthDate: IsoDate, onDate: IsoDate): number {
  const [by, bm] = birthDate.split('-').map(Number) as [number, number];
  const [y, m] = onDate.split('-').map(Number) as [number, number];
  return y * 12 + m - (by * 12 + bm);
}

/** Age at the date the cell considers the application, against the 18–60 range. */
export function admissionAgeCheck(birthDate: IsoDate, considerationDate: IsoDate): AdmissionAgeResult {
  const months = ageInMonthsByMonth(birthDate, considerationDate);
  const on = formatDateVn(considerationDate);
  if (months < ADMISSION_MIN_AGE_YEARS * 12) {
    return {
      ok: false,
      code: 'admission.too_young',
      months,
      vi: `Chưa đủ 18 tuổi (tính theo tháng) tại ngày chi bộ xét kết nạp ${on}: ${ageVi(Math.max(months, 0))}`,
      en: `Under 18 (counted by month) on ${on}, the date the cell considers the admission: ${ageEn(Math.max(months, 0))}`,
    };
  }
  if (months > ADMISSION_MAX_AGE_YEARS * 12) {
    return {
      ok: false,
      code: 'admission.over_60',
      months,
      vi:
        `Trên 60 tuổi (tính theo tháng) tại ngày chi bộ xét kết nạp ${on}: ${ageVi(months)}. ` +
        'Chỉ được kết nạp trong trường hợp đặc biệt, do cấp ủy trực thuộc Trung ương xem xét, quyết định ' +
        'khi có ý kiến đồng ý bằng văn bản của ban thường vụ tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương.',
      en:
        `Over 60 (counted by month) on ${on}, the date the cell considers the admission: ${ageEn(months)}. ` +
        'Admission is possible only as an exception, decided by the Party committee directly under the ' +
        'Central Committee with the written consent of its standing committee (provincial level).',
    };
  }
  return { ok: true };
}

/** The last day the certificate is valid: 5 years on, that day included (Civil Code 2015 Art. 148). */
export function awarenessCertificateExpiry(certDate: IsoDate): IsoDate {
  return addYears(certDate, PARTY_AWARENESS_CERT_VALID_YEARS);
}

export function awarenessCertificateValid(certDate: IsoDate, onDate: IsoDate): boolean {
  return onDate >= certDate && onDate <= awarenessCertificateExpiry(certDate);
}

export type IntroducerCode = 'introducer.not_official' | 'introducer.known_too_short';

export type IntroducerResult = { ok: true } | { ok: false; code: IntroducerCode; vi: string; en: string };

export interface IntroducerFacts {
  /** The date the introducer became an official member; null while on probation or unknown. */
  introducerOfficialSince: IsoDate | null;
  /** Since when the introducer has worked, studied or lived with the applicant. */
  knownSince: IsoDate;
}

export function introducerEligible(facts: IntroducerFacts, onDate: IsoDate): IntroducerResult {
  const on = formatDateVn(onDate);
  if (facts.introducerOfficialSince === null || facts.introducerOfficialSince > onDate) {
    return {
      ok: false,
      code: 'introducer.not_official',
      vi: `Người giới thiệu chưa là đảng viên chính thức tại ngày ${on}`,
      en: `The introducer is not an official Party member on ${on}`,
    };
  }
  const months = monthsBetween(facts.knownSince, onDate);
  if (months < INTRODUCER_MIN_MONTHS_KNOWN) {
    const shown = Math.max(months, 0);
    return {
      ok: false,
      code: 'introducer.known_too_short',
      vi: `Người giới thiệu mới cùng công tác, học tập hoặc cư trú với người vào Đảng ${shown} tháng (cần ít nhất 12 tháng)`,
      en: `The introducer has worked, studied or lived with the applicant for ${shown} months (at least 12 required)`,
    };
  }
  return { ok: true };
}
